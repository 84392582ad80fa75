"""The article's author and the comments under it (bylines, vocatives, signatures)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.speakers.chat import Line
from kg.speakers.lexicon import (
    BYLINE_PREFIXES,
    CLOSINGS,
    COMMENT_HEADER_WORDS,
    GREETINGS,
    INSTITUTION_WORDS,
    JOB_TITLE_WORDS,
    NOT_NAME_WORDS,
    PRESENTING_VERBS,
    REPLY_OPENERS,
    WORK_NOUNS,
)
from kg.speakers.names import NAME_WORD, is_person_name, title_word

__all__ = [
    "BYLINE_WINDOW",
    "Comment",
    "byline_author",
    "dated_header",
    "common_words",
    "gerund_lead",
    "find_comments",
    "follow_credit",
    "is_answer_header",
    "is_byline",
    "is_date",
    "line_sentences",
    "numbered_reply",
    "opens_with_quotation",
    "poster_header",
    "presenter",
    "says_header",
    "self_introduction",
    "trailing_signatures",
    "vocative",
    "vocative_author",
    "replying_author",
]

QUOTATION_OPENERS = ('"', "“", ">")  # a line that opens a quoted message
BYLINE_WINDOW = 8  # a byline sits among the first few non-empty lines
READ_TIME_GAP = 3  # lines from a post's author to its reading time ("Published in")
SIGNATURE_TAIL_WORDS = 5  # lines under a closing signature: a place, a title
BODY_MIN_WORDS = 8  # a sentence this long under the headline is the body, not chrome
_NAME1 = rf"{NAME_WORD}(?:\s+(?:[A-Z]\s+)?{NAME_WORD}){{0,3}}"  # "Charlie A Cliff"
_URL = re.compile(r"(?:https?://|www\.)\S+")
_HANDLE_LINE = re.compile(r"\s*(?P<h>@[A-Za-z0-9_]{1,30})\s*")
_DASH_SIGNATURE = re.compile(rf"\s*[-–—~]\s*(?P<name>{_NAME1})\s*")
_CLOSING = re.compile(
    rf"\s*(?P<closing>[A-Za-z][A-Za-z ]{{1,18}}?)\s*[,!.]?(?:\s+(?P<name>{_NAME1})"
    r"\s*[.!]?)?\s*"
)
# A vocative at the start of a line: "Amber, ...", "Amber:", "Hi Amber", "Great post, Amber."
_VOC_START = re.compile(r"(?P<name>[A-Z][a-z]{1,20})\s*[,:!](?:\s|$)")
_VOC_GREETING = re.compile(r"(?P<g>[A-Za-z]+(?: you)?)[ \t,]+(?P<name>[A-Z][a-z]{1,20})\b")
_VOC_AFTER_PHRASE = re.compile(r"[^.!?,]{1,40},\s*(?P<name>[A-Z][a-z]{1,20})[.!]")
# A comment header naming its writer: "1. C.C. Chapman says:", "Jane Doe said on May 2:"
_USER = r"u/[A-Za-z0-9_-]{3,30}"
_SAYS_HEADER = re.compile(
    rf"\s*(?:\d+[.)]\s+|[•·*]\s+)?(?P<name>{_NAME1}|{_USER})\s+"
    r"(?:says|said|wrote|writes|replied|replies|responded|responds|commented|comments)\b"
    r"[^.!?]{0,40}:?\s*"
    # a forum post header: "(Nick Emmett) #3", "Nick Emmett #3"
    rf"|\s*\(?(?P<poster>{_NAME1})\)?\s+#\d{{1,4}}\s*"
    # "Reply from Jane Doe:", "Comment by u/jo"
    rf"|\s*(?i:reply|response|comment|answer)\s+(?i:from|by)\s+(?P<by>{_NAME1}|{_USER})\s*:?\s*")
# a forum post's header: its poster's user name, then a date or a flair
_POSTER_HEADER = re.compile(
    r"\s*(?:(?i:posted by)\s+)?(?P<user>u/[A-Za-z0-9_-]{3,30})(?:\s*[·•]?\s+[^.!?:]{0,40})?\s*")
# a date opening the rest of a header line: "September 8, 2010", "8 Sep 2010", "2010-09-08"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DATE_START = re.compile(rf"(?i:{_MONTHS})\.?\s|\d")
# what sits around a comment header's date: "| Reply", "• 3 years ago", "— May 7, 2015",
# "(@jopark) May 7", "on May 5, 2015 at 10:00 am said:"
_HEADER_FURNITURE = re.compile(r"(?i)\breply\b|[|·•—–]|\s(?:said|says|wrote):?$")
_HEADER_LEAD = re.compile(r"^(?:-\s+|\(@\w+\)\s*|(?i:on)\s+)+")
# when an answer was written, under its writer's name: "Answered 3 years ago"
_WRITTEN_AGO = re.compile(r"\s*(?i:answered|updated|posted|edited|written|replied)\s+"
                          r"(?:on\s+)?(?P<when>.+?)\s*")
# a relative date under a comment: "3 years ago", "an hour ago", "yesterday"
_AGO = re.compile(r"(?i:(?:\d{1,3}|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?"
                  r"\s+ago|yesterday|today|just now)")
_BULLET = re.compile(r"^[•·*▪◦‣–-]\s+")
_NUMBERED_ITEM = re.compile(r"\s*\d{1,3}[.)]\s+")
_ANSWER_HEADER = re.compile(
    r"\s*(?i:answer|solution|reply|response)\s*#?\d{1,3}\s*[:.)]?\s*"
    # a threaded reply's rank and score ("1. 4"), or its score alone ("12 points")
    r"|\s*\d{1,3}[.)]\s+\d{1,5}\s*|\s*\d{1,5}\s+(?i:points?|votes?|upvotes?)\s*")
_BYLINE = re.compile(
    r"(?:(?P<prefix>(?i:" + "|".join(re.escape(p) for p in BYLINE_PREFIXES) + r"))\s+)?"
    rf"(?P<name>{_NAME1})(?P<rest>\s+avatar|\s+\(?@[A-Za-z0-9_]{{1,30}}\)?"
    # a social post's header: "Jane Doe @jdoe · Apr 2, 2019"
    r"(?:\s+[·•]\s+[^.!?]{1,30})?)?"
    # "Posted by Jane Doe on March 3, 2012", "By Jane Doe | 5 min read", "By Jane Doe
    # posted 11-09-2022 09:55"
    r"(?(prefix)(?:\s*(?:\bon\b|\bat\b|\b(?i:posted|published|updated)\b|\||/|·|•|—|–|-|,)"
    # "by Kenji Nakamura 55 views"
    r"\s*[^.!?]{0,40}|\s+\d[\d,.]*\s+(?i:views?|comments?|likes?|min(?:ute)?s?\s+read)\b)?)"
    # "This is a guest post from Jane Doe.": a sentence's full stop
    r"(?(prefix)\.?)\s*")
_JOINT_BYLINE = re.compile(rf"\s*(?i:by|written by|authored by)\s+(?P<names>{_NAME1}"
                           rf"(?:\s*,\s*{_NAME1})*,?\s+(?:and|&)\s+{_NAME1})\s*")
# a mail's header: "From: Jane Doe <jane@example.org>", "From: jdoe@example.org (Jane Doe)"
_FROM_HEADER = re.compile(
    rf"\s*(?i:from):\s*(?:\"?(?P<name>{_NAME1})\"?(?:\s*[<(][^>)]*[>)])?"
    rf"|\S+@\S+\s*\((?P<name2>{_NAME1})\))\s*")
# a date, then "by" and the writer: "Posted on May 2, 2020 by Jane Doe"
_DATED_BYLINE = re.compile(
    # "published at 05.11.2015 21:38 by Jens Weller": a numeric date's dots
    r"\s*(?:(?i:posted|published|updated|written)\s+)?(?:(?i:on|at)\s+)?"
    r"(?P<date>(?:[^.!?]|(?<=\d)\.(?=\d)){4,30}?)"
    rf"\s+(?i:by)\s+(?P<name>{_NAME1})(?:\s*(?:\||/|·|•|—|–|-|,|\bin\b)\s*[^.!?]{{0,40}})?\s*")
# the writer's name, then a date or a reading time: "Jane Doe | May 2", "Jane Doe · 5 min read"
_NAME_DATED = re.compile(
    rf"\s*(?P<name>{_NAME1})\s*(?:\||/|·|•|—|–|,|\bon\b)\s*(?P<rest>[^.!?]{{1,40}}?)\s*")
# a reading time, glued to the date after it as some pages lay them out ("4 min readNov 9")
_READ_TIME = re.compile(r"\b\d{1,3}\s*(?i:min(?:ute)?s?\s+read)(?![a-z])")
_MONTH_DAY = re.compile(rf"(?i)\b{_MONTHS}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}\b")
# a byline's lead on a line of its own, the name on the next: "Written by" / "Jane Doe"
_BYLINE_LEAD = re.compile(
    r"\s*(?i:by|written by|posted by|authored by|author|about the author)\s*:?\s*")
_TITLED_BYLINE = re.compile(rf"\s*(?P<name>{_NAME1}),\s+(?P<title>[A-Za-z][A-Za-z -]{{2,40}}?)\s*")
# a standfirst's credit: "..., writes Quiip's Jane Doe." / "..., writes Jane Doe."
_WRITES_CREDIT = re.compile(
    rf".*[,;:]\s+(?i:writes)\s+(?:(?:[A-Z][\w&.-]*\s+){{0,3}}?[A-Z][\w&.-]*['’]s\s+)?"
    # "..., writes Jeremy Waite, head of social strategy at Adobe EMEA."
    rf"(?P<name>{_NAME1})(?:,\s+[a-z][^.!?]{{1,80}})?[.!]?\s*")
# a writer's name and institution: "Jane Doe, University of North Carolina at Charlotte"
_INSTITUTION_BYLINE = re.compile(rf"\s*(?P<name>{_NAME1}),\s+(?P<inst>[A-Z][^.!?|:]{{2,80}}?)\s*")
# a writer's name and affiliation: "Jane Doe (Acme Consulting, Canada)"; not a term
# and its abbreviation ("Work Team (WT)")
_AFFILIATED_BYLINE = re.compile(
    rf"\s*(?P<name>{_NAME1})\s*\((?P<aff>(?=[^()@]*[a-z])[^()@]{{2,80}})\)\s*")
# "My name is Tanja Laub and I ...": the first-person voice names itself
_SELF_INTRO = re.compile(
    rf"(?P<lead>\b(?:Hi|Hello|Hey)[,!]?\s+)?\b(?P<intro>My name is|I am|I['’]m)\s+"
    rf"(?:your\s+host,?\s+)?(?P<name>{_NAME1})(?=[\s,.;!]|$)")
# a handle after a signature's name: "Cal Evans // @calevans", "Jane Doe (@jdoe)"
_HANDLE_AFTER_NAME = re.compile(r"\s*(?:(?://?|[|,·•–—-])\s*@\w{1,30}|\(\s*@\w{1,30}\s*\))$")
# academic and professional letters after a byline's name: "Angela E. Batista, Ed.D."
_CREDENTIALS = re.compile(
    r",?\s+(?:Ph\.?\s?D|Ed\.?\s?D|M\.?\s?D|MBA|M\.?Sc?|B\.?Sc?|B\.?A|M\.?A|CPA|PMP|RN|Esq)\.?\s*$")
# a follow link under a byline's name: "Follow Us", "Follow", "Follow on Twitter"
_FOLLOW_LINK = re.compile(r"(?i:\s*follow(?:\s+(?:us|me|on\s+\w+))?\s*)")
# the page's last words signed on their line: "HollaHolla!!! – Mikemetic, Art 180"
_SIGN_OFF = re.compile(
    rf"(?P<pre>[^\"“”]{{1,80}}?[.!?…])\s+[-–—―]\s*(?P<name>{_NAME1})(?:,\s+[^.!?]{{1,120}})?\s*")
QUOTE_LINES = 4  # the most lines a quotation broken over lines runs to, with its credit
SIGN_OFF_WORDS = 8  # a sign-off's words before the name ("Thanks for reading!"), not a quotation
# a comment section's header: a count, the word, then what the comments are on
_COMMENTS_HEADER = re.compile(r"(?:(?P<count>\d+)\s+)?(?P<word>" + "|".join(
    re.escape(w) for w in COMMENT_HEADER_WORDS) + r")\b(?P<rest>.*)")
_HEADER_REST = re.compile(r"[(\[]?\d*[)\]]?\s*[:.]?|(?:on|to|for)\b.*")
# a line that opens by greeting its readers: "Hello Humans, welcome to ..."
_GREETING_LINE = re.compile(r"\s*(?:Hi|Hello|Hey)\b")
# a talk page's signature: "TedErnst | talk 12:40, 26 September 2007 (PDT)"
_WIKI_SIGNATURE = re.compile(
    r"(?<=[.!?)\s])\s*(?P<name>[A-Z][\w.-]{1,30}(?: [A-Z][\w.-]{1,30})?)\s*[|(]\s*talk\s*\)?"
    r"\s*\d{1,2}:\d{2},\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}(?:\s*\([A-Z]{2,5}\))?\s*$")
# a closing and a name after the paragraph's last sentence: "... at it. Best, MarkDilley"
_CLOSING_SIGNATURE = re.compile(
    r"(?<=[.!?])\s+(?i:" + "|".join(sorted(CLOSINGS, key=len, reverse=True)) + r"),?\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*$")
# a quotation signed on its line: '"Community is being part of something" - Joe',
# '“... in Jesus Christ.” – Dietrich Bonhoeffer.'
_QUOTE_SIGNATURE = re.compile(
    # '"A community cares" - Joe', 'A network is a set of ties. ~ Jane Roe', '"..." --
    # Jane Roe, The Art of Community', '“...” (Jane Roe)': a quotation credited after it
    rf"\s*(?P<quote>[\"“][^\"“”]+[\"”]|[^\"“”]+[.!?])"
    rf"(?:\s*[-–—―~]{{1,2}}\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
    rf"(?:,\s+[^.!?]{{1,60}}?)?\s*[.!]?"
    rf"|\s*\((?P<pname>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})(?:,\s*[^()]{{1,80}})?\))\s*")
# a passage cited in brackets with its source: "... have people you don't like in it.
# (Eugene Peterson, Radix Magazine, Volume 32:3)"
_BRACKET_CITATION = re.compile(
    rf"(?P<quote>.+[.!?][\"”’]?)\s*\((?P<pname>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}),\s*"
    rf"[^()]{{1,80}}\)\s*")
# '"Communities don't build themselves." MissRogue': a name alone after a quotation
_QUOTE_BARE_NAME = re.compile(
    rf"\s*(?P<quote>[\"“][^\"“”]+[\"”])\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\s*")
# a credit line under a quotation: "“Communities are built on trust.”" / "― Jane Roe"
_CREDIT_LINE = re.compile(rf"\s*[-–—―~]{{1,2}}\s*(?P<name>{_NAME1})(?:,\s+[^.!?]{{1,60}})?\s*")
# a collection's credit line under each passage: "HENRIK IBSEN, An Enemy of the People",
# "Linus Lee • The future of community", "– Jane Roe in The Art of Community p. 21": a name
# in capitals, any name before a bullet, or a full name after a dash and before its work
# (a bare "— Jane Roe" signs the paragraphs above it instead)
_WORK_CREDIT = re.compile(
    r"\s*(?:(?P<caps>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){1,3})(?:,\s+\S.{0,100}?)?"
    rf"|(?P<name>{_NAME1})\s+[•·]\s+\S.{{0,120}}?"
    rf"|[-–—―~]{{1,2}}\s*(?P<dashed>{_NAME1})(?:,\s+\S.{{0,100}}?|\s+in\s+[A-Z\"“].{{0,120}}?)"
    r")\s*")
CREDITS_MIN = 2  # credit lines under passages that make a page a collection of quotations
CREDITED_MIN_WORDS = 4  # a passage this long may be a quotation ("When the individual feels, ...")
# a thread's or post's credit line: "You can follow @jdoe.", "Follow me on Twitter @jdoe"
_FOLLOW_CREDIT = re.compile(
    r"\s*(?i:(?:you\s+can\s+)?follow\s+(?:me\s+)?(?:on\s+[A-Za-z]+\s+)?(?:at\s+)?)"
    r"(?P<h>@\w{1,30})\s*[.!]?\s*")


@dataclass(slots=True)
class Comment:
    """Line indices of one comment; ``signer`` is (name, handle) from its signature."""

    lines: list[int]
    signature: set[int] = field(default_factory=set)
    name: str | None = None
    handle: str | None = None
    vocative: dict[int, int] = field(default_factory=dict)  # line -> chars of leading vocative
    copy_of: int | None = None  # index of an earlier comment this one repeats


def vocative(text: str, lowercase_words: frozenset[str]) -> tuple[str, int] | None:
    """The first name a line opens by addressing, and how many chars the vocative takes.

    ``lowercase_words`` are words the document uses in lowercase (so "Yes," is no name).

    Example:
        >>> vocative("Amber, this is spot on", frozenset())
        ('Amber', 7)
        >>> vocative("Yes, on the face of it", frozenset())
    """
    def ok(name: str) -> bool:
        return name.casefold() not in NOT_NAME_WORDS | lowercase_words | GREETINGS

    text = text.lstrip()
    m = _VOC_START.match(text)
    if m and ok(m["name"]):
        return m["name"], m.end()
    m = _VOC_GREETING.match(text)
    if m and m["g"].casefold() in GREETINGS and ok(m["name"]):
        rest = re.match(r"\s*[,:!.]?\s*", text[m.end():])
        return m["name"], m.end() + (rest.end() if rest else 0)
    m = _VOC_AFTER_PHRASE.match(text)
    if m and ok(m["name"]):
        return m["name"], 0
    return None


def byline_author(lines: list[Line], title: str,
                  lowercase_words: frozenset[str] = frozenset()) -> str | None:
    """A person's name from a byline above the body or an author box near the end.

    ``lowercase_words`` are words the text writes in lowercase: a bare line of only
    such words ("Employee Communities") is a heading, not a byline. Lines the reader
    drops as site furniture ("by Sue Weems | 23 comments") count when a lead word or a
    date marks them; the title line ("Editorial Commentary") names no one."""
    top = _top_lines(lines)
    # "Commentary by Stephen Downes" outranks a bare name with a date above it
    # ("Matthias Melcher, Feb 14, 2014": the writer of the item commented on)
    for ln in top:
        text = _CREDENTIALS.sub("", _BULLET.sub("", ln.text.strip()))
        # "The following excerpt is from Mastering Community Management by Victoria Tran."
        excerpt = _EXCERPT_CREDIT.match(text) if ln.content else None
        writers = excerpt["name"].split(" and ") if excerpt else []
        if writers and all(is_person_name(w) and not common_words(w, lowercase_words)
                           for w in writers):
            return excerpt["name"]
        if ln.content and _ends_sentence(text) and len(text.split()) >= BODY_MIN_WORDS:
            break
        # "By Li Jin and David Sherry": writers named together
        joint = _JOINT_BYLINE.fullmatch(text) if ln.content else None
        writers = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", joint["names"]) if (
            joint) else []
        if writers and all(is_person_name(w) and not common_words(w, lowercase_words)
                           for w in writers):
            return joint["names"]
        m = _BYLINE.fullmatch(text)
        if m and m["prefix"] and is_person_name(m["name"]) and not common_words(
                m["name"], lowercase_words):
            return m["name"]
    past_chrome = False  # a short sentence seen: only an explicit byline may follow it
    noted = False  # the body-length line seen was an editor's note ("NOTE: The following ...")
    tagline = False  # a body-length line seen: only a "Posted by" line over a name may follow
    for k, ln in enumerate(top):
        # "- Angela E. Batista, Ed.D.": a degree after the name
        text = _CREDENTIALS.sub("", _BULLET.sub("", ln.text.strip()))
        bullet = len(text) < len(ln.text.strip())  # "• Writer: Jo Roe"; "• Real Estate" is a menu
        explicit, name = _byline_name(text)
        following = top[k + 1].text.strip().rstrip(",") if k + 1 < len(top) else ""
        if tagline:
            # "Current research and practice from our faculty." / "posted by" / "Jo Roe,"
            if ln.content and _lead_over_name(text, following, lowercase_words, min_words=2):
                return following
            # "NOTE: The following represents the opinion of the author ..." / "By Kenneth
            # Hunter, Guest Blogger", or a standfirst over "Julien Wera, Blogger" over its
            # date: a byline under the note or the text that opens the page
            titled = _TITLED_BYLINE.fullmatch(text)
            dated = is_date(following) and len(following.split()) <= 6
            if ln.content and (explicit and name and len(name.split()) > 1 and (
                    dated or noted) or titled and is_person_name(titled["name"])
                    and _job_title(titled["title"]) and dated) and not common_words(
                    name or titled["name"], lowercase_words):
                return name or titled["name"]
            # a standfirst, then "Molly Talbert" / "Follow Us": a name over its follow link
            if is_person_name(text) and _FOLLOW_LINK.fullmatch(following) and not common_words(
                    text, lowercase_words):
                return text
            if ln.content and _ends_sentence(text) and len(text.split()) >= BODY_MIN_WORDS:
                break
            noted = False
            continue
        # the title line names no one ("Editorial Commentary"), unless the writer's bio
        # follows it ("John Nawn" / "John Nawn is a strategist who ...")
        heading = _is_title(text, title) and not (name and _under_name(name, following))
        # "- Jane Doe" / "- May 29, 2023": a bulleted name over a date is a byline, not a menu
        dated = bool(following) and is_date(_BULLET.sub("", following)) and len(
            following.split()) <= 6
        if name and (explicit or ln.content and not heading and not past_chrome and (
                not bullet or dated) and not common_words(name, lowercase_words)
                and not gerund_lead(name, lowercase_words)):
            return name
        # "Heloise" / "frak-defi" / "Published in" / "4 min readNov 9, 2022": a one-word
        # name over its reading time, the header of a blog platform's post
        if not (name or heading or past_chrome) and _over_read_time(top, k) and (
                is_person_name(text, min_words=1)) and not common_words(text, lowercase_words):
            return text
        if not ln.content:
            continue
        if _lead_over_name(text, following, lowercase_words, min_words=1):
            return following
        # "Jane Doe, Contributor", "InformationWeek Staff, Senior Writer"
        titled = _TITLED_BYLINE.fullmatch(text)
        if titled and is_person_name(titled["name"]) and _job_title(titled["title"]) and (
                not common_words(titled["name"], lowercase_words)):
            return titled["name"]
        placed = _INSTITUTION_BYLINE.fullmatch(text)
        if placed and not past_chrome and is_person_name(placed["name"]) and {
                w.casefold() for w in re.findall(r"[A-Za-z]+", placed["inst"])} & (
                INSTITUTION_WORDS) and not common_words(placed["name"], lowercase_words):
            return placed["name"]
        affiliated = _AFFILIATED_BYLINE.fullmatch(text)
        if affiliated and not (past_chrome or heading or is_date(affiliated["aff"])) and (
                is_person_name(affiliated["name"])) and not common_words(affiliated["name"],
                                                                         lowercase_words):
            return affiliated["name"]
        credit = _WRITES_CREDIT.fullmatch(text)
        if credit and is_person_name(credit["name"]):
            return credit["name"]
        # the title, a dateline, or a headline that asks ("What is a team?")
        if heading or _is_dateline(text) or (text.endswith("?") and len(text.split()) <= 10):
            continue
        if _ends_sentence(text):
            # the body has begun (a byline comes before it); a short line may still be
            # the page's chrome ("Start here!", a site's tagline)
            if len(text.split()) >= BODY_MIN_WORDS:
                tagline, noted = True, bool(_NOTE_LABEL.match(text))
                continue
            past_chrome = True
    return _author_box(lines)


# a republished excerpt's credit: "The following excerpt is from <book> by Jane Doe."
# "The following was written by Jon Katzenbach and Douglas Smith for the book ...:"
_EXCERPT_CREDIT = re.compile(
    rf"(?i:the following|this)\s+(?:(?i:is\s+an?\s+)?(?i:excerpt|extract|chapter|essay)\b"
    rf"|(?i:is|was)\s+(?i:written|taken|excerpted|adapted|reprinted)\b)"
    rf"[^.!?]{{0,160}}?\s(?i:by)\s+(?P<name>{_NAME1}(?:\s+and\s+{_NAME1})?)"
    rf"(?=[.,;:]|\s+\(|\s+(?i:for|in|from)\s|$)")
# an editor's note or disclaimer over a page's byline
_NOTE_LABEL = re.compile(r"\s*(?i:note|editor['’]s note|disclaimer|disclosure)\s*:")


def opens_with_quotation(text: str) -> bool:
    """Whether a line opens with a quotation mark ('"...', '“...')."""
    return text.lstrip()[:1] in ('"', "“")


def _job_title(text: str) -> bool:
    """Whether every word of ``text`` is a job title's ("Senior Writer", "Guest Blogger")."""
    return all(w in JOB_TITLE_WORDS for w in text.casefold().split())


