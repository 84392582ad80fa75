"""Claims as standards-based RDF: an rdflib ``Dataset``, its exports and its inverse.

Modelling (see also ``data/kg.ttl``):

* claim ``{base}claim/{id}``: ``kg:Claim`` + ``kg:Definition|Contrast|Property|Requirement``,
  ``kg:claimType``, ``kg:subject``/``kg:object`` (SKOS concepts), ``kg:subjectLabel``,
  ``kg:objectLabel``, ``kg:predicateLabel``, ``kg:negated``, ``kg:hedged``, ``kg:confidence``;
  ``prov:wasAttributedTo`` speaker, ``prov:wasDerivedFrom`` source, ``prov:wasGeneratedBy`` run.
* the claim's own triple between concepts (``kgc:team kg:contrastedWith kgc:community``)
  when the object is a concept, so concept links are plain triples.
* speaker ``{base}speaker/{kind}/{name}``: ``foaf:Person`` (persons, unnamed authors),
  ``foaf:Organization`` (groups) or ``foaf:OnlineAccount`` (handles, with
  ``foaf:accountName``); ``rdfs:label``, ``foaf:name``; every alias a ``foaf:nick`` (and,
  in order, a member of the ``rdf:Seq`` ``kg:aliases``); handle aliases of persons also
  a ``foaf:account`` (``{base}account/{handle}``).
* concepts from the SKOS vocabulary (all its triples are copied); other subjects become
  concepts of the open scheme ``{base}open-concept/``.
* source ``{base}source/{id}``: ``dcterms:identifier``, ``dcterms:title``, ``dcterms:source``
  (the path as written in the claims).
* evidence: an ``oa:Annotation`` (``oa:hasBody`` the claim) whose target is the source with
  an ``oa:TextQuoteSelector`` (``oa:exact``, and ``oa:prefix``/``oa:suffix`` when the source
  text is readable) and an ``oa:TextPositionSelector`` (``oa:start``/``oa:end``).
* the extraction run: a ``prov:Activity`` with times, associated software and model.

No blank nodes: every IRI is derived from ids, so exports are stable and pushing twice
to a store merges into the same triples. Named graphs (nanopublication style): each
claim's ``{base}claim/{id}/assertion`` and ``.../provenance``; speakers, concepts,
sources and the run sit in the default graph.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import VocabularyError
from kg.namespace import KG, OA, PREFIXES
from kg.rdf_inputs import (
    RunInfo,
    SourceText,
    manifest_text_paths,
    parse_time,
    read_run_info,
    source_text_loader,
)
from kg.rdf_read import dataset_to_claims, union_graph
from kg.records import Claim, Source, Speaker
from kg.relations import derive_relation

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "QUOTE_CONTEXT",
    "RunInfo",
    "claims_to_dataset",
    "concept_relation",
    "dataset_from_dir",
    "dataset_to_claims",
    "export",
    "parse",
    "read_run_info",
    "source_text_loader",
    "speaker_path",
    "union_graph",
]

logger = logging.getLogger(__name__)

DEFAULT_BASE = "https://example.org/kg/"
#: Characters of source text kept either side of the evidence in ``oa:prefix``/``oa:suffix``.
QUOTE_CONTEXT = 32
#: Export format name -> rdflib serializer plugin name.
FORMATS = MappingProxyType({"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig",
                           "xml": "xml"})
_NAMED_GRAPH_FORMATS = ("trig",)
# Prefixes under the configurable base: prefix -> path below the base.
_BASE_PREFIXES = MappingProxyType({"claim": "claim/", "speaker": "speaker/",
                                   "source": "source/", "open": "open-concept/"})
_CLASS_OF_TYPE = {"definition": KG.Definition, "contrast": KG.Contrast,
                  "property": KG.Property, "requirement": KG.Requirement}
_FOAF_CLASS_OF_KIND = {"handle": FOAF.OnlineAccount, "person": FOAF.Person,
                       "author": FOAF.Person, "group": FOAF.Organization}
_PROPERTY_OF_RELATION = {"is a": KG.isA, "is not": KG.isNot, "contrasted with": KG.contrastedWith,
                         "same as": KG.sameAs, "requires": KG.requires,
                         "has property": KG.hasProperty}


def speaker_path(speaker_id: str) -> str:
    """The IRI path of a speaker id: ``@h`` -> ``handle/h``, ``kind:name`` -> ``kind/name``.

    Example:
        >>> speaker_path("@deb_lavoy"), speaker_path("group:panelists")
        ('handle/deb_lavoy', 'group/panelists')
        >>> speaker_path("author:002_f77db64989f60894")
        'author/002_f77db64989f60894'
    """
    if speaker_id.startswith("@"):
        parts = ["handle", speaker_id[1:]]
    else:
        parts = speaker_id.split(":", 1)
    return "/".join(quote(p, safe="-._~") for p in parts)


def concept_relation(claim: Claim) -> URIRef | None:
    """The kg property stated between subject and object concept, or ``None``.

    The relation of :func:`kg.relations.derive_relation` (as in the claim graph);
    relations without a kg property of their own ("does not require") are
    ``kg:relatedBy``.

    Example:
        >>> from kg.records import ConceptRef, ObjectRef, Source, Speaker
        >>> c = Claim("c-1", Source("s", "p", "t"), Speaker("@a", "a", "handle"),
        ...     ConceptRef("team", "team"), "be the same as", ObjectRef("communities",
        ...     "community"), "contrast", negated=True)
        >>> concept_relation(c).fragment
        'contrastedWith'
    """
    if claim.object.concept is None:
        return None
    relation = derive_relation(claim.type, claim.predicate, claim.negated)
    return _PROPERTY_OF_RELATION.get(relation, KG.relatedBy)


def claims_to_dataset(claims: Iterable[Claim], *, vocabulary_path: str | Path | None = None,
                      base: str = DEFAULT_BASE, run: RunInfo | None = None,
                      source_text: SourceText | None = None) -> Dataset:
    """Build the RDF dataset of ``claims`` (see the module docstring for the model).

    ``source_text`` supplies source texts for ``oa:prefix``/``oa:suffix`` (default: read
    ``source.path`` relative to the working directory).

    Raises:
        VocabularyError: when the vocabulary file cannot be read.

    Example:
        >>> ds = claims_to_dataset([])
        >>> (URIRef("https://example.org/kg/concept/external-community"), SKOS.broader,
        ...  URIRef("https://example.org/kg/concept/community")) in ds
        True
    """
    builder = _Builder(base, _load_vocabulary(vocabulary_path), run or RunInfo(),
                       source_text or source_text_loader())
    with _gc_paused():
        for claim in claims:
            builder.add_claim(claim)
    return builder.dataset


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: millions of new acyclic terms only trigger useless full scans
    (a third of the build time at 20k claims)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def dataset_from_dir(directory: str | os.PathLike[str], *,
                     vocabulary_path: str | Path | None = None,
                     base: str = DEFAULT_BASE) -> Dataset:
    """Read ``DIR/claims.jsonl`` (+ ``manifest.json``) and build its dataset.

    Source texts are looked up in the manifest's extracted texts, then relative to the
    working directory and to ``DIR``'s parent.

    Raises:
        ClaimsFileError: when ``claims.jsonl`` is missing or unreadable.
    """
    from kg.claims_io import read_claims, resolve_claims_path

    claims_file = resolve_claims_path(directory)
    claims = read_claims(claims_file)
    folder = claims_file.parent
    return claims_to_dataset(
        claims, vocabulary_path=vocabulary_path, base=base, run=read_run_info(folder),
        source_text=source_text_loader([folder.parent], manifest_text_paths(folder)))


def export(dataset: Dataset | Graph, fmt: str) -> str:
    """Serialise with rdflib's plugin for ``fmt`` (one of :data:`FORMATS`).

    ``trig`` keeps the named graphs; ``ttl``, ``nt``, ``xml`` and ``jsonld`` hold their
    union (a JSON-LD graph object without ``@id`` would become a blank-node named graph,
    a surprise for most readers). JSON-LD gets a ``@context`` of prefixes and kg terms.

    Raises:
        ValueError: for an unknown format (the message lists the valid ones).

    Example:
        >>> "kgc:community" in export(claims_to_dataset([]), "ttl")
        True
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if fmt == "jsonld":
        data = union_graph(dataset)
        context = _jsonld_context(dict(data.namespaces()))
        return data.serialize(format="json-ld", context=context, auto_compact=True,
                              use_native_types=True)
    if fmt in _NAMED_GRAPH_FORMATS or not isinstance(dataset, Dataset) or dataset.default_union:
        # rdflib's turtle/nt/xml serialisers read a union-default Dataset as one graph,
        # which saves copying every triple
        return dataset.serialize(format=FORMATS[fmt])
    return union_graph(dataset).serialize(format=FORMATS[fmt])


