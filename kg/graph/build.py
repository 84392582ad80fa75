"""Claims -> networkx MultiDiGraph, and back (a symmetric pair).

Node ids carry their type as a prefix: ``speaker:<id>``, ``concept:<id>``,
``claim:<id>``, ``source:<id>``; every node has ``type`` and ``label``.
Structural edges link each claim node to the rest::

    speaker -asserts-> claim -subject-> concept
                       claim -object-> concept   (when the object is a concept)
                       claim -from-> source

Derived concept-to-concept edges (``derived=True``) aggregate the claims that
link two concepts under one relation (:func:`kg.relations.derive_relation`), with
attributes ``claims`` (ids), ``count`` and ``speakers`` (ids). Every edge's key is
its ``relation``: between a claim node and another node each relation occurs once (a
claim can have the same concept as subject and object), and a derived edge's identity
is its relation; the claim id lives on the claim node every structural edge touches.
"""

from __future__ import annotations

import gc
from collections.abc import Container, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple

import networkx as nx

from kg.records import Claim, ConceptRef, Evidence, ObjectRef, Source, Speaker
from kg.relations import RELATION_BY_PREDICATE, RELATION_BY_TYPE, derive_relation

__all__ = [
    "NODE_TYPES",
    "RELATION_BY_PREDICATE",
    "RELATION_BY_TYPE",
    "STRUCTURAL_RELATIONS",
    "ClaimEnds",
    "build_graph",
    "claim_ends",
    "claim_label",
    "derive_relation",
    "graph_to_claims",
    "node_id",
    "quick_claim",
    "split_node_id",
]

NODE_TYPES = ("speaker", "concept", "claim", "source")
STRUCTURAL_RELATIONS = ("asserts", "subject", "object", "from")


def node_id(kind: str, ident: str) -> str:
    """The graph node id of a record id.

    Example:
        >>> node_id("speaker", "@rhappe")
        'speaker:@rhappe'

    Raises:
        ValueError: when ``kind`` is not one of :data:`NODE_TYPES`.
    """
    if kind not in NODE_TYPES:
        raise ValueError(f"kind must be one of {NODE_TYPES}, got {kind!r}")
    return f"{kind}:{ident}"


def split_node_id(node: str) -> tuple[str, str]:
    """Inverse of :func:`node_id`: ``(kind, record id)``.

    Example:
        >>> split_node_id("speaker:person:rachel-happe")
        ('speaker', 'person:rachel-happe')

    Raises:
        ValueError: when ``node`` has no known type prefix.
    """
    kind, sep, ident = str(node).partition(":")
    if not sep or kind not in NODE_TYPES:
        raise ValueError(f"node id must start with one of {NODE_TYPES} and ':', got {node!r}")
    return kind, ident


def claim_label(claim: Claim) -> str:
    """A one-line reading of a claim: ``subject [not] predicate object``.

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "a", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a community", "community"),
        ...           "definition", negated=True)
        >>> claim_label(c)
        'team not be a community'
    """
    negation = "not " if claim.negated else ""
    return f"{claim.subject.label} {negation}{claim.predicate} {claim.object.label}"


def quick_claim(claim_id: str, speaker: str, subject: str, predicate: str, obj: str, *,
                concept: str | None = None, type: str = "definition",
                negated: bool = False) -> Claim:
    """A claim with placeholder source and evidence, for examples and tests.

    Example:
        >>> quick_claim("c-1", "@a", "team", "be", "a community", concept="community").object
        ObjectRef(label='a community', concept='community')
    """
    text = f"{subject} {'not ' if negated else ''}{predicate} {obj}"
    return Claim(claim_id, Source("s", "s.txt", "S"), Speaker(speaker, speaker, "handle"),
                 ConceptRef(subject, subject), predicate, ObjectRef(obj, concept), type,
                 negated=negated, evidence=Evidence(text, 0, len(text)))


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small dicts are created.

    A graph build allocates only reachable objects, yet each GC pass rescans
    the growing graph, making the build super-linear (17x from 10k to 100k
    claims with it, 11x without).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_graph(claims: Iterable[Claim], *,
                vocabulary: Container[str] | None = None) -> nx.MultiDiGraph:
    """The claim graph of ``claims`` (see the module docstring for its shape).

    Args:
        claims: the claims; a repeated identical claim is added once.
        vocabulary: concept ids of the vocabulary (a set or a
            :class:`kg.vocab.Vocabulary`); concept nodes whose id is not in it get
            ``in_vocabulary=False``. ``None``: every concept counts as in it.

    Raises:
        ValueError: when two different claims share an id.

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "a", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a community", "community"),
        ...           "definition", negated=True)
        >>> g = build_graph([c])
        >>> sorted(g.nodes)
        ['claim:c-1', 'concept:community', 'concept:team', 'source:s', 'speaker:@a']
        >>> g.edges["concept:team", "concept:community", "is not"]["claims"]
        ('c-1',)
    """
    with _no_cyclic_gc():
        return _build(claims, vocabulary)


