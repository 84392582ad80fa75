"""What a claim says between two concepts: one table for the graph, the RDF and SPARQL.

A claim's *relation* is read from its ``(type, negated)`` (:data:`RELATION_BY_TYPE`),
unless its predicate says more (:data:`RELATION_BY_PREDICATE`: "X is not the same as Y"
contrasts X with Y, "X does not differ from Y" says they are the same). :mod:`kg.graph`
labels its derived concept links with it, :mod:`kg.rdf` states the matching ``kg:``
property between the concepts, and :func:`comparison_key` says when two claims state
the same relation (the basis of agreement and disagreement). Imports nothing from kg.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "NEGATED_RELATIONS",
    "RELATION_BY_PREDICATE",
    "RELATION_BY_TYPE",
    "comparison_key",
    "derive_relation",
]

#: Derived relation of a claim from its (type, negated).
RELATION_BY_TYPE: Mapping[tuple[str, bool], str] = MappingProxyType({
    ("definition", False): "is a",
    ("definition", True): "is not",
    ("contrast", False): "contrasted with",
    ("contrast", True): "not contrasted with",
    ("property", False): "has property",
    ("property", True): "lacks property",
    ("requirement", False): "requires",
    ("requirement", True): "does not require",
})

#: Predicates whose meaning overrides the type rule.
RELATION_BY_PREDICATE: Mapping[tuple[str, bool], str] = MappingProxyType({
    ("be the same as", False): "same as",
    ("be the same as", True): "contrasted with",
    ("differ from", True): "same as",
    ("be different from", True): "same as",
    ("overlap with", True): "contrasted with",  # "no overlap between X and Y"
})

#: Relations that deny something ("is not", "does not require", ...): drawn as negated.
NEGATED_RELATIONS = frozenset(r for (_, negated), r in RELATION_BY_TYPE.items() if negated)


def derive_relation(claim_type: str, predicate: str, negated: bool) -> str:
    """The concept-to-concept relation a claim states.

    The predicate table wins over the type table; an unknown type falls back
    to the predicate itself (``not`` prefixed when negated).

    Example:
        >>> derive_relation("definition", "be", True)
        'is not'
        >>> derive_relation("contrast", "be the same as", True)
        'contrasted with'
        >>> derive_relation("contrast", "overlap with", True)  # "no overlap between X and Y"
        'contrasted with'
        >>> derive_relation("other", "resemble", True)
        'not resemble'
    """
    relation = RELATION_BY_PREDICATE.get((predicate, negated))
    if relation is None:
        relation = RELATION_BY_TYPE.get((claim_type, negated))
    if relation is None:
        relation = f"not {predicate}" if negated else predicate
    return relation


def comparison_key(claim_type: str, predicate: str) -> str:
    """What two claims must share to say the same thing, read without negation.

    The affirmative relation, except for properties, whose predicate is what they
    say ("tend to focus on", "be conflict-free"): "community is X" and "community
    means X" state one relation, "community tends to Y" and "community lacks Y"
    do not.

    Example:
        >>> comparison_key("definition", "mean"), comparison_key("property", "tend to")
        ('is a', 'has property: tend to')
        >>> comparison_key("contrast", "be the same as")
        'same as'
    """
    relation = derive_relation(claim_type, predicate, False)
    if relation == RELATION_BY_TYPE[("property", False)]:
        return f"{relation}: {predicate}"
    return relation
