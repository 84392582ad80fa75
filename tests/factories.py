"""Small hand-made records for tests (no spaCy, no extractor)."""

from __future__ import annotations

from dataclasses import replace

from kg.records import Claim, ConceptRef, Evidence, ObjectRef, Source, Speaker

__all__ = ["debate_claims", "make_claim"]


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
    object_concept: str | None = None,
) -> Claim:
    """A claim with sensible defaults; every field can be overridden."""
    return Claim(
        id=id or f"c-{source}-{start}-{subject}",
        source=Source(id=source, path=f"data/{source}.txt", title=f"Title {source}"),
        speaker=speaker or Speaker("@rhappe", "Rachel Happe", "handle", ("Rachel",)),
        subject=ConceptRef(subject, subject),
        predicate=predicate,
        object=ObjectRef(obj, object_concept),
        type=type,
        negated=negated,
        evidence=Evidence(text if text is not None else "x" * (end - start), start, end),
        confidence=0.9,
    )


def debate_claims(fixture: list[Claim]) -> list[Claim]:
    """The claims of ``tests/fixtures/claims_small.jsonl`` plus some that agree and disagree.

    Agreements: c-y with @rhappe's c-8dbe (community is a group), c-x with c-z, c-p1
    with @jimstorer's c-76df (tends to focus on relationships). Disagreements: c-x and
    c-z against c-8dbe and c-y (opposite polarity); c-t and c-u (member is a team / a
    community, which @deb_lavoy's c-f1e2 contrasts). Neither: @rhappe against herself
    (c-8dbe, c-z), another relation (c-v), another property (c-p2), empty objects (c-e1,
    c-e2).
    """
    by_id = {c.id: c for c in fixture}
    group = by_id["c-8dbe8383c81b5c37"]  # @rhappe: community is a group
    focus = by_id["c-76df26718e40104a"]  # @jimstorer: community tends to focus on relationships
    deb = Speaker("@deb_lavoy", "deb_lavoy", "handle")
    jim = Speaker("@jimstorer", "jimstorer", "handle")
    member = replace(group, subject=ConceptRef("member", "members"), speaker=jim,
                     object=ObjectRef("a team", "team"))
    return [
        *fixture,
        replace(group, id="c-x", speaker=deb, negated=True),
        replace(group, id="c-y", speaker=jim, object=ObjectRef("groups", "group")),
        replace(group, id="c-z", negated=True),
        replace(member, id="c-t"),
        replace(member, id="c-u", speaker=deb, predicate="mean",
                object=ObjectRef("a community", "community")),
        replace(member, id="c-v", speaker=deb, type="requirement", predicate="require",
                object=ObjectRef("a network", "network")),
        replace(focus, id="c-p1", speaker=deb, object=ObjectRef(" The Relationships")),
        replace(focus, id="c-p2", speaker=group.speaker, predicate="lack"),
        replace(focus, id="c-e1", speaker=deb, predicate="move", object=ObjectRef("")),
        replace(focus, id="c-e2", speaker=group.speaker, predicate="move", object=ObjectRef("")),
    ]
