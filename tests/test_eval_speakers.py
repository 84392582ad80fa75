"""The speaker dev-set scorer in ``benchmarks/eval_speakers.py``."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "speaker_eval"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("eval_speakers",
                                                  ROOT / "benchmarks" / "eval_speakers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_bylines_are_scored_per_page(scorer):
    rows = scorer.score_bylines(FIXTURE, FIXTURE / "bylines.jsonl")
    assert [(r.file, r.gold, r.predicted, r.ok) for r in rows] == [
        ("001.txt", "Jane Doe", "Jane Doe", True), ("002.txt", "(none)", "(none)", True)]


def test_a_wrong_author_is_counted_wrong(scorer, tmp_path):
    gold = tmp_path / "bylines.jsonl"
    gold.write_text(json.dumps({"file": "001.txt", "author": "Mark Roe"}) + "\n"
                    + json.dumps({"file": "002.txt", "author": "Ann Lee"}) + "\n")
    rows = scorer.score_bylines(FIXTURE, gold)
    assert [r.ok for r in rows] == [False, False]
    assert scorer.summary(rows).splitlines()[0] == "right 0/2 (0.000)"


def test_sentences_get_the_speaker_extraction_gives_them(scorer, nlp):
    rows = scorer.score_sentences(FIXTURE, nlp)
    assert [(r.gold, r.predicted, r.ok) for r in rows] == [
        ("author", "Jane Doe", True), ("Mark Roe", "Mark Roe", True),
        ("Mark Roe", "Mark Roe", True), ("author", "Author of Editorial Commentary", True),
        ("author", "Author of Editorial Commentary", True)]


def test_a_sentence_kg_does_not_parse_is_wrong_and_reported(scorer, nlp, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "001.txt", "start": 17, "end": 28,
                                "text": "By Jane Doe", "speaker": "Jane Doe"}) + "\n")
    rows = scorer.score_sentences(FIXTURE, nlp, gold)
    assert [(r.predicted, r.ok, r.parsed) for r in rows] == [("(not parsed)", False, False)]
    assert "not parsed by kg: 1" in scorer.summary(rows)
