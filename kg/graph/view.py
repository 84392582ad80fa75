"""A filtered, drawable view of the claim graph (what the app draws).

The view keeps the claims that pass every filter. By default each claim is
collapsed into one edge ``speaker -> subject concept`` (key = claim id,
``relation`` = the claim's relation, with ``negated``, ``evidence``,
``claim_type``, ``source``); with ``include_claims`` the claim nodes and their
structural edges are kept instead. Derived concept-to-concept edges are
recomputed from the kept claims. With ``include_sources`` source nodes are
added (linked from the claim, or from the speaker, key ``from``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from kg.graph.build import ClaimEnds, claim_ends, node_id, split_node_id

__all__ = ["ViewInfo", "resolve_node", "subgraph_view"]


@dataclass(frozen=True, slots=True)
class ViewInfo:
    """What a view holds and what was left out (``note`` is one line for a caption)."""

    claims: int
    nodes: int
    edges: int
    total_nodes: int
    dropped_nodes: int
    truncated: bool
    note: str


def resolve_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node id for ``name``: a node id, else a concept id, else a speaker id.

    Raises:
        networkx.NodeNotFound: when no node has that name.

    Example:
        >>> g = nx.MultiDiGraph([("speaker:@a", "concept:team")])
        >>> resolve_node(g, "team"), resolve_node(g, "@a")
        ('concept:team', 'speaker:@a')
    """
    for node in (name, f"concept:{name}", f"speaker:{name}"):
        if node in graph:
            return node
    raise nx.NodeNotFound(f"focus: no node, concept or speaker named {name!r}")


def subgraph_view(
    graph: nx.MultiDiGraph,
    *,
    concepts: Collection[str] | None = None,
    speakers: Collection[str] | None = None,
    sources: Collection[str] | None = None,
    types: Collection[str] | None = None,
    negated: bool | None = None,
    min_degree: int = 0,
    focus: str | None = None,
    hops: int = 1,
    include_claims: bool = False,
    include_sources: bool = False,
    max_nodes: int | None = None,
) -> tuple[nx.MultiDiGraph, ViewInfo]:
    """The view of ``graph`` the filters select, and a :class:`ViewInfo` about it.

    Args:
        concepts: keep claims whose subject or object concept is one of these ids.
        speakers, sources, types: keep claims by these speaker / source ids, of these types.
        negated: keep only negated (``True``) or affirmative (``False``) claims.
        min_degree: then drop nodes with fewer edges in the view.
        focus: then keep only nodes within ``hops`` of this node (a node id,
            concept id or speaker id), ignoring edge direction.
        max_nodes: then keep the ``max_nodes`` nodes of highest degree (ties by
            node id; the focus is always kept) and say so in ``info.note``.

    Raises:
        ValueError: when ``hops``, ``min_degree`` or ``max_nodes`` is negative.
        networkx.NodeNotFound: when ``focus`` names no node of the graph.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group", concept="group"),
        ...                  quick_claim("c-2", "@b", "member", "be", "a person")])
        >>> view, info = subgraph_view(g, speakers={"@a"})
        >>> sorted(view.edges(keys=True))
        [('concept:team', 'concept:group', 'is a'), ('speaker:@a', 'concept:team', 'c-1')]
        >>> info.note
        '1 claims, 3 nodes, 2 edges'
    """
    for name, value in (("hops", hops), ("min_degree", min_degree), ("max_nodes", max_nodes)):
        if value is not None and value < 0:
            raise ValueError(f"{name} must be >= 0, got {value!r}")
    focus_node = None if focus is None else resolve_node(graph, focus)
    kept = [e for e in claim_ends(graph)
            if _passes(e, concepts, speakers, sources, types, negated)]
    view = _collapsed(graph, kept, include_claims, include_sources)
    if min_degree:
        view.remove_nodes_from([n for n, d in view.degree() if d < min_degree and n != focus_node])
    if focus_node is not None:
        if focus_node not in view:
            view.add_node(focus_node, **graph.nodes[focus_node])
        near = nx.single_source_shortest_path_length(view.to_undirected(as_view=True),
                                                     focus_node, cutoff=hops)
        view.remove_nodes_from([n for n in list(view) if n not in near])
    total = view.number_of_nodes()
    if max_nodes is not None and total > max_nodes:
        ranked = sorted(view.degree(), key=lambda nd: (nd[0] != focus_node, -nd[1], nd[0]))
        view.remove_nodes_from([n for n, _ in ranked[max_nodes:]])
    return view, _info(view, total)


