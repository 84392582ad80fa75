"""Analyses of the claim graph a researcher calls; each returns plain rows.

Rows are ``dict``s (or pandas DataFrames) that a notebook or a Streamlit app
shows as they are. Concepts and speakers are named by their record ids
(``community``, ``@rhappe``), not by graph node ids.

The *concept/speaker projection* (:func:`concept_speaker_graph`) is the
undirected weighted graph the centralities and clusters are computed on: a
speaker is linked to each concept it makes claims about (subject or object),
two concepts are linked by the claims that relate them; weights count claims.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any, NamedTuple

import networkx as nx
import pandas as pd

from kg.graph.build import NODE_TYPES, ClaimEnds, claim_ends, node_id, split_node_id

__all__ = [
    "PAGERANK_ALPHA",
    "RANKINGS",
    "NoClaimPath",
    "SpeakerConceptMatrix",
    "claim_path",
    "claim_row",
    "clusters",
    "co_claimed_concepts",
    "concept_node",
    "concept_ranking",
    "concept_speaker_graph",
    "pagerank",
    "speaker_concept_matrix",
    "speaker_definitions",
    "speakers_per_concept",
    "summary",
]

logger = logging.getLogger(__name__)

RANKINGS = ("pagerank", "degree", "betweenness")
PAGERANK_ALPHA = 0.85
PAGERANK_TOL = 1.0e-10
PAGERANK_MAX_ITER = 1000


class NoClaimPath(nx.NetworkXNoPath):
    """No chain of claims links two concepts."""


class SpeakerConceptMatrix(NamedTuple):
    """Speakers x concepts: claim counts and, same shape, negated-claim counts."""

    counts: pd.DataFrame
    negated: pd.DataFrame


def concept_node(graph: nx.MultiDiGraph, concept: str) -> str:
    """The node id of concept ``concept`` (an id like ``community`` or a node id).

    Raises:
        networkx.NodeNotFound: when the graph has no such concept.

    Example:
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("concept:team", type="concept", label="team")
        >>> concept_node(g, "team"), concept_node(g, "concept:team")
        ('concept:team', 'concept:team')
    """
    for node in (concept, node_id("concept", concept)):
        if node in graph and graph.nodes[node].get("type") == "concept":
            return node
    raise nx.NodeNotFound(f"concept: no concept {concept!r} in the graph")


def claim_row(ends: ClaimEnds) -> dict[str, Any]:
    """One claim as a display row (ids, relation, polarity, evidence)."""
    data = ends.data
    return {
        "claim": split_node_id(ends.node)[1], "speaker": ends.speaker, "subject": ends.subject,
        "type": data["claim_type"], "negated": bool(data["negated"]),
        "predicate": data["predicate"], "relation": data["relation"],
        "object": data["object_label"], "object_concept": ends.object,
        "evidence": data["evidence"], "source": ends.source,
    }


def _mentions(ends: ClaimEnds) -> set[str]:
    """The concepts a claim is about (its subject and its object concept)."""
    return {ends.subject} if ends.object is None else {ends.subject, ends.object}


def concept_speaker_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected concept/speaker projection, ``weight`` = number of claims.

    Example:
        >>> from kg.graph.build import build_graph
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "a", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a group", "group"),
        ...           "definition")
        >>> p = concept_speaker_graph(build_graph([c]))
        >>> sorted(p["concept:team"].items())
        [('concept:group', {'weight': 1}), ('speaker:@a', {'weight': 1})]
    """
    return _projection(graph, _tally(graph))


class _Tally(NamedTuple):
    """One pass over the claims: claims and speakers per concept, projection weights."""

    claims: Counter[str]
    speakers: dict[str, set[str]]
    weights: Counter[tuple[str, str]]


def _tally(graph: nx.MultiDiGraph) -> _Tally:
    claims: Counter[str] = Counter()
    speakers: dict[str, set[str]] = defaultdict(set)
    weights: Counter[tuple[str, str]] = Counter()
    for ends in claim_ends(graph):
        speaker = node_id("speaker", ends.speaker)
        for concept in sorted(_mentions(ends)):
            claims[concept] += 1
            speakers[concept].add(ends.speaker)
            weights[speaker, node_id("concept", concept)] += 1
        if ends.object is not None and ends.object != ends.subject:
            pair = sorted((ends.subject, ends.object))
            weights[node_id("concept", pair[0]), node_id("concept", pair[1])] += 1
    return _Tally(claims, speakers, weights)


