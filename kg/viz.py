"""A view of the claim graph -> a self-contained pyvis HTML page.

The :class:`pyvis.network.Network` is built node by node from the view
(never ``Network.from_nx``, which mutates its input and drops MultiDiGraph
keys) and rendered with ``generate_html()`` through kg's own template
(``kg/templates/network.html``), which inlines vis-network from pyvis's
bundled ``lib/`` folder: the page loads nothing from the network.

Example:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("speaker:@a", type="speaker", label="@a")
    >>> g.add_node("concept:team", type="concept", label="team")
    >>> _ = g.add_edge("speaker:@a", "concept:team", key="c-1", relation="defines")
    >>> html = render_network(g)
    >>> "concept:team" in html and "https://" not in html.split("<body>")[1]
    True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network

from kg.relations import NEGATED_RELATIONS

__all__ = [
    "DEFAULT_STYLE",
    "EDGE_COLOR",
    "NEGATED_COLOR",
    "NODE_STYLES",
    "NodeStyle",
    "STABILIZATION_ITERATIONS",
    "TEMPLATE",
    "legend_items",
    "network_options",
    "render_network",
]


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How a node type is drawn (vis-network ``color`` and ``shape``)."""

    label: str
    color: str
    shape: str


NODE_STYLES: Mapping[str, NodeStyle] = MappingProxyType({
    "speaker": NodeStyle("Speaker", "#4e79a7", "dot"),
    "concept": NodeStyle("Concept", "#f28e2b", "diamond"),
    "claim": NodeStyle("Claim", "#76b7b2", "square"),
    "source": NodeStyle("Source", "#9c755f", "triangle"),
})
DEFAULT_STYLE = NodeStyle("Other", "#bab0ac", "dot")
EDGE_COLOR = "#8c8c8c"
NEGATED_COLOR = "#d62728"
STABILIZATION_ITERATIONS = 250
TEMPLATE = "network.html"
TEMPLATE_DIR = Path(__file__).parent / "templates"
PYVIS_DIR = Path(pyvis.__file__).parent  # holds lib/vis-9.1.2/ (inlined by the template)
MIN_SIZE = 10.0
MAX_SIZE = 45.0
LABEL_CHARS = 40
TOOLTIP_CHARS = 400


def render_network(
    view: nx.MultiDiGraph,
    *,
    height: str = "700px",
    width: str = "100%",
    physics: bool = True,
    legend: bool = True,
    stabilization_iterations: int = STABILIZATION_ITERATIONS,
) -> str:
    """Render ``view`` as a standalone HTML page (vis-network inlined).

    Nodes are coloured and shaped by their ``type`` attribute and sized by
    degree; edges are labelled by ``relation``; edges of negated claims are
    dashed red; tooltips carry evidence, speaker and source. The view is
    only read, never modified.
    """
    net = Network(height=height, width=width, directed=True, cdn_resources="in_line")
    degrees = dict(view.degree())
    top = max(degrees.values(), default=1) or 1
    for node, data in view.nodes(data=True):
        net.add_node(node, **_node_options(view, node, data, degrees.get(node, 0), top))
    for u, v, key, data in view.edges(keys=True, data=True):
        net.add_edge(u, v, **_edge_options(view, u, v, key, data))
    net.options = network_options(physics=physics, iterations=stabilization_iterations)
    net.templateEnv = _environment(legend_items() if legend else None)
    net.path = TEMPLATE
    return net.generate_html()


def network_options(*, physics: bool = True, iterations: int = STABILIZATION_ITERATIONS) -> dict:
    """vis-network options: physics that stabilises first, then is switched off.

    Example:
        >>> network_options(physics=False)["physics"]["enabled"]
        False
    """
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": iterations, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "edges": {"smooth": {"type": "continuous"}, "font": {"size": 10, "align": "middle"}},
        "nodes": {"font": {"size": 13}},
    }


def legend_items() -> dict[str, list[dict[str, Any]]]:
    """What the legend shows: one swatch per node type (its colour and shape), two edge styles.

    Example:
        >>> [i["label"] for i in legend_items()["nodes"]]
        ['Speaker', 'Concept', 'Claim', 'Source']
    """
    nodes = [{"label": s.label, "color": s.color, "shape": s.shape} for s in NODE_STYLES.values()]
    edges = [
        {"label": "relation", "color": EDGE_COLOR, "style": "solid"},
        {"label": "negated claim", "color": NEGATED_COLOR, "style": "dashed"},
    ]
    return {"nodes": nodes, "edges": edges}


def _environment(legend: dict | None) -> Environment:
    # Our template first; pyvis's folder second, so `{% include 'lib/...' %}` inlines its JS.
    env = Environment(loader=ChoiceLoader([FileSystemLoader(TEMPLATE_DIR),
                                           FileSystemLoader(PYVIS_DIR)]))
    env.globals["legend"] = legend
    return env


