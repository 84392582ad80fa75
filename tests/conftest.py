"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CORPUS = DATA / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline with kg's tokenizer rules."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The sample articles shipped in data/corpus."""
    return CORPUS


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory, corpus_dir) -> Path:
    """The sample corpus extracted once per session (the extractor's claims, not hand-made)."""
    from kg.pipeline import run_extract

    out = tmp_path_factory.mktemp("sample")
    run_extract([corpus_dir], out, progress=False)
    return out


@pytest.fixture(scope="module")
def claims():
    """The hand-made claims of ``tests/fixtures/claims_small.jsonl`` (modules may override)."""
    from kg.claims_io import read_claims

    return read_claims(FIXTURES / "claims_small.jsonl")


@pytest.fixture(scope="module")
def graph(claims):
    """The explorer's claim graph of ``claims``."""
    from kg import views

    return views.build_claim_graph(claims)
