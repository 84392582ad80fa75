"""Load a claims dataset into a SPARQL 1.1 server and query it there.

``endpoint`` is either the server's root (``http://127.0.0.1:7878`` for Oxigraph:
``/query``, ``/update`` and ``/store`` are appended) or one of its service URLs
(``.../query``, ``.../sparql``, ``.../update``, ``.../store``, ``.../data``), from which
the siblings are derived; see :meth:`Endpoints.from_url`.

Pushing never loses data already stored:

* with ``graph`` (one target named graph): ``gsp`` replaces the graph with a single
  ``PUT`` (one request, one server transaction: all or nothing); ``update`` inserts in
  batches into a staging graph and then ``MOVE``\\ s it over the target, so an
  interrupted push leaves the target as it was.
* without ``graph`` (the dataset's own named graphs, nanopublication style): batches
  are *added* (``POST`` of N-Quads, or ``INSERT DATA``). kg mints no blank nodes, so
  re-pushing is idempotent, and a failed batch leaves the earlier batches stored;
  push again to complete.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby, islice
from typing import Any

import requests
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import EndpointError, QueryError
from kg.namespace import PREFIXES
from kg.query import QueryResult

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_TIMEOUT", "PROTOCOLS", "Endpoints", "push",
           "remote_query"]

logger = logging.getLogger(__name__)

PROTOCOLS = ("gsp", "update")
DEFAULT_TIMEOUT = 30.0
#: Quads per request when adding in batches.
DEFAULT_BATCH_SIZE = 5000
_SERVICE_NAMES = {"query": "query", "sparql": "query", "update": "update",
                  "store": "store", "data": "store"}
_RESULTS_JSON = "application/sparql-results+json"
_DECLARED = re.compile(r"^\s*PREFIX\s+([\w.-]*):", re.IGNORECASE | re.MULTILINE)

Quad = tuple[Node, Node, Node, Node | None]


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The query, update and graph store URLs of one SPARQL server."""

    query: str
    update: str
    store: str

    @classmethod
    def from_url(cls, url: str) -> Endpoints:
        """Derive the three service URLs from a root or from any one of them.

        Example:
            >>> Endpoints.from_url("http://127.0.0.1:7878/")
            Endpoints(query='http://127.0.0.1:7878/query', \
update='http://127.0.0.1:7878/update', store='http://127.0.0.1:7878/store')
            >>> Endpoints.from_url("http://h:3030/ds/sparql").update
            'http://h:3030/ds/update'
        """
        url = url.rstrip("/")
        root, _, last = url.rpartition("/")
        if last in _SERVICE_NAMES:
            urls = {"query": f"{root}/query", "update": f"{root}/update",
                    "store": f"{root}/store" if last != "data" else url}
            urls[_SERVICE_NAMES[last]] = url
            return cls(**urls)
        return cls(f"{url}/query", f"{url}/update", f"{url}/store")


