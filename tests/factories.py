"""Small hand-made records for tests (no spaCy, no extractor)."""

from __future__ import annotations

from kg.records import Claim, ConceptRef, Evidence, ObjectRef, Source, Speaker

__all__ = ["make_claim"]


def make_claim(
    *,
    source: str = "s1",
    start: int = 0,
    end: int = 10,
    text: str | None = None,
    subject: str = "community",
    speaker: Speaker | None = None,
    predicate: str = "be",
    obj: str = "a group",
    type: str = "definition",
    negated: bool = False,
    id: str | None = None,
) -> Claim:
    """A claim with sensible defaults; every field can be overridden."""
    return Claim(
        id=id or f"c-{source}-{start}-{subject}",
        source=Source(id=source, path=f"data/{source}.txt", title=f"Title {source}"),
        speaker=speaker or Speaker("@rhappe", "Rachel Happe", "handle", ("Rachel",)),
        subject=ConceptRef(subject, subject),
        predicate=predicate,
        object=ObjectRef(obj, None),
        type=type,
        negated=negated,
        evidence=Evidence(text if text is not None else "x" * (end - start), start, end),
        confidence=0.9,
    )
