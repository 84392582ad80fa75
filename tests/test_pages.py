"""kg.pages: the concept and speaker pages, on the hand-made fixture."""

from __future__ import annotations

import dataclasses

import networkx as nx
import pytest

from kg import pages, views
from kg.vocab import load_vocabulary

# ``claims`` (the hand-made fixture) and ``graph`` (its claim graph) come from conftest.py


@pytest.fixture(scope="module")
def debated(claims):
    """The fixture plus @rhappe saying customers *are* a community (the author of 002
    says they are not): claims and graph."""
    denial = next(c for c in claims if c.id == "c-7614b2456dad9cbf")
    rhappe = next(c for c in claims if c.speaker.id == "@rhappe").speaker
    more = [*claims, dataclasses.replace(denial, id="c-ffffffffffffff01", negated=False,
                                         speaker=rhappe)]
    return more, views.build_claim_graph(more)


def test_concept_page(graph, claims, debated):
    page = pages.concept_page(graph, claims, load_vocabulary(), "community")
    assert page.label == "community"
    assert "cmty" in page.facts["aliases"]
    assert "internal community" in page.facts["narrower"]
    assert page.definition
    assert len(page.claims) == 10  # subject or object
    related = page.related.set_index("concept")
    assert related.loc["customer", "link"] == "customer is not community"
    assert "Customers aren’t a community." in related.loc["customer", "quotes"]
    assert page.agreements.empty and page.disagreements.empty
    page = pages.concept_page(debated[1], debated[0], None, "customer")
    assert page.disagreements[["kind", "concept", "relation", "speaker_a", "object_a",
                               "speaker_b", "negated_b"]].to_dict("records") == [
        {"kind": "opposite polarity", "concept": "customer", "relation": "is a",
         "speaker_a": "Rachel Happe", "object_a": "a community",
         "speaker_b": "Author of Community", "negated_b": True}]
    assert list(page.disagreements.columns) == list(pages.PAIR_COLUMNS)


def test_concept_page_outside_the_vocabulary(graph, claims):
    page = pages.concept_page(graph, claims, None, "team")
    assert page.facts == {"id": "team", "in vocabulary": "no"}


def test_concept_page_of_an_unknown_concept_raises(graph, claims):
    with pytest.raises(nx.NodeNotFound):
        pages.concept_page(graph, claims, None, "nothing")


def test_speaker_page(graph, claims, debated):
    page = pages.speaker_page(graph, claims, "@rhappe")
    assert page.label == "Rachel Happe"
    assert page.facts["aliases"] == "@rhappe, Rachel"
    assert list(page.claims["speaker"].unique()) == ["Rachel Happe"]
    assert page.concepts.iloc[0].to_dict() == {"concept": "community", "claims": 2}
    assert page.disagreements.empty
    page = pages.speaker_page(debated[1], debated[0], "@rhappe")
    # found about customer and about community: listed once
    assert page.disagreements[["speaker_a", "speaker_b"]].values.tolist() == [
        ["Rachel Happe", "Author of Community"]]


def test_speaker_page_of_an_unknown_speaker_raises(graph, claims):
    with pytest.raises(nx.NodeNotFound):
        pages.speaker_page(graph, claims, "@nobody")


def test_concept_page_skips_pairwise_comparison_above_the_limit(debated):
    claims, graph = debated
    page = pages.concept_page(graph, claims, None, "customer", pairs_limit=1)
    assert page.disagreements.empty and page.agreements.empty
    assert "more than 1 claims (customer: 2)" in page.pairs_note
    full = pages.concept_page(graph, claims, None, "customer")
    assert full.pairs_note == "" and len(full.disagreements) == 1


def test_speaker_page_compares_on_any_concept(debated):
    claims, graph = debated
    # c-fff...01 by @rhappe is about community (11 claims) and customer: found once
    page = pages.speaker_page(graph, claims, "@rhappe")
    assert page.disagreements[["concept", "speaker_a", "speaker_b"]].values.tolist() == [
        ["customer", "Rachel Happe", "Author of Community"]]
