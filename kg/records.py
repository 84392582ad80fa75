"""Plain, frozen records that cross module boundaries.

Every stage of kg talks in these records: ``ingest`` yields :class:`Document`,
``speakers`` yields :class:`Utterance`, ``extract`` yields :class:`Claim`.
They hold no spaCy objects, so they pickle across processes and serialise to
JSON with :meth:`Claim.to_dict` / :meth:`Claim.from_dict` (a symmetric pair).

This module imports nothing from kg.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "BLOCK_KINDS",
    "CLAIM_TYPES",
    "SPEAKER_KINDS",
    "UTTERANCE_ROLES",
    "Block",
    "Claim",
    "ConceptRef",
    "Document",
    "Evidence",
    "ObjectRef",
    "Source",
    "Speaker",
    "Utterance",
]

CLAIM_TYPES = ("definition", "contrast", "property", "requirement")
SPEAKER_KINDS = ("handle", "person", "author", "group")
BLOCK_KINDS = ("content", "boilerplate", "duplicate")
UTTERANCE_ROLES = ("claim", "question", "context", "heading")


@dataclass(frozen=True, slots=True)
class Block:
    """A character range of a document's text (a line or paragraph).

    ``kind`` says whether the extractor reads it (``content``) or skips it
    (``boilerplate``: site furniture; ``duplicate``: repeats an earlier block).
    ``reason`` is a short human-readable note for skipped blocks.
    """

    start: int
    end: int
    kind: str = "content"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """One source file, decoded.

    ``text`` is the text that every offset in kg refers to: the file's
    content exactly as decoded for ``.txt``/``.md``, the extracted main text
    for ``.html``. ``blocks`` partition the text into lines/paragraphs.
    """

    id: str
    path: str
    title: str
    text: str
    blocks: tuple[Block, ...] = ()
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    sha256: str = ""
    warnings: tuple[str, ...] = ()
    author: str = ""  # the page's own author metadata (HTML), when it names one


@dataclass(frozen=True, slots=True)
class Source:
    """Where a claim comes from (the JSON ``source`` object)."""

    id: str
    path: str
    title: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who makes a claim.

    ``id`` is stable across runs; ``kind`` is one of :data:`SPEAKER_KINDS`;
    ``aliases`` holds other names of the same speaker (handles, full names).
    """

    id: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        """All names of this speaker, case-folded, ``@`` kept on handles."""
        return {n.casefold() for n in (self.id, self.label, *self.aliases) if n}


@dataclass(frozen=True, slots=True)
class Utterance:
    """A character range of a document said by one speaker.

    ``role`` is ``claim`` (may carry claims), ``question`` (a moderator
    question: context, not claims), ``context`` (narration that frames the
    next utterance) or ``heading`` (a title or section heading: it names the
    section's topic and can only assert what something is). ``addressees`` are
    leading ``@mentions``.
    """

    start: int
    end: int
    speaker: Speaker
    role: str = "claim"
    addressees: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConceptRef:
    """The subject of a claim: a concept id (lowercased prefLabel) or a lemma phrase."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """The object of a claim; ``concept`` is the concept id when it is one."""

    label: str
    concept: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact text that makes a claim: ``source_text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed triple (speaker, subject, predicate, object) with its evidence."""

    id: str
    source: Source
    speaker: Speaker
    subject: ConceptRef
    predicate: str
    object: ObjectRef
    type: str
    negated: bool = False
    hedged: bool = False
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape written to ``claims.jsonl`` (aliases as a list)."""
        data = asdict(self)
        data["speaker"]["aliases"] = list(self.speaker.aliases)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """Inverse of :meth:`to_dict`; raises ``KeyError``/``TypeError`` on bad shapes."""
        spk = data["speaker"]
        return cls(
            id=data["id"],
            source=Source(**data["source"]),
            speaker=Speaker(
                id=spk["id"], label=spk["label"], kind=spk["kind"],
                aliases=tuple(spk.get("aliases", ())),
            ),
            subject=ConceptRef(**data["subject"]),
            predicate=data["predicate"],
            object=ObjectRef(**data["object"]),
            type=data["type"],
            negated=bool(data.get("negated", False)),
            hedged=bool(data.get("hedged", False)),
            evidence=Evidence(**data["evidence"]),
            confidence=float(data.get("confidence", 1.0)),
        )