def push(dataset: Dataset | Graph, endpoint: str, *, graph: str | None = None,
         protocol: str = "gsp", timeout: float = DEFAULT_TIMEOUT,
         batch_size: int = DEFAULT_BATCH_SIZE,
         session: requests.Session | None = None) -> int:
    """Load ``dataset`` into the server at ``endpoint``; returns the number of quads sent.

    ``graph`` puts every triple into that one named graph (replacing it); without it
    the dataset's graphs are kept and added to. See the module docstring for
    what an interrupted push leaves behind.

    Raises:
        EndpointError: unreachable server or refused request (one line naming the URL).
        ValueError: unknown ``protocol``.
    """
    if protocol not in PROTOCOLS:
        raise ValueError(f"unknown protocol {protocol!r}; valid: {', '.join(PROTOCOLS)}")
    urls = Endpoints.from_url(endpoint)
    client = _Client(session or requests.Session(), timeout)
    quads = list(_quads(dataset, graph))
    if graph is not None and protocol == "gsp":
        body = _serialize(quads, "nt")
        client.send("PUT", urls.store, params={"graph": graph}, data=body,
                    headers={"Content-Type": "application/n-triples"})
    elif graph is not None:
        staging = f"{graph}-kg-staging"
        client.update(urls.update, f"DROP SILENT GRAPH <{staging}>")
        for batch in _batches(quads, batch_size):
            staged = [(s, p, o, URIRef(staging)) for s, p, o, _ in batch]
            client.update(urls.update, _insert_data(staged))
        client.update(urls.update, f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>")
    else:
        for batch in _batches(quads, batch_size):
            if protocol == "gsp":
                client.send("POST", urls.store, data=_serialize(batch, "nquads"),
                            headers={"Content-Type": "application/n-quads"})
            else:
                client.update(urls.update, _insert_data(batch))
    logger.info("pushed %d quads to %s (%s)", len(quads), endpoint, protocol)
    return len(quads)


def remote_query(endpoint: str, sparql: str, *, timeout: float = DEFAULT_TIMEOUT,
                 session: requests.Session | None = None) -> QueryResult:
    """Run ``sparql`` on a server (SPARQL 1.1 protocol, JSON results).

    kg's usual prefixes (``kg:``, ``skos:``, ``prov:`` ...) are declared when the query
    uses them without declaring them.

    Raises:
        EndpointError: unreachable server or unexpected answer.
        QueryError: the server rejected the query (HTTP 400).
    """
    url = Endpoints.from_url(endpoint).query
    client = _Client(session or requests.Session(), timeout)
    response = client.send(
        "POST", url, data={"query": _with_prefixes(sparql)},
        headers={"Accept": f"{_RESULTS_JSON}, application/n-triples;q=0.9"},
        bad_request=QueryError)
    if response.headers.get("Content-Type", "").startswith("application/n-triples"):
        triples = Graph().parse(data=response.text, format="nt")
        return QueryResult(("subject", "predicate", "object"), tuple(tuple(t) for t in triples))
    try:
        return _from_results_json(response.json())
    except (ValueError, KeyError, TypeError) as e:
        raise EndpointError(url, f"not SPARQL JSON results ({e})") from e


# --- helpers -------------------------------------------------------------------------


class _Client:
    """Sends requests and turns every failure into a one-line :class:`EndpointError`."""

    def __init__(self, session: requests.Session, timeout: float) -> None:
        self.session = session
        self.timeout = timeout

    def send(self, method: str, url: str, *, bad_request: type[Exception] = EndpointError,
             **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout as e:
            raise EndpointError(url, f"no answer within {self.timeout:g} s") from e
        except requests.RequestException as e:
            raise EndpointError(url, f"cannot reach the endpoint ({type(e).__name__})") from e
        if response.status_code >= 400:
            detail = " ".join(response.text.split())[:200]
            error = bad_request if response.status_code == 400 else EndpointError
            raise error(url, f"HTTP {response.status_code} {response.reason}: {detail}")
        return response

    def update(self, url: str, sparql: str) -> None:
        self.send("POST", url, data=sparql.encode("utf-8"),
                  headers={"Content-Type": "application/sparql-update"})


def _quads(data: Dataset | Graph, graph: str | None) -> Iterator[Quad]:
    """Quads sorted by graph (``None`` = the default graph), or all into ``graph``."""
    if isinstance(data, Dataset):
        default = data.default_graph.identifier
        quads = ((s, p, o, _graph_name(c, default))
                 for s, p, o, c in data.quads((None, None, None, None)))
    else:
        quads = ((s, p, o, None) for s, p, o in data)
    if graph is not None:
        seen = {(s, p, o) for s, p, o, _ in quads}
        yield from ((s, p, o, None) for s, p, o in seen)
        return
    yield from sorted(quads, key=lambda q: "" if q[3] is None else str(q[3]))


def _graph_name(context: Any, default: Node) -> Node | None:
    """The name of a quad's graph; ``None`` for the default graph."""
    name = getattr(context, "identifier", context)  # rdflib yields graphs or their names
    return None if name is None or name == default else name


def _batches(quads: list[Quad], size: int) -> Iterator[list[Quad]]:
    it = iter(quads)
    while batch := list(islice(it, max(1, size))):
        yield batch


def _serialize(quads: list[Quad], fmt: str) -> bytes:
    """Serialise quads with rdflib's ``nt`` or ``nquads`` plugin."""
    dataset = Dataset()
    for s, p, o, g in quads:
        target = dataset.default_graph if g is None or fmt == "nt" else dataset.graph(g)
        target.add((s, p, o))
    data: Graph = dataset.default_graph if fmt == "nt" else dataset
    return data.serialize(format=fmt, encoding="utf-8")


def _insert_data(quads: list[Quad]) -> str:
    """``INSERT DATA`` with one ``GRAPH`` block per named graph (N-Triples inside)."""
    parts = []
    for name, group in groupby(quads, key=lambda q: q[3]):
        body = _serialize([(s, p, o, None) for s, p, o, _ in group], "nt").decode("utf-8")
        parts.append(body if name is None else f"GRAPH <{name}> {{\n{body}}}\n")
    return "INSERT DATA {\n" + "".join(parts) + "}"


def _with_prefixes(sparql: str) -> str:
    """Declare kg's usual prefixes a query uses but does not declare."""
    declared = {m.lower() for m in _DECLARED.findall(sparql)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
               if p not in declared and re.search(rf"(?<![\w<]){re.escape(p)}:", sparql)]
    return "\n".join([*missing, sparql]) if missing else sparql


def _from_results_json(data: dict[str, Any]) -> QueryResult:
    if "boolean" in data:
        return QueryResult((), (), bool(data["boolean"]))
    columns = tuple(data["head"]["vars"])
    rows = tuple(tuple(_term(b.get(c)) for c in columns) for b in data["results"]["bindings"])
    return QueryResult(columns, rows)


def _term(binding: dict[str, str] | None) -> Node | None:
    """A SPARQL JSON binding as an rdflib term.

    Example:
        >>> _term({"type": "literal", "value": "3",
        ...        "datatype": "http://www.w3.org/2001/XMLSchema#integer"}).toPython()
        3
    """
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    return Literal(value, datatype=URIRef(datatype) if datatype else None)

