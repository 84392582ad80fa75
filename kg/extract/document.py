"""One document in, its claims out: speakers + parse + rules -> Claim records.

A document's claims depend on that document alone (no corpus state), so the
same function runs unchanged in a process pool or on a distributed engine.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.answers import YesNoQuestion, answer_frame, yes_no_question
from kg.extract.component import CUES_KEY, add_cue_matcher
from kg.extract.lexicons import ASKING_HEADS, COMPARING_WORDS
from kg.extract.phrases import Phrase
from kg.extract.rules import Context, Cue, Frame, is_rebuttal, sentence_frames
from kg.extract.syntax import mask_discourse_labels, rebutting_label
from kg.ingest import mask_markup, sentence_case
from kg.records import (
    Claim,
    ConceptRef,
    Document,
    Evidence,
    ObjectRef,
    Source,
    Speaker,
    Utterance,
)
from kg.vocab import Vocabulary

__all__ = ["EXTRACTOR_VERSION", "FINITE_WORDS", "SECTION_FILLER", "SECTION_ITEMS", "claim_id",
           "extract_document", "frames_to_claims", "parse_utterances", "parsed_utterances",
           "section_concepts"]

# Bump when rules or their data change meaning: cached extractions are redone.
EXTRACTOR_VERSION = "0.19.0"
PIPE_BATCH = 64
# words that make a short line a sentence rather than a term
FINITE_WORDS = frozenset({"is", "are", "was", "were", "be", "has", "have", "had", "do",
                          "does", "did", "can", "will", "would", "should", "must", "may",
                          "might", "isn't", "aren't", "not"})
# how many claim paragraphs under a term heading read it as their topic
INTRODUCED_LINES = 2  # lines right after "X defines Y like this:" that give the definition
SECTION_ITEMS = 3
# words a term heading may have besides the term: "What is a community?", "The Team"
SECTION_FILLER = frozenset({"what", "is", "a", "an", "the", "of", "definition", "defined",
                            "meaning", "about", "on"})


def claim_id(source_id: str, frame_key: Iterable[object]) -> str:
    """Stable id of a claim from its source and content.

    Example:
        >>> claim_id("a", (1, 5, "community", "be", "group", False))
        'c-007b3fb996d1c419'
    """
    raw = "|".join(str(x) for x in (source_id, *frame_key))
    return "c-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


# clause rules whose claim a headline makes ("X Aren't Y", "X Is Not the Same as Y")
HEADING_RULES = frozenset({"definition-copula", "definition-copula-equals", "definition-mean",
                           "contrast-same-as", "contrast-different-from",
                           "contrast-not-enough", "requirement-not-enough"})
# rules by which a headline names its topic or gives advice rather than asserting ("The
# Difference Between X and Y", "Community: A Definition", "Companies Should Build Teams"):
# other clause rules make a claim in a headline that states ("A Network is Transactional",
# "Why Networks Do Not Equal Community") but not in one that asks how or what, compares
# "X vs. Y" or bids the reader
TOPIC_RULES = frozenset({
    "contrast-difference-between", "contrast-distinguish-between", "contrast-overlap-between",
    "contrast-pair",
    "contrast-differ", "contrast-question", "definition-nominal", "definition-section",
    "definition-glossary", "definition-like", "property-list-item", "property-existential",
    "property-existential-kind", "property-existential-in", "property-setting",
    "property-should",
})


def _headline_frames(sent: Span, frames: list[Frame]) -> list[Frame]:
    """The frames a headline claims. "Brand Communities Aren't Really Communities"
    asserts what something is (HEADING_RULES), and so may any other clause rule in a
    headline that states ("A Network is Transactional"); one that asks how or what ("How
    Communities Grow"), compares ("Tribes vs. Communities: ...") or bids the reader
    ("Think of Your Members as Customers") names a topic, and so does a "why" headline
    with nothing after its verb ("Why Community Matters", unlike "Why Networks Do Not
    Equal Community")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    states = bool(words) and words[0].lower_ not in ASKING_HEADS and not (
        words[0].tag_ == "VB" and words[0].dep_ == "ROOT") and not any(
        t.lower_ in COMPARING_WORDS for t in words)
    why = bool(words) and words[0].lower_ == "why"
    return [f for f in frames if f.rule in HEADING_RULES or states and (
        f.rule not in TOPIC_RULES) and not (why and not f.object.label)]


def _cues(doc: Doc, rules: dict) -> list[Cue]:
    out = []
    for span in doc.spans.get(CUES_KEY, []):
        rule = rules[span.label_]
        out.append(Cue(rule.id, rule.type, rule.predicate, span.start, span.end))
    return out


def frames_to_claims(frames: Iterable[Frame], *, offset: int, text: str, source: Source,
                     speaker: Speaker, vocab: Vocabulary) -> list[Claim]:
    """Turn sentence frames (offsets relative to an utterance) into claims."""
    claims = []
    for f in frames:
        start, end = offset + f.start, offset + f.end
        subject_label = vocab.label(f.subject.concept) if f.subject.concept else f.subject.lemma
        key = (start, end, f.subject.id, f.predicate, f.object.label, f.negated)
        claims.append(Claim(
            id=claim_id(source.id, key), source=source, speaker=speaker,
            subject=ConceptRef(f.subject.id, subject_label), predicate=f.predicate,
            object=ObjectRef(f.object.label, f.object.concept), type=f.type,
            negated=f.negated, hedged=f.hedged, evidence=Evidence(text[start:end], start, end),
            confidence=f.confidence,
        ))
    return claims


def _sentence_claims(doc: Doc, utterance: Utterance, document: Document, source: Source,
                     speakers_for, vocab: Vocabulary, rules: dict, open_vocab: bool,
                     topics: list[str], section: str | None = None,
                     carried: tuple[Phrase, bool] | None = None,
                     asked: YesNoQuestion | None = None,
                     ) -> tuple[list[Claim], tuple[Phrase, bool] | None]:
    """Claims of one utterance, and the concept subject its last sentence was about
    (for a pronoun opening the speaker's next paragraph); ``asked`` is the yes/no
    question the utterance may answer."""
    cues = _cues(doc, rules)
    sents: list[Span] = list(doc.sents)
    # the topic carries over ("... an internal and external perspective." then "no
    # difference btn internal and external"), and so do the concept a section heading
    # names and the concept subject the paragraph before ended on
    ctx = Context(topics=topics, section=section, carried=carried)
    claims: list[Claim] = []
    speakers = speakers_for(sents, utterance)
    answer = answer_frame(sents, asked) if asked is not None else None
    if answer is not None:
        claims.extend(frames_to_claims([answer], offset=utterance.start, text=document.text,
                                       source=source, speaker=speakers[0], vocab=vocab))
    for i, sent in enumerate(sents):
        speaker = speakers[i]
        sent_cues = [c for c in cues if sent.start <= c.start < sent.end]
        frames = sentence_frames(sent, i, sent_cues, vocab, ctx, open_vocab=open_vocab)
        if utterance.role == "heading":
            frames = _headline_frames(sent, frames)
        if not frames or i and is_rebuttal(sent):
            continue  # "They're wrong." rejects the sentence before; it claims nothing
        if i + 1 < len(sents) and is_rebuttal(sents[i + 1]):
            frames = [_rebut(f, sents[i + 1]) for f in frames]
        elif rebutting_label(document.text[utterance.start + sent.start_char:utterance.end]):
            # "Myth #1: a community is just a forum."
            frames = [replace(f, negated=not f.negated) for f in frames]
        claims.extend(frames_to_claims(frames, offset=utterance.start, text=document.text,
                                       source=source, speaker=speaker,
                                       vocab=vocab))
    last = ctx.last_subject
    ended_on = (last, ctx.last_plural) if last is not None and last.concept and (
        ctx.last_sentence == len(sents) - 1) else None
    return claims, ended_on


def section_concepts(utterances: Iterable[Utterance], text: str,
                     vocab: Vocabulary) -> dict[int, str]:
    """For each claim utterance (by start offset), the one concept named by the
    heading above it, if any ("Work Team (WT)" -> team; "Team vs. Community" -> none).

    Example:
        >>> from kg.vocab import load_vocabulary
        >>> from kg.records import Speaker
        >>> s = Speaker("author:d", "Author", "author")
        >>> t = "Work Team (WT)\\nA group with a manager.\\nWhy it matters\\nIt does."
        >>> us = [Utterance(0, 14, s, "context"), Utterance(15, 38, s, "claim"),
        ...       Utterance(39, 53, s, "context"), Utterance(54, 62, s, "claim")]
        >>> section_concepts(us, t, load_vocabulary())
        {15: 'team'}
    """
    out: dict[int, str] = {}
    current: str | None = None
    asked: str | None = None  # "What is community?": what the answers under it define
    left, follow, listing, lister = 0, 0, False, None
    for u in utterances:
        line = text[u.start:u.end]
        bulleted = _bulleted(text, u.start)
        introduced = follow > 0 and not bulleted  # a line right after "X defines Y like this:"
        follow = max(0, follow - 1)
        if listing and not introduced and (not bulleted or u.speaker != lister):
            current, listing = None, False
        if u.role in ("claim", "context") and line.rstrip().endswith(":"):
            # "the characteristics of community ... these are:" then bullets, or
            # "Google defines "community" like this:" then the quoted definition
            # only the sentence that introduces counts ("... barriers. A community is:")
            said = re.split(r"(?<=[.!?])\s+", line.strip())
            intro = said[-1]
            # "... invest in internal communities for several reasons:": the items are
            # reasons for something done to it, not its traits
            reasons = re.search(r"\b(?:reasons?|why)\b", intro, re.IGNORECASE)
            current = None if reasons else _one_concept(intro, vocab)
            # "So what is a community of practice? Let's start with what it is not:"
            if current is None and not reasons and len(said) > 1 and re.search(
                    r"\b(?:it|they|them)\b", intro, re.IGNORECASE):
                current = _one_concept(said[-2], vocab)
            listing, lister = True, u.speaker
            follow = INTRODUCED_LINES
        elif u.role in ("context", "question", "heading") or _bare_term(line, vocab):
            current, left, follow, listing = _term_heading(line, vocab), SECTION_ITEMS, 0, False
            asked = current if line.rstrip().endswith("?") else None
        elif u.role == "claim" and asked is not None and u.speaker.kind != "author":
            out[u.start] = asked  # "Jane Doe: A group of people who ...": an answer
        elif u.role == "claim" and current is not None and (left > 0 or listing):
            # a glossary is the article's own voice; a list is its introducer's
            if listing or u.speaker.kind == "author":
                out[u.start] = current
            # a term's bulleted items run on to the next heading; prose under it fades
            left -= 0 if bulleted else 1
    return out


def _bulleted(text: str, start: int) -> bool:
    """Whether the utterance at ``start`` is a list item (a bullet or number opens it)."""
    lead = text[text.rfind("\n", 0, start) + 1:start].strip()
    return bool(re.fullmatch(r"[-–—•*·]|\d{1,2}[.)]", lead))


def _one_concept(line: str, vocab: Vocabulary) -> str | None:
    """The one concept a line names, else None. Longest terms first, and a term right
    before another only modifies it: "a customer community" names community."""
    words = re.findall(r"[\w'’-]+", line)
    matches: list[tuple[int, int, str]] = []
    covered: set[int] = set()
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            span = set(range(k, k + n))
            if not span & covered and (c := vocab.lookup(" ".join(words[k:k + n]))) is not None:
                matches.append((k, k + n, c))
                covered |= span
    starts = {k for k, _, _ in matches}
    found = {c for _, end, c in matches if end not in starts}
    return found.pop() if len(found) == 1 else None


def _bare_term(line: str, vocab: Vocabulary) -> bool:
    """A line that only names a term ("Community of practice (CoP)"): no sentence
    punctuation, no finite verb, a concept."""
    words = re.findall(r"[\w'’-]+", re.sub(r"\([^)]*\)", " ", line).casefold())
    return (0 < len(words) <= 3 and line.lstrip()[:1].isupper()
            and line.rstrip()[-1:] not in ".!?:;," and not set(words) & FINITE_WORDS
            and _term_heading(line, vocab) is not None)


def _term_heading(heading: str, vocab: Vocabulary) -> str | None:
    """The concept a heading names when it is little more than the term itself
    ("Work Team (WT)", "What is a community?"), else None."""
    heading = re.sub(r"\([^)]*\)", " ", heading)
    words = re.findall(r"[\w'’-]+", heading)
    content = [w for w in words if w.casefold() not in SECTION_FILLER]
    if not content or len(content) > 3 or heading.rstrip().endswith(":"):
        return None
    # the words as written: "Is your audience a community?" names two concepts
    return _one_concept(heading, vocab)


def _rebut(frame: Frame, rebuttal: Span) -> Frame:
    """Negate a claim rejected by the next sentence; evidence spans both."""
    end = rebuttal.end_char
    return replace(frame, negated=not frame.negated, end=max(frame.end, end))


def parsed_utterances(segments: Iterable[Utterance]) -> list[Utterance]:
    """The utterances extraction parses: claims and headings, and the article's own
    questions, which may link two concepts ("When is a team a community?"); a chat
    moderator's questions and framing lines are context."""
    return [u for u in segments if u.end > u.start and (
        u.role in ("claim", "heading") or u.role == "question" and u.speaker.kind == "author")]


@dataclass(slots=True)
class _Questions:
    """The yes/no questions of a document ("Is Twitter a community?") and the claim
    utterances under each, to the next question or heading (by start offset)."""

    under: dict[int, int]  # claim utterance -> the question above it
    asked: dict[int, YesNoQuestion | None]  # question -> what it asks, once parsed
    later: set[int]  # questions the main pass parses: read when it reaches them

    def answered(self, utterance: Utterance) -> YesNoQuestion | None:
        question = self.under.get(utterance.start)
        return self.asked.get(question) if question is not None else None


def answered_questions(document: Document, segments: list[Utterance], nlp: Language,
                       vocab: Vocabulary, parsed: set[int]) -> _Questions:
    """Where the document asks whether something is a concept, and which utterances
    answer. Questions the main pass does not parse (an interviewer's, a moderator's)
    are parsed here; the ``parsed`` ones are read from the main pass: each text once."""
    texts = {u.start: document.text[u.start:u.end].strip() for u in segments}
    candidates = [u for u in segments if u.role in ("question", "context")
                  and re.match(r"(?:Is|Are)\s", texts[u.start]) and texts[u.start].endswith("?")]
    alone = [u for u in candidates if u.start not in parsed]
    docs = nlp.pipe((mask_markup(texts[u.start]) for u in alone), batch_size=PIPE_BATCH)
    asked = {u.start: yes_no_question(doc, vocab) for u, doc in zip(alone, docs, strict=True)}
    under: dict[int, int] = {}
    current: int | None = None
    starts = {u.start for u in candidates}
    for u in segments:
        if u.role == "heading" or texts[u.start].endswith("?"):
            current = u.start if u.start in starts else None
        elif u.role == "claim" and current is not None:
            under[u.start] = current
    return _Questions(under, asked, starts - set(asked))


def parse_utterances(document: Document, utterances: list[Utterance],
                     nlp: Language) -> Iterator[tuple[Utterance, Doc]]:
    """Each utterance with its parse, in order: markup masked (offsets kept), one
    ``nlp.pipe`` over all of them."""
    # a sentence that runs on over a blank line (a line that stops on "in") is parsed
    # as one: the blank line reads as spaces
    texts = (mask_discourse_labels(mask_markup(document.text[u.start:u.end])).replace(
        "\n\n", "  ") for u in utterances)
    # a Title Case headline is parsed in sentence case: the tagger reads it as names
    texts = (sentence_case(t) if u.role == "heading" else t
             for u, t in zip(utterances, texts, strict=True))
    return zip(utterances, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True)


def extract_document(document: Document, nlp: Language, vocab: Vocabulary, *,
                     open_vocab: bool = False) -> tuple[list[Claim], int]:
    """All claims of one document and the number of sentences read.

    Only utterances that may carry claims are parsed (moderator questions,
    boilerplate and repeated passages are not), each text once; a question of the
    article's own can only link two concepts (a contrast).
    """
    from kg.speakers import Attributor, segment

    add_cue_matcher(nlp)
    rules = nlp.get_pipe("kg_claims").rules
    vocab = vocab.with_acronyms(document.text)  # "learning communities (PLCs)": PLC
    source = Source(document.id, document.path, document.title)
    segments = segment(document)
    utterances = parsed_utterances(segments)
    sections = section_concepts(segments, document.text, vocab)
    attributor = Attributor(document, utterances)
    claims: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()
    n_sents = 0
    topics: list[str] = []
    # the segment just before each one: a pronoun reaches back over no heading or question
    before = {b.start: a for a, b in zip(segments, segments[1:], strict=False)}
    carried: tuple[Phrase, bool] | None = None
    previous: Utterance | None = None
    questions = answered_questions(document, segments, nlp, vocab,
                                   {u.start for u in utterances})
    for utterance, doc in parse_utterances(document, utterances, nlp):
        n_sents += sum(1 for _ in doc.sents)
        if utterance.start in questions.later:
            questions.asked[utterance.start] = yes_no_question(doc, vocab)
        if previous is None or before.get(utterance.start) != previous or (
                previous.speaker != utterance.speaker or previous.role == "heading"):
            carried = None
        found, carried = _sentence_claims(doc, utterance, document, source,
                                          attributor.speakers_for, vocab, rules, open_vocab,
                                          topics, sections.get(utterance.start), carried,
                                          questions.answered(utterance))
        previous = utterance
        for claim in found:
            key = (" ".join(claim.evidence.text.split()).casefold(), claim.subject.id,
                   claim.predicate)
            if key not in seen:
                seen.add(key)
                claims.append(claim)
    return claims, n_sents
