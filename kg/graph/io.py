"""GraphML / GEXF bytes for Gephi, and back (a symmetric pair).

Gephi reads only scalar attributes, so tuple/list attributes (``aliases``,
``claims``, ``speakers``) are written as JSON arrays and ``None`` as ``""``;
every edge also gets ``label`` = its ``relation``, a document-unique ``id``
(Gephi skips edges whose id repeats) and ``edge_key`` = its MultiDiGraph key.
Node ``type`` and ``label`` are ordinary attributes (GEXF keeps ``label`` in
the node element).
:func:`read_graph` undoes all of it, so a claim graph survives the round trip.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any

import networkx as nx

__all__ = ["GRAPH_FORMATS", "LIST_ATTRIBUTES", "read_graph", "write_graph"]

GRAPH_FORMATS = ("graphml", "gexf")
LIST_ATTRIBUTES = ("aliases", "claims", "speakers")


def _check(fmt: str) -> None:
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"fmt must be one of {GRAPH_FORMATS}, got {fmt!r}")


def _flat(data: Mapping[str, Any]) -> dict[str, Any]:
    flat = {}
    for name, value in data.items():
        if isinstance(value, list | tuple | set | frozenset):
            value = json.dumps(list(value), ensure_ascii=False)
        elif value is None:
            value = ""
        elif not isinstance(value, str | int | float | bool):
            value = str(value)
        flat[name] = value
    return flat


def write_graph(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """``graph`` as GraphML or GEXF (UTF-8 bytes) that Gephi opens.

    Raises:
        ValueError: when ``fmt`` is not one of :data:`GRAPH_FORMATS`.

    Example:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("speaker:@a", type="speaker", label="@a", aliases=("A",))
        >>> g.add_node("concept:team", type="concept", label="team")
        >>> _ = g.add_edge("speaker:@a", "concept:team", key="c-1", relation="is a")
        >>> b'["A"]' in write_graph(g, "graphml")
        True
    """
    _check(fmt)
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flat(d)) for n, d in graph.nodes(data=True))
    flat.add_edges_from(
        (u, v, k, {**_flat(d), "label": str(d.get("relation", k)), "id": f"e{i}",
                   "edge_key": str(k)})
        for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True)))
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buffer, encoding="utf-8", edge_id_from_attribute="id")
    else:
        nx.write_gexf(flat, buffer, encoding="utf-8")
    return buffer.getvalue()


def read_graph(data: bytes, fmt: str) -> nx.MultiDiGraph:
    """Inverse of :func:`write_graph`: JSON arrays back to tuples, edge keys kept.

    Raises:
        ValueError: when ``fmt`` is not one of :data:`GRAPH_FORMATS`, or
            ``data`` is not a graph in that format.

    Example:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("speaker:@a", type="speaker", label="@a", aliases=("A",))
        >>> sorted(read_graph(write_graph(g, "gexf"), "gexf").nodes["speaker:@a"].items())
        [('aliases', ('A',)), ('label', '@a'), ('type', 'speaker')]
    """
    _check(fmt)
    try:
        if fmt == "graphml":
            raw = nx.read_graphml(io.BytesIO(data), edge_key_type=str, force_multigraph=True)
        else:
            raw = nx.read_gexf(io.BytesIO(data))
    except Exception as e:  # the XML parsers raise many types; the caller needs one
        raise ValueError(f"data: not a {fmt} graph: {type(e).__name__}: {e}") from e
    graph = nx.MultiDiGraph()
    for node, attrs in raw.nodes(data=True):
        graph.add_node(node, **_unflat(attrs))
    for u, v, attrs in raw.edges(data=True):
        attrs = {k: x for k, x in attrs.items() if k not in ("label", "id", "networkx_key")}
        key = attrs.pop("edge_key", None)
        graph.add_edge(u, v, key=key, **_unflat(attrs))
    return graph


def _unflat(attrs: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(attrs)
    for name in LIST_ATTRIBUTES:
        if isinstance(data.get(name), str):
            data[name] = tuple(json.loads(data[name])) if data[name] else ()
    return data