def _over_read_time(top: list[Line], k: int) -> bool:
    """Whether a reading time ("4 min read") follows line ``k`` within READ_TIME_GAP
    lines, with only short labels (a publication, "Published in") between."""
    for ln in top[k + 1:k + 1 + READ_TIME_GAP]:
        text = ln.text.strip()
        if _READ_TIME.search(text) and len(text.split()) <= 8:
            return True
        if len(text.split()) > 3 or _ends_sentence(text):
            return False
    return False


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence, inside a closing quotation mark or bracket too
    ('"Community means belonging."')."""
    return text.rstrip("\"”’')»").rstrip()[-1:] in (".", "!", "?")


def _lead_over_name(text: str, following: str, lowercase_words: frozenset[str], *,
                    min_words: int) -> bool:
    """A byline's lead on a line of its own ("Written by") over a line that is a name."""
    return bool(_BYLINE_LEAD.fullmatch(text)) and is_person_name(
        following, min_words=min_words) and not common_words(following, lowercase_words)


def _under_name(name: str, line: str) -> bool:
    """Whether ``line``, right under a line that is only ``name``, is the writer's bio
    ("Jo Roe is ..."), which shows that line to be a byline."""
    return bool(re.match(rf"{re.escape(name)}\s+(?:is|has|was|works|writes)\b", line))


