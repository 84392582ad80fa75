"""kg.graph on the 11 hand-made claims of tests/fixtures/claims_small.jsonl.

Every expected value below was worked out by hand from the fixture:

    c-f1e2 @deb_lavoy  team -contrast, negated "be the same as"-> community
    c-de89 @deb_lavoy  community -definition-> "support structures"
    c-8dbe @rhappe     community -definition-> group
    c-d061 @rhappe     network -contrast "become"-> community
    c-76df @jimstorer  community -property-> "relationships"
    c-cefd author:002  community -requirement-> "more than connection"
    c-7614 author:002  customer -definition, negated-> community
    c-54ef author:002  employee -definition, negated-> community
    c-9db2 panelists   member -definition-> "individuals ..."
    c-e3e4 author:003  community -definition, negated-> "the people who like ..."
    c-527f author:003  audience -contrast "differ from"-> community
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from factories import debate_claims

from kg.graph import (
    NoClaimPath,
    agreements,
    build_graph,
    claim_path,
    clusters,
    co_claimed_concepts,
    concept_ranking,
    concept_speaker_graph,
    derive_relation,
    disagreements,
    graph_to_claims,
    node_id,
    read_graph,
    speaker_concept_matrix,
    speaker_definitions,
    speakers_per_concept,
    split_node_id,
    subgraph_view,
    summary,
    write_graph,
)
from kg.graph.analysis import pagerank
from kg.records import Claim, Speaker

FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"
A002 = "author:002_f77db64989f60894"
A003 = "author:003_9ff6d3cb4f8f87ec"
S001 = "001_9915c937b68aed6b"
SPEAKERS = ["@deb_lavoy", "@jimstorer", "@rhappe", A002, A003, "group:panelists"]
CONCEPTS = ["audience", "community", "customer", "employee", "group", "member", "network",
            "team"]
C = {  # short names of the fixture's claim ids
    "f1e2": "c-f1e2791815399f9a", "de89": "c-de8913e973055645", "8dbe": "c-8dbe8383c81b5c37",
    "d061": "c-d061fd2737c564cf", "76df": "c-76df26718e40104a", "cefd": "c-cefd970604dd32dc",
    "7614": "c-7614b2456dad9cbf", "54ef": "c-54ef89e1149bdc08", "9db2": "c-9db2e63fbd2f0779",
    "e3e4": "c-e3e404e507ed9982", "527f": "c-527f85492a9cbaf9",
}


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    with FIXTURE.open(encoding="utf-8") as handle:
        return [Claim.from_dict(json.loads(line)) for line in handle]


@pytest.fixture(scope="module")
def graph(claims: list[Claim]) -> nx.MultiDiGraph:
    return build_graph(claims)


def by_id(claims: list[Claim], short: str) -> Claim:
    return next(c for c in claims if c.id == C[short])


# --- build ------------------------------------------------------------------------------


def test_summary_counts_nodes_per_type_and_edges(graph):
    # 11 asserts + 11 subject + 6 object + 11 from = 39 structural, + 6 derived.
    assert summary(graph) == {"speaker": 6, "concept": 8, "claim": 11, "source": 3,
                              "edges": 45, "derived_edges": 6}


def test_node_ids_carry_their_type(graph):
    kinds = {n: split_node_id(n)[0] for n in graph}
    assert all(graph.nodes[n]["type"] == kind for n, kind in kinds.items())
    assert sorted(split_node_id(n)[1] for n in graph if kinds[n] == "speaker") == SPEAKERS
    assert sorted(split_node_id(n)[1] for n in graph if kinds[n] == "concept") == CONCEPTS


def test_speaker_source_and_concept_attributes(graph):
    assert graph.nodes["speaker:@rhappe"] == {"type": "speaker", "label": "Rachel Happe",
                                              "kind": "person",
                                              "aliases": ("@rhappe", "Rachel")}
    assert graph.nodes[f"source:{S001}"] == {
        "type": "source", "path": f"data/corpus/{S001}.txt",
        "label": "The Role of Communities in Social Business - #SocBizChat Tweetjam Summarized",
        "title": "The Role of Communities in Social Business - #SocBizChat Tweetjam Summarized"}
    assert graph.nodes["concept:community"] == {"type": "concept", "label": "community",
                                                "in_vocabulary": True}


def test_claim_node_attributes(graph):
    assert graph.nodes[f"claim:{C['f1e2']}"] == {
        "type": "claim", "label": "team not be the same as communities",
        "claim_type": "contrast", "predicate": "be the same as", "negated": True,
        "hedged": False, "subject_label": "team", "object_label": "communities",
        "evidence": "teams are not the same as communities.", "evidence_start": 1192,
        "evidence_end": 1230, "confidence": 0.9, "relation": "contrasted with"}


def test_structural_edges_of_a_claim(graph):
    node = f"claim:{C['f1e2']}"
    assert list(graph.in_edges(node, keys=True, data="relation")) == [
        ("speaker:@deb_lavoy", node, "asserts", "asserts")]
    assert sorted(graph.out_edges(node, keys=True, data="relation")) == [
        (node, "concept:community", "object", "object"),
        (node, "concept:team", "subject", "subject"),
        (node, f"source:{S001}", "from", "from")]


def test_claim_without_object_concept_has_no_object_edge(graph):
    node = f"claim:{C['de89']}"
    assert sorted(k for _, _, k in graph.out_edges(node, keys=True)) == ["from", "subject"]


def test_derived_concept_edges(graph):
    derived = sorted((u, v, k) for u, v, k, d in graph.edges(keys=True, data="derived") if d)
    assert derived == [
        ("concept:audience", "concept:community", "contrasted with"),
        ("concept:community", "concept:group", "is a"),
        ("concept:customer", "concept:community", "is not"),
        ("concept:employee", "concept:community", "is not"),
        ("concept:network", "concept:community", "contrasted with"),
        ("concept:team", "concept:community", "contrasted with"),
    ]
    assert graph.edges["concept:customer", "concept:community", "is not"] == {
        "relation": "is not", "derived": True, "count": 1, "claims": (C["7614"],),
        "speakers": (A002,)}


def test_derived_edge_aggregates_claims_of_several_speakers(claims):
    extra = replace(by_id(claims, "7614"), id="c-extra",
                    speaker=Speaker("@deb_lavoy", "deb_lavoy", "handle"))
    graph = build_graph([*claims, extra])
    assert graph.edges["concept:customer", "concept:community", "is not"] == {
        "relation": "is not", "derived": True, "count": 2, "claims": (C["7614"], "c-extra"),
        "speakers": ("@deb_lavoy", A002)}


def test_vocabulary_marks_concepts_outside_it(claims):
    graph = build_graph(claims, vocabulary={"community", "group", "team"})
    outside = sorted(split_node_id(n)[1] for n, v in graph.nodes(data="in_vocabulary")
                     if v is False)
    assert outside == ["audience", "customer", "employee", "member", "network"]


def test_repeated_claim_is_added_once(claims):
    assert summary(build_graph([*claims, claims[0]])) == summary(build_graph(claims))


def test_two_claims_with_one_id_raise(claims):
    clash = replace(claims[1], id=claims[0].id)
    with pytest.raises(ValueError, match="share the id 'c-f1e2791815399f9a'"):
        build_graph([claims[0], clash])


def test_graph_to_claims_recovers_the_claims(claims, graph):
    assert graph_to_claims(graph) == claims


def test_graph_to_claims_rejects_a_claim_node_without_its_edges(graph):
    broken = graph.copy()
    broken.remove_edge("speaker:@jimstorer", f"claim:{C['76df']}", key="asserts")
    with pytest.raises(ValueError, match="lacks its speaker, subject or source edge"):
        graph_to_claims(broken)


@pytest.mark.parametrize(("claim_type", "predicate", "negated", "relation"), [
    ("definition", "be", False, "is a"),
    ("definition", "mean", True, "is not"),
    ("contrast", "differ from", False, "contrasted with"),
    ("contrast", "differ from", True, "same as"),
    ("contrast", "be the same as", False, "same as"),
    ("contrast", "be the same as", True, "contrasted with"),
    ("contrast", "become", True, "not contrasted with"),
    ("property", "tend to focus on", False, "has property"),
    ("property", "have", True, "lacks property"),
    ("requirement", "depend on", False, "requires"),
    ("requirement", "need", True, "does not require"),
    ("unknown", "resemble", False, "resemble"),
])
def test_derive_relation(claim_type, predicate, negated, relation):
    assert derive_relation(claim_type, predicate, negated) == relation


def test_node_id_errors():
    assert split_node_id(node_id("concept", "external community")) == (
        "concept", "external community")
    with pytest.raises(ValueError, match="kind must be one of"):
        node_id("person", "x")
    with pytest.raises(ValueError, match="node id must start with one of"):
        split_node_id("community")


# --- analysis ---------------------------------------------------------------------------


def test_ranking_by_degree_counts_claims_about_each_concept(graph):
    rows = concept_ranking(graph, by="degree")
    assert [(r["rank"], r["concept"], r["score"]) for r in rows] == [
        (1, "community", 10), (2, "audience", 1), (3, "customer", 1), (4, "employee", 1),
        (5, "group", 1), (6, "member", 1), (7, "network", 1), (8, "team", 1)]
    assert rows[0] == {"rank": 1, "concept": "community", "label": "community", "score": 10,
                       "claims": 10, "speakers": 5, "in_vocabulary": True}


def test_ranking_by_betweenness(graph):
    # community touches all 11 other nodes of its component: 49 pairs at distance 2, of
    # which group-network (via @rhappe) and customer-employee (via author:002) have a
    # second path: 47 + 2 * 0.5 = 48, normalised by 2 / (13 * 12).
    rows = concept_ranking(graph, by="betweenness")
    assert rows[0]["concept"] == "community"
    assert rows[0]["score"] == pytest.approx(8 / 13)
    assert [r["score"] for r in rows[1:]] == [0.0] * 7


def test_ranking_by_pagerank(graph):
    rows = {r["concept"]: r["score"] for r in concept_ranking(graph)}
    assert concept_ranking(graph)[0]["concept"] == "community"
    # member and group:panelists form a component of their own: (0.15/14) / 0.15 each.
    assert rows["member"] == pytest.approx(1 / 14)
    # Symmetric positions in the projection get equal ranks.
    assert rows["team"] == pytest.approx(rows["audience"])
    assert rows["group"] == pytest.approx(rows["network"])
    assert rows["customer"] == pytest.approx(rows["employee"])
    assert rows["community"] == pytest.approx(0.288259, abs=1e-6)


def test_pagerank_matches_the_principal_eigenvector(graph):
    projection = concept_speaker_graph(graph)
    import numpy as np

    matrix = nx.google_matrix(projection, weight="weight")
    values, vectors = np.linalg.eig(matrix.T)
    vector = np.abs(vectors[:, np.argmax(values.real)].real)
    expected = dict(zip(projection, vector / vector.sum(), strict=True))
    ranks = pagerank(projection)
    assert sum(ranks.values()) == pytest.approx(1.0)
    assert ranks == pytest.approx(expected, abs=1e-8)


def test_ranking_limit_and_errors(graph):
    assert [r["concept"] for r in concept_ranking(graph, by="degree", limit=2)] == [
        "community", "audience"]
    assert concept_ranking(graph, limit=0) == []
    with pytest.raises(ValueError, match="by must be one of .* got 'closeness'"):
        concept_ranking(graph, by="closeness")
    with pytest.raises(ValueError, match="limit must be >= 0"):
        concept_ranking(graph, limit=-1)


def test_speakers_per_concept(graph):
    rows = speakers_per_concept(graph)
    assert rows[0] == {"concept": "community", "n_speakers": 5, "n_claims": 10,
                       "speakers": ["@deb_lavoy", "@jimstorer", "@rhappe", A002, A003],
                       "speaker_labels": ["deb_lavoy", "jimstorer", "Rachel Happe",
                                          "Author of Community",
                                          "Author of Building Relationships to Ignite Movements"]}
    assert [(r["concept"], r["speakers"]) for r in rows[1:]] == [
        ("audience", [A003]), ("customer", [A002]), ("employee", [A002]),
        ("group", ["@rhappe"]), ("member", ["group:panelists"]), ("network", ["@rhappe"]),
        ("team", ["@deb_lavoy"])]


def test_speaker_definitions_of_community(graph):
    rows = speaker_definitions(graph, "community")
    assert [(r["speaker"], r["type"], r["negated"], r["predicate"], r["object"], r["claim"])
            for r in rows] == [
        ("@deb_lavoy", "definition", False, "be", "support structures", C["de89"]),
        ("@jimstorer", "property", False, "tend to focus on", "relationships", C["76df"]),
        ("@rhappe", "definition", False, "be",
         "a group of people with unique shared values, behaviors, & artifacts", C["8dbe"]),
        (A002, "requirement", False, "depend on", "more than connection", C["cefd"]),
        (A003, "definition", True, "consist of", "the people who like your Facebook page",
         C["e3e4"]),
    ]
    assert rows[0] == {"speaker": "@deb_lavoy", "speaker_label": "deb_lavoy",
                       "type": "definition", "negated": False, "predicate": "be",
                       "object": "support structures",
                       "evidence": "communities are support structures.", "source": S001,
                       "claim": C["de89"]}


def test_speaker_definitions_with_the_concept_as_object(graph):
    rows = speaker_definitions(graph, "concept:community", include_object=True)
    assert [r["claim"] for r in rows] == [
        C["f1e2"], C["de89"], C["76df"], C["d061"], C["8dbe"], C["54ef"], C["7614"],
        C["cefd"], C["527f"], C["e3e4"]]  # by speaker, then type: definition < requirement


def test_unknown_concept_raises_node_not_found(graph):
    with pytest.raises(nx.NodeNotFound, match="no concept 'unicorn'"):
        speaker_definitions(graph, "unicorn")
    with pytest.raises(nx.NodeNotFound, match="no concept '@rhappe'"):
        speaker_definitions(graph, "@rhappe")


def test_co_claimed_concepts(graph):
    rows = co_claimed_concepts(graph)
    assert [(r["a"], r["b"], r["speakers"]) for r in rows] == [
        ("audience", "community", [A003]), ("community", "customer", [A002]),
        ("community", "employee", [A002]), ("community", "group", ["@rhappe"]),
        ("community", "network", ["@rhappe"]), ("community", "team", ["@deb_lavoy"]),
        ("customer", "employee", [A002]), ("group", "network", ["@rhappe"])]
    assert co_claimed_concepts(graph, min_speakers=2) == []
    with pytest.raises(ValueError, match="min_speakers must be >= 1, got 0"):
        co_claimed_concepts(graph, min_speakers=0)


def test_co_claimed_concepts_counts_shared_speakers(claims):
    extra = replace(by_id(claims, "8dbe"), id="c-extra",
                    speaker=Speaker("@jimstorer", "jimstorer", "handle"))
    rows = co_claimed_concepts(build_graph([*claims, extra]), min_speakers=2)
    assert rows == [{"a": "community", "b": "group", "speakers": ["@jimstorer", "@rhappe"],
                     "n_speakers": 2}]


def test_clusters_are_deterministic_and_respect_components(graph):
    rows = clusters(graph, seed=0)
    assert rows == clusters(graph, seed=0)
    assert rows == [
        {"cluster": 1, "concepts": ["community", "customer", "employee", "team"],
         "speakers": ["@deb_lavoy", "@jimstorer", A002], "size": 7},
        {"cluster": 2, "concepts": ["group", "network"], "speakers": ["@rhappe"], "size": 3},
        {"cluster": 3, "concepts": ["audience"], "speakers": [A003], "size": 2},
        {"cluster": 4, "concepts": ["member"], "speakers": ["group:panelists"], "size": 2},
    ]


def test_claim_path(graph):
    rows = claim_path(graph, "team", "group")
    assert [(r["claim"], r["subject"], r["relation"], r["object_concept"]) for r in rows] == [
        (C["f1e2"], "team", "contrasted with", "community"),
        (C["8dbe"], "community", "is a", "group")]
    assert rows[0]["evidence"] == "teams are not the same as communities."
    assert rows[0]["speaker"] == "@deb_lavoy"
    # Against the direction of the claims too.
    assert [r["claim"] for r in claim_path(graph, "customer", "employee")] == [
        C["7614"], C["54ef"]]
    assert claim_path(graph, "team", "team") == []


def test_claim_path_errors(graph):
    with pytest.raises(NoClaimPath, match="no chain of claims links 'member' and 'community'"):
        claim_path(graph, "member", "community")
    with pytest.raises(nx.NetworkXNoPath):
        claim_path(graph, "member", "team")
    with pytest.raises(nx.NodeNotFound, match="no concept 'unicorn'"):
        claim_path(graph, "team", "unicorn")


def test_speaker_concept_matrix(graph):
    matrix = speaker_concept_matrix(graph)
    counts = {"@deb_lavoy": {"community": 2, "team": 1}, "@jimstorer": {"community": 1},
              "@rhappe": {"community": 2, "group": 1, "network": 1},
              A002: {"community": 3, "customer": 1, "employee": 1},
              A003: {"audience": 1, "community": 2}, "group:panelists": {"member": 1}}
    negated = {"@deb_lavoy": {"community": 1, "team": 1},
               A002: {"community": 2, "customer": 1, "employee": 1}, A003: {"community": 1}}
    for frame, cells in ((matrix.counts, counts), (matrix.negated, negated)):
        expected = pd.DataFrame(
            [[cells.get(s, {}).get(c, 0) for c in CONCEPTS] for s in SPEAKERS],
            index=pd.Index(SPEAKERS, name="speaker"),
            columns=pd.Index(CONCEPTS, name="concept"), dtype="int64")
        pd.testing.assert_frame_equal(frame, expected)


def test_analyses_of_an_empty_graph():
    graph = build_graph([])
    assert concept_ranking(graph) == []
    assert clusters(graph) == []
    assert speaker_concept_matrix(graph).counts.shape == (0, 0)


# --- agreement / disagreement -----------------------------------------------------------


def test_fixture_has_no_agreement_or_disagreement(graph):
    # Contrasting one concept with different things (audience, network, team against
    # community) is no disagreement: nobody relates a subject to two contrasted concepts.
    assert agreements(graph) == []
    assert disagreements(graph) == []


@pytest.fixture(scope="module")
def debate(claims: list[Claim]) -> nx.MultiDiGraph:
    """The fixture plus claims that agree and disagree (tests/factories.py)."""
    return build_graph(debate_claims(claims))


def test_agreement_same_subject_relation_object_and_polarity(debate):
    rows = agreements(debate, "community")
    assert [(r["kind"], r["concept"], r["relation"], r["speaker_a"], r["claim_a"],
             r["speaker_b"], r["claim_b"]) for r in rows] == [
        ("same polarity", "community", "has property: tend to focus on", "@jimstorer",
         C["76df"], "@deb_lavoy", "c-p1"),
        ("same polarity", "community", "is a", "@rhappe", C["8dbe"], "@jimstorer", "c-y"),
        ("same polarity", "community", "is a", "@deb_lavoy", "c-x", "@rhappe", "c-z")]
    assert agreements(debate, "group") == rows[1:]
    assert agreements(debate, "team") == []
    assert agreements(debate) == rows


def test_disagreement_opposite_polarity(debate, claims):
    group = by_id(claims, "8dbe")
    rows = disagreements(debate, "group", kinds=("opposite polarity",))
    # The affirmative claim is a; @rhappe's c-8dbe against her own c-z is left out.
    assert [(r["claim_a"], r["negated_a"], r["claim_b"], r["negated_b"]) for r in rows] == [
        (C["8dbe"], False, "c-x", True), ("c-y", False, "c-x", True),
        ("c-y", False, "c-z", True)]
    assert rows[0] == {
        "kind": "opposite polarity", "concept": "community", "relation": "is a",
        "speaker_a": "@rhappe", "claim_a": C["8dbe"], "object_a": group.object.label,
        "negated_a": False, "evidence_a": group.evidence.text,
        "speaker_b": "@deb_lavoy", "claim_b": "c-x", "object_b": group.object.label,
        "negated_b": True, "evidence_b": group.evidence.text}


def test_disagreement_contrasting_objects(debate):
    rows = disagreements(debate, kinds=("contrasting objects",))
    assert [(r["concept"], r["relation"], r["speaker_a"], r["claim_a"], r["object_a"],
             r["speaker_b"], r["claim_b"], r["object_b"]) for r in rows] == [
        ("member", "is a", "@jimstorer", "c-t", "a team", "@deb_lavoy", "c-u", "a community")]
    assert disagreements(debate, "team", kinds=("contrasting objects",)) == rows
    assert disagreements(debate, "member") == rows
    assert disagreements(debate, "network") == []
    assert [r["kind"] for r in disagreements(debate)] == [
        "contrasting objects", "opposite polarity", "opposite polarity", "opposite polarity"]


@pytest.mark.parametrize("concept", [None, "community", "member"])
def test_pairs_of_one_speaker_are_those_of_all_that_involve_them(debate, concept):
    for speaker in ("@deb_lavoy", "@jimstorer", "@rhappe", "@nobody"):
        for find in (agreements, disagreements):
            everyone = find(debate, concept)
            mine = [r for r in everyone if speaker in (r["speaker_a"], r["speaker_b"])]
            assert find(debate, concept, speaker=speaker) == mine, (find.__name__, speaker)
    assert len(disagreements(debate, speaker="@deb_lavoy")) == 3


def test_disagreement_errors(graph):
    with pytest.raises(ValueError, match="kinds must be among .* got \\['rivalry'\\]"):
        disagreements(graph, kinds=("rivalry",))
    with pytest.raises(nx.NodeNotFound, match="no concept 'unicorn'"):
        disagreements(graph, "unicorn")
    with pytest.raises(nx.NodeNotFound, match="no concept 'unicorn'"):
        agreements(graph, "unicorn")


# --- view -------------------------------------------------------------------------------


def test_view_collapses_claims_into_speaker_edges(graph):
    view, info = subgraph_view(graph)
    assert sorted(view) == sorted([node_id("speaker", s) for s in SPEAKERS]
                                  + [node_id("concept", c) for c in CONCEPTS])
    assert (info.claims, info.nodes, info.edges, info.truncated) == (11, 14, 17, False)
    assert info.note == "11 claims, 14 nodes, 17 edges"
    assert view.edges["speaker:@deb_lavoy", "concept:team", C["f1e2"]] == {
        "relation": "contrasted with", "claim_type": "contrast", "negated": True,
        "evidence": "teams are not the same as communities.",
        "source": graph.nodes[f"source:{S001}"]["label"], "count": 1}


def test_view_filters(graph):
    def claims_of(**options):
        return sorted(k for *_, k in subgraph_view(graph, **options)[0].edges(keys=True)
                      if k.startswith("c-"))

    assert claims_of(speakers={"@rhappe"}) == sorted([C["8dbe"], C["d061"]])
    assert claims_of(types={"contrast"}) == sorted([C["f1e2"], C["d061"], C["527f"]])
    assert claims_of(negated=True) == sorted([C["f1e2"], C["7614"], C["54ef"], C["e3e4"]])
    assert claims_of(concepts={"team"}) == [C["f1e2"]]
    assert claims_of(sources={"002_f77db64989f60894"}) == sorted(
        [C["cefd"], C["7614"], C["54ef"]])
    assert claims_of(speakers={"@rhappe"}, types={"definition"}) == [C["8dbe"]]


def test_view_of_one_speaker(graph):
    view, _ = subgraph_view(graph, speakers={"@rhappe"})
    assert sorted(view.edges(keys=True)) == [
        ("concept:community", "concept:group", "is a"),
        ("concept:network", "concept:community", "contrasted with"),
        ("speaker:@rhappe", "concept:community", C["8dbe"]),
        ("speaker:@rhappe", "concept:network", C["d061"])]


def test_view_with_claim_and_source_nodes(graph):
    view, info = subgraph_view(graph, speakers={"@rhappe"}, include_claims=True)
    assert (info.claims, info.nodes, info.edges) == (2, 6, 8)
    view, info = subgraph_view(graph, speakers={"@rhappe"}, include_claims=True,
                               include_sources=True)
    assert (info.nodes, info.edges) == (7, 10)
    assert view.nodes[f"claim:{C['8dbe']}"]["claim_type"] == "definition"
    view, _ = subgraph_view(graph, speakers={"@rhappe"}, include_sources=True)
    assert view.edges["speaker:@rhappe", f"source:{S001}", "from"] == {"relation": "from",
                                                                        "count": 2}


def test_view_focus_and_hops(graph):
    view, _ = subgraph_view(graph, focus="member")
    assert sorted(view) == ["concept:member", "speaker:group:panelists"]
    view, _ = subgraph_view(graph, focus="team", hops=1)
    assert sorted(view) == ["concept:community", "concept:team", "speaker:@deb_lavoy"]
    view, _ = subgraph_view(graph, focus="team", hops=2)
    assert view.number_of_nodes() == 12
    assert "concept:member" not in view


def test_view_min_degree(graph):
    view, info = subgraph_view(graph, min_degree=2)
    assert sorted(set(graph) & {"speaker:@jimstorer", "concept:group", "concept:member",
                                "speaker:group:panelists"} - set(view)) == [
        "concept:group", "concept:member", "speaker:@jimstorer", "speaker:group:panelists"]
    assert (info.nodes, info.edges) == (10, 14)


def test_view_max_nodes_keeps_highest_degree(graph):
    # Degrees in the collapsed view: community 11, author:002 3, then 2 (ties by node id).
    view, info = subgraph_view(graph, max_nodes=3)
    assert sorted(view) == ["concept:audience", "concept:community", f"speaker:{A002}"]
    assert (info.truncated, info.total_nodes, info.dropped_nodes) == (True, 14, 11)
    assert info.note.endswith("; showing the top 3 of 14 nodes by degree")
    view, _ = subgraph_view(graph, focus="member", max_nodes=1)
    assert list(view) == ["concept:member"]


def test_view_errors(graph):
    with pytest.raises(ValueError, match="hops must be >= 0, got -1"):
        subgraph_view(graph, hops=-1)
    with pytest.raises(ValueError, match="max_nodes must be >= 0"):
        subgraph_view(graph, max_nodes=-5)
    with pytest.raises(nx.NodeNotFound, match="no node, concept or speaker named 'unicorn'"):
        subgraph_view(graph, focus="unicorn")


# --- io ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_round_trip(claims, graph, fmt):
    data = write_graph(graph, fmt)
    back = read_graph(data, fmt)
    assert dict(back.nodes(data="type")) == dict(graph.nodes(data="type"))
    assert dict(back.nodes(data="label")) == dict(graph.nodes(data="label"))
    assert sorted(back.edges(keys=True, data="relation")) == sorted(
        graph.edges(keys=True, data="relation"))
    assert back.edges["concept:team", "concept:community", "contrasted with"]["claims"] == (
        C["f1e2"],)
    assert graph_to_claims(back) == claims


def test_graphml_is_plain_xml_with_edge_labels_and_unique_ids(graph):
    root = ET.fromstring(write_graph(graph, "graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    names = {k.get("attr.name") for k in root.findall("g:key", ns)}
    assert {"type", "label", "relation", "aliases", "claims"} <= names
    edges = root.findall(".//g:edge", ns)
    assert len(edges) == 45
    assert len({e.get("id") for e in edges}) == 45


def test_gexf_has_labels_and_unique_edge_ids(graph):
    root = ET.fromstring(write_graph(graph, "gexf"))
    edges = [e for e in root.iter() if e.tag.endswith("}edge")]
    assert len({e.get("id") for e in edges}) == 45
    labels = {e.get("label") for e in edges}
    assert labels == {"asserts", "subject", "object", "from", "is a", "is not",
                      "contrasted with"}
    nodes = {n.get("id"): n.get("label") for n in root.iter() if n.tag.endswith("}node")}
    assert nodes["speaker:@rhappe"] == "Rachel Happe"


def test_views_export_too(graph):
    view, _ = subgraph_view(graph, focus="community")
    assert read_graph(write_graph(view, "gexf"), "gexf").number_of_edges() == (
        view.number_of_edges())


def test_io_errors(graph):
    with pytest.raises(ValueError, match="fmt must be one of .* got 'dot'"):
        write_graph(graph, "dot")
    with pytest.raises(ValueError, match="fmt must be one of"):
        read_graph(b"", "json")
    with pytest.raises(ValueError, match="not a graphml graph"):
        read_graph(b"<not graphml", "graphml")