def _passes(ends: ClaimEnds, concepts: Collection[str] | None,
            speakers: Collection[str] | None, sources: Collection[str] | None,
            types: Collection[str] | None, negated: bool | None) -> bool:
    return ((concepts is None or ends.subject in concepts or ends.object in concepts)
            and (speakers is None or ends.speaker in speakers)
            and (sources is None or ends.source in sources)
            and (types is None or ends.data["claim_type"] in types)
            and (negated is None or bool(ends.data["negated"]) == negated))


def _collapsed(graph: nx.MultiDiGraph, kept: list[ClaimEnds], include_claims: bool,
               include_sources: bool) -> nx.MultiDiGraph:
    view = nx.MultiDiGraph()
    derived: dict[tuple[str, str, str], list[ClaimEnds]] = {}
    for ends in kept:
        speaker, subject = node_id("speaker", ends.speaker), node_id("concept", ends.subject)
        source = node_id("source", ends.source)
        nodes = [speaker, subject, ends.node if include_claims else None,
                 node_id("concept", ends.object) if ends.object is not None else None,
                 source if include_sources else None]
        for node in filter(None, nodes):
            if node not in view:
                view.add_node(node, **graph.nodes[node])
        if include_claims:
            for u, v, key, data in [*graph.in_edges(ends.node, keys=True, data=True),
                                    *graph.out_edges(ends.node, keys=True, data=True)]:
                if u in view and v in view:
                    view.add_edge(u, v, key=key, **data)
        else:
            data = ends.data
            view.add_edge(speaker, subject, key=split_node_id(ends.node)[1],
                          relation=data["relation"], claim_type=data["claim_type"],
                          negated=data["negated"], evidence=data["evidence"],
                          source=graph.nodes[source]["label"], count=1)
            if include_sources:
                _count_edge(view, speaker, source)
        if ends.object is not None:
            key = (subject, node_id("concept", ends.object), ends.data["relation"])
            derived.setdefault(key, []).append(ends)
    for (u, v, relation), group in derived.items():
        view.add_edge(u, v, key=relation, relation=relation, derived=True, count=len(group),
                      claims=tuple(split_node_id(e.node)[1] for e in group),
                      speakers=tuple(sorted({e.speaker for e in group})))
    return view


def _count_edge(view: nx.MultiDiGraph, u: str, v: str) -> None:
    if view.has_edge(u, v, key="from"):
        view.edges[u, v, "from"]["count"] += 1
    else:
        view.add_edge(u, v, key="from", relation="from", count=1)


def _info(view: nx.MultiDiGraph, total: int) -> ViewInfo:
    claims = {k for *_, k, d in view.edges(keys=True, data="derived") if not d
              and k not in ("asserts", "subject", "object", "from")}
    claims |= {split_node_id(n)[1] for n, t in view.nodes(data="type") if t == "claim"}
    dropped = total - view.number_of_nodes()
    note = f"{len(claims)} claims, {view.number_of_nodes()} nodes, {view.number_of_edges()} edges"
    if dropped:
        note += f"; showing the top {view.number_of_nodes()} of {total} nodes by degree"
    return ViewInfo(claims=len(claims), nodes=view.number_of_nodes(),
                    edges=view.number_of_edges(), total_nodes=total, dropped_nodes=dropped,
                    truncated=dropped > 0, note=note)
