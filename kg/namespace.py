"""The project vocabulary (``KG``) and Web Annotation (``OA``) as rdflib namespaces.

``DefinedNamespace`` with ``_fail = True``: a typo such as ``KG.negatd`` raises
``AttributeError`` instead of silently minting a new IRI. The terms are
described (labels, comments, domains, ranges) in ``data/kg.ttl``.

Example:
    >>> str(KG.contrastedWith)
    'https://example.org/kg/ns#contrastedWith'
    >>> str(OA.TextQuoteSelector)
    'http://www.w3.org/ns/oa#TextQuoteSelector'
"""

from __future__ import annotations

from types import MappingProxyType

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
)

__all__ = ["KG", "KG_NS", "OA", "PREFIXES", "VOCABULARY_FILE"]

KG_NS = "https://example.org/kg/ns#"
VOCABULARY_FILE = "kg.ttl"


class KG(DefinedNamespace):
    """kg's own terms: claims, their parts and concept-to-concept relations."""

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    Claim: URIRef  # an attributed statement about what a concept is
    Definition: URIRef  # "X is/means/consists of Y"
    Contrast: URIRef  # "X is not the same as / differs from Y"
    Property: URIRef  # "X tends to / focuses on Y"
    Requirement: URIRef  # "X requires / depends on Y"

    # claim properties
    subject: URIRef
    subjectLabel: URIRef
    object: URIRef
    objectLabel: URIRef
    predicateLabel: URIRef
    claimType: URIRef
    negated: URIRef
    hedged: URIRef
    confidence: URIRef
    evidence: URIRef
    speakerKind: URIRef
    aliases: URIRef

    # concept-to-concept relations (the claim's own triple, stated plainly)
    relatedBy: URIRef
    isA: URIRef
    isNot: URIRef
    contrastedWith: URIRef
    sameAs: URIRef
    requires: URIRef
    hasProperty: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms kg uses (rdflib does not bundle OA)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef
    motivatedBy: URIRef
    describing: URIRef


#: Prefixes bound in every export and declared for remote queries.
PREFIXES = MappingProxyType({
    "kg": KG_NS,
    "kgc": "https://example.org/kg/concept/",
    "skos": str(SKOS),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "oa": str(OA._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
})