def _projection(graph: nx.MultiDiGraph, tally: _Tally) -> nx.Graph:
    projection = nx.Graph()
    for node, data in graph.nodes(data=True):
        if data.get("type") in ("concept", "speaker"):
            projection.add_node(node, type=data["type"], label=data.get("label", node))
    projection.add_weighted_edges_from((u, v, w) for (u, v), w in tally.weights.items())
    return projection


def pagerank(graph: nx.Graph, *, alpha: float = PAGERANK_ALPHA) -> dict[Any, float]:
    """Weighted PageRank (networkx's SciPy implementation, edge attr ``weight``).

    Example:
        >>> ranks = pagerank(nx.Graph([(1, 2), (2, 3)]))
        >>> [round(ranks[v], 4) for v in (1, 2, 3)]
        [0.2568, 0.4865, 0.2568]
    """
    if len(graph) == 0:
        return {}
    return nx.pagerank(graph, alpha=alpha, weight="weight", max_iter=PAGERANK_MAX_ITER,
                       tol=PAGERANK_TOL)


def concept_ranking(graph: nx.MultiDiGraph, *, by: str = "pagerank",
                    limit: int | None = None) -> list[dict[str, Any]]:
    """Concepts ranked by centrality, highest first (ties by concept id).

    ``by``: ``pagerank`` or ``betweenness`` (normalised) on the concept/speaker
    projection, or ``degree``: the number of claims about the concept.
    Rows: ``rank, concept, label, score, claims, speakers, in_vocabulary``.

    Raises:
        ValueError: when ``by`` is not one of :data:`RANKINGS` or ``limit < 0``.

    Example:
        >>> from kg.graph.build import build_graph
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "a", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a group", "group"),
        ...           "definition")
        >>> [(r["concept"], r["score"]) for r in concept_ranking(build_graph([c]), by="degree")]
        [('group', 1), ('team', 1)]
    """
    if by not in RANKINGS:
        raise ValueError(f"by must be one of {RANKINGS}, got {by!r}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0 or None, got {limit!r}")
    tally = _tally(graph)
    claims, speakers = tally.claims, tally.speakers
    if by == "degree":
        scores: dict[str, float] = {}
    else:
        projection = _projection(graph, tally)
        scores = (pagerank(projection) if by == "pagerank"
                  else nx.betweenness_centrality(projection, normalized=True))
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("type") != "concept":
            continue
        concept = split_node_id(node)[1]
        rows.append({
            "concept": concept, "label": data.get("label", concept),
            "score": claims[concept] if by == "degree" else scores.get(node, 0.0),
            "claims": claims[concept], "speakers": len(speakers[concept]),
            "in_vocabulary": bool(data.get("in_vocabulary", True)),
        })
    rows.sort(key=lambda row: (-row["score"], row["concept"]))
    rows = rows[:limit] if limit is not None else rows
    return [{"rank": i, **row} for i, row in enumerate(rows, start=1)]


