"""Stand-ins for the ingest / vocab / extract stages, so pipeline tests do not
depend on extraction quality (or on modules still being written).

:func:`install` always replaces ``kg.extract.extract_document`` and
``kg.nlp.load_pipeline``; it installs a small ``kg.ingest`` / ``kg.vocab``
only when the real module is not there yet.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import sys
import time
import types
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.records import Claim, ConceptRef, Document, Evidence, ObjectRef, Source, Speaker

__all__ = ["Calls", "fake_extract", "install"]

CLAUSE = re.compile(r"[^.\n]*\bcommunit(?:y|ies)\b[^.\n]*\.?", re.IGNORECASE)


@dataclass
class Calls:
    """What the fakes saw (in this process)."""

    extracted: list[str] = field(default_factory=list)
    loads: int = 0
    fail_on: str = ""  # a file name whose extraction raises
    delay: float = 0.0  # seconds per document (lets a progress bar refresh)


def fake_extract(document: Document, nlp, vocab, *, open_vocab: bool = False,
                 calls: Calls | None = None) -> tuple[list[Claim], int]:
    """One claim per clause mentioning "community", with exact offsets."""
    if calls is not None:
        calls.extracted.append(Path(document.path).name)
        time.sleep(calls.delay)
        if calls.fail_on and Path(document.path).name == calls.fail_on:
            raise RuntimeError("boom\nsecond line")
    source = Source(document.id, document.path, document.title)
    claims = []
    for m in CLAUSE.finditer(document.text):
        start, end = m.span()
        key = f"{document.id}|{start}|{end}|{open_vocab}"
        claims.append(Claim(
            id="c-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            source=source,
            speaker=Speaker(f"author:{document.id}", "author", "author"),
            subject=ConceptRef("community", "community"),
            predicate="be",
            object=ObjectRef("x"),
            type="definition",
            evidence=Evidence(m.group(), start, end),
        ))
    return claims, document.text.count("\n") + 1


def _fake_read_document(path: Path) -> Document:
    if not path.is_file():
        raise InputError(path, "no such file")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data:
        raise InputError(path, "binary file, not text")
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, warnings = data.decode("cp1252", "replace"), ("not UTF-8, decoded as cp1252",)
    html = path.suffix in (".html", ".htm")
    if html:
        text = re.sub(r"<[^>]+>", "", text).strip()
    return Document(
        id=path.stem, path=str(path), title=text.splitlines()[0][:60], text=text,
        media_type="text/html" if html else "text/plain",
        encoding="utf-8" if not warnings else "cp1252",
        sha256=hashlib.sha256(data).hexdigest(), warnings=warnings,
    )


def _fake_iter_documents(paths, *, on_error, max_bytes=None):
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                yield _fake_read_document(file)
            except InputError as e:
                on_error(e)


@dataclass(frozen=True)
class _FakeVocabulary:
    fingerprint: str = "fake-vocab-1"


def _module_or_fake(monkeypatch, name: str, **attrs) -> None:
    try:
        importlib.import_module(name)
    except ImportError:
        module = types.ModuleType(name)
        module.__dict__.update(attrs)
        monkeypatch.setitem(sys.modules, name, module)


def install(monkeypatch) -> Calls:
    """Install the fakes; return the call record."""
    import kg.extract
    import kg.nlp

    calls = Calls()
    _module_or_fake(monkeypatch, "kg.ingest", iter_documents=_fake_iter_documents,
                    read_document=_fake_read_document)
    _module_or_fake(monkeypatch, "kg.vocab", load_vocabulary=lambda path=None: _FakeVocabulary())

    def load_pipeline(name=None):
        calls.loads += 1
        return object()

    def extract_document(document, nlp, vocab, *, open_vocab=False):
        return fake_extract(document, nlp, vocab, open_vocab=open_vocab, calls=calls)

    monkeypatch.setattr(kg.nlp, "load_pipeline", load_pipeline)
    monkeypatch.setattr(kg.extract, "extract_document", extract_document, raising=False)
    monkeypatch.setattr(kg.extract, "EXTRACTOR_VERSION", "test-1", raising=False)
    return calls
