"""The records the claim rules pass around: cues, candidate frames, context.

Plain data: a :class:`Frame` holds offsets into one parsed text and
:class:`~kg.extract.phrases.Phrase` records, never a spaCy object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.phrases import Phrase

__all__ = [
    "TYPE_RANK", "Cue", "Frame", "Context",
]


@dataclass(frozen=True, slots=True)
class Cue:
    """A matched cue: rule id, claim type, predicate, token range."""

    rule: str
    type: str
    predicate: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Frame:
    """A candidate claim inside one parsed text (offsets relative to that text)."""

    subject: Phrase
    predicate: str
    object: Phrase
    type: str
    negated: bool
    hedged: bool
    start: int
    end: int
    rule: str
    confidence: float
    depth: int = 0


@dataclass
class Context:
    """What the rules remember across the sentences of one utterance."""

    last_subject: Phrase | None = None
    last_sentence: int = -1
    last_plural: bool = False  # "it" takes a singular antecedent, "they" a plural one
    topics: list[str] = field(default_factory=list)
    # the one concept the heading above names ("Project Team (PT)"): the topic of the
    # section's verbless definitions and of pronouns with nothing before them
    section: str | None = None
    # the concept subject (and its number) the speaker's previous paragraph ended on:
    # the antecedent of a pronoun opening this one, when it says what that concept is
    carried: tuple[Phrase, bool] | None = None
    # the two concepts the sentence before named, when it named just two: what "they"
    # are in "X and Y ... . They are not the same."
    last_pair: tuple[str, str] | None = None
    # concept subjects of recent sentences, for "these groups of people" after a list
    subjects: list[tuple[int, Phrase]] = field(default_factory=list)
    # the sentence before, when it named one concept (in any role): its index, the
    # concept and its number, the antecedent of "It is a group of ..." after it
    last_named: tuple[int, str, bool] | None = None

TYPE_RANK = {"definition": 0, "contrast": 1, "requirement": 2, "property": 3}