def _top_lines(lines: list[Line]) -> list[Line]:
    """The first BYLINE_WINDOW content lines and the furniture lines among them."""
    top, seen = [], 0
    for ln in lines:
        if seen == BYLINE_WINDOW:
            break
        if ln.content:
            seen += 1
        if ln.text.strip() and ln.kind in ("content", "boilerplate"):
            top.append(ln)
    return top


def _is_title(text: str, title: str) -> bool:
    """Whether a line is the document's title (which may be the line shortened "…")."""
    line, title = " ".join(text.lstrip("#").split()), title.strip()
    return bool(title) and (line == title or title.endswith("\u2026") and len(title) > 1
                            and line.startswith(title[:-1].rstrip()))


def common_words(name: str, lowercase: frozenset[str]) -> bool:
    """Whether every word of ``name`` is one the text also writes in lowercase
    ("Employee Communities" over a post about employees and communities)."""
    def common(word: str) -> bool:
        w = word.casefold()
        return bool({w, w + "s", w.removesuffix("s"), w.removesuffix("ies") + "y"} & lowercase)
    return all(common(w) for w in name.split())


def gerund_lead(name: str, lowercase: frozenset[str]) -> bool:
    """Whether ``name`` opens with the "-ing" form of a verb the text writes in
    lowercase: a section heading ("Engaging Customers" over a text about engagement),
    not a name ("Sterling Hayden").

    Example:
        >>> gerund_lead("Engaging Customers", frozenset({"engage"}))
        True
        >>> gerund_lead("Sterling Hayden", frozenset({"engage"}))
        False
    """
    first = name.split()[0].casefold()
    if len(first) < 6 or not first.endswith("ing"):
        return False
    stems = {first[:-3], first[:-4] if first[-4] == first[-5] else first[:-3]}
    return any(w.startswith(stem) for w in lowercase for stem in stems)


