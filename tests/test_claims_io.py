"""claims.jsonl: round trip, bad lines, atomic and deterministic writes."""

from __future__ import annotations

import json
import logging
import stat

import pytest
from factories import make_claim

from kg.claims_io import CLAIMS_FILE, atomic_write_text, iter_claims, read_claims, write_claims
from kg.errors import ClaimsFileError
from kg.records import Speaker


def test_round_trip_keeps_every_field(tmp_path):
    claim = make_claim(
        text="Community is — ünïcode", end=22, negated=True,
        speaker=Speaker("@rhappe", "Rachel Happe", "handle", ("@rhappe", "Rachel")),
    )
    write_claims([claim], tmp_path)
    assert read_claims(tmp_path) == [claim]
    assert read_claims(tmp_path / CLAIMS_FILE)[0].speaker.aliases == ("@rhappe", "Rachel")


def test_line_is_exactly_to_dict_and_not_ascii_escaped(tmp_path):
    claim = make_claim(text="naïve — yes", end=11)
    file = write_claims([claim], tmp_path / "out.jsonl")
    raw = file.read_text(encoding="utf-8")
    assert "naïve — yes" in raw
    assert raw.count("\n") == 1
    assert json.loads(raw) == claim.to_dict()


def test_write_sorts_by_source_start_id(tmp_path):
    claims = [
        make_claim(source="b", start=0, id="c-1"),
        make_claim(source="a", start=50, id="c-2"),
        make_claim(source="a", start=5, id="c-9"),
        make_claim(source="a", start=5, id="c-3"),
    ]
    write_claims(claims, tmp_path)
    assert [c.id for c in read_claims(tmp_path)] == ["c-3", "c-9", "c-2", "c-1"]


def test_corrupt_lines_are_skipped_with_line_numbers(tmp_path, caplog):
    good = make_claim()
    file = tmp_path / CLAIMS_FILE
    lines = [
        json.dumps(good.to_dict()),
        '{"id": "c-broken", ',                       # truncated JSON
        "",                                          # blank lines are fine
        json.dumps({"id": "c-x"}),                   # wrong shape
        "[1, 2]",                                    # not an object
        json.dumps(make_claim(start=20, id="c-2").to_dict()),
    ]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg.claims_io"):
        claims = read_claims(file)
    assert [c.id for c in claims] == [good.id, "c-2"]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3
    assert messages[0].startswith(f"{file}:2: not JSON (")
    assert "at column 19" in messages[0]
    assert messages[1] == f"{file}:4: not a claim: missing field 'speaker'"
    assert messages[2] == f"{file}:5: expected a JSON object, got list"


def test_missing_file_raises_one_line_error(tmp_path):
    with pytest.raises(ClaimsFileError) as info:
        read_claims(tmp_path / "nope")
    assert str(info.value).startswith(str(tmp_path / "nope"))
    assert "\n" not in str(info.value)


def test_iter_claims_is_lazy_until_consumed(tmp_path):
    it = iter_claims(tmp_path / "missing.jsonl")  # generator: nothing raised yet
    with pytest.raises(ClaimsFileError):
        next(it)


def test_atomic_write_leaves_no_temp_file(tmp_path):
    write_claims([make_claim()], tmp_path)
    write_claims([make_claim(), make_claim(start=3)], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [CLAIMS_FILE]
    assert len(read_claims(tmp_path)) == 2


def test_failed_write_keeps_old_file_and_removes_temp(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        atomic_write_text(target, 42)  # type: ignore[arg-type]  # write() fails midway
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_atomic_write_keeps_crlf(tmp_path):
    target = tmp_path / "t.txt"
    atomic_write_text(target, "a\r\nb")
    assert target.read_bytes() == b"a\r\nb"


def test_atomic_write_file_modes(tmp_path):
    new = tmp_path / "new.txt"
    atomic_write_text(new, "x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    new.chmod(0o600)
    atomic_write_text(new, "y")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
