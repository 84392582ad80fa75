"""kg.query: SPARQL in process, result formats, example queries on the fixture."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from factories import debate_claims
from rdflib import Literal, URIRef

from kg.claims_io import read_claims
from kg.errors import QueryError
from kg.query import (
    QueryResult,
    example_names,
    example_query,
    format_result,
    python_value,
    run_query,
)
from kg.rdf import claims_to_dataset
from kg.records import ObjectRef, Speaker

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "claims_small.jsonl"
ROOT = Path(__file__).resolve().parent.parent
CLAIM = "https://example.org/kg/claim/"
AUTHOR_003 = "Author of Building Relationships to Ignite Movements"

EXPECTED = {
    "claims_by_source": [
        ("001_9915c937b68aed6b",
         "The Role of Communities in Social Business - #SocBizChat Tweetjam Summarized", 5, 3, 1),
        ("002_f77db64989f60894", "Community", 3, 1, 2),
        ("003_9ff6d3cb4f8f87ec", "Building Relationships to Ignite Movements", 3, 2, 1),
    ],
    "contrasts_with_community": [
        ("audience", AUTHOR_003, "differ from", False, CLAIM + "c-527f85492a9cbaf9"),
        ("network", "Rachel Happe", "become", False, CLAIM + "c-d061fd2737c564cf"),
        ("team", "deb_lavoy", "be the same as", True, CLAIM + "c-f1e2791815399f9a"),
    ],
    "disagreements": [],
    "speaker_definitions": [
        (AUTHOR_003, "definition", True, False, "consist of",
         "the people who like your Facebook page",
         "Far too many believe community consists of the people who like your Facebook "
         "page, or who follow you on Twitter or SnapChat."),
        ("Author of Community", "requirement", False, False, "depend on", "more than connection",
         "Communities depend on more than connection."),
        ("Rachel Happe", "definition", False, False, "be",
         "a group of people with unique shared values, behaviors, & artifacts",
         "My current def of community = a group of people with unique shared values, "
         "behaviors, & artifacts"),
        ("deb_lavoy", "definition", False, False, "be", "support structures",
         "communities are support structures."),
        ("jimstorer", "property", False, True, "tend to focus on", "relationships",
         "I think of teams as collaborative, but transactional (goal oriented), whereas "
         "communities tend to focus on relationships"),
    ],
}


@pytest.fixture(scope="module")
def claims():
    return read_claims(FIXTURE)


@pytest.fixture(scope="module")
def dataset(claims):
    return claims_to_dataset(claims)


def test_examples_are_shipped():
    assert example_names() == sorted(EXPECTED)
    for name in example_names():
        assert example_query(name).startswith("# ")  # a comment header says what it asks


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_query_rows_on_the_fixture(dataset, name):
    assert run_query(dataset, example_query(name)).rows == EXPECTED[name]


def test_disagreement_by_opposite_polarity(claims):
    # c-7614: the author of 002 says customers are not a community; a second speaker disagrees.
    denial = next(c for c in claims if c.id == "c-7614b2456dad9cbf")
    counter = dataclasses.replace(denial, id="c-ffffffffffffff01", negated=False,
                                  speaker=Speaker("@fan", "fan", "handle"))
    rows = run_query(claims_to_dataset([*claims, counter]), example_query("disagreements")).rows
    # the affirmative claim first, as kg.graph.disagreements puts it
    assert rows == [("customer", "opposite polarity", "fan", CLAIM + "c-ffffffffffffff01",
                     "Author of Community", CLAIM + "c-7614b2456dad9cbf")]


def test_disagreement_by_contrasting_objects(claims):
    # deb_lavoy contrasts team with community; two speakers define network as each of them.
    base = next(c for c in claims if c.id == "c-d061fd2737c564cf")  # network -> community
    as_team = dataclasses.replace(base, id="c-ffffffffffffff02", type="definition",
                                  predicate="be", object=ObjectRef("a team", "team"),
                                  speaker=Speaker("@x", "x", "handle"))
    as_community = dataclasses.replace(as_team, id="c-ffffffffffffff03",
                                       object=ObjectRef("a community", "community"),
                                       speaker=Speaker("@y", "y", "handle"))
    rows = run_query(claims_to_dataset([*claims, as_team, as_community]),
                     example_query("disagreements")).rows
    assert ("network", "contrasting objects", "x", CLAIM + "c-ffffffffffffff02", "y",
            CLAIM + "c-ffffffffffffff03") in rows


def test_disagreements_query_finds_what_kg_graph_finds(claims):
    from kg.graph import build_graph, disagreements

    debate = debate_claims(claims)
    python = {(r["kind"], r["concept"], frozenset((r["claim_a"], r["claim_b"])))
              for r in disagreements(build_graph(debate))}
    sparql = {(kind, subject, frozenset((a.removeprefix(CLAIM), b.removeprefix(CLAIM))))
              for subject, kind, _, a, _, b in run_query(
                  claims_to_dataset(debate), example_query("disagreements")).rows}
    assert sparql == python
    assert {kind for kind, *_ in python} == {"opposite polarity", "contrasting objects"}


def test_prefixes_of_the_dataset_need_no_declaration(dataset):
    rows = run_query(dataset, "SELECT ?c WHERE { ?c kg:negated true ; kg:subject kgc:team }").rows
    assert rows == [(CLAIM + "c-f1e2791815399f9a",)]


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELEC ?x WHERE { ?x ?p ?o }", "q.rq: malformed SPARQL at line 1, column 1: Expected"),
    ("SELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTER( }", "q.rq: malformed SPARQL at line 3, column"),
    ("SELECT ?x WHERE { ?x nope:p ?o }", "q.rq: malformed SPARQL: Unknown namespace prefix"),
])
def test_malformed_sparql_is_a_one_line_query_error(dataset, sparql, message):
    with pytest.raises(QueryError) as info:
        run_query(dataset, sparql, name="q.rq")
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_unknown_example_lists_known_ones():
    with pytest.raises(QueryError, match="known: claims_by_source, contrasts_with_community"):
        example_query("everything")


def test_ask_and_construct(dataset):
    assert run_query(dataset, "ASK { ?c kg:negated true }").boolean is True
    result = run_query(dataset, "CONSTRUCT { ?c kg:negated true } WHERE "
                                "{ ?c kg:negated true ; kg:subject kgc:team }")
    assert result.columns == ("subject", "predicate", "object")
    assert result.rows == [(CLAIM + "c-f1e2791815399f9a", "https://example.org/kg/ns#negated",
                            True)]


RESULT = QueryResult(("concept", "n", "note"), (
    (URIRef("https://example.org/kg/concept/team"), Literal(2), Literal("a, \"b\"", lang="en")),
    (URIRef("https://example.org/kg/concept/group"), Literal(10), None),
))


def test_table_is_aligned():
    assert format_result(RESULT, "table").splitlines() == [
        "concept                              | n  | note",
        "-------------------------------------+----+-------",
        "https://example.org/kg/concept/team  | 2  | a, \"b\"",
        "https://example.org/kg/concept/group | 10 |",
    ]


def test_csv_quotes_and_leaves_unbound_empty():
    rows = list(csv.reader(io.StringIO(format_result(RESULT, "csv"))))
    assert rows == [["concept", "n", "note"],
                    ["https://example.org/kg/concept/team", "2", 'a, "b"'],
                    ["https://example.org/kg/concept/group", "10", ""]]


def test_json_is_sparql_results_json():
    data = json.loads(format_result(RESULT, "json"))
    assert data["head"] == {"vars": ["concept", "n", "note"]}
    first, second = data["results"]["bindings"]
    assert first["concept"] == {"type": "uri", "value": "https://example.org/kg/concept/team"}
    assert first["n"] == {"type": "literal", "value": "2",
                          "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["note"] == {"type": "literal", "value": 'a, "b"', "xml:lang": "en"}
    assert "note" not in second
    assert json.loads(format_result(QueryResult((), (), True), "json")) == \
        {"head": {}, "boolean": True}


def test_unknown_result_format():
    with pytest.raises(ValueError, match="valid: table, csv, json"):
        format_result(RESULT, "xlsx")


def test_python_values():
    assert [python_value(t) for t in RESULT.terms[1]] == [
        "https://example.org/kg/concept/group", 10, None]
