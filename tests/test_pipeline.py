"""run_extract: outputs, incremental re-runs, --force, --jobs, bad input."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys
from datetime import datetime
from pathlib import Path

import fakes
import pytest

import kg.extract
from kg.claims_io import read_claims
from kg.pipeline import MANIFEST_FILE, model_identity, run_extract

GOOD = {
    "a.txt": "Intro line\nCommunity is a group of people. Teams are not.\n",
    "b.txt": "Second\r\nA community is not an audience.\r\nNothing here.\r\n",
    "c.md": "# Third\n\nOnline communities need care. Communities grow.\n",
}


@pytest.fixture
def calls(monkeypatch):
    return fakes.install(monkeypatch)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def _run(corpus, out, **kw):
    kw.setdefault("progress", False)
    return run_extract([corpus], out, **kw)


def _manifest(out: Path) -> dict:
    return json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))


def test_first_run_writes_claims_and_manifest(calls, corpus, tmp_path):
    out = tmp_path / "out"
    report = _run(corpus, out)
    assert (report.documents_read, report.documents_extracted, report.documents_reused,
            report.documents_failed) == (3, 3, 0, 0)
    assert report.claims == 4 and report.problems == ()
    assert report.sentences == 3 + 4 + 4
    assert sorted(calls.extracted) == ["a.txt", "b.txt", "c.md"]
    assert calls.loads == 1
    claims = read_claims(out)
    assert [c.evidence.text for c in claims if c.source.path.endswith("b.txt")] == [
        "A community is not an audience."]
    assert sorted(p.name for p in out.iterdir()) == ["claims.jsonl", "manifest.json"]


def test_manifest_contents(calls, corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out, open_vocab=True)
    manifest = _manifest(out)
    assert manifest["format"] == 1
    assert manifest["extractor"]["version"] == "test-1"
    assert manifest["extractor"]["open_vocab"] is True
    assert manifest["extractor"]["concepts"] is None
    assert len(manifest["extractor"]["fingerprint"]) == 16
    assert isinstance(manifest["extractor"]["vocabulary"], str)
    assert manifest["model"] == model_identity()
    assert datetime.fromisoformat(manifest["created"]).tzinfo is not None
    by_name = {Path(s["path"]).name: s for s in manifest["sources"]}
    assert sorted(by_name) == ["a.txt", "b.txt", "c.md"]
    assert [by_name[n]["claims"] for n in ("a.txt", "b.txt", "c.md")] == [1, 1, 2]
    for entry in by_name.values():
        assert set(entry) >= {"id", "path", "sha256", "title", "media_type", "claims",
                              "sentences"}
        assert entry["media_type"] in ("text/plain", "text/markdown")
        assert "text_path" not in entry
        assert len(entry["sha256"]) == 64
    assert [s["id"] for s in manifest["sources"]] == sorted(s["id"] for s in manifest["sources"])


def test_model_identity_is_nlp_meta(nlp):
    identity = model_identity()
    assert identity["version"] == nlp.meta["version"]
    assert identity["name"] == f"{nlp.meta['lang']}_{nlp.meta['name']}"


def test_rerun_reuses_everything_without_loading_the_model(calls, corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    before = (out / "claims.jsonl").read_bytes()
    calls.extracted.clear()
    calls.loads = 0
    report = _run(corpus, out)
    assert (report.documents_extracted, report.documents_reused, report.claims) == (0, 3, 4)
    assert report.sentences == 3 + 4 + 4
    assert calls.extracted == [] and calls.loads == 0
    assert (out / "claims.jsonl").read_bytes() == before


def test_changed_added_and_removed_sources(calls, corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    calls.extracted.clear()
    (corpus / "a.txt").write_text("Intro\nCommunity is one. Community is two.\n", "utf-8")
    (corpus / "d.txt").write_text("New: community is new.\n", "utf-8")
    (corpus / "c.md").unlink()
    report = _run(corpus, out)
    assert sorted(calls.extracted) == ["a.txt", "d.txt"]
    assert (report.documents_extracted, report.documents_reused) == (2, 1)
    names = sorted(Path(c.source.path).name for c in read_claims(out))
    assert names == ["a.txt", "a.txt", "b.txt", "d.txt"]
    assert sorted(Path(s["path"]).name for s in _manifest(out)["sources"]) == [
        "a.txt", "b.txt", "d.txt"]


def test_force_reextracts_all(calls, corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    calls.extracted.clear()
    report = _run(corpus, out, force=True)
    assert sorted(calls.extracted) == ["a.txt", "b.txt", "c.md"]
    assert (report.documents_extracted, report.documents_reused) == (3, 0)


@pytest.mark.parametrize("change", ["extractor_version", "open_vocab"])
def test_fingerprint_change_reextracts_all(calls, corpus, tmp_path, monkeypatch, change):
    out = tmp_path / "out"
    _run(corpus, out)
    calls.extracted.clear()
    if change == "extractor_version":
        monkeypatch.setattr(kg.extract, "EXTRACTOR_VERSION", "test-2")
    report = _run(corpus, out, open_vocab=change == "open_vocab")
    assert (report.documents_extracted, report.documents_reused) == (3, 0)


def test_claims_file_edited_behind_our_back_reextracts_that_source(calls, corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    lines = (out / "claims.jsonl").read_text("utf-8").splitlines(keepends=True)
    dropped = json.loads(lines[0])["source"]["path"]
    (out / "claims.jsonl").write_text("".join(lines[1:]), "utf-8")
    calls.extracted.clear()
    report = _run(corpus, out)
    assert calls.extracted == [Path(dropped).name]
    assert report.claims == 4


def test_jobs_two_equals_jobs_one(calls, corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = _run(corpus, one, jobs=1)
    r2 = _run(corpus, two, jobs=2)
    assert (one / "claims.jsonl").read_bytes() == (two / "claims.jsonl").read_bytes()
    assert _manifest(one)["sources"] == _manifest(two)["sources"]
    assert (r1.claims, r1.sentences, r1.documents_extracted) == (
        r2.claims, r2.sentences, r2.documents_extracted)


def test_jobs_must_be_positive(calls, corpus, tmp_path):
    with pytest.raises(ValueError, match="jobs must be at least 1, got 0"):
        _run(corpus, tmp_path / "out", jobs=0)


def test_broken_files_among_good_ones(calls, corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02community\x00" * 50)
    seen: list[str] = []
    report = _run(corpus, tmp_path / "out", on_error=seen.append)
    assert (report.documents_read, report.documents_failed, report.claims) == (3, 2, 4)
    assert list(report.problems) == seen and len(seen) == 2
    for message in seen:
        assert "\n" not in message
    assert sorted(m.split(":")[0] for m in seen) == [
        str(corpus / "binary.txt"), str(corpus / "empty.txt")]


def test_problems_are_logged_without_on_error(calls, corpus, tmp_path, caplog):
    (corpus / "empty.txt").write_bytes(b"")
    _run(corpus, tmp_path / "out")
    warnings = [r.getMessage() for r in caplog.records if r.name == "kg.pipeline"]
    assert len(warnings) == 1 and warnings[0].startswith(str(corpus / "empty.txt"))


def test_non_utf8_file_is_read_with_a_warning(calls, corpus, tmp_path):
    (corpus / "latin.txt").write_bytes("Caf\xe9: a community is a caf\xe9.\n".encode("cp1252"))
    report = _run(corpus, tmp_path / "out")
    assert (report.documents_read, report.documents_failed, report.claims) == (4, 0, 5)
    assert len(report.problems) == 1
    assert report.problems[0].startswith(str(corpus / "latin.txt") + ": warning: ")


def test_only_missing_paths_writes_nothing(calls, tmp_path):
    out = tmp_path / "out"
    report = run_extract([tmp_path / "nope.txt"], out, progress=False, on_error=lambda m: None)
    assert (report.documents_read, report.documents_failed) == (0, 1)
    assert str(tmp_path / "nope.txt") in report.problems[0]
    assert not out.exists()
    assert calls.loads == 0


def test_extraction_error_in_one_file_is_reported(calls, corpus, tmp_path):
    calls.fail_on = "b.txt"
    report = _run(corpus, tmp_path / "out", on_error=lambda m: None)
    assert (report.documents_extracted, report.documents_failed, report.claims) == (2, 1, 3)
    assert report.problems == (
        f"{corpus / 'b.txt'}: extraction failed: RuntimeError: boom second line",)
    assert sorted(Path(s["path"]).name for s in _manifest(tmp_path / "out")["sources"]) == [
        "a.txt", "c.md"]


def test_interrupted_run_leaves_previous_outputs(calls, corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _run(corpus, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.extract, "extract_document", interrupted)
    (corpus / "a.txt").write_text("Community changed.\n", "utf-8")
    with pytest.raises(KeyboardInterrupt):
        _run(corpus, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_html_text_is_saved_for_offsets(calls, tmp_path):
    folder = tmp_path / "web"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "ingest" / "blog_post.html", folder)
    (folder / "extra.html").write_text(
        "<html><body><p>A community is a group of people.</p></body></html>", "utf-8")
    out = tmp_path / "out"
    report = _run(folder, out)
    assert report.documents_read == 2
    for entry in _manifest(out)["sources"]:
        assert entry["media_type"] == "text/html"
        assert entry["text_path"] == f"texts/{entry['id']}.txt"
    texts = {e["id"]: (out / e["text_path"]).read_bytes().decode("utf-8")
             for e in _manifest(out)["sources"]}
    claims = read_claims(out)
    assert claims
    for claim in claims:
        text = texts[claim.source.id]
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    # a source dropped from the run takes its saved text with it
    (folder / "extra.html").unlink()
    _run(folder, out)
    assert len(list((out / "texts").iterdir())) == 1


def test_same_file_given_twice_is_read_once(calls, corpus, tmp_path):
    report = run_extract([corpus, corpus / "a.txt"], tmp_path / "out", progress=False)
    assert report.documents_read == 3 and report.claims == 4


def test_sha256_in_manifest_matches_document(calls, corpus, tmp_path):
    out = tmp_path / "out"
    _run(corpus, out)
    entry = next(s for s in _manifest(out)["sources"] if s["path"].endswith("a.txt"))
    raw = (corpus / "a.txt").read_bytes()
    assert entry["sha256"] in (hashlib.sha256(raw).hexdigest(),
                               hashlib.sha256(raw.decode("utf-8").encode("utf-8")).hexdigest())


def test_real_extraction_offsets_exact_and_ids_stable(corpus_dir, tmp_path):
    """Integration: the real extractor on data/corpus, in-process and with two workers."""
    from kg.ingest import read_document

    one = run_extract([corpus_dir], tmp_path / "one", progress=False, on_error=lambda m: None)
    two = run_extract([corpus_dir], tmp_path / "two", progress=False, jobs=2)
    assert (one.documents_read, one.documents_failed) == (5, 0), one.problems
    claims = read_claims(tmp_path / "one")
    assert claims and one.claims == len(claims)
    texts = {c.source.id: read_document(c.source.path).text for c in claims}
    for claim in claims:
        ev = claim.evidence
        assert texts[claim.source.id][ev.start:ev.end] == ev.text, claim.id
    assert len({c.id for c in claims}) == len(claims)
    assert (tmp_path / "one" / "claims.jsonl").read_bytes() == (
        tmp_path / "two" / "claims.jsonl").read_bytes()
    assert two.claims == one.claims


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("progress, terminal, shown", [
    (True, True, True), (False, True, False), (True, False, False)])
def test_progress_bar_only_on_a_terminal(calls, corpus, tmp_path, monkeypatch, progress,
                                         terminal, shown):
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    calls.delay = 0.15  # tqdm redraws at most every 0.1 s
    run_extract([corpus], tmp_path / "out", progress=progress)
    assert ("extract:" in stderr.getvalue()) is shown
    assert ("2/3" in stderr.getvalue() and "sentences=" in stderr.getvalue()) is shown
