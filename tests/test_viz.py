"""kg.viz: the generated HTML holds the right nodes, edges and styles, and no CDN."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from kg.viz import EDGE_COLOR, NEGATED_COLOR, NODE_STYLES, network_options, render_network


@pytest.fixture()
def view() -> nx.MultiDiGraph:
    """Two speakers, two concepts, a negated and a plain claim, one source."""
    g = nx.MultiDiGraph()
    g.add_node("speaker:@deb", type="speaker", label="@deb")
    g.add_node("speaker:@rhappe", type="speaker", label="Rachel Happe")
    g.add_node("concept:team", type="concept", label="team")
    g.add_node("concept:community", type="concept", label="community")
    g.add_node("claim:c-1", type="claim", label="team be the same as communities", negated=True,
               evidence="teams are not the same as communities.")
    g.add_node("claim:c-2", type="claim", label="community be a group", negated=False,
               evidence="My current def of community = a group of people")
    g.add_node("source:001", type="source", label="The Role of Communities")
    g.add_edge("speaker:@deb", "claim:c-1", key="c-1", relation="asserts")
    g.add_edge("claim:c-1", "concept:team", key="c-1", relation="subject")
    g.add_edge("claim:c-1", "concept:community", key="c-1", relation="object")
    g.add_edge("claim:c-1", "source:001", key="c-1", relation="from")
    g.add_edge("speaker:@rhappe", "claim:c-2", key="c-2", relation="asserts")
    g.add_edge("claim:c-2", "concept:community", key="c-2", relation="subject")
    g.add_edge("claim:c-2", "source:001", key="c-2", relation="from")
    g.add_edge("concept:team", "concept:community", key="is not:c-1", relation="is not",
               claims=["c-1"], count=1, speakers=["@deb"])
    return g


def _data(html: str, name: str) -> list[dict]:
    match = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", html, re.S)
    assert match, f"no {name} DataSet in the page"
    return json.loads(match.group(1))


def test_every_node_and_edge_is_in_the_page(view):
    html = render_network(view)
    nodes = {n["id"]: n for n in _data(html, "nodes")}
    edges = _data(html, "edges")
    assert set(nodes) == set(view.nodes)
    assert len(edges) == view.number_of_edges()
    assert {e["label"] for e in edges} == {"asserts", "subject", "object", "from", "is not"}


@pytest.mark.parametrize("node, kind", [("speaker:@deb", "speaker"), ("concept:team", "concept"),
                                        ("claim:c-2", "claim"), ("source:001", "source")])
def test_nodes_are_coloured_and_shaped_by_type(view, node, kind):
    nodes = {n["id"]: n for n in _data(render_network(view), "nodes")}
    assert nodes[node]["color"] == NODE_STYLES[kind].color
    assert nodes[node]["shape"] == NODE_STYLES[kind].shape


def test_nodes_are_sized_by_degree(view):
    nodes = {n["id"]: n for n in _data(render_network(view), "nodes")}
    # community: 3 edges in; @rhappe: 1 edge out.
    assert nodes["concept:community"]["size"] > nodes["speaker:@rhappe"]["size"]


def test_negated_claims_are_dashed_red_and_others_are_not(view):
    edges = _data(render_network(view), "edges")
    negated = [e for e in edges if "c-1" in e["id"]]
    plain = [e for e in edges if "c-2" in e["id"]]
    assert negated and all(e["dashes"] and e["color"] == NEGATED_COLOR for e in negated)
    assert plain and not any(e["dashes"] for e in plain)
    assert all(e["color"] == EDGE_COLOR for e in plain)


@pytest.mark.parametrize("relation, dashed", [("is not", True), ("does not require", True),
                                               ("lacks property", True), ("not resemble", True),
                                               ("is a", False), ("contrasted with", False)])
def test_derived_links_of_negated_claims_are_dashed(relation, dashed):
    g = nx.MultiDiGraph()
    g.add_node("concept:a", type="concept", label="a")
    g.add_node("concept:b", type="concept", label="b")
    g.add_edge("concept:a", "concept:b", key=relation, relation=relation, derived=True, count=2,
               claims=("c-1", "c-2"), speakers=("@x",))
    (edge,) = _data(render_network(g), "edges")
    assert edge["dashes"] is dashed
    assert edge["width"] == 2.0  # 1 + log2(count)


def test_tooltips_carry_evidence_speaker_and_source(view):
    nodes = {n["id"]: n for n in _data(render_network(view), "nodes")}
    title = nodes["claim:c-1"]["title"]
    assert "teams are not the same as communities." in title
    assert "speaker: @deb" in title
    assert "source: The Role of Communities" in title
    edge = next(e for e in _data(render_network(view), "edges") if e["label"] == "is not")
    assert "speakers: @deb" in edge["title"]


def test_no_cdn_and_vis_network_is_inlined(view):
    html = render_network(view)
    assert not re.search(r"""<(script|link)[^>]+(src|href)\s*=\s*["']?https?://""", html, re.I)
    assert "<script src" not in html and "<link" not in html
    assert "vis-network" in html and "new vis.Network(" in html
    assert len(html) > 100_000  # the library itself is inlined


def test_physics_stops_once_stabilised(view):
    html = render_network(view)
    assert '"stabilization": {"enabled": true' in html
    assert 'network.once("stabilizationIterationsDone"' in html
    assert "setOptions({physics: {enabled: false}})" in html
    assert network_options(physics=False)["physics"]["enabled"] is False


def test_legend_lists_node_types_and_negation(view):
    html = render_network(view)
    assert 'id="kg-legend"' in html
    for style in NODE_STYLES.values():
        assert style.label in html
    assert "negated claim" in html
    for style in NODE_STYLES.values():  # each swatch has its node type's colour and shape
        assert f'class="sw sw-{style.shape}" style="--c: {style.color};"></span>{style.label}' \
            in html
    assert 'id="kg-legend"' not in render_network(view, legend=False)


def test_render_does_not_modify_the_view(view):
    before = (list(view.nodes(data=True)), list(view.edges(keys=True, data=True)))
    render_network(view)
    assert (list(view.nodes(data=True)), list(view.edges(keys=True, data=True))) == before


def test_empty_view_renders():
    html = render_network(nx.MultiDiGraph(), height="300px")
    assert _data(html, "nodes") == [] and "height: 300px" in html


def test_labels_are_escaped_inside_the_script():
    g = nx.MultiDiGraph()
    g.add_node("concept:x", type="concept", label="</script><b>x</b>")
    html = render_network(g)
    assert "</script><b>" not in html
