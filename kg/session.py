"""What the explorer does besides showing: SPARQL, exports, adding articles.

Each function returns plain data or a small record, and turns the errors a
user can cause (a malformed query, an unreadable upload) into messages
instead of exceptions, so the app shows them inline.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from kg.claims_io import claim_sort_key
from kg.errors import KgError, QueryError
from kg.records import Claim, Document

__all__ = [
    "DEFAULT_QUERY",
    "EXPORTS",
    "ArticleBatch",
    "ExportSpec",
    "SparqlResult",
    "build_dataset",
    "claims_jsonl",
    "example_queries",
    "export_bytes",
    "extract_articles",
    "run_sparql",
]

logger = logging.getLogger(__name__)

DEFAULT_QUERY = """PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?claim ?speaker WHERE { ?claim prov:wasAttributedTo ?speaker } LIMIT 20
"""


@dataclass(frozen=True, slots=True)
class ExportSpec:
    """One download of the Export view."""

    format: str
    label: str
    extension: str
    mime: str


EXPORTS: tuple[ExportSpec, ...] = (
    ExportSpec("ttl", "Turtle", "ttl", "text/turtle"),
    ExportSpec("jsonld", "JSON-LD", "jsonld", "application/ld+json"),
    ExportSpec("trig", "TriG", "trig", "application/trig"),
    ExportSpec("nt", "N-Triples", "nt", "application/n-triples"),
    ExportSpec("xml", "RDF/XML", "rdf", "application/rdf+xml"),
    ExportSpec("graphml", "GraphML", "graphml", "application/graphml+xml"),
    ExportSpec("gexf", "GEXF", "gexf", "application/gexf+xml"),
    ExportSpec("csv", "CSV", "csv", "text/csv"),
    ExportSpec("jsonl", "JSONL (claims)", "jsonl", "application/jsonl"),
)
RDF_FORMATS = ("ttl", "jsonld", "trig", "nt", "xml")
GRAPH_FORMATS = ("graphml", "gexf")


def build_dataset(claims: Iterable[Claim], *, roots: Sequence[str | Path] = ()) -> Any:
    """The RDF dataset of ``claims`` (:func:`kg.rdf.claims_to_dataset`).

    ``roots``: folders that source paths are relative to (for quote context).
    """
    from kg.rdf import claims_to_dataset, source_text_loader

    return claims_to_dataset(claims, source_text=source_text_loader(list(roots)))


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """Claims as ``claims.jsonl`` text (same order and shape as :func:`kg.claims_io.write_claims`).

    Example:
        >>> claims_jsonl([])
        ''
    """
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n"
                   for c in sorted(claims, key=claim_sort_key))


def export_bytes(fmt: str, claims: Sequence[Claim], *, graph: nx.MultiDiGraph | None = None,
                 dataset: Callable[[], Any] | None = None) -> bytes:
    """The file of one export format (see :data:`EXPORTS`).

    ``graph`` and ``dataset`` (a callable, so RDF is built only when needed)
    are reused when given, else built from ``claims``.

    Raises:
        ValueError: for an unknown format (the message lists the valid ones).
    """
    if fmt in RDF_FORMATS:
        from kg.rdf import export

        data = dataset() if dataset is not None else build_dataset(claims)
        return export(data, fmt).encode("utf-8")
    if fmt in GRAPH_FORMATS:
        from kg.graph import build_graph, write_graph

        return write_graph(graph if graph is not None else build_graph(claims), fmt)
    if fmt == "csv":
        from kg.table import claims_to_csv

        return claims_to_csv(claims).encode("utf-8")
    if fmt == "jsonl":
        return claims_jsonl(claims).encode("utf-8")
    valid = ", ".join(s.format for s in EXPORTS)
    raise ValueError(f"unknown export format {fmt!r}; valid: {valid}")


def example_queries() -> dict[str, str]:
    """The shipped example queries (:func:`kg.query.example_names`), titled for a menu.

    Example:
        >>> "Speaker definitions" in example_queries()
        True
    """
    from kg.query import example_names, example_query

    return {name.replace("_", " ").capitalize(): example_query(name) for name in example_names()}


@dataclass(frozen=True)
class SparqlResult:
    """A query's answer as a table, or the one-line error that stopped it."""

    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    error: str = ""


def run_sparql(dataset: Any, query: str) -> SparqlResult:
    """Run ``query`` on ``dataset`` (:func:`kg.query.run_query`); errors become messages."""
    from kg.query import run_query

    try:
        result = run_query(dataset, query)
    except QueryError as e:
        return SparqlResult(error=str(e))
    return SparqlResult(table=_frame(result))


def _frame(result: Any) -> pd.DataFrame:
    """A :class:`kg.query.QueryResult` as a table (ASK: one ``answer`` cell)."""
    if result.boolean is not None:
        return pd.DataFrame({"answer": [result.boolean]})
    return pd.DataFrame(result.rows, columns=list(result.columns))


@dataclass(frozen=True)
class ArticleBatch:
    """What adding articles produced: documents, their claims, one line per failure."""

    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[str, ...] = ()


def extract_articles(
    items: Sequence[tuple[str, bytes]],
    *,
    nlp: Any,
    vocab: Any,
    workdir: Path,
    progress: Callable[[int, int, str], None] | None = None,
) -> ArticleBatch:
    """Read and extract uploaded or pasted articles, one at a time.

    ``items`` are ``(file name, bytes)``; each is written to ``workdir`` (so
    ingest reads it exactly as it would a file on disk), read and extracted.
    A file that cannot be read or extracted is reported in ``problems`` and
    the rest are kept. ``progress(done, total, name)`` is called after each.
    """
    from kg.extract import extract_document
    from kg.ingest import read_document

    documents, claims, problems = [], [], []
    for done, (name, raw) in enumerate(items, start=1):
        path = workdir / _safe_file_name(name, done)
        try:
            path.write_bytes(raw)
            document = read_document(path)
            found, _ = extract_document(document, nlp, vocab)
        except KgError as e:
            problems.append(f"{name}: {e.problem}")
        except Exception as e:  # noqa: BLE001 - one bad article never stops the batch
            logger.debug("extraction of %s failed", name, exc_info=True)
            problems.append(f"{name}: extraction failed ({type(e).__name__}: {e})")
        else:
            documents.append(document)
            claims.extend(found)
        if progress is not None:
            progress(done, len(items), name)
    return ArticleBatch(tuple(documents), tuple(claims), tuple(problems))


def _safe_file_name(name: str, n: int) -> str:
    """A file name in ``workdir`` that keeps the suffix ingest looks at.

    Example:
        >>> _safe_file_name("../my article.html", 2)
        '2-my_article.html'
    """
    base = re.sub(r"[^\w.-]+", "_", Path(name).name).strip("._") or "article.txt"
    return f"{n}-{base}"
