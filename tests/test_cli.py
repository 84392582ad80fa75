"""kg extract / kg eval through typer's CliRunner."""

from __future__ import annotations

import json

import fakes
import pytest
from factories import make_claim
from typer.testing import CliRunner

from kg.claims_io import write_claims
from kg.cli import app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("A community is a group.\n", "utf-8")
    (folder / "b.txt").write_text("Communities are networks. Teams are not.\n", "utf-8")
    return folder


def test_extract_prints_summary_and_exit_0(runner, monkeypatch, corpus, tmp_path):
    fakes.install(monkeypatch)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 files, 2 claims (2 extracted, 0 reused, 0 failed)")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""
    assert (out / "claims.jsonl").is_file() and (out / "manifest.json").is_file()
    again = runner.invoke(app, ["extract", str(corpus), "--out", str(out)])
    assert "(0 extracted, 2 reused, 0 failed)" in again.stdout
    forced = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--force", "-j", "2"])
    assert "(2 extracted, 0 reused, 0 failed)" in forced.stdout


def test_extract_quiet_prints_nothing(runner, monkeypatch, corpus, tmp_path):
    fakes.install(monkeypatch)
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "o"), "-q"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_extract_missing_path_exit_1_one_line(runner, monkeypatch, tmp_path):
    fakes.install(monkeypatch)
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{missing}: ")
    assert lines[1] == "kg extract: no input could be read; nothing written"
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_extract_broken_file_among_good_ones(runner, monkeypatch, corpus, tmp_path):
    fakes.install(monkeypatch)
    (corpus / "broken.txt").write_bytes(b"\x00\xff\x00binary" * 20)
    (corpus / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "2 files, 2 claims (2 extracted, 0 reused, 2 failed)" in result.stdout
    problems = result.stderr.splitlines()
    assert sorted(p.split(":")[0] for p in problems) == [
        str(corpus / "broken.txt"), str(corpus / "empty.txt")]


def test_extract_bad_concepts_file_one_line(runner, monkeypatch, corpus, tmp_path):
    fakes.install(monkeypatch)
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle {", "utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "o"),
                                 "--concepts", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: {bad}: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["extract"], ["extract", "x", "--jobs", "0", "--out", "o"],
                                  ["extract", "x"], ["eval", "only-one"]])
def test_usage_errors_exit_2(runner, args):
    assert runner.invoke(app, args).exit_code == 2


def _gold_dir(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [
        {"source": "s1", "speaker": "@rhappe", "subject": "community", "evidence": "x",
         "start": 0, "end": 40, "type": "definition", "negated": False},
        {"source": "s1", "speaker": "author", "subject": "community", "evidence": "y",
         "start": 50, "end": 90, "type": "definition", "negated": True},
        {"source": "s1", "speaker": "@rhappe", "subject": "team", "evidence": "z",
         "start": 100, "end": 140, "type": "definition", "negated": False},
        {"source": "s1", "speaker": "@rhappe", "subject": "community", "evidence": "w",
         "start": 200, "end": 240, "type": "definition", "negated": False},
    ]
    (gold / "s1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    (gold / "README.md").write_text("# gold\n", "utf-8")
    return gold


def _claims_dir(tmp_path):
    from kg.records import Speaker

    out = tmp_path / "run"
    write_claims([
        make_claim(start=5, end=30, id="c-1"),
        make_claim(start=60, end=95, id="c-2",
                   speaker=Speaker("author:s1", "Barb", "author")),
        make_claim(start=100, end=140, id="c-3", text="community is not a team here"),
        make_claim(source="elsewhere", id="c-9"),
    ], out)
    return out


def test_eval_prints_figures(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(_gold_dir(tmp_path)), str(_claims_dir(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "precision    0.667  (2/3 predicted)"
    assert lines[1] == "recall       0.500  (2/4 gold)"
    assert lines[2] == "F1           0.571"
    assert lines[3] == "attribution  1.000  (2/2 matched)"
    assert lines[4] == "negation     0.500  (1/2 matched)"
    assert lines[5] == "type         1.000  (2/2 matched)"
    assert lines[8].split() == ["s1", "4", "3", "2", "1", "2", "0.667", "0.500", "0.571"]
    assert "ignored 1 predicted claims of sources without gold: elsewhere" in result.stdout
    assert "false positives" not in result.stdout


def test_eval_verbose_lists_errors_with_evidence(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(_gold_dir(tmp_path)), str(_claims_dir(tmp_path)),
                                 "--verbose"])
    assert result.exit_code == 0
    out = result.stdout
    assert "false positives (1):" in out
    assert '  s1 [100:140] community (@rhappe, c-3): "community is not a team here"' in out
    assert "false negatives (2):" in out
    assert '  s1 [200:240] community (@rhappe): "w"' in out
    assert "negated gold True / predicted False" in out


def test_eval_json(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(_gold_dir(tmp_path)), str(_claims_dir(tmp_path)),
                                 "--json"])
    data = json.loads(result.stdout)
    assert (data["tp"], data["fp"], data["fn"]) == (2, 1, 2)
    assert data["precision"] == pytest.approx(2 / 3) and data["recall"] == 0.5
    assert data["ignored_sources"] == ["elsewhere"]


def test_eval_missing_claims_one_line_exit_1(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(_gold_dir(tmp_path)), str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: {tmp_path / 'none'}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_eval_missing_gold_one_line_exit_1(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "nogold"), str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"kg: {tmp_path / 'nogold'}: no such gold file or folder\n"


def test_eval_reads_a_gold_subject_written_as_any_label_of_its_concept(runner, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [{"source": "s1", "speaker": "@rhappe", "subject": subject, "evidence": "x",
             "start": start, "end": start + 10}
            for subject, start in (("Community Members", 0), ("#teams", 20), ("people", 40))]
    (gold / "s1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    out = tmp_path / "run"
    write_claims([make_claim(start=0, end=10, subject="member"),
                  make_claim(start=20, end=30, subject="team"),
                  make_claim(start=40, end=50, subject="person")], out)
    result = runner.invoke(app, ["eval", str(gold), str(out), "--json"])
    data = json.loads(result.stdout)
    assert (data["tp"], data["fp"], data["fn"]) == (2, 1, 1)


def test_eval_with_a_missing_vocabulary_one_line_exit_1(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(_gold_dir(tmp_path)), str(_claims_dir(tmp_path)),
                                 "--concepts", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: ") and str(tmp_path / "none.ttl") in result.stderr
    assert result.stderr.count("\n") == 1
