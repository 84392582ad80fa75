"""RDF back to claims: the union of a dataset's graphs and :func:`dataset_to_claims`.

The inverse of :func:`kg.rdf.claims_to_dataset` (both are re-exported by :mod:`kg.rdf`);
it reads only what the model states, so any export format parsed back gives the claims.
"""

from __future__ import annotations

import logging
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS

from kg.namespace import KG, OA
from kg.records import CLAIM_TYPES, Claim, ConceptRef, Evidence, ObjectRef, Source, Speaker

__all__ = ["dataset_to_claims", "union_graph"]

logger = logging.getLogger(__name__)


def union_graph(data: Dataset | Graph) -> Graph:
    """All triples of ``data`` in one graph (``data`` itself when it is a plain graph)."""
    if not isinstance(data, Dataset):
        return data
    graph = Graph()
    for prefix, namespace in data.namespaces():
        graph.bind(prefix, namespace, override=True)
    for s, p, o, _ in data.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def dataset_to_claims(data: Dataset | Graph) -> list[Claim]:
    """The claims an export describes (the inverse of :func:`claims_to_dataset`).

    Speaker aliases come back in the order of their ``kg:aliases`` ``rdf:Seq``.
    Claims missing a required part are logged and skipped.

    Example:
        >>> from kg.rdf import claims_to_dataset
        >>> dataset_to_claims(claims_to_dataset([]))
        []
    """
    graph = union_graph(data)
    claims = []
    for node in set(graph.subjects(RDF.type, KG.Claim)):
        try:
            claims.append(_read_claim(graph, node))
        except (LookupError, TypeError, ValueError) as e:
            logger.warning("%s: not a complete kg claim (%s)", node, e)
    return sorted(claims, key=lambda c: (c.source.id, c.evidence.start, c.id))


def _one(graph: Graph, node: Any, prop: URIRef) -> Any:
    value = graph.value(node, prop, any=False)
    if value is None:
        raise LookupError(f"no {graph.namespace_manager.normalizeUri(prop)}")
    return value


def _read_claim(graph: Graph, node: URIRef) -> Claim:
    def text(subject: Any, prop: URIRef) -> str:
        return str(_one(graph, subject, prop))

    speaker_node = _one(graph, node, PROV.wasAttributedTo)
    source_node = _one(graph, node, PROV.wasDerivedFrom)
    object_node = graph.value(node, KG.object, any=False)
    claim_type = text(node, KG.claimType)
    if claim_type not in CLAIM_TYPES:
        raise ValueError(f"claim type {claim_type!r} not in {CLAIM_TYPES}")
    return Claim(
        id=text(node, DCTERMS.identifier),
        source=Source(text(source_node, DCTERMS.identifier), text(source_node, DCTERMS.source),
                      text(source_node, DCTERMS.title)),
        speaker=Speaker(text(speaker_node, DCTERMS.identifier), text(speaker_node, RDFS.label),
                        text(speaker_node, KG.speakerKind),
                        _read_aliases(graph, speaker_node)),
        subject=ConceptRef(text(_one(graph, node, KG.subject), DCTERMS.identifier),
                           text(node, KG.subjectLabel)),
        predicate=text(node, KG.predicateLabel),
        object=ObjectRef(text(node, KG.objectLabel),
                         None if object_node is None else text(object_node, DCTERMS.identifier)),
        type=claim_type,
        negated=bool(_one(graph, node, KG.negated).toPython()),
        hedged=bool(_one(graph, node, KG.hedged).toPython()),
        evidence=_read_evidence(graph, _one(graph, node, KG.evidence)),
        confidence=float(_one(graph, node, KG.confidence).toPython()),
    )


def _read_aliases(graph: Graph, speaker: Any) -> tuple[str, ...]:
    """Aliases in the order of their ``rdf:Seq``; sorted ``foaf:nick`` values without one."""
    sequence = graph.value(speaker, KG.aliases)
    if sequence is None:
        return tuple(sorted(str(n) for n in graph.objects(speaker, FOAF.nick)))
    members = []
    for prop, value in graph.predicate_objects(sequence):
        index = str(prop).removeprefix(str(RDF))
        if index.startswith("_") and index[1:].isdigit():
            members.append((int(index[1:]), str(value)))
    return tuple(value for _, value in sorted(members))


def _read_evidence(graph: Graph, annotation: Any) -> Evidence:
    target = _one(graph, annotation, OA.hasTarget)
    exact, start, end = None, None, None
    for selector in graph.objects(target, OA.hasSelector):
        if (selector, RDF.type, OA.TextQuoteSelector) in graph:
            exact = str(_one(graph, selector, OA.exact))
        elif (selector, RDF.type, OA.TextPositionSelector) in graph:
            start = int(_one(graph, selector, OA.start).toPython())
            end = int(_one(graph, selector, OA.end).toPython())
    if exact is None or start is None or end is None:
        raise LookupError("evidence without a quote and a position selector")
    return Evidence(exact, start, end)