def is_byline(text: str, name: str) -> bool:
    """Whether a line is the byline of ``name`` ("Posted by Jane Doe on May 2").

    Example:
        >>> is_byline("Posted by Jane Doe on May 2, 2012", "Jane Doe")
        True
    """
    return _byline_name(text.strip())[1] == name


def _byline_name(text: str) -> tuple[bool, str | None]:
    """The writer a byline line names, and whether a lead word ("By", "Posted by") or a
    date after "by" marks it (a bare name may be a heading, so it counts only before
    the page's chrome ends).

    Example:
        >>> _byline_name("Posted on May 2, 2020 by Jane Doe"), _byline_name("Jane Doe | 5 min read")
        ((True, 'Jane Doe'), (False, 'Jane Doe'))
        >>> _byline_name("Teams | Networks | Groups")
        (False, None)
    """
    # "Edited by Huma Saeed || By Sumera Saeed || Updated on ...": the writer's part
    part = next((p for p in re.split(r"\s*\|\|?\s*", text) if p[:3].casefold() == "by "),
                text) if "|" in text else text
    m = _BYLINE.fullmatch(part)
    if m and is_person_name(m["name"], min_words=1 if m["prefix"] else 2):
        return bool(m["prefix"]), m["name"]
    m = _FROM_HEADER.fullmatch(text)
    if m and is_person_name(m["name"] or m["name2"], min_words=1):
        return True, m["name"] or m["name2"]
    m = _DATED_BYLINE.fullmatch(text)
    if m and is_date(m["date"]) and is_person_name(m["name"], min_words=1):
        return True, m["name"]
    m = _NAME_DATED.fullmatch(text)
    if m and is_person_name(m["name"]) and (is_date(m["rest"]) or _READ_TIME.search(m["rest"])):
        return False, m["name"]
    return False, None