def speakers_per_concept(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Who makes claims about each concept (as subject or object), most speakers first.

    Rows: ``concept, speakers`` (sorted ids), ``speaker_labels``, ``n_speakers``, ``n_claims``.

    Example:
        >>> from kg.graph.build import build_graph
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "A", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a group", None),
        ...           "definition")
        >>> speakers_per_concept(build_graph([c]))
        [{'concept': 'team', 'speakers': ['@a'], 'speaker_labels': ['A'], 'n_speakers': 1, \
'n_claims': 1}]
    """
    claims: Counter[str] = Counter()
    speakers: dict[str, set[str]] = defaultdict(set)
    for ends in claim_ends(graph):
        for concept in _mentions(ends):
            claims[concept] += 1
            speakers[concept].add(ends.speaker)
    rows = []
    for concept in claims:
        ids = sorted(speakers[concept])
        rows.append({
            "concept": concept, "speakers": ids,
            "speaker_labels": [graph.nodes[node_id("speaker", s)]["label"] for s in ids],
            "n_speakers": len(ids), "n_claims": claims[concept],
        })
    rows.sort(key=lambda row: (-row["n_speakers"], -row["n_claims"], row["concept"]))
    return rows


def speaker_definitions(graph: nx.MultiDiGraph, concept: str, *,
                        include_object: bool = False) -> list[dict[str, Any]]:
    """How each speaker defines ``concept``: its claims with the concept as subject.

    Sorted by speaker, claim type, negation, claim id, so the rows group by
    speaker, then type and negation. ``include_object``: also the claims whose
    object is the concept ("customers aren't a community").
    Rows: ``speaker, speaker_label, type, negated, predicate, object, evidence,
    source, claim``.

    Raises:
        networkx.NodeNotFound: when the graph has no such concept.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group"),
        ...                  quick_claim("c-2", "@b", "team", "need", "trust",
        ...                              type="requirement")])
        >>> [(r["speaker"], r["type"], r["object"]) for r in speaker_definitions(g, "team")]
        [('@a', 'definition', 'a group'), ('@b', 'requirement', 'trust')]
    """
    concept = split_node_id(concept_node(graph, concept))[1]
    rows = []
    for ends in claim_ends(graph):
        if ends.subject != concept and not (include_object and ends.object == concept):
            continue
        data = ends.data
        rows.append({
            "speaker": ends.speaker,
            "speaker_label": graph.nodes[node_id("speaker", ends.speaker)]["label"],
            "type": data["claim_type"], "negated": bool(data["negated"]),
            "predicate": data["predicate"], "object": data["object_label"],
            "evidence": data["evidence"], "source": ends.source,
            "claim": split_node_id(ends.node)[1],
        })
    rows.sort(key=lambda r: (r["speaker"], r["type"], r["negated"], r["claim"]))
    return rows


def co_claimed_concepts(graph: nx.MultiDiGraph, *,
                        min_speakers: int = 1) -> list[dict[str, Any]]:
    """Concept pairs that the same speakers make claims about, most shared speakers first.

    Rows: ``a, b`` (``a < b``), ``speakers`` (sorted ids), ``n_speakers``.

    Raises:
        ValueError: when ``min_speakers < 1``.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group", concept="group"),
        ...                  quick_claim("c-2", "@b", "team", "be", "no network")])
        >>> co_claimed_concepts(g)
        [{'a': 'group', 'b': 'team', 'speakers': ['@a'], 'n_speakers': 1}]
    """
    if min_speakers < 1:
        raise ValueError(f"min_speakers must be >= 1, got {min_speakers!r}")
    by_speaker: dict[str, set[str]] = defaultdict(set)
    for ends in claim_ends(graph):
        by_speaker[ends.speaker] |= _mentions(ends)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for speaker, concepts in by_speaker.items():
        for pair in combinations(sorted(concepts), 2):
            pairs[pair].add(speaker)
    rows = [{"a": a, "b": b, "speakers": sorted(s), "n_speakers": len(s)}
            for (a, b), s in pairs.items() if len(s) >= min_speakers]
    rows.sort(key=lambda r: (-r["n_speakers"], r["a"], r["b"]))
    return rows


def clusters(graph: nx.MultiDiGraph, *, seed: int = 0,
             resolution: float = 1.0) -> list[dict[str, Any]]:
    """Louvain communities of the concept/speaker projection, largest first.

    Deterministic for a given ``seed``. Rows: ``cluster`` (1-based),
    ``concepts``, ``speakers`` (sorted ids), ``size``.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "x"),
        ...                  quick_claim("c-2", "@b", "group", "be", "y")])
        >>> [(r["concepts"], r["speakers"]) for r in clusters(g)]
        [(['group'], ['@b']), (['team'], ['@a'])]
    """
    projection = concept_speaker_graph(graph)
    found = nx.community.louvain_communities(projection, weight="weight",
                                             resolution=resolution, seed=seed)
    rows = []
    for members in found:
        kinds: dict[str, list[str]] = {kind: [] for kind in NODE_TYPES}
        for node in members:
            kind, ident = split_node_id(node)
            kinds[kind].append(ident)
        rows.append({"concepts": sorted(kinds["concept"]), "speakers": sorted(kinds["speaker"]),
                     "size": len(members)})
    rows.sort(key=lambda r: (-r["size"], r["concepts"], r["speakers"]))
    return [{"cluster": i, **row} for i, row in enumerate(rows, start=1)]


def claim_path(graph: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """The shortest chain of claims linking concepts ``a`` and ``b``.

    Each step is one claim relating two consecutive concepts of the chain (in
    either direction; the lowest claim id when several do). Rows as
    :func:`claim_row`; ``[]`` when ``a == b``.

    Raises:
        networkx.NodeNotFound: when ``a`` or ``b`` is not a concept of the graph.
        NoClaimPath: when no chain of claims links them.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group", concept="group"),
        ...                  quick_claim("c-2", "@b", "group", "be", "a network",
        ...                              concept="network")])
        >>> [r["claim"] for r in claim_path(g, "team", "network")]
        ['c-1', 'c-2']
    """
    start, end = concept_node(graph, a), concept_node(graph, b)
    links: dict[frozenset[str], list[ClaimEnds]] = defaultdict(list)
    concepts = nx.Graph()
    concepts.add_nodes_from((start, end))
    for ends in claim_ends(graph):
        if ends.object is not None and ends.object != ends.subject:
            pair = (node_id("concept", ends.subject), node_id("concept", ends.object))
            concepts.add_edge(*pair)
            links[frozenset(pair)].append(ends)
    try:
        path = nx.shortest_path(concepts, start, end)
    except nx.NetworkXNoPath as e:
        raise NoClaimPath(f"claim_path: no chain of claims links {a!r} and {b!r}") from e
    return [claim_row(min(links[frozenset(step)], key=lambda e: e.node))
            for step in zip(path, path[1:], strict=False)]


def speaker_concept_matrix(graph: nx.MultiDiGraph) -> SpeakerConceptMatrix:
    """Claim counts per speaker (rows) and concept (columns), and negated-claim counts.

    A claim counts for its subject and for its object concept. Both frames
    have the same sorted index (``speaker``) and columns (``concept``).

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group", concept="group",
        ...                              negated=True)])
        >>> m = speaker_concept_matrix(g)
        >>> m.counts.loc["@a"].to_dict(), m.negated.loc["@a", "team"].item()
        ({'group': 1, 'team': 1}, 1)
    """
    counts: Counter[tuple[str, str]] = Counter()
    negated: Counter[tuple[str, str]] = Counter()
    for ends in claim_ends(graph):
        for concept in _mentions(ends):
            counts[ends.speaker, concept] += 1
            negated[ends.speaker, concept] += bool(ends.data["negated"])
    speakers = sorted({s for s, _ in counts})
    concepts = sorted({c for _, c in counts})
    return SpeakerConceptMatrix(_frame(counts, speakers, concepts),
                                _frame(negated, speakers, concepts))


def _frame(cells: Counter[tuple[str, str]], speakers: list[str],
           concepts: list[str]) -> pd.DataFrame:
    return pd.DataFrame([[cells[s, c] for c in concepts] for s in speakers],
                        index=pd.Index(speakers, name="speaker"),
                        columns=pd.Index(concepts, name="concept"), dtype="int64")


def summary(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Node counts per type, and edge counts (all, and derived concept links).

    Example:
        >>> summary(nx.MultiDiGraph())
        {'speaker': 0, 'concept': 0, 'claim': 0, 'source': 0, 'edges': 0, 'derived_edges': 0}
    """
    counts = Counter(data.get("type") for data in graph._node.values())
    result = {kind: counts[kind] for kind in NODE_TYPES}
    result["edges"] = graph.number_of_edges()
    # derived edges link concepts: look only at the concepts' out-edges
    result["derived_edges"] = sum(
        1 for node, data in graph._node.items() if data.get("type") == "concept"
        for keys in graph._succ[node].values() for edge in keys.values() if edge.get("derived"))
    return result

