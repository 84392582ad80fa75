"""Agreement and disagreement between speakers, read off the claim graph.

Two claims by different speakers *say the same thing* when they have the
same subject, the same relation read without negation
(:func:`kg.graph.build.base_relation`) and the same object (its concept, or
else its label without case and leading article). Then:

- same polarity -> an agreement (kind ``same polarity``);
- opposite polarity -> a disagreement (kind ``opposite polarity``);
- and, weaker, two speakers contrasting one concept with different things
  (relation ``contrasted with``) -> a disagreement of kind ``contrasting objects``.

Each row is one pair of claims: ``kind, concept`` (the subject; for
contrasting objects the concept contrasted), ``relation, speaker_a,
claim_a, object_a, negated_a, evidence_a`` and the same for ``b``. Claim ``a``
is the affirmative one for opposite polarity, else the lower claim id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import networkx as nx

from kg.graph.analysis import concept_node
from kg.graph.build import ClaimEnds, claim_ends, derive_relation, split_node_id

__all__ = ["CONTRAST_RELATION", "DISAGREEMENT_KINDS", "agreements", "disagreements",
           "object_key"]

CONTRAST_RELATION = "contrasted with"
DISAGREEMENT_KINDS = ("opposite polarity", "contrasting objects")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


def object_key(concept: str | None, label: str) -> str:
    """What a claim's object is, for comparing claims: its concept, else its plain label.

    Example:
        >>> object_key(None, "A  Group of People"), object_key("group", "a group")
        ('group of people', 'concept:group')
    """
    if concept is not None:
        return f"concept:{concept}"
    return _ARTICLE.sub("", " ".join(label.casefold().split()))


def agreements(graph: nx.MultiDiGraph, concept: str | None = None) -> list[dict[str, Any]]:
    """Pairs of claims by different speakers saying the same thing with the same polarity.

    ``concept``: only claims whose subject or object concept it is.

    Raises:
        networkx.NodeNotFound: when ``concept`` is not a concept of the graph.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group", concept="group"),
        ...                  quick_claim("c-2", "@b", "team", "mean", "groups", concept="group")])
        >>> [(r["speaker_a"], r["relation"], r["speaker_b"]) for r in agreements(g, "team")]
        [('@a', 'is a', '@b')]
    """
    return sorted(_polarity_pairs(graph, concept, same=True), key=_order)


def disagreements(graph: nx.MultiDiGraph, concept: str | None = None, *,
                  kinds: tuple[str, ...] = DISAGREEMENT_KINDS) -> list[dict[str, Any]]:
    """Pairs of claims by different speakers that disagree (see the module docstring).

    Raises:
        networkx.NodeNotFound: when ``concept`` is not a concept of the graph.
        ValueError: when ``kinds`` holds a kind not in :data:`DISAGREEMENT_KINDS`.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group"),
        ...                  quick_claim("c-2", "@b", "team", "be", "a group", negated=True)])
        >>> [(r["kind"], r["speaker_a"], r["speaker_b"]) for r in disagreements(g)]
        [('opposite polarity', '@a', '@b')]
    """
    unknown = [k for k in kinds if k not in DISAGREEMENT_KINDS]
    if unknown:
        raise ValueError(f"kinds must be among {DISAGREEMENT_KINDS}, got {unknown!r}")
    rows: list[dict[str, Any]] = []
    if "opposite polarity" in kinds:
        rows += _polarity_pairs(graph, concept, same=False)
    if "contrasting objects" in kinds:
        rows += _contrast_pairs(graph, concept)
    return sorted(rows, key=_order)


def _order(row: dict[str, Any]) -> tuple[str, ...]:
    return (row["kind"], row["concept"], row["claim_a"], row["claim_b"])


def _selected(graph: nx.MultiDiGraph, concept: str | None) -> Iterator[ClaimEnds]:
    wanted = None if concept is None else split_node_id(concept_node(graph, concept))[1]
    for ends in claim_ends(graph):
        if wanted is None or wanted in (ends.subject, ends.object):
            yield ends


def _polarity_pairs(graph: nx.MultiDiGraph, concept: str | None,
                    *, same: bool) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str], list[ClaimEnds]] = defaultdict(list)
    for ends in _selected(graph, concept):
        relation = derive_relation(ends.data["claim_type"], ends.data["predicate"], False)
        groups[ends.subject, relation, object_key(ends.object, ends.data["object_label"])].append(
            ends)
    rows = []
    kind = "same polarity" if same else "opposite polarity"
    for (subject, relation, _), group in groups.items():
        for a, b in combinations(sorted(group, key=lambda e: e.node), 2):
            if a.speaker == b.speaker or (a.data["negated"] == b.data["negated"]) != same:
                continue
            if not same and a.data["negated"]:
                a, b = b, a
            rows.append(_pair(kind, subject, relation, a, b))
    return rows


def _contrast_pairs(graph: nx.MultiDiGraph, concept: str | None) -> list[dict[str, Any]]:
    wanted = None if concept is None else split_node_id(concept_node(graph, concept))[1]
    # A contrast is symmetric: it is about both of its concepts.
    by_concept: dict[str, list[tuple[str, ClaimEnds]]] = defaultdict(list)
    for ends in _selected(graph, concept):
        if ends.data["relation"] != CONTRAST_RELATION:
            continue
        by_concept[ends.subject].append(
            (object_key(ends.object, ends.data["object_label"]), ends))
        if ends.object is not None and ends.object != ends.subject:
            by_concept[ends.object].append((f"concept:{ends.subject}", ends))
    rows = []
    for about, group in by_concept.items():
        if wanted is not None and about != wanted:
            continue
        for (other_a, a), (other_b, b) in combinations(sorted(group, key=lambda p: p[1].node), 2):
            if a.speaker != b.speaker and other_a != other_b:
                rows.append(_pair("contrasting objects", about, CONTRAST_RELATION, a, b,
                                  objects=(other_a, other_b)))
    return rows


def _pair(kind: str, concept: str, relation: str, a: ClaimEnds, b: ClaimEnds, *,
          objects: tuple[str, str] | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": kind, "concept": concept, "relation": relation}
    for side, ends, other in (("a", a, objects and objects[0]), ("b", b, objects and objects[1])):
        row[f"speaker_{side}"] = ends.speaker
        row[f"claim_{side}"] = split_node_id(ends.node)[1]
        row[f"object_{side}"] = _display(other) if other else ends.data["object_label"]
        row[f"negated_{side}"] = bool(ends.data["negated"])
        row[f"evidence_{side}"] = ends.data["evidence"]
    return row


def _display(key: str) -> str:
    return key.removeprefix("concept:")