def is_date(text: str) -> bool:
    """Whether a short phrase holds a date: a year, or a month and a day."""
    return bool(_YEAR.search(text) or _MONTH_DAY.search(text))


def self_introduction(lines: list[Line]) -> str | None:
    """A full name the text's own voice gives itself ("My name is Jane Doe").

    Example:
        >>> from kg.speakers.chat import Line
        >>> self_introduction([Line(0, 0, 30, "My name is Jane Doe and I work.")])
        'Jane Doe'
        >>> self_introduction([Line(0, 0, 15, "Hi, I’m Emilie!")]), self_introduction(
        ...     [Line(0, 0, 14, "I am British.")])
        ('Emilie', None)
        >>> self_introduction([Line(0, 0, 40, "Hello all, welcome. I am Benny, your guide.")])
        'Benny'
    """
    for ln in lines:
        if not ln.content:
            continue
        m = _SELF_INTRO.search(ln.text)
        # one word is a name only when introduced as one ("Hi, I'm Emilie", "Hello
        # readers, welcome to my blog. I am Benny"; not "I am British")
        single = bool(m) and (m["lead"] is not None or m["intro"].startswith("My")
                              or _GREETING_LINE.match(ln.text) is not None)
        if m and is_person_name(m["name"], min_words=1 if single else 2):
            return m["name"]
    return None


# a standfirst's presenter: "Consultant Jane Doe explains why ...", "In this panel, Jane
# Doe (Acme) discussed how ...": the name, a bracketed affiliation, the verb and a particle
_PRESENTER = re.compile(
    rf"(?<![\w'’])(?P<name>{_NAME1})(?:\s*\([^()]{{1,80}}\))?,?\s+(?P<verb>[a-z]+)"
    r"(?:\s+(?P<particle>[a-z]+))?")
_IN_THIS_WORK = re.compile(r"\s*In this\s+(?:[a-z]+\s+)?(?P<work>[a-z]+)\b")
PRESENTED_WORKS = WORK_NOUNS | {"panel"}  # "In this panel, Jane Doe discussed ..."


def presenter(lines: list[Line], lowercase_words: frozenset[str] = frozenset()) -> str | None:
    """The person a page's opening presents as giving its account: a standfirst whose
    subject is a full name and whose verb presents ("Consultant Jane Doe explains why
    teams fail", "In this video Jane Doe discusses networks"). Past tense only after "In
    this <talk>": "Jane Doe talked about trust" in a report's body presents no one.

    Example:
        >>> presenter([Line(0, 0, 60, "Consultant Jane Doe explains why teams fail.")])
        'Jane Doe'
        >>> presenter([Line(0, 0, 60, "Jane Doe talked about trust and teams.")]) is None
        True
    """
    top = [ln for ln in lines if ln.content][:BYLINE_WINDOW]
    for ln in top:
        for sent in _opening_sentences(ln.text):
            lead = _IN_THIS_WORK.match(sent)
            past = bool(lead) and lead["work"] in PRESENTED_WORKS
            for m in _PRESENTER.finditer(sent):
                words = m["name"].split()
                # "Acme's Jane Doe", "Consultant Jane Doe"
                while len(words) > 2 and (title_word(words[0]) or re.search(r"['’]s$", words[0])):
                    words.pop(0)
                name = " ".join(words)
                if _presents(m["verb"], m["particle"] or "", past=past) and is_person_name(
                        name) and not common_words(name, lowercase_words):
                    return name
    return None


def _opening_sentences(text: str) -> list[str]:
    """A line's sentences up to its first body-length one: "Stop Scrolling! Jane Doe
    explains ..." opens with a site's slogan, and a paragraph's later sentences report."""
    out = []
    for sent in line_sentences(text.strip()):
        out.append(sent)
        if len(sent.split()) >= BODY_MIN_WORDS:
            break
    return out


def line_sentences(text: str) -> list[str]:
    """A line cut after each sentence's end mark (no parse: bylines come before it)."""
    return re.split(r"(?<=[.!?])\s+", text)


