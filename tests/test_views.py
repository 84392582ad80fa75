"""kg.views: the tables and page data the explorer shows, on the hand-made fixture."""

from __future__ import annotations

import pytest

from kg import views
from kg.graph import summary

# ``claims`` (the hand-made fixture) and ``graph`` (its claim graph) come from conftest.py


def _by(frame, column, value):
    rows = frame[frame[column] == value]
    assert len(rows) == 1, f"expected one row with {column}={value!r}, got {len(rows)}"
    return rows.iloc[0]


# ------------------------------------------------------------------ comparison

def test_comparison_table_has_one_row_per_speaker(claims):
    table = views.comparison_table(claims, "community")
    assert list(table.columns) == ["speaker", "speaker_id", *views.ASPECTS, "claims"]
    assert table["speaker_id"].is_unique
    assert set(table["speaker_id"]) == {"@deb_lavoy", "@rhappe", "@jimstorer",
                                        "author:002_f77db64989f60894",
                                        "author:003_9ff6d3cb4f8f87ec"}


def test_comparison_cells_carry_statement_quote_and_source(claims):
    table = views.comparison_table(claims, "community")
    rachel = _by(table, "speaker_id", "@rhappe")
    assert rachel["is"].startswith("a group of people with unique shared values")
    assert "“My current def of community = a group of people" in rachel["is"]
    assert "(The Role of Communities in Social Business" in rachel["is"]
    assert "network become a community" in rachel["differs"]
    assert rachel["claims"] == 2


@pytest.mark.parametrize("speaker, aspect, text", [
    ("author:002_f77db64989f60894", "requires", "depend on more than connection"),
    # "Customers aren't a community": read from the object side.
    ("author:002_f77db64989f60894", "is not", "Customers aren’t a community."),
    ("author:003_9ff6d3cb4f8f87ec", "is not", "the people who like your Facebook page"),
    ("author:003_9ff6d3cb4f8f87ec", "differs", "audience differ from community"),
    ("@deb_lavoy", "differs", "team not be the same as communities"),
    ("@jimstorer", "properties", "tend to focus on relationships (hedged)"),
])
def test_comparison_aspects(claims, speaker, aspect, text):
    row = _by(views.comparison_table(claims, "community"), "speaker_id", speaker)
    assert text in row[aspect]


def test_comparison_of_an_unclaimed_concept_is_empty(claims):
    assert views.comparison_table(claims, "no such concept").empty
    assert views.comparison_entries(claims, "no such concept") == []


def test_side_by_side_shows_both_speakers(claims):
    frame = views.side_by_side(claims, "community", ["@rhappe", "@deb_lavoy"])
    assert list(frame.columns) == ["Rachel Happe", "deb_lavoy"]
    assert list(frame.index) == list(views.ASPECTS)
    assert "support structures" in frame.loc["is", "deb_lavoy"]
    assert "a group of people" in frame.loc["is", "Rachel Happe"]


def test_side_by_side_keeps_a_silent_speaker_as_an_empty_column(claims):
    frame = views.side_by_side(claims, "community", ["@rhappe", "group:panelists"])
    assert list(frame.columns) == ["Rachel Happe", "group:panelists"]
    assert (frame["group:panelists"] == "").all()


# -------------------------------------------------------------------- heatmap

def test_heatmap_data_counts_and_marks_negations(graph):
    heat = views.heatmap_data(graph)
    assert list(heat.columns) == ["speaker", "speaker_id", "concept", "claims", "negated", "mark"]
    deb = heat[(heat["speaker_id"] == "@deb_lavoy") & (heat["concept"] == "community")].iloc[0]
    assert (deb["speaker"], deb["claims"], deb["negated"], deb["mark"]) == ("deb_lavoy", 2, 1, "¬")
    jim = heat[heat["speaker_id"] == "@jimstorer"].iloc[0]
    assert (jim["claims"], jim["mark"]) == (1, "")
    assert (heat["claims"] > 0).all()
    # every claim counts for its subject and its object concept
    assert heat["claims"].sum() == 17
    assert views.heatmap_caption(graph, heat).endswith("¬ marks negated claims.")


def test_heatmap_keeps_the_busiest_speakers(graph):
    heat = views.heatmap_data(graph, max_speakers=2)
    # cells counted: author:002 5, @rhappe 4, @deb_lavoy 3, ...
    assert set(heat["speaker_id"]) == {"author:002_f77db64989f60894", "@rhappe"}
    assert "The 2 speakers with most claims of 6." in views.heatmap_caption(graph, heat)


