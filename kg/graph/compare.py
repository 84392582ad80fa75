"""Agreement and disagreement between speakers, read off the claim graph.

Two claims by different speakers *say the same thing* when they have the same
subject, the same claim type and relation read without negation
(:func:`kg.relations.comparison_key`: "is", "means" and "consists of" are one
relation, a property is its predicate) and the same object (its concept, or else
its label without case, extra spaces and leading article; an empty object matches
nothing). Then:

- same polarity -> an agreement (kind ``same polarity``);
- opposite polarity -> a disagreement (kind ``opposite polarity``: "customers are a
  community" / "customers are not a community");
- two affirmative claims relating the subject, under one relation, to two different
  concepts that some claim of the graph contrasts -> a disagreement of kind
  ``contrasting objects`` ("a network is a team" / "a network is a community", while
  someone says teams are not the same as communities).

The example query ``queries/disagreements.rq`` asks the same in SPARQL.

Each row is one pair of claims: ``kind, concept`` (the subject), ``relation`` (the
comparison key), ``speaker_a, claim_a, object_a, negated_a, evidence_a`` and the
same for ``b``. Claim ``a`` is the affirmative one for opposite polarity, else the
lower claim id. A pair is *about* a concept when it is the subject or either object.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from kg.graph.analysis import concept_node
from kg.graph.build import ClaimEnds, claim_ends, split_node_id
from kg.relations import comparison_key

__all__ = ["CONTRAST_RELATION", "DISAGREEMENT_KINDS", "agreements", "disagreements",
           "object_key"]

CONTRAST_RELATION = "contrasted with"
DISAGREEMENT_KINDS = ("opposite polarity", "contrasting objects")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


def object_key(concept: str | None, label: str) -> str | None:
    """What a claim's object is, for comparing claims: its concept, else its plain label.

    ``None`` for an empty label without a concept: such an object matches nothing.

    Example:
        >>> object_key(None, "A  Group of People"), object_key("group", "a group")
        ('group of people', 'concept:group')
        >>> object_key(None, " ") is None
        True
    """
    if concept is not None:
        return f"concept:{concept}"
    return _ARTICLE.sub("", " ".join(label.casefold().split())) or None


def agreements(graph: nx.MultiDiGraph, concept: str | None = None, *,
               speaker: str | None = None) -> list[dict[str, Any]]:
    """Pairs of claims by different speakers saying the same thing with the same polarity.

    ``concept``: only the pairs about it (its subject or object). ``speaker``: only
    the pairs with one claim by this speaker id (found without comparing every pair).

    Raises:
        networkx.NodeNotFound: when ``concept`` is not a concept of the graph.

    Example:
        >>> from kg.graph.build import build_graph, quick_claim
        >>> g = build_graph([quick_claim("c-1", "@a", "team", "be", "a group", concept="group"),
        ...                  quick_claim("c-2", "@b", "team", "mean", "groups", concept="group")])
        >>> [(r["speaker_a"], r["relation"], r["speaker_b"]) for r in agreements(g, "team")]
        [('@a', 'is a', '@b')]
    """
    scope = _Scope(_wanted(graph, concept), speaker)
    return sorted(_polarity_pairs(_by_subject(graph, scope), scope, same=True), key=_order)


def disagreements(graph: nx.MultiDiGraph, concept: str | None = None, *,
                  speaker: str | None = None,
                  kinds: tuple[str, ...] = DISAGREEMENT_KINDS) -> list[dict[str, Any]]:
    """Pairs of claims by different speakers that disagree (see the module docstring).

    ``concept`` and ``speaker`` narrow the pairs as in :func:`agreements`.

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
    scope = _Scope(_wanted(graph, concept), speaker)
    groups = _by_subject(graph, scope)
    rows: list[dict[str, Any]] = []
    if "opposite polarity" in kinds:
        rows += _polarity_pairs(groups, scope, same=False)
    if "contrasting objects" in kinds:
        rows += _contrast_pairs(graph, groups, scope)
    return sorted(rows, key=_order)


def _order(row: dict[str, Any]) -> tuple[str, ...]:
    return (row["kind"], row["concept"], row["claim_a"], row["claim_b"])


def _wanted(graph: nx.MultiDiGraph, concept: str | None) -> str | None:
    return None if concept is None else split_node_id(concept_node(graph, concept))[1]


