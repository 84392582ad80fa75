"""Files in, ``claims.jsonl`` + ``manifest.json`` out: incremental and parallel.

:func:`run_extract` reads every source, reuses the previous claims of sources
whose content and extractor fingerprint are unchanged, extracts the rest (in
worker processes with ``jobs > 1``) and writes the outputs atomically::

    DIR/claims.jsonl      one claim per line (kg.claims_io)
    DIR/manifest.json     sources (id, path, sha256, claims, ...) + extractor settings
    DIR/texts/<id>.txt    the extracted text of HTML sources (what offsets refer to)

Nothing is written until every source has been processed, so an interrupted
run leaves the previous outputs as they were.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import json
import logging
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from kg.claims_io import CLAIMS_FILE, atomic_write_text, read_claims, write_claims
from kg.errors import ClaimsFileError
from kg.records import Claim, Document

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MANIFEST_FILE", "TEXTS_DIR", "ExtractReport", "extract_documents",
           "extractor_fingerprint", "model_identity", "run_extract"]

logger = logging.getLogger(__name__)

MANIFEST_FILE = "manifest.json"
TEXTS_DIR = "texts"
MANIFEST_FORMAT = 1
DEFAULT_JOBS = 1


@dataclass(frozen=True)
class ExtractReport:
    """What :func:`run_extract` did; ``problems`` are one-line messages naming a file."""

    out_dir: Path
    documents_read: int
    documents_extracted: int
    documents_reused: int
    documents_failed: int
    claims: int
    sentences: int
    problems: tuple[str, ...]
    seconds: float

    def summary(self) -> str:
        """One line for humans."""
        return (f"{self.documents_read} files, {self.claims} claims "
                f"({self.documents_extracted} extracted, {self.documents_reused} reused, "
                f"{self.documents_failed} failed) -> {self.out_dir} in {self.seconds:.1f}s")


@dataclass(frozen=True)
class _Settings:
    """What a worker process needs to rebuild the parent's extractor (picklable)."""

    concepts: str | None
    open_vocab: bool


@dataclass(frozen=True)
class _Outcome:
    """One document's extraction result, or the one-line reason it failed."""

    claims: tuple[Claim, ...] = ()
    sentences: int = 0
    error: str | None = None


def extractor_fingerprint(extractor_version: str, vocab_fingerprint: str, open_vocab: bool,
                          model_version: str) -> str:
    """A short hash of everything besides the text that decides a document's claims.

    Example:
        >>> a = extractor_fingerprint("1", "v", False, "3.8.0")
        >>> a == extractor_fingerprint("1", "v", True, "3.8.0"), len(a)
        (False, 16)
    """
    key = json.dumps([extractor_version, vocab_fingerprint, bool(open_vocab), model_version])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def model_identity() -> dict[str, str]:
    """Package, name and version of the spaCy pipeline, read without loading it.

    ``name``/``version`` are those of ``nlp.meta`` (the package's ``meta.json``).
    """
    from kg.nlp import model_name

    package = model_name()
    try:
        meta = json.loads((resources.files(package) / "meta.json").read_text(encoding="utf-8"))
        name, version = f"{meta['lang']}_{meta['name']}", str(meta["version"])
    except (OSError, ValueError, KeyError):
        name, version = package, importlib.metadata.version(package)
    return {"package": package, "name": name, "version": version}


def extract_documents(documents: Iterable[Document], *, nlp: Language, vocab: Any,
                      open_vocab: bool = False) -> Iterator[Claim]:
    """The claims of each document in turn (one process, the given pipeline)."""
    extract_document = _extractor().extract_document
    for document in documents:
        claims, _ = extract_document(document, nlp, vocab, open_vocab=open_vocab)
        yield from claims


