"""``Attributor``: the speaker of each sentence inside narrative utterances (spaCy parse)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.records import Document, Speaker, Utterance
from kg.speakers.lexicon import (
    DEFINITION_WORDS,
    EVIDENCE_VERBS,
    GENERIC_PEOPLE,
    HONORIFICS,
    INTERVIEW_VERBS,
    JOB_TITLE_WORDS,
    NAME_TITLES,
    PEOPLE_NOUNS,
    PEOPLE_SUFFIXES,
    POINT_NOUNS,
    QUANTIFIERS,
    QUOTE_NOUNS,
    REPORTING_VERBS,
    RESEARCH_NOUNS,
    SPEAKER_PRONOUNS,
    THESIS_NOUNS,
    VIEW_NOUNS,
    WORK_NOUNS,
)
from kg.speakers.names import (
    CITATION_YEAR,
    NAME_WORD,
    group_speaker,
    handle_matches_name,
    handle_speaker,
    is_person_name,
    joint_speaker,
    lowercase_words,
    person_speaker,
    reporting_lemma,
    slug,
    source_speaker,
    title_word,
)

__all__ = ["Attributor", "NOT_PEOPLE_LABELS", "SOURCE_LABELS", "SUBJECT_DEPS", "speech_quotes"]

SUBJECT_DEPS = frozenset({"nsubj"})
# Entity labels that make a proper-noun subject an organisation or place, not a person.
NOT_PEOPLE_LABELS = frozenset({"ORG", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT",
                               "WORK_OF_ART", "DATE", "CARDINAL"})
# Entity labels of a named source that can speak as one ("Wikipedia defines X as ...").
SOURCE_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
_MIN_QUOTE_WORDS = 4
_OPENING_MARKS = ('"', "“")
_CLOSING_MARKS = ('"', "”")
REPORT_TAIL_TOKENS = 5  # "Hughes said.", "she added." after a quotation
COLON_LEAD_TOKENS = 8  # "Jill Lee went a step further:" before a person's words
# words after which a quotation is reported speech: '..., and “the view was that ...',
# 'He told me “Seeing all of my players ...', 'She said “We ...'
_QUOTE_LEADS = frozenset({"and", "but", "that", "as", "me", "us", "him", "her", "them",
                          "said", "says", "told", "tells", "asked", "asks", "added", "adds",
                          "wrote", "writes", "explained", "explains", "noted", "notes"})
_FRAGMENT = re.compile(r"“[^“”]+”|\"[^\"]+\"")  # a quotation inside a sentence
_MIN_FRAGMENT_WORDS = 3
_PAIRS = {"“": "”", '"': '"'}
_NAME_DEPS = ("compound", "flat")
# an author-year citation: "(Boyer, 1987)", "(Guzzo & Dickson, 1996, p. 309)",
# "(Wenger et al., 2002)", or a narrative one: "as explained by Papacharissi (2011)"
_CITED = r"[A-Z][\w'’-]+(?:(?:,\s*|\s+(?:&|and)\s+)[A-Z][\w'’-]+){0,3}(?:\s+et\s+al\.?)?"
_MAX_CITATION_TAIL = 40  # characters a citation's bracket may run past the parsed sentence
_CITED_AFTER = re.compile(r"[ \t]*\([^()\n]{3,80}\)")
_CITATION = re.compile(
    rf"\((?P<who>{_CITED}),?\s+{CITATION_YEAR}(?:,\s*pp?\.\s*[\d–-]+)?\)"
    rf"|(?P<who2>{_CITED})\s+\({CITATION_YEAR}\)")


@dataclass(frozen=True, slots=True)
class _Cue:
    speaker: Speaker | None = None
    generic: bool = False  # "Most think ...": a view reported to rebut it, not a speaker


@dataclass(frozen=True, slots=True)
class _Reported:
    speaker: Speaker
    terms: frozenset[str]  # lemmas of the term a reported definition is about


def speech_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations that read as speech, not scare quotes.

    A quotation is speech when it has a few words and opens a sentence or follows
    a comma, a colon, "and", "but", "that" or "as" ("..., “In order to ...”").

    Example:
        >>> speech_quotes('He said, "Teams are not communities." A "cmty" here.')
        [(9, 37)]
        >>> speech_quotes('We ran events and "the view was that it" a book titled "The Big One".')
        [(18, 40)]
    """
    spans, pos = [], 0
    while True:
        m = re.compile("[“\"]").search(text, pos)
        if not m:
            return spans
        close = text.find(_PAIRS[m.group()], m.end())
        end = len(text) if close < 0 else close + 1
        before = text[:m.start()].rstrip()
        opens = not before or before[-1] in ",:.!?…—-(" or (
            before.rsplit(None, 1)[-1].casefold() in _QUOTE_LEADS)
        if opens and len(text[m.end():end].split()) >= _MIN_QUOTE_WORDS:
            spans.append((m.start(), end))
        pos = end