def parse(data: str | bytes, fmt: str) -> Dataset:
    """Read an export back into a ``Dataset`` (queries see the union of its graphs)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    dataset = Dataset(default_union=True)
    dataset.parse(data=data, format=FORMATS[fmt])
    return dataset


# --- building -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    graph: Graph
    iris: dict[str, URIRef]  # concept id -> IRI


def _load_vocabulary(path: str | Path | None) -> _Vocabulary:
    from kg.vocab import load_vocabulary

    vocab = load_vocabulary(path)
    graph = Graph()
    try:
        graph.parse(vocab.path, format="turtle" if vocab.path.endswith(".ttl") else None)
    except Exception as e:  # rdflib raises parser-specific types
        raise VocabularyError(vocab.path, f"not a valid RDF vocabulary: {e}") from e
    return _Vocabulary(graph, {cid: URIRef(c.iri) for cid, c in vocab.concepts.items()})


class _Builder:
    """Adds claims to a dataset, describing each speaker, concept and source once."""

    def __init__(self, base: str, vocab: _Vocabulary, run: RunInfo,
                 source_text: SourceText) -> None:
        self.base = base
        self.vocab = vocab
        self.source_text = source_text
        self.dataset = Dataset(default_union=True)
        self.background = self.dataset.default_graph
        self.seen: set[URIRef] = set()
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace, override=True)
        for prefix, path in _BASE_PREFIXES.items():
            self.dataset.bind(prefix, base + path, override=True)
        for triple in vocab.graph:
            self.background.add(triple)
        self.run = self._add_run(run)

    def iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def add_claim(self, claim: Claim) -> None:
        node = self.iri("claim", quote(claim.id, safe="-._~"))
        subject = self._concept(claim.subject.id)
        assertion = self.dataset.graph(URIRef(f"{node}/assertion"))
        for triple in (
            (node, RDF.type, KG.Claim),
            (node, RDF.type, _CLASS_OF_TYPE.get(claim.type, KG.Claim)),
            (node, DCTERMS.identifier, Literal(claim.id)),
            (node, KG.claimType, Literal(claim.type)),
            (node, KG.subject, subject),
            (node, KG.subjectLabel, Literal(claim.subject.label)),
            (node, KG.predicateLabel, Literal(claim.predicate)),
            (node, KG.objectLabel, Literal(claim.object.label)),
            (node, KG.negated, Literal(claim.negated)),
            (node, KG.hedged, Literal(claim.hedged)),
        ):
            assertion.add(triple)
        if claim.object.concept is not None:
            obj = self._concept(claim.object.concept)
            assertion.add((node, KG.object, obj))
            assertion.add((subject, concept_relation(claim), obj))
        provenance = self.dataset.graph(URIRef(f"{node}/provenance"))
        for triple in (
            (node, PROV.wasAttributedTo, self._speaker(claim.speaker)),
            (node, PROV.wasDerivedFrom, self._source(claim.source)),
            (node, PROV.wasGeneratedBy, self.run),
            (node, KG.confidence, Literal(Decimal(repr(claim.confidence)))),
            *self._evidence(node, claim),
        ):
            provenance.add(triple)

    def _once(self, node: URIRef) -> bool:
        """True the first time ``node`` is described."""
        if node in self.seen:
            return False
        self.seen.add(node)
        return True

    def _concept(self, concept_id: str) -> URIRef:
        node = self.vocab.iris.get(concept_id)
        is_open = node is None
        if node is None:
            node = self.iri("open-concept", quote(concept_id, safe="-._~"))
        if not self._once(node):
            return node
        self.background.add((node, DCTERMS.identifier, Literal(concept_id)))
        if is_open:
            scheme = URIRef(self.iri("open-concept") + "/")
            for triple in (
                (scheme, RDF.type, SKOS.ConceptScheme),
                (scheme, DCTERMS.title,
                 Literal("Concepts named in claims but not in the vocabulary", lang="en")),
                (node, RDF.type, SKOS.Concept),
                (node, SKOS.inScheme, scheme),
                (node, SKOS.prefLabel, Literal(concept_id, lang="en")),
            ):
                self.background.add(triple)
        return node

    def _speaker(self, speaker: Speaker) -> URIRef:
        node = self.iri("speaker", speaker_path(speaker.id))
        if not self._once(node):
            return node
        bg = self.background
        bg.add((node, RDF.type, PROV.Agent))
        bg.add((node, RDF.type, _FOAF_CLASS_OF_KIND.get(speaker.kind, FOAF.Agent)))
        bg.add((node, DCTERMS.identifier, Literal(speaker.id)))
        bg.add((node, KG.speakerKind, Literal(speaker.kind)))
        bg.add((node, RDFS.label, Literal(speaker.label)))
        if speaker.kind == "handle":
            bg.add((node, FOAF.accountName, Literal(speaker.id.lstrip("@"))))
        else:
            bg.add((node, FOAF.name, Literal(speaker.label)))
        sequence = URIRef(f"{node}-aliases")
        if speaker.aliases:  # foaf:nick is unordered; the rdf:Seq keeps kg's order
            bg.add((node, KG.aliases, sequence))
            bg.add((sequence, RDF.type, RDF.Seq))
        for index, alias in enumerate(speaker.aliases, start=1):
            bg.add((node, FOAF.nick, Literal(alias)))
            bg.add((sequence, RDF[f"_{index}"], Literal(alias)))
            if alias.startswith("@") and speaker.kind != "handle":
                account = self.iri("account", quote(alias[1:], safe="-._~"))
                bg.add((node, FOAF.account, account))
                bg.add((account, RDF.type, FOAF.OnlineAccount))
                bg.add((account, FOAF.accountName, Literal(alias[1:])))
        return node

    def _source(self, source: Source) -> URIRef:
        node = self.iri("source", quote(source.id, safe="-._~"))
        if self._once(node):
            for triple in (
                (node, RDF.type, PROV.Entity),
                (node, RDF.type, FOAF.Document),
                (node, DCTERMS.identifier, Literal(source.id)),
                (node, DCTERMS.title, Literal(source.title)),
                (node, DCTERMS.source, Literal(source.path)),
            ):
                self.background.add(triple)
        return node

    def _evidence(self, claim_node: URIRef, claim: Claim) -> list[tuple[Any, Any, Any]]:
        ev = claim.evidence
        # "{claim}-evidence", not "{claim}/evidence": IRIs sharing the "claim/" namespace
        # keep Turtle prefixed names short and rdflib's qname trie small (fast exports)
        annotation, target, quote_sel, position = (
            URIRef(f"{claim_node}-{p}") for p in ("evidence", "target", "quote", "position"))
        triples = [
            (claim_node, KG.evidence, annotation),
            (annotation, RDF.type, OA.Annotation),
            (annotation, OA.motivatedBy, OA.describing),
            (annotation, OA.hasBody, claim_node),
            (annotation, OA.hasTarget, target),
            (target, RDF.type, OA.SpecificResource),
            (target, OA.hasSource, self.iri("source", quote(claim.source.id, safe="-._~"))),
            (target, OA.hasSelector, quote_sel),
            (target, OA.hasSelector, position),
            (quote_sel, RDF.type, OA.TextQuoteSelector),
            (quote_sel, OA.exact, Literal(ev.text)),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)),
            (position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)),
        ]
        text = self.source_text(claim.source)
        if text is not None and text[ev.start:ev.end] == ev.text:
            prefix = text[max(0, ev.start - QUOTE_CONTEXT):ev.start]
            suffix = text[ev.end:ev.end + QUOTE_CONTEXT]
            triples += [(quote_sel, OA.prefix, Literal(prefix))] if prefix else []
            triples += [(quote_sel, OA.suffix, Literal(suffix))] if suffix else []
        elif text is not None:
            logger.warning("%s: evidence of %s does not match the source text at %d-%d",
                           claim.source.path, claim.id, ev.start, ev.end)
        return triples

    def _add_run(self, run: RunInfo) -> URIRef:
        node = self.iri("run", run.key())
        bg = self.background
        bg.add((node, RDF.type, PROV.Activity))
        bg.add((node, RDFS.label, Literal("kg claim extraction", lang="en")))
        for prop, value in ((PROV.startedAtTime, run.started), (PROV.endedAtTime, run.ended)):
            stamp = parse_time(value)
            if stamp is not None:
                bg.add((node, prop, Literal(stamp, datatype=XSD.dateTime)))
        agents = (("software", "kg", run.extractor_version, PROV.SoftwareAgent),
                  ("software", "spacy", run.spacy_version, PROV.SoftwareAgent),
                  ("model", run.model_name, run.model_version, PROV.Entity))
        for kind, name, version, cls in agents:
            if not name or (kind == "software" and not version):
                continue
            agent = self.iri(kind, quote(name, safe="-._~"), quote(version or "", safe="-._~"))
            bg.add((node, PROV.used if kind == "model" else PROV.wasAssociatedWith, agent))
            bg.add((agent, RDF.type, cls))
            bg.add((agent, RDFS.label, Literal(f"{name} {version or ''}".strip())))
            if version:
                bg.add((agent, OWL.versionInfo, Literal(version)))
        return node


def _jsonld_context(bound: dict[str, Any]) -> dict[str, Any]:
    """Prefixes plus short names for kg's properties (typed where it helps reading).

    ``negated`` and ``hedged`` are plain names: with native types they are JSON
    ``true``/``false`` (a coerced ``"false"`` string would be truthy in JavaScript).
    """
    context: dict[str, Any] = dict(PREFIXES)
    context.update({p: str(bound[p]) for p in _BASE_PREFIXES if p in bound})
    for name in ("subject", "object", "evidence"):
        context[name] = {"@id": f"kg:{name}", "@type": "@id"}
    for name in ("subjectLabel", "objectLabel", "predicateLabel", "claimType", "speakerKind",
                 "negated", "hedged"):
        context[name] = f"kg:{name}"
    context["confidence"] = {"@id": "kg:confidence", "@type": "xsd:decimal"}
    return context
