"""app.py under Streamlit's AppTest: every view and the main widget paths.

The app reads its claims from ``KG_CLAIMS_DIR``; here that is a temporary
folder holding the 11 hand-made fixture claims, so no extraction runs (except
in the "add articles" test, which extracts a pasted paragraph).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"
TIMEOUT = 60


@pytest.fixture()
def claims_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "claims.jsonl")
    monkeypatch.setenv("KG_CLAIMS_DIR", str(folder))
    return folder


def open_app(claims_dir: Path, view: str = "Overview", **params: str) -> AppTest:
    """Run the app once, on ``view``, with extra query parameters."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["view"] = view
    at.query_params.update(params)
    at.run()
    assert not at.exception, at.exception
    return at


def caption_texts(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def frame_with(at: AppTest, column: str):
    """The first table shown with ``column`` among its columns (or as its index name)."""
    for element in at.dataframe:
        frame = element.value
        if column in frame.columns or frame.index.name == column:
            return frame
    raise AssertionError(f"no table with a {column!r} column")


# ------------------------------------------------------------------- overview

def test_first_screen_shows_the_summary_figures_and_a_chart(claims_dir):
    at = open_app(claims_dir)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Sources": "3", "Speakers": "6", "Concepts": "8", "Claims": "11"}
    assert at.get("vega_lite_chart")
    assert at.dataframe[0].value.iloc[0]["concept"] == "community"


def test_every_view_renders_without_an_exception(claims_dir):
    import app

    for view in app.VIEWS:
        at = open_app(claims_dir, view)
        assert not at.error, (view, [e.value for e in at.error])


# ---------------------------------------------------------------------- graph

def _shown(at: AppTest) -> str:
    return next(c for c in caption_texts(at) if c.startswith("Showing "))


def test_graph_renders_the_network_with_legend(claims_dir):
    at = open_app(claims_dir, "Graph")
    assert _shown(at) == "Showing 14 nodes and 17 edges."
    frames = at.get("iframe")
    assert len(frames) == 1
    html = frames[0].proto.srcdoc
    assert "new vis.Network(" in html and 'id="kg-legend"' in html
    assert "https://" not in html.split("<body>")[1].split("<script")[0]


def test_filters_change_the_graph(claims_dir):
    at = open_app(claims_dir, "Graph")
    at.multiselect(key="g_speakers").select("@rhappe").run()
    assert _shown(at) == "Showing 4 nodes and 4 edges."
    at.multiselect(key="g_speakers").unselect("@rhappe").run()
    at.radio(key="g_negation").set_value("negated only").run()
    assert _shown(at) == "Showing 7 nodes and 7 edges."
    at.multiselect(key="g_types").select("requirement").run()
    assert _shown(at) == "Showing 0 nodes and 0 edges."
    assert at.warning[0].value == "No node matches these filters."


def test_focus_with_claim_nodes(claims_dir):
    at = open_app(claims_dir, "Graph")
    at.selectbox(key="g_focus").select("speaker:@rhappe").run()
    at.slider(key="g_hops").set_value(1).run()
    # @rhappe, community, network; two claims and the derived network -> community link
    assert _shown(at) == "Showing 3 nodes and 3 edges."
    at.toggle(key="g_claims").set_value(True).run()
    assert _shown(at) == "Showing 3 nodes and 2 edges."  # @rhappe and its two claims
    assert "claim:c-8dbe8383c81b5c37" in at.get("iframe")[0].proto.srcdoc


def test_node_budget_notice(claims_dir):
    at = open_app(claims_dir, "Graph")
    at.number_input(key="g_max_nodes").set_value(20).run()
    assert not at.info
    at.slider(key="g_min_degree").set_value(0).run()
    at.toggle(key="g_claims").set_value(True).run()
    at.toggle(key="g_sources_nodes").set_value(True).run()
    assert "Large graph: showing the 20 best-connected of 28 nodes" in at.info[0].value


# -------------------------------------------------------------------- compare

def test_compare_shows_heatmap_table_and_both_speakers(claims_dir):
    at = open_app(claims_dir, "Compare definitions", concept="community")
    assert at.get("vega_lite_chart")
    table = frame_with(at, "is not")
    assert len(table) == 5 and "is not" in table.columns
    at.multiselect(key="compare_speakers").set_value(["@rhappe", "@deb_lavoy"]).run()
    side = frame_with(at, "aspect")
    assert list(side.columns) == ["Rachel Happe", "deb_lavoy"]
    assert "support structures" in side.loc["is", "deb_lavoy"]
    assert at.get("download_button")


def test_picking_a_concept_updates_the_comparison(claims_dir):
    at = open_app(claims_dir, "Compare definitions")
    at.selectbox(key="concept").select("team").run()
    assert at.subheader[0].value == "What each speaker says “team” is"
    assert list(frame_with(at, "is not")["speaker"]) == ["deb_lavoy"]
    assert any("Pick two or more speakers" in c for c in caption_texts(at))


# ---------------------------------------------------------------------- pages

def test_concept_page(claims_dir):
    at = open_app(claims_dir, "Concept page", concept="community")
    assert at.header[0].value == "community"
    assert "aliases: #communities" in caption_texts(at)[0]
    assert at.subheader[0].value == "Claims (10)"
    related = at.dataframe[1].value
    assert "customer is not community" in set(related["link"])


@pytest.mark.parametrize("named", ["@rhappe", "Rachel Happe", "Rachel Happe (@rhappe)"])
def test_speaker_page_from_the_url(claims_dir, named):
    at = open_app(claims_dir, "Speaker page", speaker=named)
    assert at.header[0].value == "Rachel Happe"
    assert at.subheader[0].value == "Claims (2)"
    assert at.query_params["speaker"] == "@rhappe"  # the URL names the speaker by id


def test_the_url_follows_the_selection(claims_dir):
    at = open_app(claims_dir, "Speaker page", speaker="@nobody")
    assert at.header[0].value == "Author of Community"  # unknown: the most prolific
    assert at.query_params["speaker"] == "author:002_f77db64989f60894"
    at.selectbox(key="speaker").set_value("@deb_lavoy").run()
    assert at.header[0].value == "deb_lavoy"
    assert at.query_params["speaker"] == "@deb_lavoy"
    at.selectbox(key="concept").set_value("team").run()
    assert at.query_params["concept"] == "team"


# --------------------------------------------------------------------- reader

def test_source_reader_highlights_evidence(claims_dir, monkeypatch):
    monkeypatch.chdir(ROOT)  # fixture source paths are relative to the project root
    at = open_app(claims_dir, "Source reader")
    at.selectbox(key="reader_source").select("001_9915c937b68aed6b").run()
    html = at.get("html")[0].proto.body
    assert "deb_lavoy · contrast · not" in html and "Rachel Happe · definition" in html
    assert "kg-skipped" in html
    assert "3 claims highlighted" not in caption_texts(at)[0]
    assert "5 claims highlighted" in caption_texts(at)[0]


# --------------------------------------------------------------------- sparql

def test_sparql_example_runs_and_shows_a_table(claims_dir):
    at = open_app(claims_dir, "SPARQL")
    assert not at.error
    assert at.dataframe and len(at.dataframe[0].value) > 0


def test_a_bad_sparql_query_shows_an_error_not_an_exception(claims_dir):
    at = open_app(claims_dir, "SPARQL")
    at.text_area(key="sparql_query").input("SELECT ?x WHERE { ?x")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    assert at.error and "malformed SPARQL" in at.error[0].value


def test_picking_an_example_fills_the_query_box(claims_dir):
    at = open_app(claims_dir, "SPARQL")
    examples = at.selectbox(key="sparql_example").options
    at.selectbox(key="sparql_example").select(examples[-1]).run()
    assert at.text_area(key="sparql_query").value.strip()
    assert not at.error


# --------------------------------------------------------------------- export

def test_export_offers_every_format(claims_dir):
    at = open_app(claims_dir, "Export")
    labels = [b.proto.label for b in at.get("download_button")]
    assert sorted(labels) == sorted(["Turtle", "JSON-LD", "TriG", "N-Triples", "RDF/XML",
                                     "GraphML", "GEXF", "CSV", "JSONL (claims)"])


# ----------------------------------------------------------------- add articles

def test_added_articles_merge_into_the_session_and_a_bad_file_is_reported(claims_dir):
    at = open_app(claims_dir, "Add articles")
    at.file_uploader(key="upload").set_value([
        ("broken.txt", b"\x00\x01\x02" * 300, "text/plain"),
        ("panel.txt", b"Jane Doe said a community is a group of people who share a purpose.",
         "text/plain"),
    ])
    at.text_area(key="pasted").input("Teams are not communities, said Bob Smith.")
    at.run()
    at.button(key="extract").click().run()
    assert not at.exception, at.exception
    assert len(at.warning) == 1 and at.warning[0].value.startswith("broken.txt: ")
    assert at.success and "added 2 article(s)" in at.success[0].value
    added = len(at.session_state["added_claims"])
    assert added >= 1
    at.radio(key="view").set_value("Overview").run()
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Claims"]) == 11 + added
    assert int(metrics["Sources"]) > 3


def test_extract_without_input_warns(claims_dir):
    at = open_app(claims_dir, "Add articles")
    at.button(key="extract").click().run()
    assert at.warning[0].value == "Upload a file or paste some text first."


# ------------------------------------------------------------------ first start

def test_first_start_builds_the_sample_claims(tmp_path, monkeypatch):
    out = tmp_path / "build" / "sample"
    monkeypatch.setenv("KG_CLAIMS_DIR", str(out))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    assert (out / "claims.jsonl").exists() and (out / "manifest.json").exists()
    assert {m.label: m.value for m in at.metric}["Sources"] == "5"


# ------------------------------------------------------------- long option lists

def test_long_option_lists_are_cut_and_searchable(claims_dir, monkeypatch):
    from kg import views

    monkeypatch.setattr(views, "OPTION_LIMIT", 2)
    at = open_app(claims_dir, "Speaker page", speaker="@deb_lavoy")
    speaker = at.selectbox(key="speaker")
    assert len(speaker.options) == 3 and speaker.value == "@deb_lavoy"  # two + the choice
    assert any(c.startswith("Listing 3 of 6 speakers") for c in caption_texts(at))
    at.text_input(key="speaker_find").input("happe").run()
    assert "Rachel Happe (@rhappe)" in at.selectbox(key="speaker").options
    at.selectbox(key="speaker").set_value("@rhappe").run()
    assert at.header[0].value == "Rachel Happe"
    assert at.query_params["speaker"] == "@rhappe"

    at = open_app(claims_dir, "Graph")
    assert len(at.multiselect(key="g_speakers").options) == 2
    at.text_input(key="g_find").input("rhappe").run()
    assert at.multiselect(key="g_speakers").options == ["Rachel Happe"]
    at.multiselect(key="g_speakers").select("@rhappe").run()
    assert _shown(at) == "Showing 4 nodes and 4 edges."