def _presents(verb: str, particle: str, *, past: bool) -> bool:
    forms = ("s", "es", "ed", "d") if past else ("s", "es")
    return any(verb in {base + f for f in forms} and (not need or particle == need)
               for base, need in PRESENTING_VERBS.items())


def follow_credit(lines: list[Line]) -> str | None:
    """The handle a line invites readers to follow, as thread readers and post footers
    credit their author ("You can follow @jdoe.").

    Example:
        >>> follow_credit([Line(0, 0, 22, "You can follow @jdoe.")])
        '@jdoe'
        >>> follow_credit([Line(0, 0, 34, "Follow @jdoe for the latest news.")]) is None
        True
    """
    for ln in lines:
        m = _FOLLOW_CREDIT.fullmatch(ln.text)
        if m:
            return m["h"]
    return None


def trailing_signatures(lines: list[Line]) -> dict[int, tuple[int, str]]:
    """Paragraphs signed at their end, as wiki talk pages and mailing lists sign them:
    line index -> (length of the text before the signature, the signer).

    Example:
        >>> ls = [Line(0, 0, 40, "A team is staff. I disagree. Best, MarkDilley"),
        ...       Line(1, 0, 60, "Teams differ. TedErnst | talk 12:40, 26 September 2007 (PDT)"),
        ...       Line(2, 0, 30, "We did our best, Mark"),
        ...       Line(3, 0, 30, '"A community cares" - Joe'),
        ...       Line(4, 0, 30, '"A team works." – Ann Lee.'),
        ...       Line(5, 0, 30, "“Teams ship.”"), Line(6, 0, 10, "― Bo Lee"),
        ...       Line(7, 0, 50, '"Communities do not build themselves." MissRogue'),
        ...       Line(8, 0, 30, '"Teams ship." Bo Lee'), Line(9, 0, 30, "Teams ship. Great Work"),
        ...       Line(10, 0, 60, "It is too large for any brief definition. - M. Scott Peck"),
        ...       Line(11, 0, 60, "It has people you don't like in it. (Eugene Peterson, Radix)"),
        ...       Line(12, 0, 60, 'They say, “We meet.” Those are friends. (Jo Roe, Radix 3:2)')]
        >>> sorted(trailing_signatures(ls).items())  # doctest: +NORMALIZE_WHITESPACE
        [(0, (28, 'MarkDilley')), (1, (13, 'TedErnst')), (3, (19, 'Joe')),
         (4, (15, 'Ann Lee')), (5, (13, 'Bo Lee')), (7, (38, 'MissRogue')),
         (10, (41, 'M. Scott Peck')), (11, (35, 'Eugene Peterson')), (12, (39, 'Jo Roe'))]
    """
    found = {}
    previous: Line | None = None
    passage: list[Line] = []  # the content lines since the last that opened a quotation
    for ln in lines:
        if not ln.content:
            continue
        passage = [ln] if opens_with_quotation(ln.text) else [*passage, ln][-QUOTE_LINES:]
        m = (_WIKI_SIGNATURE.search(ln.text) or _CLOSING_SIGNATURE.search(ln.text)
             or _QUOTE_SIGNATURE.fullmatch(ln.text) or _QUOTE_BARE_NAME.fullmatch(ln.text)
             or _BRACKET_CITATION.fullmatch(ln.text))
        if m is not None and m.re in (_QUOTE_SIGNATURE, _BRACKET_CITATION):
            # an unquoted sentence takes a full name ("... ties. ~ Jane Roe")
            name = m["name"] if m.re is _QUOTE_SIGNATURE and m["name"] else m["pname"]
            if is_person_name(name, min_words=1 if m["quote"][0] in "\"“" else 2):
                found[ln.index] = (len(m["quote"].rstrip()), name)
        elif m is not None and m.re is _QUOTE_BARE_NAME:
            # without a dash or brackets, only a quotation of CREDITED_MIN_WORDS words
            if len(m["quote"].split()) >= CREDITED_MIN_WORDS and is_person_name(
                    m["name"], min_words=1):
                found[ln.index] = (len(m["quote"].rstrip()), m["name"])
        elif m is not None and m.start("name") > 0:
            found[ln.index] = (len(ln.text[:m.start()].rstrip()), m["name"])
        credit = _CREDIT_LINE.fullmatch(ln.text)
        if credit and previous is not None and previous.text.rstrip().endswith(('"', "”")) and (
                is_person_name(credit["name"], min_words=1)) and previous.index not in found:
            found[previous.index] = (len(previous.text.rstrip()), credit["name"])
            # a quotation broken over lines ("“A group becomes a team when ..." / "and
            # his contribution ...”" / "– Norman Shidle"): the credit signs all of them
            opened = opens_with_quotation(passage[0].text)
            for line in passage[:-2] if opened else []:
                found.setdefault(line.index, (len(line.text.rstrip()), credit["name"]))
        previous = ln
    return found | _collection_credits(lines, found)


def _collection_credits(lines: list[Line], found: dict[int, tuple[int, str]]
                        ) -> dict[int, tuple[int, str]]:
    """A page of quotations, each passage with its source on the line under it
    ("HENRIK IBSEN, An Enemy of the People", "Vox • Brands want community"): with
    CREDITS_MIN such lines or more, each passage is its source's."""
    credits = {}
    content = [ln for ln in lines if ln.content]
    for passage, ln in zip(content, content[1:], strict=False):
        m = _WORK_CREDIT.fullmatch(ln.text)
        if m is None or passage.index in found or ln.index in found or len(
                passage.text.split()) < CREDITED_MIN_WORDS or len(ln.text.split()) > 25:
            continue
        name = m["caps"].title() if m["caps"] else m["name"] or m["dashed"]
        if is_person_name(name, min_words=1 if m["name"] else 2):
            credits[passage.index] = (len(passage.text.rstrip()), name)
    return credits if len(credits) >= CREDITS_MIN else {}


def _is_dateline(text: str) -> bool:
    """A short line of a date ("February 9, 2024", "2024-02-09").

    Example:
        >>> _is_dateline("February 9, 2024"), _is_dateline("By David D.")
        (True, False)
    """
    return len(text) <= 40 and bool(_YEAR.search(text)) and not any(
        c in text for c in ".!?")


