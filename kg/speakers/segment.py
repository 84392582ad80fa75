"""``segment``: a Document's content blocks -> utterances with their speakers (no spaCy)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from kg.records import Document, Speaker, Utterance
from kg.speakers.chat import (
    Line,
    document_lines,
    is_question,
    opens_with_handle,
    parse_chat_line,
    tag_signatures,
    trim,
)
from kg.speakers.comments import (
    Comment,
    byline_author,
    common_words,
    find_comments,
    follow_credit,
    is_byline,
    is_date,
    line_sentences,
    opens_with_quotation,
    presenter,
    replying_author,
    self_introduction,
    trailing_signatures,
    vocative,
    vocative_author,
)
from kg.speakers.lexicon import (
    DEFINITION_WORDS,
    GREETINGS,
    HONORIFICS,
    INTERVIEWEE_LABELS,
    NAME_TITLES,
    NON_HANDLE_LABELS,
    OWNED_WORKS,
    POINT_NOUNS,
    PRESENTING_VERBS,
    QUOTE_NOUNS,
    TRANSCRIPT_ROLES,
    WORK_NOUNS,
)
from kg.speakers.names import (
    CITATION_YEAR,
    HANDLE,
    NAME_WORD,
    author_speaker,
    handle_matches_name,
    handle_speaker,
    is_person_name,
    lowercase_words,
    person_speaker,
    reporting_lemma,
    source_speaker,
    username_speaker,
)

__all__ = ["HEADING_WH_WORDS", "TRANSCRIPT_MIN_LINES", "segment"]

# Words that open a section heading asked as a question without its "?".
HEADING_WH_WORDS = frozenset({"how", "why", "what", "when", "where", "which", "who"})
# lowercase words a sentence does not end on: a line that stops on one runs on below
DANGLING_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "to", "for", "with",
                            "at", "on", "by", "from", "that", "who", "which", "whose"})
# Lines opening with "@handle" that make a document a chat transcript.
TRANSCRIPT_MIN_LINES = 3

_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
# "Rachel Happe (@rhappe)" and "@rhappe (Rachel Happe)"
_INTRO = re.compile(rf"(?P<name>{_NAME})\s*\(\s*(?P<h>{HANDLE})\s*\)")
_INTRO_REV = re.compile(rf"(?P<h>{HANDLE})\s*\(\s*(?P<name>{_NAME})\s*\)")
_HANDLE_RE = re.compile(rf"(?<![\w@])(?P<h>{HANDLE})\b")
_NAME_RUN = re.compile(rf"\b{_NAME}\b")
# a bullet, a list number or a chat's question/answer label ("Q1 ", "A2:") opening a line
_BULLET = re.compile(r"\s*(?:[-–—•*·]|\d{1,2}[.)]|[QA]\d{1,2}[.:)]?)\s+")
# "Jane Doe said:" / "Jane Doe put it best:"
LABELLED_MIN_LINES = 3  # "Name: text" lines that make a page a transcript of names
SIGNED_BLOCK_LINES = 3  # the most paragraphs a "— Name" under them signs
ROUNDUP_MIN_HEADERS = 2  # "Name | Title" lines that make a page a round-up of answers
_HONORIFIC = "|".join(sorted(HONORIFICS))
# a round-up's header over one person's answer: "Taly Matiteyahu | Cofounder & CEO of Blink",
# "Dr. Jane Doe, Chief of Pediatrics" (the honorific is no part of the name)
_ROUNDUP_HEADER = re.compile(
    rf"\s*(?:(?i:{_HONORIFIC})\.?\s+)?(?P<name>{_NAME})\s*(?:\||–|—|,)\s*(?P<role>[A-Z][^.!?|]{{1,80}}?)\s*")
QUOTE_RUN_LINES = 12  # the most paragraphs one open quotation is followed over
# "Jane Doe said:", "Jane Doe, Vice President, Acme Inc., notes the difference:"
_SAID_COLON = re.compile(rf"(?P<name>{_NAME})(?:,\s[^:]{{1,100}}?,)?\s+(?:[a-z]+ly\s+)?"
                         rf"(?P<verb>[a-z]+)\b[^:]*:")
_SAID_INLINE = re.compile(rf"\s*(?P<name>{_NAME})(?:,\s[^:,]{{1,80}},)?\s+(?P<verb>[a-z]+)\b"
                          r"[^:.!?\"“”]{0,80}:\s+(?=\S)")
# a sentence that opens with a name: "Michael Hawley has written an article ..."
_NAME_OPENS = re.compile(rf"(?P<name>{_NAME})(?:,\s[^,]{{1,80}},)?\s+(?P<rest>[a-z].*)")
# an introduction saying its person answers: "Here she answers the top five questions"
_ANSWERS = re.compile(r"\b(?:she|he|they)\s+answers\b|\banswers\s+(?:\w+\s+){0,4}questions\b",
                      re.IGNORECASE)
# a reply's quotation of the post it answers: "> And do they think that ..."
_REPLY_QUOTE = re.compile(r"\s*>\s*\S")
THREAD_MIN_QUOTES = 2  # quoted lines that make a page a reply-quoting thread
REPORT_VERB_WORDS = 4  # how far after the name the reporting verb may come
PRESENTER_LINE_WORDS = 16  # "Jill describes three markers that help define ..."
# how a transcribed talk opens a paragraph
SPOKEN_OPENERS = frozenset({"so", "and", "well", "now", "okay", "ok", "um", "yeah", "right"})
_THIRD_PERSON_TURN = re.compile(r"(?<=[.!?])\s+(?=(?:He|She|His|Her)\b)")
_SAID_THAT = re.compile(rf"(?P<name>{_NAME})\b[^.!?:]*?\s(?P<verb>[a-z]+)\s+that\s*")
_ACCORDING_COLON = re.compile(
    rf"(?i:according to)\s+(?P<name>{_NAME})(?:\s*\((?:19|20)\d\d[a-z]?\))?"
    r"(?:\s+[^:]{1,120}?)?\s*:")
_FROM_NAME = re.compile(rf"\b(?:from|by)\s+(?P<name>{_NAME})(?!\w)")
# a transcript's time stamp before the speaker's label: "[00:00:17] David: Hi."
_TIMESTAMP = r"(?:\[\d{1,2}(?::\d\d){1,2}\]|\(\d{1,2}(?::\d\d){1,2}\)|\d{1,2}(?::\d\d){1,2})\s*"
_LABEL_LINE = re.compile(
    rf"\s*(?P<stamp>{_TIMESTAMP})?(?P<name>{_NAME}|[QA]\d{{0,2}})\s*:\s+(?=\S)")
# an interview's "Q." / "A." labels (a period, as many Q&As write them)
_QA_DOT = re.compile(r"\s*(?P<name>[QA])\.\s+(?=\S)")
INTERVIEW_MIN_ANSWERS = 2  # "A:" lines that make a page a question-and-answer interview
INTERVIEW_QUESTION_WORDS = 40  # a longer line ending in "?" is a paragraph, not a question
# where the comments under an interview begin: "Comments", "3 Responses", "Leave a Reply"
_COMMENT_SECTION = re.compile(r"\s*(?:\d+\s+)?(?i:comments?|responses?|replies|leave a reply)\b")
# the interviewee an introduction names: "Q&A with Jane Doe", "we spoke with Jane Doe",
# "Interview: Jane Doe on ...", "Adrienne Wong interviewed Jane Doe", "an interview with
# Dr. Jane Doe"
_INTERVIEWEE_INTRO = re.compile(
    rf"(?i:\b(?:interview(?:ed|s)?|q\s*&\s*a|conversation|chat(?:ted)?|spoke|talked|sat down|"
    rf"caught up|questions)(?:\s*:\s*|\s+)(?:with\s+|for\s+|to\s+)?(?:(?:{_HONORIFIC})\.?\s+)?)"
    rf"(?P<name>{_NAME})")
_GUEST_LINE = re.compile(rf"\s*(?P<label>[A-Z][a-z]+)\s*:\s*(?P<name>{_NAME})\s*")
_ANSWER_LABEL = re.compile(r"A\d{0,2}")
# a cited source labelling what it says: "Wellman (1999): Communities are not lost, ..."
_CITED_LABEL = re.compile(
    rf"\s*(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?(?:\s+et\s+al\.?)?)\s*"
    rf"\({CITATION_YEAR}\)\s*:\s+(?=\S)")
# a quotation credited at its start: "From Jane Doe: “A member is ...”"
_FROM_LABEL = re.compile(
    rf"\s*(?:[-–—•*·]\s+)?(?i:from)\s+(?P<name>{_NAME})\s*:\s+(?P<quote>[\"“‘'])?(?=\S)")
_QUESTION_LABEL = re.compile(r"Q\d{0,2}")
# "Glatix's Guide to Groups of Gamers", "Bob's Thoughts on the Customer:": a page or a
# section named for the person whose voice it is
_OWNED_HEADER = re.compile(
    rf"\s*(?P<name>{_NAME})['’]s\s+(?:[A-Z][a-z]+\s+)?(?P<work>[A-Za-z]+)"
    r"(?:\s+(?:on|about|to|for|from)\s[^.!?:]{1,80}?)?\s*:?\s*")
# "— Charles Vogl"; an embedded tweet's credit: "— Jane Doe (@janedoe) May 3, 2015"
_SIGNED_BY = re.compile(rf"\s*[—–]{{1,2}}\s*(?P<name>{_NAME})\s*"
                        r"(?:\((?P<handle>@\w{1,30})\)\s*"
                        r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?\s*)?")
# a link post's credit line: "[Jane Doe:]", "Jane Doe for The Daily Planet:", "Jane Doe, Wired:"
_CREDIT_COLON = re.compile(
    rf"(?P<open>\[)?(?P<name>{_NAME})(?P<outlet>\s+(?:for|at|in|on|from|via)\s+[^:\[\]]{{1,60}}"
    r"|,\s*[^:\[\]]{1,60})?:(?(open)\])")


@dataclass(slots=True)
class _Scan:
    """What the first pass learns about a document."""

    lines: list[Line]
    chat: dict[int, list] = field(default_factory=dict)
    handle_names: dict[str, str] = field(default_factory=dict)  # casefolded handle -> name
    handle_labels: dict[str, str] = field(default_factory=dict)  # casefolded -> as written
    comments: list[Comment] = field(default_factory=list)
    author: Speaker | None = None
    byline: set[int] = field(default_factory=set)
    lowercase: frozenset[str] = frozenset()  # words the text writes in lowercase
    signed: dict[int, tuple[int, str]] = field(default_factory=dict)  # "text #tagName" lines
    # "Amit: ..." lines, and an interview's "A:" (the guest's) and "Q:" (None) lines
    labelled: dict[int, tuple[int, Speaker | None]] = field(default_factory=dict)
    # a list's "Shared Identity: ..." lines: where the text after the term starts
    terms: dict[int, int] = field(default_factory=dict)
    # a round-up's "Name | Title" lines: the paragraphs under each are that person's
    roundup: dict[int, Speaker] = field(default_factory=dict)
    # "Emmy's Thoughts:" lines: everything under each, headings too, is that person's
    sections: dict[int, Speaker] = field(default_factory=dict)
    # a transcript's "NARRATOR:" / "JANE DOE:" turns: where the text starts, the speaker
    turns: dict[int, tuple[int, Speaker]] = field(default_factory=dict)


def segment(document: Document) -> list[Utterance]:
    """Split a document's content blocks into utterances, each with its speaker.

    Example:
        >>> from kg.records import Document
        >>> doc = Document("d", "d.txt", "T", "@ann: teams differ.\\nFollow @ann today.")
        >>> [(u.speaker.id, doc.text[u.start:u.end]) for u in segment(doc)]
        [('@ann', 'teams differ.'), ('author:d', 'Follow @ann today.')]
    """
    scan = _scan(document)
    people = _people(scan)
    out: list[Utterance] = []
    pending: Speaker | None = None  # set by an introducing line ending in ':'
    listing: Speaker | None = None  # the introduced speaker of a list's items
    named = _Mentions()  # the people the narrative names, and where
    quoting: tuple[Speaker, int] | None = None  # an open quotation: its speaker, lines left
    voice: Speaker | None = None  # a round-up's person answering under their header
    section: Speaker | None = None  # the owner of the section under "Emmy's Thoughts:"
    spoken: Speaker | None = None  # "Jill describes three markers." over her transcript
    comment_of = {i: n for n, c in enumerate(scan.comments) for i in c.lines}
    commenters = _commenters(document, scan)
    for ln in scan.lines:
        if not ln.content or ln.index in scan.byline:
            continue
        if ln.index in scan.sections:
            section, voice, pending = scan.sections[ln.index], None, None
            out.append(_utterance(ln, ln.start, ln.end, section, "heading"))
        elif ln.index in scan.roundup:
            voice = scan.roundup[ln.index]
            out.append(_utterance(ln, ln.start, ln.end, scan.author, "context"))
            pending = None
        elif ln.index in scan.chat:
            out.extend(_chat_utterances(ln, scan))
            pending = None
        elif ln.index in scan.terms:
            out.append(_utterance(ln, ln.start + scan.terms[ln.index], ln.end,
                                  voice or section or scan.author))
            pending = None
        elif ln.index in scan.turns:
            # the turn runs on over the paragraphs under it, to the next turn or heading
            offset, voice = scan.turns[ln.index]
            out.append(_utterance(ln, ln.start + offset, ln.end, voice))
            pending = None
        elif ln.index in scan.labelled:
            offset, speaker = scan.labelled[ln.index]
            out.append(_utterance(ln, ln.start + offset, ln.end, speaker or scan.author,
                                  None if speaker else "context"))
            pending = None
        elif ln.index in scan.signed:
            length, name = scan.signed[ln.index]
            out.append(_utterance(ln, ln.start, ln.start + length, _signer(scan, name)))
            pending = None
        elif ln.index in comment_of:
            out.extend(_comment_utterance(ln, scan.comments[comment_of[ln.index]],
                                          commenters[comment_of[ln.index]]))
        elif pending is not None or listing is not None and _list_item(ln.text):
            who = pending or listing
            out.append(_utterance(ln, ln.start, ln.end, who))
            # a list's items: bulleted, or quotations one to a line ("Some quotations
            # from this leader:" then each quotation)
            bullet = _list_item(ln.text)
            # "Jane Doe made three points:" hands over every item of the list under it,
            # and "1. The sense of community will decrease:" the paragraph under the item
            listing = who if bullet or listing is not None else None
            # a quotation that opens here and does not close runs on to the line that
            # closes it: its paragraphs are the introduced speaker's too
            quoting = (who, QUOTE_RUN_LINES) if _opens_quote(ln.text) else None
            pending = who if bullet and ln.text.rstrip().endswith(":") else None
        elif quoting is not None:
            out.append(_utterance(ln, ln.start, ln.end, quoting[0]))
            quoting = None if _closes_quote(ln.text) or quoting[1] <= 1 else (
                quoting[0], quoting[1] - 1)
        elif (said := _said_inline(ln.text)) is not None:
            # "Jonathon Delacour says about the community (2002): A few years ago ...
            # His general point is good, but ...": the writer takes the line back
            offset, back, who = said
            out.append(_utterance(ln, ln.start, ln.start + offset, scan.author, "context"))
            out.append(_utterance(ln, ln.start + offset, ln.start + back, who))
            if back < len(ln.text):
                out.append(_utterance(ln, ln.start + back, ln.end, scan.author))
            pending = None
        elif spoken is not None and _speech_register(ln.text):
            out.append(_utterance(ln, ln.start, ln.end, spoken))
        else:
            listing = None
            spoken = _presents_transcript(ln, scan)
            named.note(ln, scan.lowercase)
            pending = _introduced(ln.text, scan, people) or _talk_notes(
                ln.text, named, people) or _named_said(ln.text, named, people) or (
                _name_over_quotation(ln, scan))
            title = _same_words(ln.text, document.title) and not _is_sentence(ln.text)
            # an introducing line is context, unless it quotes something itself
            # ("X began by offering that: "community is faith" and went on:")
            introducing = pending is not None and not re.search(r"[\"“”]", ln.text)
            # a sentence reporting what the quotation under it says is a claim itself
            pending = pending or _reporter_over_quotation(ln, scan)
            role = "context" if introducing else "heading" if title or _is_heading(
                ln.text) else None
            if role == "heading":
                voice = None
            out.append(_utterance(ln, ln.start, ln.end, voice or section or scan.author, role))
    _sign_blocks(document.text, out, scan)
    return _join_wrapped(document.text, out, scan)


def _sign_blocks(text: str, out: list[Utterance], scan: _Scan) -> None:
    """"... they're just a group. / — Charles Vogl": a dash signature under a passage in
    the article's voice signs the paragraphs above it, back to the line that introduced
    them (one ending in ':') or at most SIGNED_BLOCK_LINES of them."""
    for k, u in enumerate(out):
        line = text[text.rfind("\n", 0, u.start) + 1:u.end]  # the dash is trimmed as a bullet
        m = _SIGNED_BY.fullmatch(line) if u.speaker == scan.author else None
        if m is None or not is_person_name(m["name"]) or k == 0:
            continue
        signer = handle_speaker(m["handle"], m["name"]) if m["handle"] else person_speaker(
            m["name"])
        out[k] = Utterance(u.start, u.end, signer, "context")
        for j in range(k - 1, max(-1, k - 1 - SIGNED_BLOCK_LINES), -1):
            before = out[j]
            if before.speaker != scan.author or before.role not in ("claim", "question") or (
                    text[before.start:before.end].rstrip().endswith(":")):
                break
            out[j] = Utterance(before.start, before.end, signer, before.role,
                               before.addressees)


def _join_wrapped(text: str, out: list[Utterance], scan: _Scan) -> list[Utterance]:
    """Lines of one hard-wrapped paragraph (a mailing-list post, a pasted column) are
    one utterance: a line that stops mid-sentence, then a line that goes on in
    lowercase, with no blank line, bullet or chat line between."""
    chat_starts = [ln.start for ln in scan.lines if ln.index in scan.chat]
    chat_ends = [ln.end for ln in scan.lines if ln.index in scan.chat]

    def in_chat(u: Utterance) -> bool:
        k = bisect_right(chat_starts, u.start) - 1
        return k >= 0 and u.start <= chat_ends[k]

    joined: list[Utterance] = []
    for u in out:
        if u.end <= u.start:
            continue
        last = joined[-1] if joined else None
        if last is not None and _wraps(text, last, u) and not (in_chat(last) or in_chat(u)):
            joined[-1] = Utterance(last.start, u.end, last.speaker, last.role, last.addressees)
        else:
            joined.append(u)
    return joined


def _wraps(text: str, first: Utterance, second: Utterance) -> bool:
    between = text[first.end:second.start]
    # a line that stops on "in" runs on even over a blank line and into a capital
    dangling = _open_ended(text[first.start:first.end])
    return (first.speaker == second.speaker and first.role == second.role == "claim"
            and (between.count("\n") == 1 or dangling and between.count("\n") == 2)
            and not between.strip()
            and (text[first.end - 1].isalnum() or text[first.end - 1] in ",(")
            and (text[second.start].islower() or dangling))


def _open_ended(line: str) -> bool:
    """Whether a line stops on a word no sentence ends on ("... who now lives in")."""
    words = line.split()
    return bool(words) and words[-1] in DANGLING_WORDS


def _scan(document: Document) -> _Scan:
    lines = document_lines(document)
    scan = _Scan(lines)
    for ln in lines:
        for m in _HANDLE_RE.finditer(ln.text):
            scan.handle_labels.setdefault(m["h"][1:].casefold(), m["h"])
    scan.signed = trailing_signatures(lines) | tag_signatures(lines)
    known = frozenset(scan.handle_labels)
    transcript = sum(opens_with_handle(ln.text) for ln in lines if ln.content) >= (
        TRANSCRIPT_MIN_LINES)
    for ln in lines:
        if ln.content:
            parts = parse_chat_line(ln.text, known, transcript=transcript)
            if parts:
                scan.chat[ln.index] = parts
                for p in parts:
                    scan.handle_labels.setdefault(p.handle[1:].casefold(), p.handle)
            for m in [*_INTRO.finditer(ln.text), *_INTRO_REV.finditer(ln.text)]:
                if is_person_name(m["name"], min_words=1):
                    scan.handle_names.setdefault(m["h"][1:].casefold(), m["name"])
    # a page of "handle: text" lines: its CamelCase labels are handles too
    if sum(not opens_with_handle(lines[i].text) for i in scan.chat) >= TRANSCRIPT_MIN_LINES:
        for ln in lines:
            if ln.content and ln.index not in scan.chat and (parts := parse_chat_line(
                    ln.text, known, transcript=transcript, camel=True)):
                scan.chat[ln.index] = parts
    lowercase = lowercase_words("\n".join(ln.text for ln in lines))
    scan.lowercase = lowercase
    scan.labelled, scan.terms = _labelled_lines(lines, lowercase, set(scan.chat))
    interview, guest = _interview_lines(lines, lowercase, {*scan.chat, *scan.labelled})
    scan.labelled |= interview
    scan.turns = _transcript_turns(lines, {*scan.chat, *scan.labelled})
    # a time-stamped turn runs on over the paragraphs under it, to the next turn
    for i, (_, speaker) in list(scan.labelled.items()):
        if speaker is not None and (m := _LABEL_LINE.match(lines[i].text)) and m["stamp"]:
            scan.turns[i] = scan.labelled.pop(i)
    owned = _owned_headers(lines, lowercase, set(scan.chat) | set(scan.labelled))
    first = next((ln.index for ln in lines if ln.content), None)
    name = byline_author(lines, document.title, lowercase)
    if name:
        scan.byline = _byline_lines(lines, name)
    elif is_person_name(document.author):  # an HTML page's author markup
        name = document.author
    else:
        name = (owned.get(first) or self_introduction(lines) or presenter(lines, lowercase)
                or vocative_author(lines, lowercase, set(scan.chat) | set(scan.labelled))
                or replying_author(lines, lowercase, set(scan.chat) | set(scan.labelled)))
        if guest is not None and name == guest.label:
            name = None  # "My name is Jane Doe" answers the interviewer's first question
    credit = None if name else follow_credit(lines)
    scan.comments = find_comments(lines, name.split()[0] if name else None, lowercase,
                                  set(scan.chat) | set(scan.labelled))
    if not scan.comments and name is None:
        scan.comments = _quoting_thread(lines, {*scan.chat, *scan.labelled}, scan.labelled)
    for c in scan.comments:
        if c.handle and c.name:
            scan.handle_names.setdefault(c.handle[1:].casefold(), c.name)
    scan.roundup = _roundup_headers(lines, lowercase, {*scan.chat, *scan.labelled, *(
        i for c in scan.comments for i in c.lines)})
    _names_from_prose(scan)
    handle = next((h for h, n in scan.handle_names.items() if n == name), None)
    if credit:
        name = scan.handle_names.get(credit[1:].casefold(), credit)
        handle = credit[1:].casefold()
    scan.author = author_speaker(document.id, document.title, name,
                                 scan.handle_labels.get(handle) if handle else None)
    scan.sections = {i: scan.author if who == name else person_speaker(who)
                     for i, who in owned.items() if i != first}
    return scan


def _quoting_thread(lines: list[Line], skip: set[int],
                    labelled: dict[int, tuple[int, Speaker | None]]) -> list[Comment]:
    """A discussion thread with no writer named, whose reply quotes the post it answers
    point by point ("> And in the first place, how do you build a community?"): the
    opening post and the reply are unsigned comments; a quoted line is context (its
    words were read where they were first written)."""
    content = [ln for ln in lines if ln.content and ln.index not in skip]
    quoted = [ln.index for ln in content if _REPLY_QUOTE.match(ln.text)]
    if len(quoted) < THREAD_MIN_QUOTES:
        return []
    for i in quoted:
        labelled[i] = (0, None)
    post = [ln.index for ln in content if ln.index < quoted[0]]
    reply = [ln.index for ln in content if ln.index > quoted[0] and ln.index not in labelled]
    return [Comment(part) for part in (post, reply) if part]


def _owned_headers(lines: list[Line], lowercase: frozenset[str], skip: set[int]
                   ) -> dict[int, str]:
    """Lines that name a page or a section for its owner ("Glatix's Guide to Groups of
    Gamers", "Emmy's Thoughts:"): line index -> the owner's name. A word the text also
    writes in lowercase ("Beginner's Guide") names no one."""
    found = {}
    for ln in lines:
        m = _OWNED_HEADER.fullmatch(ln.text) if ln.content and ln.index not in skip else None
        if m and m["work"].casefold() in OWNED_WORKS and is_person_name(
                m["name"], min_words=1) and not common_words(m["name"], lowercase):
            found[ln.index] = m["name"]
    return found


def _labelled_lines(lines: list[Line], lowercase: frozenset[str], skip: set[int]
                    ) -> tuple[dict[int, tuple[int, Speaker | None]], dict[int, int]]:
    """Lines a speaker's name labels, as session notes and interview transcripts write
    them: "Amit: in a small community you trust people." (at least LABELLED_MIN_LINES
    such lines by two names or more), the "A:" answers of an interview whose guest a
    "Name: Elizabeth Barron" line (or an introduction: "Q&A with Jane Doe") names, a
    transcript's initials ("GH: ...") of a full name labelled on the page, a cited
    source's "Wellman (1999): ..." and a credited quotation's "From Jane Doe: “...”".
    Field labels ("Work: ...", "Bio: ...") are words the text also writes in lowercase,
    so they name no one; a list's terms ("Shared Identity: Members ...") are returned
    apart, each line's text after its term being the page's own."""
    found: dict[int, tuple[int, Speaker | None]] = {}
    guest = next((person_speaker(m["name"]) for ln in lines if ln.content
                  and (m := _GUEST_LINE.fullmatch(ln.text)) and is_person_name(m["name"])
                  and m["label"].casefold() in INTERVIEWEE_LABELS), None) or _interviewee(
                      lines, skip)
    initialled: dict[int, tuple[int, str]] = {}  # "GH: ..." lines: offset, initials
    dotted = guest is not None and sum(
        bool(ln.content and _QA_DOT.match(ln.text) and ln.text.lstrip()[0] == "A")
        for ln in lines) >= INTERVIEW_MIN_ANSWERS
    for ln in lines:
        if not ln.content or ln.index in skip:
            continue
        m = _LABEL_LINE.match(ln.text) or (_QA_DOT.match(ln.text) if dotted else None)
        if m is None:
            continue
        label = m["name"]
        if guest is not None and _ANSWER_LABEL.fullmatch(label):
            found[ln.index] = (m.end(), guest)
        elif guest is not None and _QUESTION_LABEL.fullmatch(label):
            found[ln.index] = (m.end(), None)  # the interviewer's question: context
        elif is_person_name(label, min_words=1) and label.casefold() not in (
                NON_HANDLE_LABELS | INTERVIEWEE_LABELS) and not common_words(label, lowercase):
            found[ln.index] = (m.end(), person_speaker(label))
        elif re.fullmatch(r"[A-Z]{2,3}", label):
            initialled[ln.index] = (m.end(), label)
    # a transcript's initials ("GH: Right here.") stand for a full name labelled on the
    # page ("George Howard: ..."); initials that stand for no one label nothing
    by_initials = {"".join(w[0] for w in sp.label.split()): sp for _, sp in found.values()
                   if sp is not None and len(sp.label.split()) > 1}
    for i, (end, label) in initialled.items():
        if label in by_initials:
            found[i] = (end, by_initials[label])
    # "Lehrer: ..." after "Brian Lehrer: ...": a surname labels the full name used before
    full = {sp for _, sp in found.values() if sp is not None and len(sp.label.split()) > 1}
    by_surname = {sp.label.split()[-1]: sp for sp in full}
    for i, (end, sp) in list(found.items()):
        if sp is not None and sp.label in by_surname and sp not in full:
            found[i] = (end, by_surname[sp.label])
    # "Brooks: Yes." under "Ethan Brooks, former community lead": a surname labels the
    # one full name the page gives it
    short = [i for i, (_, sp) in found.items()
             if sp is not None and " " not in sp.label and sp not in full]
    written = {run for ln in lines if ln.content for run in _NAME_RUN.findall(ln.text)
               if is_person_name(run) and not common_words(run, lowercase)
               and run.split()[0].casefold() not in GREETINGS} if short else set()
    for i in short:  # ("Hi David" greets David: it is no full name)
        end, sp = found[i]
        fulls = {run for run in written if sp.label in (run.split()[0], run.split()[-1])}
        if len(fulls) == 1:
            found[i] = (end, person_speaker(fulls.pop()))
    named = {sp for _, sp in found.values() if sp is not None and sp != guest}
    # a list's terms ("Shared Identity: Members ...", "Repeat Purchases: ..."): most
    # labels have a word the text also writes in lowercase, as few people's names do
    termlike = sum(any(common_words(w, lowercase) for w in sp.label.split()) for sp in named)
    term_list = len(named) >= 2 and 2 * termlike >= len(named)
    terms = {i: end for i, (end, sp) in found.items() if sp in named} if term_list else {}
    if len(named) < 2 or sum(sp in named for _, sp in found.values()) < LABELLED_MIN_LINES or (
            term_list):
        found = {i: v for i, v in found.items() if guest is not None and v[1] in (guest, None)}
    for ln in lines:
        cited = _CITED_LABEL.match(ln.text) if ln.content and ln.index not in skip else None
        if cited and is_person_name(cited["name"].split()[0], min_words=1):
            found[ln.index] = (cited.end(), person_speaker(cited["name"]))
        # "Jane Doe: “A community is ...”": a full name crediting the quotation it labels
        labelled = _LABEL_LINE.match(ln.text) if ln.content and ln.index not in skip else None
        if labelled and ln.index not in found and is_person_name(labelled["name"]) and (
                not common_words(labelled["name"], lowercase)) and opens_with_quotation(
                    ln.text[labelled.end():]):
            found[ln.index] = (labelled.end(), person_speaker(labelled["name"]))
        credit = _FROM_LABEL.match(ln.text) if ln.content and ln.index not in skip else None
        if credit and is_person_name(credit["name"], min_words=1 if credit["quote"] else 2):
            found[ln.index] = (credit.start("quote") if credit["quote"] else credit.end(),
                               person_speaker(credit["name"]))
    return found, terms


# a transcript's turn label in capitals: "NARRATOR: ...", "JANE DOE: ...", "DR. LEE: ..."
_CAPS_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2})\s*:\s+(?=\S)")


def _transcript_turns(lines: list[Line], skip: set[int]) -> dict[int, tuple[int, Speaker]]:
    """The turns of a transcript labelled in capitals: a role ("NARRATOR:",
    "INTERVIEWER:"; lexicon.TRANSCRIPT_ROLES) or a full name the page also writes in
    title case ("JANE DOE:" after "Today we talk with Jane Doe"). Capitals that label
    a point ("MYTH:", "PRO TIP:", "BOTTOM LINE:") name no one."""
    turns = {}
    text = "\n".join(ln.text for ln in lines)
    for ln in lines:
        m = _CAPS_LABEL.match(ln.text) if ln.content and ln.index not in skip else None
        if m is None:
            continue
        label = " ".join(w.capitalize() for w in m["name"].split())
        if m["name"].casefold() in TRANSCRIPT_ROLES or is_person_name(label) and re.search(
                rf"\b{re.escape(label)}\b", text):
            turns[ln.index] = (m.end(), person_speaker(label))
    return turns


def _interview_lines(lines: list[Line], lowercase: frozenset[str], skip: set[int]
                     ) -> tuple[dict[int, tuple[int, Speaker | None]], Speaker | None]:
    """An interview written without "Q:"/"A:" labels: questions on lines of their own
    ("Tanja, who are you?", "What is an internal community?") or labelled with the
    interviewer's name, each followed by the answer. The guest is the person the
    introduction (the lines before the first question) interviews or goes on to call
    by first name; the page counts as an interview when the introduction says so, a
    question addresses the guest by name, or a line carries the guest's name as its
    label. Returns line index -> (where the text starts, the guest, or None for the
    interviewer's lines), and the guest."""
    content = [ln for ln in lines if ln.content and ln.index not in skip]
    asks = [ln for ln in content if _asks(ln.text)]
    if len(asks) < INTERVIEW_MIN_ANSWERS:
        return {}, None
    intro = [ln for ln in content if ln.index < asks[0].index]
    said = next((m for ln in intro if (m := _INTERVIEWEE_INTRO.search(ln.text))
                 and is_person_name(m["name"])), None)
    announced = said is not None  # "Interview with X": the page says it interviews
    guest = person_speaker(said["name"]) if said else _introduced_person(intro)
    # "Jane Doe founded the groups. Here she answers the top questions": the first
    # person that paragraph names answers
    answering = next((ln for ln in intro if _ANSWERS.search(ln.text)), None)
    if guest is None and answering is not None:
        name = next((run for run in _NAME_RUN.findall(answering.text)
                     if is_person_name(run) and not common_words(run, lowercase)), None)
        guest = person_speaker(name) if name else None
        announced = guest is not None
    if guest is None:
        return {}, None
    names = {guest.label, guest.label.split()[0], guest.label.split()[-1]}

    def label_of(text: str) -> tuple[int, str] | None:
        m = _LABEL_LINE.match(text)
        return (m.end(), m["name"]) if m and is_person_name(m["name"], min_words=1) and (
            not common_words(m["name"], lowercase)) else None

    rest = [ln for ln in content if ln.index >= asks[0].index]
    addressed = any((v := vocative(ln.text, lowercase)) and v[0] in names for ln in asks)
    labelled = any((lab := label_of(ln.text)) and lab[1] in names for ln in rest)
    if not (announced or addressed or labelled):
        return {}, None
    found: dict[int, tuple[int, Speaker | None]] = {}
    for ln in rest:
        if _COMMENT_SECTION.match(ln.text):
            break
        lab = label_of(ln.text)
        if lab and lab[1] in names:
            found[ln.index] = (lab[0], guest)
        elif lab or _asks(ln.text):
            found[ln.index] = (0, None)  # the interviewer's
        else:
            found[ln.index] = (0, guest)
    return found, guest


def _asks(text: str) -> bool:
    """A line that is a question: it ends with a question mark and is not a long
    paragraph that happens to end on one."""
    text = text.strip()
    return text.endswith("?") and len(text.split()) <= INTERVIEW_QUESTION_WORDS


def _interviewee(lines: list[Line], skip: set[int]) -> Speaker | None:
    """The guest of a question-and-answer page with no "Name:" line: the person its
    introduction (the lines before the first question) says it interviews ("Q&A with
    Jane Doe", "we spoke with Jane Doe"), when the page has INTERVIEW_MIN_ANSWERS "A:"
    (or "A.") lines or more."""
    labels = [(ln, m["name"]) for ln in lines if ln.content and ln.index not in skip
              and (m := _LABEL_LINE.match(ln.text) or _QA_DOT.match(ln.text))
              and m["name"] in ("Q", "A")]
    if sum(label == "A" for _, label in labels) < INTERVIEW_MIN_ANSWERS:
        return None
    first_q = next((ln.index for ln, label in labels if label == "Q"), None)
    for ln in lines:
        if first_q is not None and ln.index >= first_q:
            break
        m = _INTERVIEWEE_INTRO.search(ln.text) if ln.content else None
        words = m["name"].split() if m else []
        while len(words) > 2 and words[0].casefold().rstrip(".") in NAME_TITLES:
            words.pop(0)  # "Q & A with Chef Joshua Skenes"
        if words and is_person_name(" ".join(words)):
            return person_speaker(" ".join(words))
    return _introduced_person([ln for ln in lines if ln.content and (
        first_q is None or ln.index < first_q)])


def _introduced_person(intro: list[Line]) -> Speaker | None:
    """The person an interview's introduction is about, when it names no interview:
    the full name whose first name or surname it goes on to use alone ("Our volunteer of
    the month is Sarah Archibald. Sarah leads ... Now let's hear from Sarah!"), most
    often, a byline's name apart."""
    runs = [(ln, m.group()) for ln in intro for m in _NAME_RUN.finditer(ln.text)]
    alone = Counter(run for _, run in runs if " " not in run)
    told = {run: sum(alone[w] for w in {run.split()[0], run.split()[-1]})
            for ln, run in runs if is_person_name(run) and not is_byline(ln.text, run)}
    best = max(told.items(), key=lambda kv: kv[1], default=(None, 0))
    return person_speaker(best[0]) if best[1] > 0 and list(told.values()).count(
        best[1]) == 1 else None


def _roundup_headers(lines: list[Line], lowercase: frozenset[str],
                     skip: set[int]) -> dict[int, Speaker]:
    """"We asked founders why they started" then, for each, "Taly Matiteyahu | Cofounder
    & CEO of Blink Date" over the answer: a page with ROUNDUP_MIN_HEADERS such lines or
    more is a round-up, and each header hands the paragraphs under it to its person."""
    found = {}
    for ln in lines:
        m = _ROUNDUP_HEADER.fullmatch(ln.text) if ln.content and ln.index not in skip else None
        if m and is_person_name(m["name"]) and not common_words(m["name"], lowercase) and (
                not is_date(m["role"])):
            found[ln.index] = person_speaker(m["name"])
    return found if len(set(found.values())) >= ROUNDUP_MIN_HEADERS else {}


def _byline_lines(lines: list[Line], name: str) -> set[int]:
    return {ln.index for ln in lines if ln.content and name in ln.text
            and (len(ln.text.split()) <= len(name.split()) + 3 or is_byline(ln.text, name))}


def _names_from_prose(scan: _Scan) -> None:
    # "Josh Plaskoff is a ..." in prose + "@jplaskoff" in the chat: the same person.
    for ln in scan.lines:
        for m in _NAME_RUN.finditer(ln.text):
            if not is_person_name(m.group()):
                continue
            for handle in scan.handle_labels:
                if handle not in scan.handle_names and handle_matches_name(handle, m.group()):
                    scan.handle_names[handle] = m.group()


def _handle(scan: _Scan, handle: str) -> Speaker:
    key = handle.lstrip("@").casefold()
    return handle_speaker(scan.handle_labels.get(key, handle), scan.handle_names.get(key))


def _people(scan: _Scan) -> dict[str, Speaker]:
    """Known people by casefolded full name, first name and surname (not the author)."""
    people: dict[str, Speaker] = {}
    for key, name in scan.handle_names.items():
        speaker = _handle(scan, key)
        words = name.split()
        for alias in {name, words[0], words[-1]}:
            people.setdefault(alias.casefold(), speaker)
    return people


def _commenters(document: Document, scan: _Scan) -> list[Speaker]:
    speakers: list[Speaker] = []
    number = 0
    author_names = set(scan.author.aliases)
    for c in scan.comments:
        if c.handle:
            speakers.append(_handle(scan, c.handle))
        elif c.name and c.name.startswith("u/"):
            speakers.append(username_speaker(c.name))
        elif c.name and c.name in author_names:
            speakers.append(scan.author)
        elif c.name:
            speakers.append(person_speaker(c.name))
        elif c.copy_of is not None:
            speakers.append(speakers[c.copy_of])
        else:
            number += 1
            speakers.append(Speaker(id=f"commenter:{document.id}:{number}",
                                    label=f"Commenter {number}", kind="person"))
    return speakers


def _utterance(ln: Line, start: int, end: int, speaker: Speaker, role: str | None = None,
               addressees: tuple[str, ...] = ()) -> Utterance:
    text = ln.text
    rel_start, rel_end = trim(text, start - ln.start, end - ln.start)
    m = _BULLET.match(text, rel_start)
    if m and not text[:rel_start].strip():
        rel_start = m.end()
    if role is None:
        role = "question" if is_question(text[rel_start:rel_end]) else "claim"
    return Utterance(ln.start + rel_start, ln.start + rel_end, speaker, role, addressees)


def _signer(scan: _Scan, name: str) -> Speaker:
    """The tweeter a recap line is signed by: a known handle of that name, else a person."""
    handle = scan.handle_labels.get(name.replace(" ", "").casefold())
    return _handle(scan, handle) if handle else person_speaker(name)


def _chat_utterances(ln: Line, scan: _Scan) -> list[Utterance]:
    return [_utterance(ln, ln.start + p.start, ln.start + p.end, _handle(scan, p.handle),
                       None, p.addressees) for p in scan.chat[ln.index]]


def _comment_utterance(ln: Line, comment: Comment, speaker: Speaker) -> list[Utterance]:
    if ln.index in comment.signature:
        return []
    skip = comment.vocative.get(ln.index, 0)
    addressees = (ln.text[:skip].strip(" \t,:!").split()[-1],) if skip else ()
    return [_utterance(ln, ln.start + skip, ln.end, speaker, None, addressees)]


def _list_item(text: str) -> bool:
    """A list's item: bulleted or numbered, or a quotation on a line of its own (a
    list of someone's quotations)."""
    return bool(_BULLET.match(text)) or opens_with_quotation(text)


def _opens_quote(text: str) -> bool:
    """A line that opens a quotation it does not close ("“It's probably not ...")."""
    text = text.strip()
    if text[:1] == "“":
        return text.count("“") > text.count("”")
    return text[:1] == '"' and text.count('"') % 2 == 1


def _closes_quote(text: str) -> bool:
    text = text.strip()
    return "”" in text or text.count('"') % 2 == 1


def _same_words(a: str, b: str) -> bool:
    # the title may drop markup ("# Title", "#chat recap" -> "chat recap")
    return bool(b.strip()) and re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _is_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in (".", "!", "?", "…", '"', "”")


def _is_heading(text: str) -> bool:
    # A short line without sentence punctuation, in Title Case ("Final Thoughts") or
    # opening with a wh-word ("How internal communities differ from tools").
    words = text.split()
    if not words or len(words) > 10 or text.rstrip()[-1] in ".!?:…\"”":
        return False
    if words[0].casefold() in HEADING_WH_WORDS:
        return True
    if _open_ended(text):
        return False  # "Bryan Jungers, who now lives in": a line the sentence runs on from
    # Title Case: the longer words are capitalised ("Audiences are one-to-many" is not)
    long = [w for w in words if len(w.strip("\"'“”‘’()")) > 3] or words
    capitalised = sum(w.lstrip("\"'“”‘’(")[:1].isupper() for w in long)
    return capitalised >= (len(long) if len(long) <= 2 else len(long) - 1)


class _Mentions:
    """Where a narrative names people: full names, and the first names or surnames of
    full names seen before ("... authored by Mathijs Vleeming, ... a webinar that
    Mathijs conducted"). Each line is read once, word by word."""

    def __init__(self) -> None:
        self.where: dict[str, set[int]] = {}  # full name -> offsets of its mentions
        self.parts: dict[str, list[str]] = {}  # a first name or surname -> full names

    def note(self, ln: Line, lowercase: frozenset[str]) -> None:
        for m in _NAME_RUN.finditer(ln.text):
            name = m.group()
            if name in self.where or not is_person_name(name) or common_words(name, lowercase):
                continue
            self.where[name] = set()
            words = name.split()
            for part in {words[0], words[-1]}:
                if not common_words(part, lowercase):
                    self.parts.setdefault(part.rstrip("."), []).append(name)
        for m in re.finditer(r"\w+", ln.text):
            for name in self.parts.get(m.group(), ()):
                self.where[name].add(ln.start + m.start())

    def last(self, people: dict[str, Speaker]) -> Speaker | None:
        """The person named last. A person named again outranks names mentioned once,
        as organisations are ("the Council of Association Executives")."""
        named = {n: p for n, p in self.where.items() if p}
        # a full name's first mention counts its first name and its surname
        again = {n: p for n, p in named.items() if len(p) > 2} or named
        if not again:
            return None
        name = max(again, key=lambda n: max(again[n]))
        return people.get(name.casefold()) or person_speaker(name)


def _last_sentence(text: str) -> str:
    return line_sentences(text)[-1]


def _talk_notes(text: str, named: _Mentions, people: dict[str, Speaker]) -> Speaker | None:
    """"Here are my key takeaways from his presentation:", "two of her points:": notes on
    a talk or the points of a person the text has just named are that person's."""
    text = text.strip()
    if not text.endswith(":"):
        return None
    last = _last_sentence(text).casefold()
    words = set(re.findall(r"[a-z]+", last))
    nouns = {w.removesuffix("s") for w in words} & (WORK_NOUNS | POINT_NOUNS | QUOTE_NOUNS)
    if not nouns:
        return None
    # "Mr. Monahan highlighted these important points:": the person the line names
    original = _last_sentence(text)
    for word in re.findall(r"[A-Z][\w'’-]+", original):
        full = named.parts.get(word, [])  # a first name or surname of a full name seen
        # "Main Points:" is the heading's own words, not a name
        if full and not {w.casefold().removesuffix("s") for w in full[-1].split()} & nouns:
            return people.get(full[-1].casefold()) or person_speaker(full[-1])
    # "Some notable quotations from this community leader:": the person named last
    whose = words & {"his", "her"} or re.search(r"\b(?:from|by) this\b", last)
    return named.last(people) if whose else None


def _presents_transcript(ln: Line, scan: _Scan) -> Speaker | None:
    """"Jill describes three markers that help define brand communities." alone on its
    line, over paragraphs in the spoken register ("So there's basically three markers
    ..."): lecture notes handing over to the lecturer's transcript, which runs on while
    its paragraphs stay spoken."""
    text = ln.text.strip()
    m = _NAME_OPENS.fullmatch(text)
    if m is None or not text.endswith(".") or len(text.split()) > PRESENTER_LINE_WORDS or (
            re.search(r"[.!?]\s", text)) or not is_person_name(m["name"], min_words=1) or (
            common_words(m["name"], scan.lowercase)):
        return None
    verb = m["rest"].split()[0]
    if reporting_lemma(verb) not in PRESENTING_VERBS:
        return None
    following = next((n for n in scan.lines[ln.index + 1:] if n.content), None)
    if following is None or not _speech_register(following.text, opening=True):
        return None
    return person_speaker(m["name"])


def _speech_register(text: str, *, opening: bool = False) -> bool:
    """Whether a paragraph reads as speech: it opens on a spoken discourse marker ("So
    ...", "And ...", "Well, ...") or, after the first, speaks to or for its listeners."""
    first = text.split(maxsplit=1)[0].strip(",").casefold() if text.strip() else ""
    return first in SPOKEN_OPENERS or not opening and bool(
        re.search(r"\b(?:you|we|I)\b", text))


def _named_said(text: str, named: _Mentions, people: dict[str, Speaker]) -> Speaker | None:
    """"David begins by sharing his philosophy on community:" after "David Spinks is
    ...": a first name or surname of a full name the text has named, reporting what
    the next line says."""
    text = text.strip()
    said = _SAID_COLON.match(_last_sentence(text)) if text.endswith(":") else None
    if said is None or " " in said["name"]:
        return None
    full = named.parts.get(said["name"], [])
    told = re.findall(r"[a-z]+", said.group()[said.start("verb"):])
    if not full or not any(reporting_lemma(w) for w in told):
        return None
    return people.get(full[-1].casefold()) or person_speaker(full[-1])


def _said_inline(text: str) -> tuple[int, int, Speaker] | None:
    """A line that opens by naming who says the rest of it: "Jane Doe says about the
    forum (2002): A few years ago ...", "Jane Doe, a teacher, writes: ..." (a block
    quotation the page has run into its lead line): where the words start, where a
    sentence about the person in the third person ("His point is good") hands the
    line back to the writer, and the person."""
    m = _SAID_INLINE.match(text)
    if m is None or not is_person_name(m["name"]) or not reporting_lemma(m["verb"]):
        return None
    back = _THIRD_PERSON_TURN.search(text, m.end())
    return m.end(), back.start() if back else len(text), person_speaker(m["name"])


def _name_over_quotation(ln: Line, scan: _Scan) -> Speaker | None:
    """"Dave Pollard:" on its own line over a paragraph that opens with a quotation
    mark: the quotation is that person's (a bare "Title Case:" line over other text is
    a heading)."""
    credit = _CREDIT_COLON.fullmatch(ln.text.strip())
    if credit is None or credit["open"] or credit["outlet"] or not is_person_name(
            credit["name"]) or common_words(credit["name"], scan.lowercase):
        return None
    after = next((n for n in scan.lines[ln.index + 1:] if n.content), None)
    return person_speaker(credit["name"]) if after is not None and opens_with_quotation(
        after.text) else None


def _reporter_over_quotation(ln: Line, scan: _Scan) -> Speaker | None:
    """"Michael Hawley has written an article describing how CoPs save intranets." over
    a paragraph that opens with a quotation mark: a sentence whose subject is a full
    name and whose first words report (write, describe, say) introduces the quotation,
    and so does a line naming an interview with a person."""
    # "Interview with Etienne Wenger at the EU Conference" over the quoted answer
    guest = _INTERVIEWEE_INTRO.search(ln.text)
    if guest and is_person_name(guest["name"]) and not common_words(guest["name"],
                                                                    scan.lowercase):
        who: Speaker | None = person_speaker(guest["name"])
    else:
        m = _NAME_OPENS.match(_last_sentence(ln.text.strip()))
        if m is None or not is_person_name(m["name"]) or common_words(m["name"], scan.lowercase):
            return None
        told = re.findall(r"[a-z]+", m["rest"])[:REPORT_VERB_WORDS]
        who = person_speaker(m["name"]) if any(reporting_lemma(w) for w in told) else None
    if who is None:
        return None
    after = next((n for n in scan.lines[ln.index + 1:] if n.content), None)
    return who if after is not None and opens_with_quotation(after.text) else None


def _introduced(text: str, scan: _Scan, people: dict[str, Speaker]) -> Speaker | None:
    """The speaker a narrative line ending in ':' hands the next line to, if any."""
    text = text.strip()
    credit = _CREDIT_COLON.fullmatch(text)
    # a bare "Title Case:" line is a heading; a bracket or a named outlet makes it a credit
    if credit and (credit["open"] or credit["outlet"]) and is_person_name(credit["name"]) and (
            not common_words(credit["name"], scan.lowercase)):
        return person_speaker(credit["name"])
    # "Seth Godin in his book "Tribes" mentioned that" over the quotation it reports
    said_that = _SAID_THAT.fullmatch(_last_sentence(text))
    if said_that and is_person_name(said_that["name"]) and reporting_lemma(said_that["verb"]):
        return person_speaker(said_that["name"])
    if not text.endswith(":"):
        return None
    # Only the last sentence introduces: "... built community:" after "X talked about Y."
    text = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)[-1]
    intro = _INTRO.search(text) or _INTRO_REV.search(text)
    if intro:
        return _handle(scan, intro["h"])
    for m in re.finditer(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", text):
        for alias in (m.group(), *m.group().split()):
            if alias.casefold() in people:
                return people[alias.casefold()]
    words = {w.removesuffix("s") for w in re.findall(r"[a-z]+", text.casefold())}
    # "According to Elder (2021):", "According to Jane Doe:": the cited source
    # "According to Padden's (1980) early definition, I am a member:" too
    cited = _ACCORDING_COLON.fullmatch(text)
    name = re.sub(r"['’]s$", "", cited["name"]) if cited else ""
    if cited and is_person_name(name, min_words=1):
        return person_speaker(name) if len(name.split()) > 1 else source_speaker(name)
    # "The best definition ... comes from Amy Jo Kim (author of ...):": the source
    source = _FROM_NAME.search(text)
    # one word is a name only when the text never writes it in lowercase ("by Jake:")
    if source and (is_person_name(source["name"]) or is_person_name(source["name"], min_words=1)
                   and not common_words(source["name"], scan.lowercase)) and words & (
            DEFINITION_WORDS | QUOTE_NOUNS):
        return person_speaker(source["name"])
    said = _SAID_COLON.match(text)
    told = re.findall(r"[a-z]+", text[said.start("verb"):]) if said else []
    if said and is_person_name(said["name"]) and (any(reporting_lemma(w) for w in told) or {
            w.removesuffix("s") for w in told} & (POINT_NOUNS | QUOTE_NOUNS)):
        # "Jane Doe said:", "Jane Doe went on to support her point by saying:",
        # "Jane Doe makes an important distinction:"
        return person_speaker(said["name"])
    # "Google defines "community" like this:", "Wikipedia gives this definition:": a
    # named source (one word the text never writes in lowercase, with a verb in the
    # present: not "According to the definition, ...:") gives the next line
    if said and len(said["name"].split()) == 1 and said["verb"].endswith("s") and is_person_name(
            said["name"], min_words=1) and (
            said["name"].casefold() not in scan.lowercase) and words & DEFINITION_WORDS:
        return source_speaker(said["name"])
    handle = _HANDLE_RE.search(text)
    return _handle(scan, handle["h"]) if handle else None
