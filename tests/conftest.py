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