# -------------------------------------------------------------- options, rows

def test_options(claims):
    assert views.concept_options(claims)[0] == "community"
    speakers = views.speaker_options(claims)
    assert list(speakers)[0] in {"@deb_lavoy", "@rhappe", "author:002_f77db64989f60894"}
    assert speakers["@rhappe"] == "Rachel Happe"
    assert list(views.source_options(claims)) == ["001_9915c937b68aed6b", "002_f77db64989f60894",
                                                  "003_9ff6d3cb4f8f87ec"]


def test_claim_rows_reads_negation_into_the_relation(claims):
    rows = views.claim_rows(claims)
    assert len(rows) == len(claims)
    assert _by(rows, "claim", "c-f1e2791815399f9a")["relation"] == "not be the same as"


def test_merge_claims_adds_only_new_ids(claims):
    merged = views.merge_claims(claims[:5], claims[3:])
    assert [c.id for c in merged] == [c.id for c in claims]


# ------------------------------------------------------------------ graph view

def test_graph_view_without_filters_keeps_every_claim(graph, claims):
    view, info = views.graph_view(graph, views.GraphFilters())
    assert info.claims == len(claims) and not info.truncated
    assert {t for _, t in view.nodes(data="type")} == {"speaker", "concept"}


@pytest.mark.parametrize("filters, expected_speakers", [
    (views.GraphFilters(speakers=("@rhappe",)), {"speaker:@rhappe"}),
    (views.GraphFilters(concepts=("team",)), {"speaker:@deb_lavoy"}),
    (views.GraphFilters(types=("requirement",)), {"speaker:author:002_f77db64989f60894"}),
    (views.GraphFilters(negated=True, sources=("001_9915c937b68aed6b",)),
     {"speaker:@deb_lavoy"}),
])
def test_graph_filters_change_the_view(graph, filters, expected_speakers):
    view, _ = views.graph_view(graph, filters)
    assert {n for n, t in view.nodes(data="type") if t == "speaker"} == expected_speakers


def test_graph_view_focus_and_claim_nodes(graph):
    view, _ = views.graph_view(graph, views.GraphFilters(focus="speaker:@rhappe", hops=1,
                                                         include_claims=True))
    assert "speaker:@rhappe" in view
    assert {t for _, t in view.nodes(data="type")} == {"speaker", "claim"}


def test_node_budget_truncates_and_says_so(graph):
    view, info = views.graph_view(graph, views.GraphFilters(max_nodes=5))
    assert view.number_of_nodes() == 5 and info.truncated
    assert "5 best-connected of 14 nodes" in views.budget_notice(info)


def test_focus_options_and_captions(graph):
    options = views.focus_options(graph)
    kinds = [graph.nodes[n]["type"] for n in options]
    assert kinds == sorted(kinds) and set(kinds) == {"concept", "speaker"}
    assert views.node_caption(graph, "speaker:@rhappe") == "Rachel Happe (speaker)"


# --------------------------------------------------------------------- summary

def test_summary_figures_are_the_graph_counts(graph, claims):
    assert views.summary_figures(claims) == {"Sources": 3, "Speakers": 6, "Concepts": 8,
                                             "Claims": 11}
    counts = summary(graph)
    assert views.summary_figures([*claims, *claims]) == {
        "Sources": counts["source"], "Speakers": counts["speaker"],
        "Concepts": counts["concept"], "Claims": counts["claim"]}


def test_claims_per_concept_is_long_format(claims):
    data = views.claims_per_concept(claims)
    assert list(data.columns) == ["concept", "type", "claims"]
    assert data["claims"].sum() == len(claims)
    assert len(views.claims_per_concept(claims, limit=1)["concept"].unique()) == 1


def test_concept_table_ranks_community_first(graph):
    table = views.concept_table(graph)
    assert table.iloc[0]["concept"] == "community" and table.iloc[0]["rank"] == 1


def test_shown_options_cut_search_and_keep_the_selection():
    options = {f"@s{i}": f"Speaker {i}" for i in range(500)}
    assert list(views.shown_options(options, limit=3)) == ["@s0", "@s1", "@s2"]
    assert list(views.shown_options(options, "speaker 49", limit=3)) == ["@s49", "@s490",
                                                                         "@s491"]
    assert list(views.shown_options(options, "@S7", keep=["@s400", "@gone"], limit=1)) == [
        "@s7", "@s400"]
    assert views.option_note(3, 500, "speakers") == ("Listing 3 of 500 speakers: type to find "
                                                      "the others.")
    assert views.option_note(500, 500, "speakers") == ""