def run_extract(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    concepts: Path | None = None,
    jobs: int = DEFAULT_JOBS,
    force: bool = False,
    open_vocab: bool = False,
    progress: bool = True,
    on_error: Callable[[str], None] | None = None,
) -> ExtractReport:
    """Extract the claims of ``paths`` (files or folders) into ``out_dir``.

    Args:
        concepts: a SKOS vocabulary file; the shipped one when ``None``.
        jobs: worker processes for extraction (``1``: in this process).
        force: re-extract every source even when its previous claims are valid.
        open_vocab: also extract claims about subjects outside the vocabulary.
        progress: show a progress bar on a terminal.
        on_error: called with each problem (one line naming the file); the
            problem is logged as a warning when ``None``.

    Returns:
        An :class:`ExtractReport`. When no source could be read nothing is written.

    Raises:
        ValueError: when ``jobs < 1``.
        kg.errors.VocabularyError: when ``concepts`` cannot be loaded.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    started = time.perf_counter()
    out, problems = Path(out_dir), []

    def report(message: str) -> None:
        problems.append(message)
        if on_error is None:
            logger.warning("%s", message)
        else:
            on_error(message)

    vocab = importlib.import_module("kg.vocab").load_vocabulary(concepts)
    settings = _Settings(str(concepts) if concepts else None, open_vocab)
    info = _run_info(vocab, settings)
    documents, unreadable = _read_documents(paths, report)
    previous = {} if force else _previous_claims(out, info["extractor"]["fingerprint"])
    outcomes = {d.id: _Outcome(tuple(previous[d.id][1]), previous[d.id][0].get("sentences", 0))
                for d in documents if _reusable(d, previous.get(d.id))}
    pending = [d for d in documents if d.id not in outcomes]
    with tqdm(total=len(documents), unit="file", desc="extract", leave=False,
              disable=not (progress and sys.stderr.isatty())) as bar:
        bar.update(len(outcomes))
        extracted = _extract_pending(pending, vocab, settings, jobs, bar)
    for document in pending:
        if extracted[document.id].error:
            report(f"{document.path}: extraction failed: {extracted[document.id].error}")
    results = outcomes | extracted
    done = [d for d in documents if not results[d.id].error]
    if documents:
        _write_outputs(out, done, results, info)
    return ExtractReport(
        out_dir=out, documents_read=len(documents),
        documents_extracted=sum(1 for o in extracted.values() if not o.error),
        documents_reused=len(outcomes),
        documents_failed=unreadable + sum(1 for o in extracted.values() if o.error),
        claims=sum(len(results[d.id].claims) for d in done),
        sentences=sum(results[d.id].sentences for d in done),
        problems=tuple(problems), seconds=time.perf_counter() - started,
    )


def _run_info(vocab: Any, settings: _Settings) -> dict[str, Any]:
    """The manifest's description of the extractor, vocabulary and model."""
    model = model_identity()
    version = _extractor().EXTRACTOR_VERSION
    return {
        "extractor": {
            "version": version,
            "fingerprint": extractor_fingerprint(version, vocab.fingerprint,
                                                 settings.open_vocab, model["version"]),
            "open_vocab": settings.open_vocab,
            "vocabulary": vocab.fingerprint,
            "concepts": settings.concepts,
        },
        "spacy": {"version": importlib.metadata.version("spacy")},
        "model": model,
    }


def _extractor() -> Any:
    """The extractor module, imported late (it pulls in spaCy)."""
    return importlib.import_module("kg.extract")


def _read_documents(paths: Iterable[str | os.PathLike[str]],
                    report: Callable[[str], None]) -> tuple[list[Document], int]:
    """Every readable document once (first occurrence of an id wins), and how many
    files could not be read (each reported)."""
    ingest = importlib.import_module("kg.ingest")
    documents: dict[str, Document] = {}
    unreadable = 0

    def on_error(error: object) -> None:
        nonlocal unreadable
        unreadable += 1
        report(" ".join(str(error).split()))

    for document in ingest.iter_documents([Path(p) for p in paths], on_error=on_error):
        if document.id in documents:
            logger.debug("%s: same source as %s, skipped", document.path,
                         documents[document.id].path)
            continue
        documents[document.id] = document
        for warning in document.warnings:
            report(f"{document.path}: warning: {warning.removeprefix(document.path + ': ')}")
    return list(documents.values()), unreadable


def _previous_claims(out: Path, fingerprint: str) -> dict[str, tuple[dict[str, Any], list[Claim]]]:
    """Manifest entry and claims of each source of the previous run, if still valid.

    A source qualifies when the previous run used the same extractor fingerprint
    and ``claims.jsonl`` still holds exactly the claims the manifest counted.
    """
    try:
        manifest = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
        if manifest["extractor"]["fingerprint"] != fingerprint:
            return {}
        entries = {e["id"]: e for e in manifest["sources"]}
        claims = read_claims(out / CLAIMS_FILE)
    except (OSError, ValueError, KeyError, TypeError, ClaimsFileError) as e:
        logger.debug("%s: no reusable previous run (%s)", out, e)
        return {}
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source.id].append(claim)
    return {sid: (entry, by_source.get(sid, [])) for sid, entry in entries.items()
            if entry.get("claims") == len(by_source.get(sid, []))}


def _reusable(document: Document, previous: tuple[dict[str, Any], list[Claim]] | None) -> bool:
    """Whether the previous claims of ``document`` still describe it."""
    if previous is None:
        return False
    entry = previous[0]
    return (entry.get("sha256") == _sha256(document) and entry.get("path") == document.path
            and entry.get("title") == document.title)


