"""Yes/no answers to a question that asks whether something is a concept.

"Is Twitter a community?" then "Yes. Twitter is built for connection." (or "No, but
...") is a claim that Twitter is (or is not) a community, made by whoever answers.
The question gives the subject and the concept, the answer's opening word the
polarity; the evidence is the answer's opening sentence (and the one after it when
the opening is the bare word).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract.frames import Frame
from kg.extract.phrases import Phrase, phrase_for, span_text
from kg.vocab import Vocabulary

__all__ = ["ANSWER_WORDS", "YesNoQuestion", "answer_frame", "yes_no_question"]

# an answer's opening word -> whether it denies
ANSWER_WORDS = {"yes": False, "yep": False, "yeah": False, "absolutely": False,
                "definitely": False, "no": True, "nope": True}
BARE_ANSWER_WORDS = 2  # "Yes." / "No!": the reason follows in the next sentence
ANSWER_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True)
class YesNoQuestion:
    """The subject a question asks about and the concept it asks whether it is."""

    subject: Phrase
    concept: Phrase


def yes_no_question(doc: Doc, vocab: Vocabulary) -> YesNoQuestion | None:
    """"Is Twitter a community?", "Are customers a community?": a question that opens
    with the copula and asks whether a noun phrase (not a pronoun) is a vocabulary
    concept; else None. "What is a community?" and "Is it a community?" ask no such thing.
    """
    words = [t for t in doc if not t.is_space]
    if len(words) < 3 or words[0].lower_ not in ("is", "are") or words[-1].text != "?":
        return None
    root = words[0]
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    # the parser may hang the concept on the subject ("Is Twitter a community?")
    attr = next((c for c in root.children if c.dep_ == "attr"), None) or next(
        (c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
    if attr is None:
        return None
    concept = phrase_for(attr, vocab)
    subject = phrase_for(subj, vocab, subject=True)
    if concept.concept is None or subject.id == concept.concept:
        return None
    if attr.head is subj:  # the label stops where the concept starts
        label = span_text(doc[subj.left_edge.i:attr.left_edge.i])
        subject = Phrase(label, subject.lemma, subject.concept, subject.head)
    return YesNoQuestion(subject, concept)


def answer_frame(sents: list[Span], asked: YesNoQuestion) -> Frame | None:
    """The claim an answer makes when its first sentence opens with yes or no."""
    if not sents:
        return None
    first = sents[0]
    opening = next((t for t in first if not t.is_punct and not t.is_space), None)
    if opening is None or opening.lower_ not in ANSWER_WORDS:
        return None
    words = [t for t in first if not t.is_punct and not t.is_space]
    last = sents[1] if len(words) <= BARE_ANSWER_WORDS and len(sents) > 1 else first
    subject = Phrase(asked.subject.label, asked.subject.lemma, asked.subject.concept)
    concept = Phrase(asked.concept.label, asked.concept.lemma, asked.concept.concept)
    return Frame(subject=subject, predicate="be", object=concept, type="definition",
                 negated=ANSWER_WORDS[opening.lower_], hedged=False,
                 start=first.start_char, end=_end_char(last), rule="definition-yes-no-answer",
                 confidence=ANSWER_CONFIDENCE)


def _end_char(sent: Span) -> int:
    """Where ``sent`` ends, without trailing space."""
    end = sent.end - 1
    while end > sent.start and sent.doc[end].is_space:
        end -= 1
    return sent.doc[end].idx + len(sent.doc[end].text)