def _author_box(lines: list[Line]) -> str | None:
    # "Name" alone on a line, then a paragraph that starts "Name is/has/was ...".
    content = [ln for ln in lines if ln.content]
    for i in range(len(content) // 2, len(content) - 1):
        name = content[i].text.strip()
        follow = content[i + 1].text.strip()
        if is_person_name(name) and _under_name(name, follow):
            return name
    # a sign-off closing the page on the line of its last words: "HollaHolla!!! – Mikemetic,
    # Art 180, These RVA Streets" (a dash name alone on its line signs only the block above)
    m = _SIGN_OFF.fullmatch(content[-1].text.strip()) if len(content) > 2 else None
    if m and len(m["pre"].split()) <= SIGN_OFF_WORDS and is_person_name(m["name"], min_words=1):
        return m["name"]
    # a signature closing the page: a bare name after the body, then at most short lines
    # (a place, a title): "... and is critical of our faults." / "Kirk Chaffee"
    for i in range(max(2, len(content) - 3), len(content)):
        # "Cal Evans // @calevans", "Jane Doe (@jdoe)": the name signs with its handle
        name = _HANDLE_AFTER_NAME.sub("", content[i].text.strip())
        if is_person_name(name) and all(
                len(ln.text.split()) <= SIGNATURE_TAIL_WORDS and ln.text.strip()[-1:] not in ".!?"
                for ln in content[i + 1:]) and content[i - 1].text.strip()[-1:] in ".!?\"”":
            return name
    return None


def vocative_author(lines: list[Line], lowercase_words: frozenset[str],
                    skip: set[int]) -> str | None:
    """The first name that two or more non-chat lines open by addressing."""
    counts: Counter[str] = Counter()
    for ln in lines:
        if ln.content and ln.index not in skip:
            found = vocative(ln.text, lowercase_words)
            if found:
                counts[found[0]] += 1
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None


def replying_author(lines: list[Line], lowercase_words: frozenset[str],
                    skip: set[int]) -> str | None:
    """The writer a commenter addresses by first name ("Great post, Amber.") who
    answers in the comments under a header of their own full name ("Amber Naslund
    says:"): the post's author, when one commenter alone addresses them."""
    addressed: dict[str, int] = {}  # first name -> the first line addressing it
    headers: dict[str, int] = {}  # full name -> its first comment header
    for ln in lines:
        if ln.index in skip or not ln.text.strip():
            continue
        if (name := says_header(ln.text) or dated_header(ln.text)) and " " in name:
            headers.setdefault(name, ln.index)
        elif ln.content and (found := vocative(ln.text, lowercase_words)):
            addressed.setdefault(found[0], ln.index)
    # addressed before they first comment: the post's writer, not a commenter replied to
    found = {n for n, at in headers.items() if addressed.get(n.split()[0], at) < at}
    return found.pop() if len(found) == 1 else None


def _is_header(text: str) -> bool:
    """A comment section's header: "Comments", "3 Comments", "Responses to “X”", "12
    thoughts on “X”"; not a post titled "Thoughts on “The Gaming Community”" or
    "Comments Suck, Communities Rule".

    Example:
        >>> [_is_header(t) for t in ("Comments (3)", "5 thoughts on “Teams”", "Responses to X",
        ...                          "Thoughts on “Teams”", "Comments Suck, Communities Rule")]
        [True, True, True, False, False]
    """
    low = text.strip().casefold()
    m = _COMMENTS_HEADER.match(low)
    if m is None or len(low) >= 80:
        return False
    if m["count"]:
        return True
    rest = m["rest"].strip()
    return m["word"] != "thoughts on" and bool(_HEADER_REST.fullmatch(rest))


def _repeats(lines: list[Line]) -> dict[int, int]:
    seen: dict[str, int] = {}
    out = {}
    for ln in lines:
        if ln.content:
            key = ln.text.strip()
            if key in seen:
                out[ln.index] = seen[key]
            else:
                seen[key] = ln.index
    return out


def find_comments(lines: list[Line], author_first: str | None,
                  lowercase_words: frozenset[str], skip: set[int]) -> list[Comment]:
    """Group the lines after the article into comments and read their signatures."""
    start = _section_start(lines, author_first, lowercase_words, skip)
    if start is None or start >= len(lines):  # a "Comments" header ends the page
        return []
    repeats = _repeats(lines)
    replies = numbered_reply(lines[start].text)
    comments: list[Comment] = []
    prev: Line | None = None
    broken = True
    for ln in lines[start:]:
        # a header may be classed as page furniture ("Jo Lee May 2, 2010 | Reply")
        header = _comment_header(lines, ln) if ln.text.strip() else None
        if header is not None and not ln.content:
            comments.append(Comment([ln.index], {ln.index}, header))
            broken, prev = False, ln
            continue
        if not ln.content:
            # Skipped blocks (a repeated comment, "Reply" furniture) separate comments;
            # a bare link inside a comment, or the date under a "Name says:" header, do not.
            just_headed = bool(comments) and comments[-1].lines == sorted(comments[-1].signature)
            broken = broken or (ln.kind != "content" and bool(ln.text.strip())
                                and not _URL.fullmatch(ln.text.strip()) and not just_headed)
            continue
        if header is not None or is_answer_header(ln.text):
            comments.append(Comment([ln.index], {ln.index}, header))
            broken, prev = False, ln
            continue
        voc = vocative(ln.text, lowercase_words)
        addressed = (voc is not None and voc[0] == author_first and voc[1] > 0
                     and not _closing(ln.text.strip()))
        # in a list of numbered replies, each number starts the next reply
        numbered = replies and _NUMBERED_ITEM.match(ln.text) is not None
        if broken or addressed or numbered or _repeat_break(prev, ln, repeats):
            comments.append(Comment([]))
        broken = False
        comments[-1].lines.append(ln.index)
        if addressed:
            comments[-1].vocative[ln.index] = voc[1]
        prev = ln
        if _read_signature(comments[-1], lines, author_first):
            broken = True
    _link_copies(comments, repeats)
    return comments


def _section_start(lines: list[Line], author_first: str | None,
                   lowercase_words: frozenset[str], skip: set[int]) -> int | None:
    for ln in lines:
        if ln.index in skip or not ln.text.strip():
            continue
        if _is_header(ln.text):  # whatever its block kind
            return ln.index + 1
        # a name over a date opens no comment section: it is a post's byline too
        if _comment_header(lines, ln, in_section=False) is not None or is_answer_header(
                ln.text):
            return ln.index
        if not ln.content:
            continue
        if numbered_reply(ln.text):
            return ln.index
        voc = vocative(ln.text, lowercase_words)
        if author_first and voc and voc[0] == author_first:
            return ln.index
    return None


def numbered_reply(text: str) -> bool:
    """A numbered list item that opens as a reply does ("1. I agree with you that ...").

    Example:
        >>> numbered_reply("  2. I agree with you that X."), numbered_reply("2. A team is Y.")
        (True, False)
    """
    m = _NUMBERED_ITEM.match(text)
    return bool(m) and text[m.end():].casefold().startswith(REPLY_OPENERS)


def _comment_header(lines: list[Line], ln: Line, *, in_section: bool = True) -> str | None:
    """:func:`says_header`, :func:`poster_header`, :func:`dated_header` or, inside a
    comment section, a name over a date; but "Jane Doe
    wrote on the list:" over a quoted message introduces that quotation, and the lines
    after it are the quoting writer's, not a comment by Jane."""
    name = (says_header(ln.text) or poster_header(ln.text) or dated_header(ln.text)
            or (_name_over_date(lines, ln) if in_section else None))
    if name is None or not re.search(r"\bwr(?:ote|ites)\b", ln.text):
        return name  # a reply may open by quoting what it answers
    following = next((n for n in lines[ln.index + 1:] if n.content), None)
    if following is not None and following.text.lstrip()[:1] in QUOTATION_OPENERS:
        return None
    return name


def poster_header(text: str) -> str | None:
    """The forum user a post header names ("u/Catija Sep 26 '24", "Posted by u/jo 3y ago").

    Example:
        >>> poster_header("u/Catija Sep 26 '24"), poster_header("u/Catija says teams differ.")
        ('u/Catija', None)
    """
    m = _POSTER_HEADER.fullmatch(text)
    return m["user"] if m else None


def dated_header(text: str) -> str | None:
    """The writer a comment header names by a name and a date ("Christopher September 8,
    2010 at 3:54 am | | Reply").

    Example:
        >>> dated_header("Jo Lee September 8, 2010 at 3:54 am | Reply"), dated_header("2010")
        ('Jo Lee', None)
        >>> dated_header("Jan 26, 2011 | Social Media Communities")
    """
    number = _NUMBERED_ITEM.match(text)
    words = text[number.end() if number else 0:].split()
    for k in range(min(4, len(words) - 1), 0, -1):
        name, rest = " ".join(words[:k]), " ".join(words[k:])
        rest = " ".join(_HEADER_FURNITURE.sub(" ", rest).split())
        rest = _HEADER_LEAD.sub("", rest)
        if re.search(r"(?i)\bby\b", rest) or _WRITTEN_AGO.fullmatch(f"{name} {rest}"):
            continue  # "Posted on May 2, 2020 by Jane Doe" is a byline; "Answered 3y ago"
        if (_DATE_START.match(rest) and _is_dateline(rest) or _AGO.fullmatch(rest)) and (
                is_person_name(name, min_words=1)) and not _DATE_START.match(name + " "):
            return name  # not "Jan 26, 2011"
    return None


def _name_over_date(lines: list[Line], ln: Line) -> str | None:
    """A comment header on two lines: a name alone ("Mike Smith"), then the date
    ("May 4, 2015 at 9:12 am"); or a name and a title ("John Carter, consultant"), then
    when it was written ("Answered 3 years ago")."""
    name = ln.text.strip()
    following = next((n for n in lines[ln.index + 1:] if n.text.strip()), None)
    rest = following.text.strip() if following is not None else ""
    dated = _DATE_START.match(rest) and _is_dateline(rest)
    if not dated and (m := _WRITTEN_AGO.fullmatch(rest)) is not None:
        dated = _AGO.fullmatch(m["when"]) or _DATE_START.match(m["when"]) and _is_dateline(
            m["when"])
        name = name.split(",")[0].strip()
    if not dated or not name or len(name.split()) > 4 or not is_person_name(name, min_words=1):
        return None
    return name


def says_header(text: str) -> str | None:
    """The writer a comment header names ("1. C.C. Chapman says:"), if any.

    Example:
        >>> says_header("  1. C.C. Chapman says:"), says_header("Jane says we differ.")
        ('C.C. Chapman', None)
        >>> says_header("  • Jim says:")
        'Jim'
        >>> says_header("(Nick Emmett) #3"), says_header("Issue #3")
        ('Nick Emmett', None)
    """
    m = _SAYS_HEADER.fullmatch(text)
    name = m and (m["name"] or m["poster"] or m["by"])
    if name and name.startswith("u/"):
        return name
    if not name or not is_person_name(name, min_words=1 if m["name"] or m["by"] else 2):
        return None
    return name


def is_answer_header(text: str) -> bool:
    """The header of an unsigned contribution on a Q&A page ("Solution 2:", "Answer #3").

    Example:
        >>> is_answer_header("Solution 2:"), is_answer_header("Solution 2 is better.")
        (True, False)
        >>> is_answer_header("  1. 4"), is_answer_header("12 points"), is_answer_header("1. Go")
        (True, True, False)
    """
    return _ANSWER_HEADER.fullmatch(text) is not None


def _repeat_break(prev: Line | None, ln: Line, repeats: dict[int, int]) -> bool:
    # A comment pasted twice: the copy starts where "is a repeat" flips on, or where
    # the repeated original is not the line after the previous original.
    if prev is None:
        return True
    was, now = repeats.get(prev.index), repeats.get(ln.index)
    if (was is None) != (now is None):
        return True
    return now is not None and was is not None and now <= was


def _read_signature(comment: Comment, lines: list[Line], author_first: str | None) -> bool:
    """Detect a signature ending at the comment's last line; True when one closes it."""
    idx = comment.lines
    texts = [lines[i].text.strip() for i in idx]
    last = texts[-1]
    m = _HANDLE_LINE.fullmatch(last)
    if m:
        comment.handle, comment.signature = m["h"], {idx[-1]}
        _name_above(comment, idx, texts, author_first)
        return True
    m = _DASH_SIGNATURE.fullmatch(last)
    if m and is_person_name(m["name"], min_words=1):
        comment.name, comment.signature = m["name"], {idx[-1]}
        return True
    if len(texts) >= 2 and is_person_name(last, min_words=1, max_words=3) and _closing(
            texts[-2]):
        comment.name, comment.signature = last, {idx[-1], idx[-2]}
        return True
    m = _CLOSING.fullmatch(last)
    if (m and m["name"] and m["closing"].casefold() in CLOSINGS and len(texts) >= 2
            and m["name"].split()[0] != author_first
            and is_person_name(m["name"], min_words=1)):
        comment.name, comment.signature = m["name"], {idx[-1]}
        return True
    return False


def _closing(text: str) -> bool:
    m = _CLOSING.fullmatch(text)
    return bool(m) and m["closing"].casefold() in CLOSINGS


def _name_above(comment: Comment, idx: list[int], texts: list[str],
                author_first: str | None) -> None:
    # name / title / handle, name / handle, or "Thanks, Amber." / handle.
    for back in (2, 3):
        if len(texts) < back:
            break
        text = texts[-back]
        if is_person_name(text, min_words=1, max_words=4) and text.split()[0] != author_first:
            if back == 3 and not _title_line(texts[-2]):
                break
            comment.name = text
            comment.signature |= set(idx[-back:])
            return
    if len(texts) >= 2 and _closing(texts[-2]):
        comment.signature.add(idx[-2])


def _title_line(text: str) -> bool:
    words = re.findall(r"[A-Za-z-]+", text.casefold())
    return len(words) <= 12 and any(w in JOB_TITLE_WORDS for w in words)


def _link_copies(comments: list[Comment], repeats: dict[int, int]) -> None:
    owner = {i: n for n, c in enumerate(comments) for i in c.lines}
    for n, comment in enumerate(comments):
        origins = {owner.get(repeats.get(i, -1)) for i in comment.lines}
        if len(origins) == 1 and None not in origins and origins != {n}:
            comment.copy_of = origins.pop()