@dataclass(frozen=True, slots=True)
class _Scope:
    """Which pairs are wanted: about ``concept`` and with a claim by ``speaker`` (if set)."""

    concept: str | None
    speaker: str | None

    def wants_group(self, subject: str, group: list[ClaimEnds]) -> bool:
        return ((self.concept is None or subject == self.concept
                 or any(e.object == self.concept for e in group))
                and (self.speaker is None or any(e.speaker == self.speaker for e in group)))

    def about(self, subject: str, a: ClaimEnds, b: ClaimEnds) -> bool:
        return self.concept is None or self.concept in (subject, a.object, b.object)

    def pairs(self, members: list[ClaimEnds]) -> Iterator[tuple[ClaimEnds, ClaimEnds]]:
        """Pairs of ``members`` (sorted by node) by different speakers, lower node first."""
        if self.speaker is None:
            candidates: Iterable[tuple[ClaimEnds, ClaimEnds]] = combinations(members, 2)
        else:  # the speaker's claims against the others': linear in the group
            mine = [e for e in members if e.speaker == self.speaker]
            candidates = ((m, o) if m.node < o.node else (o, m)
                          for m in mine for o in members if o.speaker != self.speaker)
        return ((a, b) for a, b in candidates if a.speaker != b.speaker)


def _by_subject(graph: nx.MultiDiGraph, scope: _Scope) -> dict[str, list[ClaimEnds]]:
    """Claims grouped by subject: the groups that can hold a wanted pair."""
    groups: dict[str, list[ClaimEnds]] = defaultdict(list)
    for ends in claim_ends(graph):
        groups[ends.subject].append(ends)
    return {subject: sorted(group, key=lambda e: e.node) for subject, group in groups.items()
            if scope.wants_group(subject, group)}


def _key(ends: ClaimEnds) -> tuple[str, str]:
    """(claim type, comparison key): what two claims must share to say the same thing."""
    return ends.data["claim_type"], comparison_key(ends.data["claim_type"],
                                                   ends.data["predicate"])


def _polarity_pairs(groups: dict[str, list[ClaimEnds]], scope: _Scope,
                    *, same: bool) -> list[dict[str, Any]]:
    kind = "same polarity" if same else "opposite polarity"
    rows = []
    for subject, group in groups.items():
        alike: dict[tuple[tuple[str, str], str], list[ClaimEnds]] = defaultdict(list)
        for ends in group:
            obj = object_key(ends.object, ends.data["object_label"])
            if obj is not None:
                alike[_key(ends), obj].append(ends)
        for ((_, relation), _), members in alike.items():
            for a, b in scope.pairs(members):
                if (a.data["negated"] == b.data["negated"]) != same or not scope.about(
                        subject, a, b):
                    continue
                if not same and a.data["negated"]:
                    a, b = b, a
                rows.append(_pair(kind, subject, relation, a, b))
    return rows


def _contrast_pairs(graph: nx.MultiDiGraph, groups: dict[str, list[ClaimEnds]],
                    scope: _Scope) -> list[dict[str, Any]]:
    contrasted = _contrasted_concepts(graph)
    rows = []
    for subject, group in groups.items():
        alike: dict[tuple[str, str], list[ClaimEnds]] = defaultdict(list)
        for ends in group:
            if ends.object not in (None, subject) and not ends.data["negated"]:
                alike[_key(ends)].append(ends)
        for (_, relation), members in alike.items():
            for a, b in scope.pairs(members):
                if frozenset((a.object, b.object)) in contrasted and scope.about(subject, a, b):
                    rows.append(_pair("contrasting objects", subject, relation, a, b))
    return rows


def _contrasted_concepts(graph: nx.MultiDiGraph) -> set[frozenset[str]]:
    """Pairs of distinct concept ids that some claim contrasts (a derived edge)."""
    return {frozenset((split_node_id(u)[1], split_node_id(v)[1]))
            for u, v, data in graph.edges(data=True)
            if data.get("derived") and data.get("relation") == CONTRAST_RELATION and u != v}


def _pair(kind: str, concept: str, relation: str, a: ClaimEnds, b: ClaimEnds
          ) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": kind, "concept": concept, "relation": relation}
    for side, ends in (("a", a), ("b", b)):
        row[f"speaker_{side}"] = ends.speaker
        row[f"claim_{side}"] = split_node_id(ends.node)[1]
        row[f"object_{side}"] = ends.data["object_label"]
        row[f"negated_{side}"] = bool(ends.data["negated"])
        row[f"evidence_{side}"] = ends.data["evidence"]
    return row
