"""Claim rules: pure functions from a parsed sentence to candidate claims.

:func:`sentence_frames` runs the clause rules (:mod:`kg.extract.clauses`), the
nominal, question and fragment rules (:mod:`kg.extract.nominal`) and, last, the
reading of verbs the tagger took for nouns (:mod:`kg.extract.constructions`) over one
sentence and keeps the best frame per (clause piece, subject). Nothing here
knows about speakers or files: the caller adds those.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.clauses import clause_frames
from kg.extract.constructions import misparsed_verb_frames
from kg.extract.frames import TYPE_RANK, Context, Cue, Frame
from kg.extract.nominal import (
    coordinated_concepts,
    fragment_frames,
    glossary_frames,
    nominal_definition_frames,
    nominal_frames,
    pair_frames,
    question_frames,
    section_frames,
)
from kg.extract.phrases import concept_for, span_text
from kg.extract.syntax import is_question, is_rebuttal
from kg.vocab import Vocabulary

__all__ = [
    "Context", "Cue", "Frame", "is_question", "is_rebuttal", "sentence_frames", "sentence_text",
]


def sentence_frames(sent: Span, sent_index: int, cues: list[Cue], vocab: Vocabulary,
                    ctx: Context, *, open_vocab: bool = False) -> list[Frame]:
    """Candidate claims of one sentence, one per (clause piece, subject).

    A frame is kept when its subject or object is a vocabulary concept (with
    ``open_vocab``, also any definition of a noun phrase). In a question only
    a link between two concepts is kept, as a contrast.
    """
    question = is_question(sent)
    if question:
        frames = list(question_frames(sent, vocab, ctx))
    else:
        frames = [*clause_frames(sent, sent_index, cues, vocab, ctx, question, open_vocab),
                  *nominal_frames(sent, cues, vocab, ctx),
                  *nominal_definition_frames(sent, vocab), *glossary_frames(sent, vocab),
                  *pair_frames(sent, vocab, ctx), *section_frames(sent, sent_index, vocab, ctx)]
        frames.extend(fragment_frames(sent, cues, _covered(sent, frames), vocab, ctx))
        frames.extend(misparsed_verb_frames(sent, vocab, _covered(sent, frames)))
    # "Audience and community are different (things)" is one contrast, not two properties
    # or definitions
    pairs = {(f.start, c) for f in frames if f.rule == "contrast-pair"
             for c in (f.subject.concept, f.object.concept)}
    frames = [f for f in frames if not (
        f.rule in ("property-copula", "definition-copula", "definition-mean")
        and (f.start, f.subject.concept) in pairs)]
    # "X and Y are used interchangeably, but they are not the same": what the sentence
    # says the pair does is part of its one contrast
    contrasted = {frozenset((f.subject.concept, f.object.concept)) for f in frames
                  if f.rule == "contrast-pair"}
    frames = [f for f in frames if not (
        contrasted and f.type == "property" and f.subject.head >= 0
        and _named_pair(sent.doc[f.subject.head], vocab) in contrasted)]
    kept: dict[tuple[int, str], Frame] = {}
    for f in frames:
        if question and not (f.subject.concept and f.object.concept
                             and f.subject.concept != f.object.concept):
            continue
        if not (f.subject.concept or f.object.concept
                or (open_vocab and f.type == "definition" and f.subject.lemma)):
            continue
        # "a community is a community" says nothing; "brand communities aren't communities"
        # says something of a kind of community, and "customers connect with other
        # customers" what the kind does
        # ("by community we mean the community of contributors" narrows the word)
        if f.subject.id == f.object.id and f.subject.lemma == f.object.lemma and (
                f.type != "property") and f.rule != "definition-we-mean":
            continue
        key = (f.start, f.subject.id)
        best = kept.get(key)
        if best is None or _rank(f) < _rank(best):
            kept[key] = f
    # "Newsgroups, forums and listservs are considered community": a list of things
    # outside the vocabulary said to be one concept is one claim, about its first item
    first: dict[tuple[int, int, str, str], Frame] = {}
    for f in kept.values():
        if f.subject.concept is None and f.object.concept:
            key4 = (f.start, f.end, f.type, f.object.concept)
            if key4 not in first or f.subject.head < first[key4].subject.head:
                first[key4] = f
    kept = {k: f for k, f in kept.items() if f.subject.concept is not None or not (
        f.object.concept) or first[(f.start, f.end, f.type, f.object.concept)] is f}
    named: list[str] = []
    plural = False
    for t in sent:
        # heads only: "employee productivity" does not name employees as a topic
        concept = concept_for(t, vocab) if t.pos_ == "NOUN" and t.dep_ != "compound" else None
        if concept:
            ctx.topics.append(concept)
            if concept not in named:
                named.append(concept)
                plural = t.tag_ in ("NNS", "NNPS")
    ctx.last_pair = (named[0], named[1]) if len(named) == 2 else None
    ctx.last_named = (sent_index, named[0], plural) if len(named) == 1 else None
    return sorted(kept.values(), key=lambda f: (f.start, f.subject.id))


def _covered(sent: Span, frames: list[Frame]) -> set[int]:
    """Indices of the tokens of ``sent`` that a frame's span already covers."""
    if not frames:
        return set()
    spans = [(f.start, f.end) for f in frames]
    return {t.i for t in sent if any(start <= t.idx < end for start, end in spans)}


def _named_pair(token: Token, vocab: Vocabulary) -> frozenset[str]:
    """The concepts a subject and the nouns coordinated with it name."""
    return frozenset(coordinated_concepts([token, *token.conjuncts], vocab))


def _rank(f: Frame) -> tuple[int, int, int, int]:
    """Which frame of a clause piece and subject to keep: one that says something
    (an object) first, then the shallowest, then a cue over a bare verb, then by type."""
    return (0 if f.object.label else 1, f.depth,
            0 if f.rule.split("-")[0] != "property" or "verb" not in f.rule else 1,
            TYPE_RANK[f.type])


def sentence_text(sent: Span) -> str:
    """The sentence as written (for logs and tests)."""
    return span_text(sent)
