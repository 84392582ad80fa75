"""SKOS concept vocabulary: labels, alternative labels and broader links.

Users edit ``data/concepts.ttl`` (or pass ``--concepts FILE``) to add concepts;
kg reads prefLabel/altLabel/hiddenLabel/broader/narrower and builds a lookup
that maps surface forms (plurals, ``#hashtags``, abbreviations) to a concept id,
the lowercased prefLabel.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import VocabularyError

__all__ = ["DEFAULT_VOCABULARY", "Concept", "Vocabulary", "load_vocabulary", "normalize_label"]

DEFAULT_VOCABULARY = Path(__file__).resolve().parent / "data" / "concepts.ttl"
_NON_WORD = re.compile(r"[^\w\s-]+")
_SPACE = re.compile(r"[\s_-]+")
# "professional learning communities (PLCs)": a phrase, then its initials in brackets
_ACRONYM_DEF = re.compile(r"(?P<phrase>(?:[A-Za-z][\w-]*\s+){1,5}[A-Za-z][\w-]*)\s*"
                          r"\(\s*(?P<acr>[A-Z]{2,6}s?)\s*\)")


@lru_cache(maxsize=65536)
def normalize_label(text: str) -> str:
    """Fold a surface form for lookup: case, ``#``, punctuation and spacing (cached:
    the extractor asks for the same few thousand words over and over).

    Example:
        >>> normalize_label("  #Communities! ")
        'communities'
        >>> normalize_label("Community-Member")
        'community member'
    """
    text = _NON_WORD.sub(" ", text.casefold().replace("#", " "))
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Concept:
    """One SKOS concept; ``id`` is its lowercased prefLabel."""

    id: str
    iri: str
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    definition: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """Concepts by id plus a surface-form index built from their labels."""

    concepts: dict[str, Concept]
    path: str = ""
    fingerprint: str = ""
    scheme: str = ""
    _index: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for concept in self.concepts.values():
            for label in (concept.pref_label, *concept.alt_labels):
                self._index.setdefault(normalize_label(label), concept.id)

    def lookup(self, text: str) -> str | None:
        """The concept id a surface form names, or ``None``.

        Example:
            >>> vocab = load_vocabulary()
            >>> vocab.lookup("#communities"), vocab.lookup("Cmty"), vocab.lookup("bridge")
            ('community', 'community', None)
        """
        return self._index.get(normalize_label(text))

    def with_acronyms(self, text: str) -> Vocabulary:
        """This vocabulary plus the acronyms ``text`` defines for a kind of one of its
        concepts ("professional learning communities (PLCs)": PLC, PLCs name community),
        for reading that text; itself when the text defines none.

        Example:
            >>> vocab = load_vocabulary()
            >>> v = vocab.with_acronyms("We run a professional learning community (PLC).")
            >>> v.lookup("PLCs"), vocab.lookup("PLC"), vocab.with_acronyms("no acronym") is vocab
            ('community', None, True)
        """
        found: dict[str, str] = {}
        for m in _ACRONYM_DEF.finditer(text):
            acronym = m["acr"].rstrip("s")
            words = m["phrase"].split()[-len(acronym):]
            if len(words) < len(acronym) or "".join(w[0] for w in words).casefold() != (
                    acronym.casefold()):
                continue
            concept = self.lookup(" ".join(words)) or self.lookup(words[-1])
            if concept is not None and self.lookup(acronym) is None:
                found[normalize_label(acronym)] = concept
                found[normalize_label(acronym + "s")] = concept
        if not found:
            return self
        extended = Vocabulary(self.concepts, self.path, self.fingerprint, self.scheme)
        extended._index.update(found)
        return extended

    def label(self, concept_id: str) -> str:
        """The prefLabel of a concept id (the id itself when unknown)."""
        concept = self.concepts.get(concept_id)
        return concept.pref_label if concept else concept_id

    def surface_forms(self) -> dict[str, str]:
        """Every normalised label with its concept id (for phrase matching)."""
        return dict(self._index)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __len__(self) -> int:
        return len(self.concepts)


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Read a SKOS vocabulary (any RDF syntax rdflib guesses from the suffix).

    Raises:
        VocabularyError: when the file is missing, unparsable or has no concepts.
    """
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, SKOS
    from rdflib.util import guess_format

    path = Path(path) if path else DEFAULT_VOCABULARY
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise VocabularyError(path, f"cannot read vocabulary ({e.strerror or e})") from e
    graph = Graph()
    try:
        graph.parse(data=raw, format=guess_format(str(path)) or "turtle")
    except Exception as e:  # rdflib raises many parser-specific types
        raise VocabularyError(path, f"not a valid RDF vocabulary: {e}") from e
    ids: dict[URIRef, str] = {}
    for iri in set(graph.subjects(RDF.type, SKOS.Concept)) | set(graph.subjects(SKOS.prefLabel)):
        labels = sorted(str(x) for x in graph.objects(iri, SKOS.prefLabel)
                        if getattr(x, "language", None) in (None, "en"))
        if labels:
            ids[iri] = labels[0].strip().casefold()
    if not ids:
        raise VocabularyError(path, "no skos:Concept with a skos:prefLabel found")
    concepts = {}
    for iri, cid in ids.items():
        alts = tuple(sorted({str(x) for p in (SKOS.altLabel, SKOS.hiddenLabel)
                             for x in graph.objects(iri, p)}))
        broader = {ids[o] for o in graph.objects(iri, SKOS.broader) if o in ids}
        broader |= {ids[s] for s in graph.subjects(SKOS.narrower, iri) if s in ids}
        narrower = {ids[o] for o in graph.objects(iri, SKOS.narrower) if o in ids}
        narrower |= {ids[s] for s in graph.subjects(SKOS.broader, iri) if s in ids}
        definition = next((str(d) for d in graph.objects(iri, SKOS.definition)), "")
        concepts[cid] = Concept(cid, str(iri), cid, alts, tuple(sorted(broader)),
                                tuple(sorted(narrower)), definition)
    scheme = next((str(s) for s in graph.subjects(RDF.type, SKOS.ConceptScheme)), "")
    return Vocabulary(dict(sorted(concepts.items())), str(path),
                      hashlib.sha256(raw).hexdigest()[:16], scheme)