class Attributor:
    """Per-sentence speakers for one document, called in document order.

    Keeps the last named speaker and the people named so far; sentences of
    non-narrative utterances (chat lines, comments) keep the utterance's speaker.
    """

    def __init__(self, document: Document, utterances: Sequence[Utterance] = (), *,
                 reporting_verbs: frozenset[str] = REPORTING_VERBS) -> None:
        self.document = document
        self._verbs = reporting_verbs
        self._people: dict[str, Speaker] = {}
        self._handles: dict[str, Speaker] = {}
        for utterance in utterances:
            self._learn(utterance.speaker)
        self._last: dict[str, tuple[Speaker, int]] = {}  # "person"/"group" -> (who, para no)
        self._para: tuple[int, int] | None = None
        self._para_no = 0
        self._para_last: Speaker | None = None
        self._prev: _Reported | None = None
        self._summary: Speaker | None = None  # whose work the paragraph summarises
        self._interviewee: Speaker | None = None  # "I interviewed X": whose the quotes are
        self._quotes: tuple[Doc | None, list[tuple[int, int]]] = (None, [])
        # a quotation the paragraph before left open, and whose it is: the next
        # paragraph opening with a quotation mark goes on with it
        self._open_quote: Speaker | None = None
        self._lowercase: frozenset[str] | None = None  # words the text writes in lowercase

    def speaker_for(self, sent: Span, utterance: Utterance) -> Speaker:
        """The speaker of ``sent`` (a sentence of ``utterance``'s parse)."""
        return self._attribute(sent, utterance)[0]

    def _attribute(self, sent: Span, utterance: Utterance) -> tuple[Speaker, bool]:
        """The speaker of ``sent``, and whether nothing marked it (it fell back to the
        paragraph's speaker)."""
        if (utterance.start, utterance.end) != self._para:
            self._para, self._para_no = (utterance.start, utterance.end), self._para_no + 1
            self._para_last, self._prev, self._summary = None, None, None
        base = utterance.speaker
        if base.kind != "author":
            return base, False
        self._learn_names(sent)
        prev, self._prev = self._prev, None
        cue = self._cue(sent)
        if cue.speaker is not None:
            self._remember(cue.speaker)
            self._prev = _Reported(cue.speaker, _defined_terms(sent))
            if cue.speaker.kind == "person" and _frames_a_work(sent, self._verbs):
                self._summary = cue.speaker
            return cue.speaker, False
        if cue.generic:
            return base, False
        if self._summary is not None:
            return self._summary, False
        quote = self._quote_state(sent)
        if quote == "inside":
            return self._para_last or self._interviewee or base, False
        lead = self._pronoun_lead(sent)
        if quote == "opens":
            # "He makes the case that ...: "Most marketing ..."": the subject's words
            who = self._subject_person(sent) or lead or self._para_last or self._interviewee
            if who is not None:
                self._remember(who)
                return who, False
        if lead is not None:
            return lead, False
        # 'An audience is “more about one-on-one talk”': words quoted from the person
        # the paragraph last reported
        if self._para_last is not None and _quotes_words(sent):
            return self._para_last, False
        if prev is not None and _elaborates(sent, prev.terms):
            self._prev = prev
            return prev.speaker, False
        self._note_mention(sent)
        # the writer's own "I" is marked: it stays the writer's between two quotations
        return base, not any(t.dep_ == "nsubj" and t.lower_ in ("i", "we") for t in sent)

    def speakers_for(self, sents: Sequence[Span], utterance: Utterance) -> list[Speaker]:
        """The speakers of a paragraph's sentences, in order.

        Unmarked sentences between two that report the same person are that person's
        too: a write-up's paraphrase runs on between its "he says" ("Associations are
        all about creating community." between two of John's quotations).
        """
        pairs = [self._attribute(sent, utterance) for sent in sents]
        speakers = [who for who, _ in pairs]
        marked = [i for i, (_, unmarked) in enumerate(pairs) if not unmarked]
        for a, b in zip(marked, marked[1:], strict=False):
            who = speakers[a]
            if b > a + 1 and who == speakers[b] and who.kind == "person":
                speakers[a + 1:b] = [who] * (b - a - 1)
        if sents:
            self._one_voice_per_quotation(sents, speakers, utterance.speaker)
            self._continued_quotation(sents, speakers, utterance.speaker)
        return speakers

    def _continued_quotation(self, sents: Sequence[Span], speakers: list[Speaker],
                             base: Speaker) -> None:
        """'"... That was a mistake.' then a paragraph opening '"A community is ...': a
        quotation that runs over paragraphs leaves the last one's closing mark out, and
        the next paragraph's quotation is the same person's."""
        text = sents[0].doc.text
        who, self._open_quote = self._open_quote, None
        if who is not None and text.lstrip()[:1] in _OPENING_MARKS:
            lead = len(text) - len(text.lstrip())
            close = next((k for k in range(lead + 1, len(text)) if text[k] in _CLOSING_MARKS),
                         len(text))
            for i, sent in enumerate(sents):
                if sent.start_char < close and speakers[i] == base:
                    speakers[i] = who
        opened = max(text.rfind("“"), text.rfind('"') if text.count('"') % 2 else -1)
        if opened > text.rfind("”") and opened >= 0:
            holder = next((speakers[i] for i, sent in enumerate(sents)
                           if sent.start_char <= opened < sent.end_char), None)
            if holder is not None and holder != base and holder.kind == "person":
                self._open_quote = holder

    def _one_voice_per_quotation(self, sents: Sequence[Span], speakers: list[Speaker],
                                 base: Speaker) -> None:
        """A quotation is one person's, whichever sentence names them: '"They are still
        able ... at a time. This suggests ...," Dr. Dunn says.' gives both sentences to
        Dunn, and '"This year, we've got one cutting." Hughes said.' the quotation to
        Hughes."""
        for start, end in self._quote_spans(sents[0].doc):
            inside = [i for i, sent in enumerate(sents)
                      if sent.start_char < end and sent.end_char > start]
            if not inside:
                continue
            who = next((speakers[i] for i in inside if speakers[i] != base), None)
            after = inside[-1] + 1
            if who is None and after < len(sents) and len(sents[after]) <= REPORT_TAIL_TOKENS:
                who = speakers[after] if speakers[after] != base else None
            if who is not None:
                for i in inside:
                    speakers[i] = who

    # --- known people --------------------------------------------------------

    def _learn(self, speaker: Speaker) -> None:
        if speaker.id.startswith(("commenter:", "author:")) and speaker.kind != "group":
            return
        for name in (speaker.id, speaker.label, *speaker.aliases):
            if name.startswith("@"):
                self._handles.setdefault(name.casefold(), speaker)
            elif speaker.kind in ("person", "author") and name[:1].isupper():
                for alias in _aliases(name):
                    self._people.setdefault(alias.casefold(), speaker)

    def _person(self, name: str, label: str = "") -> Speaker | None:
        """A known or new person for a proper name; None for organisations and places."""
        name = " ".join(name.split())
        key = name.casefold()
        if key in self._people:
            return self._people[key]
        for word in reversed(name.split()):
            if word.casefold() in self._people and word.casefold().rstrip(".") not in NAME_TITLES:
                return self._people[word.casefold()]
        if label in NOT_PEOPLE_LABELS or not name[:1].isupper() or re.fullmatch(
                r"[A-Z]{2,6}s?", name):
            return None  # ("PLCs maintain a focus on ...": an acronym, no one's name)
        if " " not in name and (full := self._full_name(name)) is not None:
            return self._person(full, label)
        speaker = next((s for h, s in self._handles.items() if handle_matches_name(h, name)),
                       None) or person_speaker(name)
        self._learn(speaker)
        for alias in _aliases(name):
            self._people.setdefault(alias.casefold(), speaker)
        return speaker

    def _full_name(self, surname: str) -> str | None:
        """The one full name the document writes for a surname ("According to
        Rheingold, ..." and elsewhere "--Howard Rheingold"): capitalised words before it
        that the text never writes in lowercase ("For Rheingold" is no name)."""
        if self._lowercase is None:
            self._lowercase = lowercase_words(self.document.text)
        found = set()
        for m in re.finditer(rf"\b((?:[A-Z][a-z'’-]+\.?\s|[A-Z]\.\s?){{1,3}}){re.escape(surname)}"
                             rf"\b(?![-'’]\w)", self.document.text):
            words = m[1].split()
            while words and (words[0].casefold().rstrip(".") in self._lowercase
                             or title_word(words[0])):
                words.pop(0)
            full = " ".join([*words, surname])
            if words and is_person_name(full) and not any(
                    w.casefold().rstrip(".") in self._lowercase for w in words):
                found.add(full)
        return found.pop() if len(found) == 1 else None

    def _learn_names(self, sent: Span) -> None:
        """Full names the text mentions ("The moderator, Kim Lee, asked"), so that a
        later surname ("Lee believes") is that person."""
        for ent in sent.ents:
            # "discussing Steve Denning’s book": the possessive is no part of the name
            words = re.sub(r"['’]s$", "", ent.text).split()
            while len(words) > 2 and title_word(words[0]):
                words.pop(0)  # "Sociologist Robert Putnam"
            if ent.label_ == "PERSON" and is_person_name(" ".join(words)):
                self._person(" ".join(words), ent.label_)

    def _remember(self, speaker: Speaker) -> None:
        self._para_last = speaker
        self._last["group" if speaker.kind == "group" else "person"] = (speaker, self._para_no)

    def _recent(self, kind: str) -> Speaker | None:
        # A pronoun reaches back to the current or the previous paragraph only.
        found = self._last.get(kind)
        return found[0] if found and found[1] >= self._para_no - 1 else None

    # --- cues ----------------------------------------------------------------

    def _cue(self, sent: Span) -> _Cue:
        quotes = self._quote_spans(sent.doc)
        source = self._quoted_source(sent, quotes)
        if source is not None:
            return _Cue(source)
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.casefold() not in self._verbs and (
                    not _makes_a_point(tok)) and not _owned_research(tok):
                continue
            if any(s < tok.idx < e for s, e in quotes):
                continue
            # "Twitter feels like a community", "it sounds right": a verb of seeming, not a report
            if any(c.dep_ in ("acomp", "attr") or (c.dep_ == "prep" and c.lower_ == "like")
                   for c in tok.children):
                continue
            # "a way for practitioners to share tips": a purpose, not a report
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
                    c.dep_ in SUBJECT_DEPS for c in tok.children):
                continue
            # "Barb goes on to say ...", "she wants to add ...": the subject sits higher
            # "John Graham is CEO of ASAE, and believes ...": a conjoined verb's too
            # "Black opened by saying ...", "Hill agreed, adding that ...": a participle's
            # subject is its governing verb's
            holder = tok
            while holder.head is not holder and not any(
                    c.dep_ in SUBJECT_DEPS for c in holder.children):
                if holder.dep_ in ("xcomp", "conj") or holder.dep_ == "advcl" and (
                        holder.tag_ == "VBG"):
                    holder = holder.head
                elif holder.dep_ == "pcomp" and holder.tag_ == "VBG" and (
                        holder.head.dep_ == "prep" and holder.head.head is not holder.head):
                    holder = holder.head.head
                else:
                    break
            for subj in (c for c in holder.children if c.dep_ in SUBJECT_DEPS):
                cue = self._subject_cue(subj)
                if cue is not None:
                    return cue
        return (self._surface_cue(sent) or self._according_to(sent) or self._for_person(sent)
                or self._citation(sent) or self._put_it(sent) or self._their_view(sent)
                or self._colon_lead(sent) or _Cue())

    def _quoted_source(self, sent: Span, quotes: list[tuple[int, int]]) -> Speaker | None:
        """"Barb cites a definition from David Coleman: "..."", "an excerpt from Mary
        Tolena's comment, "..."": the words quoted in the sentence are the source's, not
        the citer's."""
        opening = next((s for s, _ in quotes if sent.start_char <= s < sent.end_char), None)
        if opening is None:
            return None
        for tok in sent:
            if tok.idx >= opening:
                break
            if tok.dep_ != "prep" or tok.lower_ not in ("from", "by"):
                continue
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            # "an excerpt from Mary Tolena's comment, "...": the comment's writer
            if obj is not None and obj.lemma_.lower() in QUOTE_NOUNS | WORK_NOUNS:
                obj = next((c for c in obj.children if c.dep_ == "poss"), None)
            elif tok.head.lemma_.lower() not in QUOTE_NOUNS:
                continue
            if obj is not None and obj.pos_ == "PROPN":
                return self._person(_name_of(obj), obj.ent_type_)
        return None

    def _subject_cue(self, subj: Token) -> _Cue | None:
        low = subj.lower_
        # a surname the tagger took for an adjective ("Black opened by saying ...")
        if subj.pos_ == "ADJ" and subj.text[:1].isupper() and (
                low in self._people or self._full_name(subj.text) is not None):
            return _Cue(self._person(subj.text))
        if low in SPEAKER_PRONOUNS:
            who = self._recent(SPEAKER_PRONOUNS[low])
            return _Cue(who) if who else None
        modifiers = {c.lower_ for c in subj.children if c.dep_ in ("amod", "det", "advmod")}
        if low in QUANTIFIERS or modifiers & QUANTIFIERS or subj.lemma_.casefold() in (
                GENERIC_PEOPLE) or low in GENERIC_PEOPLE:
            return _Cue(generic=True)
        if subj.text.startswith("@"):
            key = subj.text.casefold()
            return _Cue(self._handles.get(key) or handle_speaker(subj.text))
        # "Adams's research shows ...", "her book argues ...": the work's author
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is not None and subj.lemma_.casefold() in WORK_NOUNS | RESEARCH_NOUNS:
            if owner.lower_ in ("his", "her"):
                who = self._recent("person")
                return _Cue(who) if who is not None else None
            if owner.pos_ == "PROPN":
                return self._subject_cue(owner)
        # "authors Debbie Frieze and Meg Wheatley explain", "strategists like Carrie Jones
        # and Charles Vogl emphasize": the names the noun introduces
        named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) \
            or next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "like"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        people = [subj]
        if named is not None and _people_noun(subj):
            people = [named, *subj.conjuncts]  # the parser may hang the second on the noun
            subj = named
        elif named is not None and subj.tag_ == "NN" and (
                named.ent_type_ not in NOT_PEOPLE_LABELS) and is_person_name(_name_of(named)):
            people, subj = [named], named  # "Her colleague Dan Wu agrees": the person
        if subj.pos_ == "PROPN" and (joint := _joint(people)) is not None:
            return _Cue(joint)
        if subj.pos_ == "PROPN":
            # "Katrina VanHuss, chair and founder of Turnkey, said": a job title in
            # apposition makes the name a person's, whatever entity the tagger saw
            titled = any(t.lower_ in JOB_TITLE_WORDS for c in subj.children
                         if c.dep_ == "appos" for t in (c, *c.conjuncts))
            who = self._person(_name_of(subj), "" if titled else subj.ent_type_)
            if who is None and subj.ent_type_ in SOURCE_LABELS:  # "Wikipedia defines X as"
                who = source_speaker(_name_of(subj))
            return _Cue(who) if who else None
        if _people_noun(subj):
            return _Cue(group_speaker(subj.text))
        return None

    def _surface_cue(self, sent: Span) -> _Cue | None:
        # The tagger misreads "Medanic talks about ..." and "MacIver defines community as
        # ..." as a noun phrase: a known name, or proper nouns shaped as a name, opening
        # the sentence, then an inflected reporting verb the tagger took for a noun.
        words = [t for t in sent if not t.is_punct and not t.is_space]
        for n in (2, 1):
            if len(words) > n and reporting_lemma(words[n].text) in self._verbs:
                name = " ".join(t.text for t in words[:n])
                if name.casefold() in self._people:
                    return _Cue(self._people[name.casefold()])
                if words[n].pos_ == "NOUN" and words[n].text.endswith("s") and all(
                        t.tag_ == "NNP" for t in words[:n]) and is_person_name(name, min_words=1):
                    who = self._person(name)
                    if who is not None:
                        return _Cue(who)
        return None

    def _put_it(self, sent: Span) -> _Cue | None:
        """"As MacIver and Page put it, ...", "In the words of Howard Rheingold, ...":
        the words that follow are the named people's."""
        m = _PUT_IT.match(sent.text)
        if m is None:
            return None
        names = [n for n in re.split(r",\s*|\s+and\s+|\s*&\s*", m["a"] or m["b"]) if n]
        if not all(is_person_name(n, min_words=1) for n in names):
            return None
        if len(names) > 1:
            return _Cue(joint_speaker(names))
        who = self._person(names[0])
        return _Cue(who) if who is not None else None

    def _colon_lead(self, sent: Span) -> _Cue | None:
        """"Jill Lee went further: groups need structure", "She was blunt: ...": a short
        clause about a person that a colon ends leads in to that person's words (the
        parser hangs the lead on the clause after the colon)."""
        colon = next((t for t in sent if t.text == ":"), None)
        if colon is None or colon.i - sent.start > COLON_LEAD_TOKENS:
            return None
        lead = next((t for t in sent if t.i < colon.i and t.dep_ == "ccomp"
                     and t.head.i > colon.i and t.right_edge.i < colon.i), None)
        subj = None if lead is None else next(
            (c for c in lead.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        if subj.lower_ in SPEAKER_PRONOUNS:
            cue = self._subject_cue(subj)
            return cue if cue is not None and cue.speaker is not None else None
        if subj.pos_ != "PROPN" or subj.ent_type_ not in ("PERSON", ""):
            return None
        who = self._person(_name_of(subj), subj.ent_type_)
        return _Cue(who) if who is not None and who.kind == "person" else None

    def _their_view(self, sent: Span) -> _Cue | None:
        """"In her view, a community is ...", "Jane Doe's definition is simple: ...":
        the view of a person the sentence names by a possessive (a pronoun: the person
        the text named last)."""
        for tok in sent:
            noun = tok.lemma_.lower()
            opens = (tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.i == sent.start
                     and noun in VIEW_NOUNS)
            # the view is the subject and a colon gives it: "X's take is simple: ..."
            colon = (tok.dep_ == "nsubj" and noun in VIEW_NOUNS | QUOTE_NOUNS
                     and any(t.text == ":" for t in sent[tok.i - sent.start:]))
            # "Ann Lee's point is that ...", "The key insight from Ann Lee is that ..."
            that = (tok.dep_ == "nsubj" and noun in VIEW_NOUNS | THESIS_NOUNS
                    and tok.head.lemma_ == "be" and _that_clause(tok.head))
            if not (opens or colon or that):
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None and that:
                owner = next((g for c in tok.children if c.dep_ == "prep"
                              and c.lower_ in ("from", "of") for g in c.children
                              if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if owner is None:
                return None
            if owner.lower_ in ("his", "her"):
                who = self._recent("person")
                return _Cue(who) if who is not None else None
            if owner.pos_ == "PROPN":
                who = self._person(_name_of(owner), owner.ent_type_)
                return _Cue(who) if who is not None else None
            return None
        return None

    def _according_to(self, sent: Span) -> _Cue | None:
        for tok in sent[:-1]:
            if tok.lower_ == "according" and tok.nbor(1).lower_ == "to":
                obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
                # "according to a 2019 study by Gallup": the work's author, a person or not
                by = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ in (
                    "by", "from") for g in c.children if g.dep_ == "pobj"), None) if (
                    obj is not None and obj.lemma_.casefold() in RESEARCH_NOUNS) else None
                if by is not None and by.pos_ == "PROPN":
                    name = _name_of(by)
                    return _Cue(self._person(name, by.ent_type_) or source_speaker(name))
                if obj is None or obj.pos_ == "NOUN":
                    # "according to UNSW researcher and study lead author Dr. James Dunn,":
                    # the person named before the comma, however the titles parse
                    rest = sent[tok.i - sent.start + 2:]
                    phrase = list(itertools.takewhile(lambda t: t.text != ",", rest))
                    obj = next((t for t in phrase if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
                                and t.dep_ not in _NAME_DEPS), obj)
                if obj is not None and obj.pos_ == "PROPN":
                    # "according to Jane Doe"; "according to Wikipedia": a named source;
                    # "according to Fernback & Thompson": both
                    if (joint := _joint([obj])) is not None:
                        return _Cue(joint)
                    name = _name_of(obj)
                    return _Cue(self._person(name, obj.ent_type_) or source_speaker(name))
        return None

    def _for_person(self, sent: Span) -> _Cue | None:
        # "For Karl Mannheim, the German sociologist, “community is ...”": his view;
        # "For her, ...": the view of the person the text named last
        first = sent[0]
        if first.lower_ != "for" or not any(t.text == "," for t in sent[1:8]):
            return None
        obj = next((c for c in first.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in ("her", "him") and sent[2].text == ",":
            who = self._recent("person")
            return _Cue(who) if who is not None else None
        if obj is None or obj.pos_ != "PROPN":
            return None
        who = self._person(_name_of(obj), obj.ent_type_)
        return _Cue(who) if who is not None and who.kind == "person" else None

    def _citation(self, sent: Span) -> _Cue | None:
        """"Community imparts a common sense of purpose (Boyer, 1987).": a sentence that
        cites one work is that work's authors' claim; several citations name no one."""
        text = sent.text
        if text.count("(") > text.count(")"):
            whole = sent.doc.text  # built anew on each access: read it once
            close = whole.find(")", sent.end_char)
            if 0 <= close - sent.end_char < _MAX_CITATION_TAIL:
                text = whole[sent.start_char:close + 1]  # the parser split "pp. 308-9)"
        # '"A team is ... accountable." (Katzenbach and Smith, 1993)': a quotation
        # credited by the citation after it
        elif text.rstrip()[-1:] in "\"”'’" and (
                tail := _CITED_AFTER.match(sent.doc.text, sent.end_char)):
            text += tail.group()
        found = {" ".join((m["who"] or m["who2"]).split()) for m in _CITATION.finditer(text)}
        if len(found) != 1:
            return None
        who = found.pop()
        names = [n for n in re.split(r",\s*|\s+(?:&|and)\s+|\s+et\s+al\.?", who) if n]
        if not all(is_person_name(n, min_words=1) for n in names):
            return None  # "(May 2011)", "(Section 2, 2011)"
        if len(names) == 1 and "et al" not in who:
            return _Cue(self._person(who) or source_speaker(who))
        return _Cue(Speaker(id=f"group:{slug(who)}", label=who, kind="group",
                            aliases=(who, *names)))

    def _subject_person(self, sent: Span) -> Speaker | None:
        subj = _root_subject(sent)
        if subj is None or any(s <= subj.idx < e for s, e in self._quote_spans(sent.doc)):
            return None  # '“Snap still has a loyal user base ...”': a subject of the quote
        for tok in [subj, *subj.children]:
            if tok.pos_ == "PROPN" and tok.dep_ in (*SUBJECT_DEPS, "compound", "poss"):
                return self._person(_name_of(tok), tok.ent_type_)
        return None

    def _pronoun_lead(self, sent: Span) -> Speaker | None:
        subj = _root_subject(sent)
        if subj is None or subj.lower_ not in SPEAKER_PRONOUNS:
            return None
        # "When networks form, they help ...": a plural before "they" is its antecedent
        before = sent[:subj.i - sent.start]
        if subj.lower_ == "they" and any(t.tag_ in ("NNS", "NNPS") for t in before):
            return None
        return self._recent(SPEAKER_PRONOUNS[subj.lower_])

    def _note_mention(self, sent: Span) -> None:
        # remember whom the writer interviewed, and a person subject a later pronoun may mean
        interviewed = _interviewed(sent)
        if interviewed is not None:
            self._interviewee = self._person(_name_of(interviewed), interviewed.ent_type_)
            if self._interviewee is not None:  # '"It is ...," she replied'
                self._remember(self._interviewee)
        subj = _root_subject(sent)
        if subj is not None and subj.lower_ in JOB_TITLE_WORDS:
            # "Reddit's Head of Creative Strategy, Will Cady, unpacked ...": the person
            # is the appositive; a job title alone names no one
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                        None)
        if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", ""):
            who = self._person(_name_of(subj), subj.ent_type_)
            if who is not None:
                self._remember(who)

    # --- quotations ----------------------------------------------------------

    def _quote_spans(self, doc: Doc) -> list[tuple[int, int]]:
        if self._quotes[0] is not doc:
            self._quotes = (doc, speech_quotes(doc.text))
        return self._quotes[1]

    def _quote_state(self, sent: Span) -> str | None:
        for start, end in self._quote_spans(sent.doc):
            if start < sent.start_char < end:
                return "inside"
            if sent.start_char <= start < sent.end_char:
                return "opens"
        return None


_PUT_IT = re.compile(
    rf"\W*(?:(?i:as)\s+(?P<a>{NAME_WORD}(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*){NAME_WORD}){{0,5}})"
    r"\s+(?:puts?|put|says?|said|writes?|wrote|notes?|noted|observes?|observed)\s+(?:it\s*)?,"
    rf"|(?i:in\s+the\s+words\s+of)\s+(?P<b>{NAME_WORD}(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)"
    rf"{NAME_WORD}){{0,5}})\s*,)")


def _aliases(name: str) -> set[str]:
    """A name, its first word and its last: "Coach Sturdy" is not "Coach" alone."""
    words = name.split()
    ends = (words[0], words[-1])
    return {name, *(w for w in ends if w.casefold().rstrip(".") not in NAME_TITLES)}


def _people_noun(tok: Token) -> bool:
    """A plural noun for people ("panelists", "strategists"): a collective speaker."""
    low = tok.lower_
    return tok.tag_ == "NNS" and (low in PEOPLE_NOUNS or low.endswith(PEOPLE_SUFFIXES))


def _joint(heads: list[Token]) -> Speaker | None:
    """"Jon Katzenbach and Douglas Smith described ...": two or more people named
    together hold the view together."""
    tokens = dict.fromkeys(t for h in heads for t in (h, *h.conjuncts) if t.pos_ == "PROPN")
    names = [_name_of(t) for t in sorted(tokens, key=lambda t: t.i)]
    # scholars cited by surname alone ("Horton and Hunt say", "Fernback & Thompson")
    if len(names) < 2 or not all(is_person_name(n, min_words=1) for n in names):
        return None
    amp = any(c.text == "&" for t in tokens for c in t.children if c.dep_ == "cc")
    return joint_speaker(names, "&" if amp else "and")


def _name_of(tok: Token) -> str:
    """A proper noun with its compound parts ("Renee Hopkins"); a title or occupation
    written before the name is no part of it ("Sociologist Robert Putnam")."""
    parts = [c for c in tok.lefts if c.dep_ in _NAME_DEPS and c.pos_ == "PROPN"
             and c.lower_.rstrip(".") not in HONORIFICS]
    while len(parts) > 1 and title_word(parts[0].text):
        parts.pop(0)
    words = [*parts, tok]
    span = tok.doc[words[0].i:tok.i + 1]
    if all(t in words or t.text in ("-", "‑") for t in span):
        return span.text  # "Merriam-Webster" keeps its hyphen
    return " ".join(t.text for t in words)


def _root_subject(sent: Span) -> Token | None:
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda t: t.i) if subjects else None


def _quotes_words(sent: Span) -> bool:
    return any(len(m.group().split()) >= _MIN_FRAGMENT_WORDS for m in _FRAGMENT.finditer(sent.text))


def _interviewed(sent: Span) -> Token | None:
    """"Last week I interviewed Jane Doe, ...", "We spoke with Jane Doe": the person the
    writer interviewed, whose words the quotations that follow are."""
    root = sent.root
    if root.lemma_.lower() not in INTERVIEW_VERBS or not any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
        return None
    objects = [c for c in root.children if c.dep_ == "dobj"] + [
        g for c in root.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
        for g in c.children if g.dep_ == "pobj"]
    return next((o for o in objects if o.pos_ == "PROPN" and o.ent_type_ in ("PERSON", "")), None)


def _frames_a_work(sent: Span, verbs: frozenset[str]) -> bool:
    """"In this short video Nancy White discusses ...": the sentence opens a summary
    of someone's work, so the rest of its paragraph reports that person."""
    return any(
        tok.lower_ == "in" and tok.dep_ == "prep" and tok.head.lemma_.casefold() in verbs
        and any(c.dep_ == "pobj" and c.lemma_.casefold() in WORK_NOUNS for c in tok.children)
        for tok in sent)


def _makes_a_point(verb: Token) -> bool:
    """"Gatto made an important distinction between ...", "she draws a distinction",
    "Jane Doe puts it simply: ...": making a point or putting it reports words, as a
    reporting verb does."""
    lemma = verb.lemma_.casefold()
    return lemma in ("make", "draw") and any(
        c.dep_ == "dobj" and c.lemma_.casefold() in POINT_NOUNS for c in verb.children) or (
        lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children))


def _defined_terms(sent: Span) -> frozenset[str]:
    # "the definition of a community member" -> {"member"}
    terms = set()
    for tok in sent:
        # "a distinction between networking and community": the two terms told apart
        if tok.lemma_.casefold() in POINT_NOUNS | {"difference"}:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"):
                terms |= {t.lemma_.casefold() for c in prep.children if c.dep_ == "pobj"
                          for t in (c, *c.conjuncts)}
        # "Anastasia described a successful team as a group ...": the object defined
        if tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
            terms |= {c.lemma_.casefold() for c in tok.children if c.dep_ == "dobj"}
        if tok.lemma_.casefold() in DEFINITION_WORDS:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                terms |= {c.lemma_.casefold() for c in prep.children if c.dep_ == "pobj"}
    return frozenset(terms)


def _elaborates(sent: Span, terms: frozenset[str]) -> bool:
    """Whether the sentence's subject is the term the previous speaker defined."""
    subj = _root_subject(sent)
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.casefold() in terms


def _that_clause(verb: Token) -> bool:
    """Whether ``verb`` takes a clause opened by "that" ("... is that teams need ...")."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                         for m in c.children) for c in verb.children)


def _owned_research(verb: Token) -> bool:
    """"Adams's research shows that ...", "her study finds ...": a verb of evidence
    whose subject is someone's work reports that person."""
    return verb.lemma_ in EVIDENCE_VERBS and any(
        c.dep_ == "nsubj" and c.lemma_.casefold() in RESEARCH_NOUNS
        and any(g.dep_ == "poss" for g in c.children) for c in verb.children)
