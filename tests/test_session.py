"""kg.session: exports, SPARQL with inline errors, adding articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.claims_io import read_claims
from kg.graph import read_graph
from kg.records import Claim
from kg.session import (
    EXPORTS,
    claims_jsonl,
    example_queries,
    export_bytes,
    extract_articles,
    run_sparql,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"


@pytest.fixture(scope="module")
def claims():
    return read_claims(FIXTURE)


@pytest.mark.parametrize("spec", EXPORTS, ids=lambda s: s.format)
def test_every_export_format_produces_a_file(claims, spec):
    data = export_bytes(spec.format, claims)
    assert isinstance(data, bytes) and len(data) > 500
    assert "c-8dbe8383c81b5c37" in data.decode("utf-8")


def test_graph_exports_read_back(claims):
    graph = read_graph(export_bytes("graphml", claims), "graphml")
    assert "speaker:@rhappe" in graph


def test_jsonl_export_round_trips(claims):
    lines = claims_jsonl(claims).splitlines()
    assert sorted(Claim.from_dict(json.loads(line)).id for line in lines) == sorted(
        c.id for c in claims)


def test_unknown_export_format(claims):
    with pytest.raises(ValueError, match="unknown export format 'pdf'; valid: ttl"):
        export_bytes("pdf", claims)


def test_example_queries_all_run_on_the_fixture(claims):
    from kg.session import build_dataset

    dataset = build_dataset(claims)
    examples = example_queries()
    assert len(examples) >= 4
    for title, query in examples.items():
        assert not run_sparql(dataset, query).error, title


def test_an_ask_query_is_one_cell(claims):
    from kg.session import build_dataset

    assert run_sparql(build_dataset(claims), "ASK { ?s ?p ?o }").table.to_dict("list") == {
        "answer": [True]}


def test_a_bad_query_is_a_message_not_an_exception(claims):
    from kg.session import build_dataset

    result = run_sparql(build_dataset(claims), "SELECT ?x WHERE { ?x ")
    assert result.error and result.table.empty


def test_a_good_query_is_a_table(claims):
    from kg.session import build_dataset

    query = ("PREFIX prov: <http://www.w3.org/ns/prov#> "
             "SELECT ?claim WHERE { ?claim prov:wasAttributedTo ?s }")
    result = run_sparql(build_dataset(claims), query)
    assert not result.error and len(result.table) == len(claims)


def test_a_broken_file_among_good_ones_is_reported_and_the_rest_kept(nlp, tmp_path):
    from kg.vocab import load_vocabulary

    good = (ROOT / "data/corpus/002_f77db64989f60894.txt").read_bytes()
    pasted = b"Jane Doe says a community is a group of people who care."
    seen = []
    batch = extract_articles(
        [("good.txt", good), ("broken.txt", b"\x00\x01\x02" * 200), ("pasted-1.txt", pasted)],
        nlp=nlp, vocab=load_vocabulary(), workdir=tmp_path,
        progress=lambda done, total, name: seen.append((done, total, name)))
    assert [d.path.endswith(("good.txt", "pasted-1.txt")) for d in batch.documents] == [True,
                                                                                        True]
    assert len(batch.problems) == 1 and batch.problems[0].startswith("broken.txt: ")
    assert batch.claims and {c.source.id for c in batch.claims} <= {d.id for d in batch.documents}
    assert seen == [(1, 3, "good.txt"), (2, 3, "broken.txt"), (3, 3, "pasted-1.txt")]
