"""kg.store against a real Oxigraph server on 127.0.0.1 (started and stopped here)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from factories import debate_claims
from rdflib.namespace import RDF

from kg.claims_io import read_claims
from kg.errors import EndpointError, QueryError
from kg.namespace import KG
from kg.query import example_names, example_query, run_query
from kg.rdf import claims_to_dataset
from kg.store import Endpoints, push, remote_query

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "claims_small.jsonl"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
DEFAULT_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A fresh Oxigraph store whose default graph is the union of all graphs."""
    assert OXIGRAPH.exists(), f"no oxigraph server at {OXIGRAPH}: pip install -e '.[test]'"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph did not start: {process.stderr.read()!r}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def dataset():
    return claims_to_dataset(read_claims(FIXTURE))


@pytest.fixture(scope="module")
def sample(sample_dir):
    """The extracted sample corpus plus claims that disagree (tests/factories.py), so that
    every example query has answers to compare."""
    claims = {c.id: c for c in [*read_claims(sample_dir), *debate_claims(read_claims(FIXTURE))]}
    return claims_to_dataset(claims.values())


def _clear(url: str) -> None:
    requests.post(f"{url}/update", data=b"DROP SILENT ALL",
                  headers={"Content-Type": "application/sparql-update"}, timeout=10)


def _count(url: str, sparql: str = COUNT) -> int:
    return remote_query(url, sparql, timeout=10).rows[0][0]


def _quads(dataset) -> int:
    return sum(1 for _ in dataset.quads((None, None, None, None)))


def _sorted(rows):
    return sorted(rows, key=repr)


@pytest.mark.server
@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_every_example_query_answers_the_same_on_the_server(server, sample, protocol):
    _clear(server)
    sent = push(sample, server, protocol=protocol, batch_size=500, timeout=10)
    assert sent == _quads(sample)
    # named graphs kept: one assertion and one provenance graph per claim
    claims = len(set(sample.subjects(RDF.type, KG.Claim)))
    graphs = remote_query(server, "SELECT (COUNT(DISTINCT ?g) AS ?n) "
                                  "WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=10).rows
    assert graphs == [(2 * claims,)]
    for name in example_names():
        local = run_query(sample, example_query(name))
        remote = remote_query(server, example_query(name), timeout=10)
        assert local.rows, f"{name}: no answers to compare"
        assert remote.columns == local.columns, name
        assert _sorted(remote.rows) == _sorted(local.rows), name


@pytest.mark.server
def test_repush_is_idempotent(server, dataset):
    _clear(server)
    push(dataset, server, protocol="update", timeout=10)
    once = _count(server, DEFAULT_COUNT)
    push(dataset, server, protocol="update", timeout=10)
    push(dataset, server, protocol="gsp", timeout=10)
    assert _count(server, DEFAULT_COUNT) == once == len(set(dataset.triples((None, None, None))))


class _FailingSession(requests.Session):
    """Lets ``allowed`` requests through, then fails as a dropped connection would."""

    def __init__(self, allowed: int) -> None:
        super().__init__()
        self.allowed = allowed

    def request(self, method, url, *args, **kwargs):  # noqa: ANN001, ANN201
        if self.allowed <= 0:
            raise requests.ConnectionError("connection reset by peer")
        self.allowed -= 1
        return super().request(method, url, *args, **kwargs)


@pytest.mark.server
@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_interrupted_push_keeps_earlier_batches_and_repush_completes(server, dataset,
                                                                     protocol):
    _clear(server)
    with pytest.raises(EndpointError, match="cannot reach the endpoint"):
        push(dataset, server, protocol=protocol, batch_size=100, timeout=10,
             session=_FailingSession(allowed=2))
    assert _count(server) + _count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
                                           "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }") \
        >= 100  # the first batches are stored
    push(dataset, server, protocol=protocol, batch_size=100, timeout=10)
    assert _count(server, DEFAULT_COUNT) == len(set(dataset.triples((None, None, None))))


@pytest.mark.server
@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_push_into_one_graph_replaces_it_atomically(server, dataset, protocol):
    _clear(server)
    graph = "https://example.org/kg/graph/sample"
    in_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    push(dataset, server, graph=graph, protocol=protocol, batch_size=100, timeout=10)
    full = _count(server, in_graph)
    assert full == len(set(dataset.triples((None, None, None))))
    # a push that dies halfway leaves the previous content of the graph untouched
    with pytest.raises(EndpointError):
        push(claims_to_dataset([]), server, graph=graph, protocol=protocol, batch_size=10,
             timeout=10, session=_FailingSession(allowed=2 if protocol == "update" else 0))
    assert _count(server, in_graph) == full
    push(dataset, server, graph=graph, protocol=protocol, timeout=10)
    assert _count(server, in_graph) == full


@pytest.mark.server
def test_server_rejects_malformed_sparql_as_query_error(server):
    with pytest.raises(QueryError, match=r"/query: HTTP 400"):
        remote_query(server, "SELEC ?x", timeout=10)


def test_unreachable_endpoint_is_one_line_naming_the_url():
    url = f"http://127.0.0.1:{_free_port()}"  # bound then closed: nobody listens
    with pytest.raises(EndpointError) as info:
        remote_query(url, "ASK {}", timeout=2)
    assert str(info.value) == f"{url}/query: cannot reach the endpoint (ConnectionError)"
    with pytest.raises(EndpointError, match=f"^{url}/store: cannot reach"):
        push(claims_to_dataset([]), url, timeout=2)


def test_unknown_protocol():
    with pytest.raises(ValueError, match="valid: gsp, update"):
        push(claims_to_dataset([]), "http://127.0.0.1:9", protocol="ftp")


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:7878", ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                               "http://127.0.0.1:7878/store")),
    ("http://h:3030/ds/query", ("http://h:3030/ds/query", "http://h:3030/ds/update",
                                "http://h:3030/ds/store")),
    ("http://h:3030/ds/data", ("http://h:3030/ds/query", "http://h:3030/ds/update",
                               "http://h:3030/ds/data")),
])
def test_endpoints_from_url(url, expected):
    endpoints = Endpoints.from_url(url)
    assert (endpoints.query, endpoints.update, endpoints.store) == expected


@pytest.mark.server
def test_cli_push_then_query_the_server(server, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    _clear(server)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "claims.jsonl").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    pushed = runner.invoke(app, ["push", str(folder), "--endpoint", server, "--protocol",
                                 "update", "--timeout", "10"])
    assert pushed.exit_code == 0, pushed.stderr
    assert pushed.stderr.startswith("pushed ")
    for name in example_names():
        local = runner.invoke(app, ["query", str(folder), "--example", name, "-f", "csv"])
        remote = runner.invoke(app, ["query", "--endpoint", server, "--example", name,
                                     "-f", "csv"])
        assert remote.exit_code == 0, remote.stderr
        header, *rows = remote.stdout.splitlines()
        assert [header, *sorted(rows)] == [local.stdout.splitlines()[0],
                                           *sorted(local.stdout.splitlines()[1:])], name