def _sha256(document: Document) -> str:
    return document.sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def _extract_pending(pending: list[Document], vocab: Any, settings: _Settings, jobs: int,
                     bar: tqdm) -> dict[str, _Outcome]:
    """Extract ``pending`` in this process or a pool; the model is loaded only if needed."""
    outcomes: dict[str, _Outcome] = {}
    sentences = 0

    def record(document: Document, outcome: _Outcome) -> None:
        nonlocal sentences
        outcomes[document.id] = outcome
        sentences += outcome.sentences
        bar.set_postfix(sentences=sentences, refresh=False)
        bar.update(1)

    if jobs == 1 or len(pending) < 2:
        nlp = importlib.import_module("kg.nlp").load_pipeline() if pending else None
        for document in pending:
            record(document, _extract_one(document, nlp, vocab, settings.open_vocab))
        return outcomes
    with ProcessPoolExecutor(max_workers=min(jobs, len(pending)), initializer=_init_worker,
                             initargs=(settings,)) as pool:
        futures = {pool.submit(_extract_in_worker, d, settings): d for d in pending}
        for future in as_completed(futures):
            record(futures[future], future.result())
    return outcomes


def _extract_one(document: Document, nlp: Any, vocab: Any, open_vocab: bool) -> _Outcome:
    """Extract one document; any exception becomes the outcome's error (one bad file
    never stops a batch)."""
    try:
        claims, sentences = _extractor().extract_document(document, nlp, vocab,
                                                          open_vocab=open_vocab)
    except Exception as e:  # noqa: BLE001 - reported per file, the batch goes on
        logger.debug("extraction of %s failed", document.path, exc_info=True)
        return _Outcome(error=" ".join(f"{type(e).__name__}: {e}".split()))
    return _Outcome(tuple(claims), int(sentences))


@functools.lru_cache(maxsize=1)
def _worker_state(settings: _Settings) -> tuple[Any, Any]:
    """The pipeline and vocabulary of this worker process, loaded once.

    The cache is the per-process home of the model (what a pool initializer
    needs); the parent process never calls this.
    """
    nlp = importlib.import_module("kg.nlp").load_pipeline()
    concepts = Path(settings.concepts) if settings.concepts else None
    return nlp, importlib.import_module("kg.vocab").load_vocabulary(concepts)


def _init_worker(settings: _Settings) -> None:
    _worker_state(settings)


def _extract_in_worker(document: Document, settings: _Settings) -> _Outcome:
    nlp, vocab = _worker_state(settings)
    return _extract_one(document, nlp, vocab, settings.open_vocab)


def _write_outputs(out: Path, documents: list[Document], outcomes: dict[str, _Outcome],
                   settings: dict[str, Any]) -> None:
    """Write texts, then claims, then the manifest (the manifest vouches for the claims)."""
    sources = []
    for document in sorted(documents, key=lambda d: d.id):
        entry: dict[str, Any] = {
            "id": document.id, "path": document.path, "sha256": _sha256(document),
            "title": document.title, "media_type": document.media_type,
            "encoding": document.encoding, "claims": len(outcomes[document.id].claims),
            "sentences": outcomes[document.id].sentences,
        }
        if document.media_type == "text/html":
            entry["text_path"] = f"{TEXTS_DIR}/{_safe_name(document.id)}.txt"
            atomic_write_text(out / entry["text_path"], document.text)
        sources.append(entry)
    write_claims([c for d in documents for c in outcomes[d.id].claims], out / CLAIMS_FILE)
    manifest = {"format": MANIFEST_FORMAT,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                **settings, "sources": sources}
    atomic_write_text(out / MANIFEST_FILE, json.dumps(manifest, indent=2, ensure_ascii=False)
                      + "\n")
    _remove_stale_texts(out, {e["text_path"] for e in sources if "text_path" in e})


def _remove_stale_texts(out: Path, keep: set[str]) -> None:
    """Drop saved texts of sources that are no longer part of the run."""
    for path in (out / TEXTS_DIR).glob("*.txt"):
        if f"{TEXTS_DIR}/{path.name}" not in keep:
            path.unlink(missing_ok=True)


def _safe_name(source_id: str) -> str:
    """``source_id`` usable as a file name.

    Example:
        >>> _safe_name("001_9915c937b68aed6b"), _safe_name("a/b c")
        ('001_9915c937b68aed6b', 'a_b_c')
    """
    return re.sub(r"[^\w.-]", "_", source_id)
