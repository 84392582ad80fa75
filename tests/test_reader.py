"""kg.reader: evidence highlighted with displaCy spans, skipped blocks greyed out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.claims_io import read_claims
from kg.reader import load_source_document, reader_caption, reader_html, reader_label
from kg.records import Block, Claim, ConceptRef, Document, Evidence, ObjectRef, Source, Speaker

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"
TEXT = "Menu | Home\nTeams are not communities. Groups <b>vary</b>.\nMenu | Home\n"


def _claim(start: int, end: int, *, negated: bool = False) -> Claim:
    return Claim("c-1", Source("d", "d.txt", "D"), Speaker("@deb", "Deb", "handle"),
                 ConceptRef("team", "team"), "be", ObjectRef("communities", "community"),
                 "definition", negated=negated,
                 evidence=Evidence(TEXT[start:end], start, end))


@pytest.fixture()
def document() -> Document:
    return Document("d", "d.txt", "D", TEXT, blocks=(
        Block(0, 11, "boilerplate", "site furniture: menu"),
        Block(12, 59, "content"),
        Block(60, 71, "duplicate", "repeats line 1"),
    ))


def test_evidence_is_highlighted_and_labelled(document):
    start = TEXT.index("Teams")
    html = reader_html(document, [_claim(start, start + 26, negated=True)])
    assert "Deb · definition · not" in html
    assert html.count("Deb · definition · not") == 1  # the label sits on the first token
    assert 'class="spans"' in html


def test_skipped_blocks_are_greyed_with_their_reason(document):
    html = reader_html(document, [])
    assert html.count('class="kg-skipped"') == 2
    assert "boilerplate: site furniture: menu" in html
    assert "duplicate: repeats line 1" in html


def test_text_is_escaped(document):
    html = reader_html(document, [])
    assert "&lt;b&gt;vary&lt;/b&gt;" in html and "<b>vary</b>" not in html


def test_claims_of_other_sources_are_ignored(document):
    other = Claim("c-2", Source("other", "", ""), Speaker("@x", "X", "handle"),
                  ConceptRef("team", "team"), "be", ObjectRef("y"), "definition",
                  evidence=Evidence("Teams", 12, 17))
    assert "X · definition" not in reader_html(document, [other])


def test_label_and_caption(document):
    assert reader_label(_claim(12, 17)) == "Deb · definition"
    assert reader_caption(document, [_claim(12, 17)]) == (
        "D · 1 claims highlighted · 1 blocks read, 2 skipped")


def test_a_sample_article_with_its_fixture_claims():
    claims = read_claims(FIXTURE)
    document = load_source_document(ROOT / "build" / "nowhere", "001_9915c937b68aed6b",
                                    str(ROOT / "data/corpus/001_9915c937b68aed6b.txt"))
    assert document is not None and document.id == "001_9915c937b68aed6b"
    html = reader_html(document, claims)
    for label in ("deb_lavoy · contrast · not", "Rachel Happe · definition",
                  "jimstorer · property"):
        assert label in html


def test_load_source_document_uses_the_manifest_then_saved_text(tmp_path):
    out = tmp_path / "build" / "sample"
    (out / "texts").mkdir(parents=True)
    shutil.copy(ROOT / "data/corpus/002_f77db64989f60894.txt", tmp_path / "a.txt")
    (out / "texts" / "h.txt").write_text("extracted text", encoding="utf-8")
    manifest = {"sources": [
        {"id": "a", "path": str(tmp_path / "a.txt"), "title": "A"},
        {"id": "h", "path": "gone.html", "title": "H", "text_path": "texts/h.txt"},
    ]}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert load_source_document(out, "a").text.startswith("Communities depend on")
    saved = load_source_document(out, "h")
    assert (saved.text, saved.title, saved.blocks) == ("extracted text", "H", ())
    assert load_source_document(out, "missing", "nowhere.txt") is None
