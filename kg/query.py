"""SPARQL over a claims dataset in process, and the shipped example queries.

:func:`run_query` returns a :class:`QueryResult` (columns + rows) whichever engine
answered (rdflib here, a server through :mod:`kg.store`); :func:`format_result`
prints it as an aligned table, CSV or SPARQL 1.1 Query Results JSON.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.errors import QueryError

__all__ = [
    "EXAMPLES_DIR",
    "RESULT_FORMATS",
    "QueryResult",
    "example_names",
    "example_query",
    "format_result",
    "python_value",
    "run_query",
]

RESULT_FORMATS = ("table", "csv", "json")
#: The shipped example queries (``queries/`` at the repository root, linked into the package).
EXAMPLES_DIR = Path(__file__).resolve().parent / "queries"
_LOCATION = re.compile(r"\(at char \d+\), \(line:(\d+), col:(\d+)\)")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Answer of a query: ``columns`` and ``terms`` (rdflib terms, ``None`` when unbound).

    ``boolean`` is set for ASK queries (then there are no columns). CONSTRUCT and
    DESCRIBE answers have the columns ``subject``, ``predicate``, ``object``.
    """

    columns: tuple[str, ...]
    terms: tuple[tuple[Node | None, ...], ...]
    boolean: bool | None = None

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """The rows as Python values (``str`` for IRIs, ``bool``/``int``/... for literals).

        Example:
            >>> QueryResult(("x",), ((Literal(2),), (URIRef("urn:a"),), (None,))).rows
            [(2,), ('urn:a',), (None,)]
        """
        return [tuple(python_value(t) for t in row) for row in self.terms]


def python_value(term: Node | None) -> Any:
    """A term as a plain Python value; literals of unknown datatypes as their text.

    Example:
        >>> python_value(Literal("true", datatype=URIRef(
        ...     "http://www.w3.org/2001/XMLSchema#boolean")))
        True
        >>> python_value(Literal("community", lang="en"))
        'community'
    """
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def run_query(data: Graph, sparql: str, *, name: str = "query") -> QueryResult:
    """Run a SPARQL query over an rdflib ``Graph`` or ``Dataset``.

    Prefixes bound in ``data`` may be used without ``PREFIX`` declarations. ``name``
    (e.g. the query file) starts error messages.

    Raises:
        QueryError: for malformed SPARQL (one line: position and what the parser expected).

    Example:
        >>> g = Graph()
        >>> g.add((URIRef("urn:a"), URIRef("urn:p"), Literal(1)))  # doctest: +ELLIPSIS
        <Graph ...>
        >>> run_query(g, "SELECT ?s ?o WHERE { ?s ?p ?o }").rows
        [('urn:a', 1)]
    """
    try:
        prepared = prepareQuery(sparql, initNs=dict(data.namespaces()))
    except Exception as e:  # pyparsing and rdflib raise many types for bad queries
        raise QueryError(name, _parse_problem(e)) from e
    try:
        result = data.query(prepared)
    except Exception as e:  # evaluation errors (e.g. unsupported functions)
        raise QueryError(name, f"query failed: {e}") from e
    if result.type == "ASK":
        return QueryResult((), (), bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(("subject", "predicate", "object"),
                           tuple(tuple(t) for t in result.graph))
    columns = tuple(str(v) for v in result.vars or ())
    return QueryResult(columns, tuple(tuple(row) for row in result))


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render ``result`` as ``table`` (aligned text), ``csv`` or ``json``.

    Example:
        >>> print(format_result(QueryResult(("a", "bb"), ((Literal(1), Literal("x")),))), end="")
        a | bb
        --+---
        1 | x
    """
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return json.dumps(_results_json(result), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown result format {fmt!r}; valid: {', '.join(RESULT_FORMATS)}")


def example_names() -> list[str]:
    """Names of the shipped example queries (``queries/*.rq``), sorted."""
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.rq"))


def example_query(name: str) -> str:
    """The text of example query ``name`` (with or without ``.rq``).

    Raises:
        QueryError: for an unknown name (the message lists the known ones).
    """
    name = name.removesuffix(".rq")
    if name not in example_names():
        raise QueryError(name, f"no such example query; known: {', '.join(example_names())}")
    return (EXAMPLES_DIR / f"{name}.rq").read_text(encoding="utf-8")


def _parse_problem(error: Exception) -> str:
    """The parser's message condensed to one line with line and column."""
    text = " ".join(str(error).split())
    line, col = getattr(error, "lineno", None), getattr(error, "col", None)
    text = _LOCATION.sub("", text).strip(" ,")
    if isinstance(line, int) and isinstance(col, int):
        return f"malformed SPARQL at line {line}, column {col}: {text}"
    return f"malformed SPARQL: {text}"


def _cell(term: Node | None) -> str:
    value = python_value(term)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())


def _table(result: QueryResult) -> str:
    if result.boolean is not None:
        return f"{'yes' if result.boolean else 'no'}\n"
    rows = [[_cell(t) for t in row] for row in result.terms]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if result.boolean is not None:
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
    else:
        writer.writerow(result.columns)
        writer.writerows([_cell(t) for t in row] for row in result.terms)
    return out.getvalue()


def _results_json(result: QueryResult) -> dict[str, Any]:
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    bindings = [{c: _term_json(t) for c, t in zip(result.columns, row, strict=True)
                 if t is not None} for row in result.terms]
    return {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}


def _term_json(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    data = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        data["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        data["datatype"] = str(term.datatype)
    return data