def _build(claims: Iterable[Claim], vocabulary: Container[str] | None) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    seen: dict[str, Claim] = {}
    derived: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        if claim.id in seen:
            if seen[claim.id] != claim:
                raise ValueError(f"claims: two different claims share the id {claim.id!r}")
            continue
        seen[claim.id] = claim
        _add_claim(graph, claim, vocabulary)
        if claim.object.concept is not None:
            relation = derive_relation(claim.type, claim.predicate, claim.negated)
            key = (claim.subject.id, claim.object.concept, relation)
            derived.setdefault(key, []).append(claim)
    for (subject, obj, relation), group in derived.items():
        graph.add_edge(
            node_id("concept", subject), node_id("concept", obj), key=relation,
            relation=relation, derived=True, count=len(group),
            claims=tuple(c.id for c in group),
            speakers=tuple(sorted({c.speaker.id for c in group})),
        )
    return graph


def _add_claim(graph: nx.MultiDiGraph, claim: Claim, vocabulary: Container[str] | None) -> None:
    speaker = node_id("speaker", claim.speaker.id)
    if speaker not in graph:
        graph.add_node(speaker, type="speaker", label=claim.speaker.label,
                       kind=claim.speaker.kind, aliases=tuple(claim.speaker.aliases))
    source = node_id("source", claim.source.id)
    if source not in graph:
        graph.add_node(source, type="source", label=claim.source.title,
                       title=claim.source.title, path=claim.source.path)
    node = node_id("claim", claim.id)
    graph.add_node(
        node, type="claim", label=claim_label(claim), claim_type=claim.type,
        predicate=claim.predicate, negated=claim.negated, hedged=claim.hedged,
        subject_label=claim.subject.label, object_label=claim.object.label,
        evidence=claim.evidence.text, evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end, confidence=claim.confidence,
        relation=derive_relation(claim.type, claim.predicate, claim.negated),
    )
    graph.add_edge(speaker, node, key="asserts", relation="asserts")
    graph.add_edge(node, _concept(graph, claim.subject.id, vocabulary), key="subject",
                   relation="subject")
    if claim.object.concept is not None:
        graph.add_edge(node, _concept(graph, claim.object.concept, vocabulary), key="object",
                       relation="object")
    graph.add_edge(node, source, key="from", relation="from")


def _concept(graph: nx.MultiDiGraph, concept: str, vocabulary: Container[str] | None) -> str:
    node = node_id("concept", concept)
    if node not in graph:
        graph.add_node(node, type="concept", label=concept,
                       in_vocabulary=vocabulary is None or concept in vocabulary)
    return node


class ClaimEnds(NamedTuple):
    """A claim node with the record ids at the ends of its structural edges."""

    node: str
    speaker: str
    subject: str
    object: str | None
    source: str
    data: Mapping[str, Any]


def claim_ends(graph: nx.MultiDiGraph) -> Iterator[ClaimEnds]:
    """Each claim node of ``graph`` with its speaker, subject, object concept and source ids.

    Raises:
        ValueError: when a claim node lacks its speaker, subject or source edge.

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "a", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a group", None), "definition")
        >>> next(claim_ends(build_graph([c])))[:5]
        ('claim:c-1', '@a', 'team', None, 's')
    """
    # The plain adjacency dicts, not the read-only views: this loop runs over every
    # claim for each analysis, and the views cost half its time.
    succ, pred = graph._succ, graph._pred
    for node, data in graph._node.items():
        if data.get("type") != "claim":
            continue
        ends = {rel: other for other, keys in succ[node].items() for rel in keys}
        speaker = next((other for other, keys in pred[node].items() if "asserts" in keys), None)
        if speaker is None or "subject" not in ends or "from" not in ends:
            raise ValueError(f"{node}: claim node lacks its speaker, subject or source edge")
        obj = ends.get("object")
        yield ClaimEnds(node, _ident(speaker, "speaker:"), _ident(ends["subject"], "concept:"),
                        None if obj is None else _ident(obj, "concept:"),
                        _ident(ends["from"], "source:"), data)


def _ident(node: str, prefix: str) -> str:
    """The record id of ``node``, which must be of the kind ``prefix`` names."""
    if not node.startswith(prefix):
        raise ValueError(f"{node}: expected a {prefix[:-1]} node at this end of a claim")
    return node[len(prefix):]


def graph_to_claims(graph: nx.MultiDiGraph) -> list[Claim]:
    """Inverse of :func:`build_graph`: the claims, in the order they were added.

    Exact when each speaker id and source id had one label in the input.

    Raises:
        ValueError: when a claim node lacks its speaker, subject or source edge.

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "a", "handle"),
        ...           ConceptRef("team", "team"), "be", ObjectRef("a group", None), "definition")
        >>> graph_to_claims(build_graph([c])) == [c]
        True
    """
    return [_claim(graph, ends) for ends in claim_ends(graph)]


def _claim(graph: nx.MultiDiGraph, ends: ClaimEnds) -> Claim:
    data = ends.data
    spk = graph.nodes[node_id("speaker", ends.speaker)]
    src = graph.nodes[node_id("source", ends.source)]
    return Claim(
        id=split_node_id(ends.node)[1],
        source=Source(id=ends.source, path=src["path"], title=src["title"]),
        speaker=Speaker(id=ends.speaker, label=spk["label"], kind=spk["kind"],
                        aliases=tuple(spk.get("aliases", ()))),
        subject=ConceptRef(id=ends.subject, label=data["subject_label"]),
        predicate=data["predicate"],
        object=ObjectRef(label=data["object_label"], concept=ends.object),
        type=data["claim_type"],
        negated=bool(data["negated"]),
        hedged=bool(data["hedged"]),
        evidence=Evidence(text=data["evidence"], start=int(data["evidence_start"]),
                          end=int(data["evidence_end"])),
        confidence=float(data["confidence"]),
    )