def _node_options(view: nx.MultiDiGraph, node: Any, data: Mapping, degree: int,
                  top: int) -> dict[str, Any]:
    style = NODE_STYLES.get(str(data.get("type", "")), DEFAULT_STYLE)
    label = str(data.get("label") or node)
    negated = bool(data.get("negated"))
    size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(degree / top)
    options: dict[str, Any] = {
        "label": _shorten(label, LABEL_CHARS),
        "shape": style.shape,
        "color": style.color,
        "size": round(size, 1),
        "title": _node_title(view, node, data, style, degree),
        "kind": str(data.get("type", "other")),  # not "group": pyvis then drops the colour
    }
    if negated:
        options["borderWidth"] = 3
        options["color"] = {"background": style.color, "border": NEGATED_COLOR}
    return options


def _node_title(view: nx.MultiDiGraph, node: Any, data: Mapping, style: NodeStyle,
                degree: int) -> str:
    lines = [f"{style.label}: {data.get('label') or node}"]
    if data.get("type") == "claim":
        lines += _claim_lines(view, node, data)
    lines.append(f"degree {degree}")
    return "\n".join(lines)


def _claim_lines(view: nx.MultiDiGraph, node: Any, data: Mapping) -> list[str]:
    lines = []
    if data.get("claim_type") or data.get("kind"):
        lines.append(f"type: {data.get('claim_type') or data.get('kind')}")
    if data.get("negated"):
        lines.append("negated")
    evidence = _text(data.get("evidence"))
    if evidence:
        lines.append(f"“{_shorten(evidence, TOOLTIP_CHARS)}”")
    speaker = _text(data.get("speaker")) or _neighbour_label(view, node, "speaker", incoming=True)
    source = _text(data.get("source")) or _neighbour_label(view, node, "source", incoming=False)
    if speaker:
        lines.append(f"speaker: {speaker}")
    if source:
        lines.append(f"source: {source}")
    return lines


def _edge_options(view: nx.MultiDiGraph, u: Any, v: Any, key: Any,
                  data: Mapping) -> dict[str, Any]:
    relation = str(data.get("relation", ""))
    negated = _edge_negated(view, u, v, data)
    count = int(data.get("count", 1) or 1)
    options: dict[str, Any] = {
        "id": f"{u}|{v}|{key}",
        "label": relation,
        "title": _edge_title(view, u, v, data, relation, negated),
        "color": NEGATED_COLOR if negated else EDGE_COLOR,
        "dashes": negated,
        "width": round(1 + math.log2(count), 2),
    }
    return options


def _edge_negated(view: nx.MultiDiGraph, u: Any, v: Any, data: Mapping) -> bool:
    if "negated" in data:
        return bool(data["negated"])
    relation = str(data.get("relation", ""))
    if relation in NEGATED_RELATIONS or relation.startswith("not "):
        return True
    # An edge into or out of a negated claim node draws as negated too.
    return any(view.nodes[n].get("type") == "claim" and view.nodes[n].get("negated")
               for n in (u, v))


def _edge_title(view: nx.MultiDiGraph, u: Any, v: Any, data: Mapping, relation: str,
                negated: bool) -> str:
    head = f"{_label(view, u)} —{relation}→ {_label(view, v)}"
    lines = [head + (" (negated)" if negated else "")]
    evidence = _text(data.get("evidence"))
    if evidence:
        lines.append(f"“{_shorten(evidence, TOOLTIP_CHARS)}”")
    for name in ("speaker", "source"):
        if _text(data.get(name)):
            lines.append(f"{name}: {_text(data.get(name))}")
    if data.get("count"):
        lines.append(f"{data['count']} claim(s)")
    speakers = data.get("speakers")
    if speakers:
        lines.append("speakers: " + ", ".join(sorted(map(str, speakers))[:10]))
    return "\n".join(lines)


def _neighbour_label(view: nx.MultiDiGraph, node: Any, kind: str, *, incoming: bool) -> str:
    neighbours = view.predecessors(node) if incoming else view.successors(node)
    for other in neighbours:
        if view.nodes[other].get("type") == kind:
            return _label(view, other)
    return ""


def _label(view: nx.MultiDiGraph, node: Any) -> str:
    return str(view.nodes[node].get("label") or node)


def _text(value: Any) -> str:
    """A display string for an attribute that may be a str, a record dict or None."""
    if value is None or value == "":
        return ""
    if isinstance(value, Mapping):
        return str(value.get("text") or value.get("label") or value.get("title")
                   or value.get("id") or json.dumps(value))
    return str(value)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
