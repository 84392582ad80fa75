"""kg export / query / push on the command line."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from typer.testing import CliRunner

from kg.claims_io import read_claims
from kg.cli import EXPORT_FORMATS, RDF_EXPORT_FORMATS, app
from kg.namespace import KG
from kg.rdf import dataset_to_claims, parse

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "claims_small.jsonl"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def claims_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "claims.jsonl").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("fmt", RDF_EXPORT_FORMATS)
def test_export_to_file_round_trips(runner, claims_dir, tmp_path, fmt):
    target = tmp_path / f"claims.{fmt}"
    result = runner.invoke(app, ["export", str(claims_dir), "--format", fmt, "--output",
                                 str(target)])
    assert result.exit_code == 0, result.output
    back = dataset_to_claims(parse(target.read_bytes(), fmt))
    assert set(back) == set(read_claims(FIXTURE))
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []


def test_export_to_stdout_with_base(runner, claims_dir):
    result = runner.invoke(app, ["export", str(claims_dir), "-f", "nt", "--base",
                                 "http://other.test/"])
    assert result.exit_code == 0
    ds = parse(result.stdout, "nt")
    assert (URIRef("http://other.test/claim/c-f1e2791815399f9a"), KG.negated,
            Literal(True)) in ds


def test_unknown_format_exits_2_listing_valid_ones(runner, claims_dir):
    result = runner.invoke(app, ["export", str(claims_dir), "--format", "owl"])
    assert result.exit_code == 2
    assert result.stderr == ("kg export: unknown format 'owl'; valid: "
                             + ", ".join(EXPORT_FORMATS) + "\n")


def test_missing_claims_is_one_line(runner, tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path), "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"kg: {tmp_path / 'claims.jsonl'}: no such file (run `kg extract` first?)"]
    assert not (tmp_path / "x.ttl").exists()


def test_corrupt_line_is_reported_and_skipped(claims_dir, tmp_path):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "{not json")
    (claims_dir / "claims.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "claims.ttl"
    # a real process, so the CLI's logging setup (not pytest's) reports the line
    done = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "export",
                           str(claims_dir), "-o", str(target)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert f"WARNING: {claims_dir / 'claims.jsonl'}:5: not JSON" in done.stderr
    assert len(dataset_to_claims(parse(target.read_bytes(), "ttl"))) == 11


def test_failed_write_leaves_no_partial_file(runner, claims_dir, tmp_path, monkeypatch):
    target = tmp_path / "claims.ttl"
    target.write_text("previous export\n", encoding="utf-8")

    def broken_replace(src, dst):  # noqa: ANN001, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = runner.invoke(app, ["export", str(claims_dir), "-o", str(target)])
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.ttl", "out"]


def test_failed_export_creates_no_file(runner, claims_dir, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle at all", encoding="utf-8")
    target = tmp_path / "claims.ttl"
    result = runner.invoke(app, ["export", str(claims_dir), "--concepts", str(bad), "-o",
                                 str(target)])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_dispatch_to_kg_graph(runner, claims_dir, tmp_path, fmt):
    import networkx as nx

    target = tmp_path / f"claims.{fmt}"
    result = runner.invoke(app, ["export", str(claims_dir), "-f", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(target)
    # 6 speakers, 8 concepts, 11 claims, 3 sources; 39 structural + 6 derived edges
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (28, 45)
    kinds = {kind for _, kind in graph.nodes(data="type")}
    assert kinds == {"speaker", "concept", "claim", "source"}
    assert graph.nodes["speaker:@rhappe"]["label"] == "Rachel Happe"


def test_csv_dispatches_to_kg_table(runner, claims_dir):
    result = runner.invoke(app, ["export", str(claims_dir), "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 11


def test_query_example_as_csv(runner, claims_dir):
    result = runner.invoke(app, ["query", str(claims_dir), "--example", "claims_by_source",
                                 "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["source", "title", "claims", "speakers", "negatedClaims"]
    assert rows[1][0] == "001_9915c937b68aed6b" and rows[1][2:] == ["5", "3", "1"]


def test_query_string_as_json(runner, claims_dir):
    result = runner.invoke(app, ["query", str(claims_dir),
                                 "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Claim }", "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "11"


def test_query_file_as_table(runner, claims_dir, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?c WHERE { ?c kg:subject kgc:team }", encoding="utf-8")
    result = runner.invoke(app, ["query", str(claims_dir), "--file", str(query)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "c", "-" * 47, "https://example.org/kg/claim/c-f1e2791815399f9a"]


def test_query_list(runner):
    result = runner.invoke(app, ["query", "--list"])
    assert result.stdout.split() == ["claims_by_source", "contrasts_with_community",
                                     "disagreements", "speaker_definitions"]


def test_malformed_sparql_is_one_line(runner, claims_dir):
    result = runner.invoke(app, ["query", str(claims_dir), "SELEC ?x"])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: query: malformed SPARQL at line 1, column 1:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_needs_exactly_one_query(runner, claims_dir):
    result = runner.invoke(app, ["query", str(claims_dir)])
    assert result.exit_code == 1
    assert "give exactly one of" in result.stderr


def test_bad_result_format_exits_2(runner, claims_dir):
    result = runner.invoke(app, ["query", str(claims_dir), "--example", "disagreements",
                                 "-f", "xlsx"])
    assert result.exit_code == 2
    assert "valid: table, csv, json" in result.stderr


def test_query_and_push_to_unreachable_endpoint(runner, claims_dir):
    url = f"http://127.0.0.1:{_closed_port()}"
    result = runner.invoke(app, ["query", "--endpoint", url, "ASK {}"])
    assert result.exit_code == 1
    assert result.stderr == f"kg: {url}/query: cannot reach the endpoint (ConnectionError)\n"
    result = runner.invoke(app, ["push", str(claims_dir), "--endpoint", url, "--protocol",
                                 "update", "--timeout", "2"])
    assert result.exit_code == 1
    assert result.stderr == f"kg: {url}/update: cannot reach the endpoint (ConnectionError)\n"


def test_push_unknown_protocol_exits_2(runner, claims_dir):
    result = runner.invoke(app, ["push", str(claims_dir), "--endpoint", "http://127.0.0.1:9",
                                 "--protocol", "ftp"])
    assert result.exit_code == 2
    assert "valid: gsp, update" in result.stderr
