"""Name shapes, slugs and Speaker constructors (pure text rules, no spaCy)."""

from __future__ import annotations

import re
import unicodedata

from kg.records import Speaker
from kg.speakers.lexicon import (
    FIRST_NAME_MONTHS,
    IRREGULAR_FORMS,
    JOB_TITLE_WORDS,
    NAME_TITLES,
    NOT_NAME_WORDS,
    REPORTING_VERBS,
)

__all__ = [
    "CITATION_YEAR",
    "HANDLE",
    "NAME_WORD",
    "author_speaker",
    "group_speaker",
    "handle_matches_name",
    "handle_speaker",
    "joint_speaker",
    "title_word",
    "is_person_name",
    "lowercase_words",
    "person_speaker",
    "source_speaker",
    "slug",
    "reporting_lemma",
    "username_speaker",
]

HANDLE = r"@[A-Za-z0-9_]{1,30}"
CITATION_YEAR = r"(?:1[89]|20)\d\d[a-z]?"  # "(1987)", "(2002b)": a cited work's year
# Latin letters with accents as well ("François", "Zoë", "Łukasz")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿĀ-ž"
# One word of a person's name: "Rachel", "McDonald", "O'Neil", "DJ", "J.", "C.C."
NAME_WORD = (rf"(?:[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:[-'’][{_UPPER}]?[{_LOWER}]+)?"
             rf"|[{_UPPER}]{{2}}|(?:[{_UPPER}]\.){{1,3}})")
_NAME_WORD_RE = re.compile(NAME_WORD)


def lowercase_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lowercase somewhere: a capitalised one among them is
    a sentence's first word or a heading's, not a name ("Until then", "Employee Communities").

    Example:
        >>> sorted(lowercase_words("Until then, teams wait. Ann Lee waits too."))
        ['teams', 'then', 'too', 'wait', 'waits']
    """
    return frozenset(w.casefold() for w in re.findall(r"\b[a-z][a-z']+\b", text))


def slug(text: str) -> str:
    """Lowercase ASCII slug; accented letters keep their base letter.

    Example:
        >>> slug("Rachel Happe"), slug("Ferdinand Tönnies"), slug("François Chollet")
        ('rachel-happe', 'ferdinand-tonnies', 'francois-chollet')
    """
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "-", plain).strip("-")


def is_person_name(text: str, *, min_words: int = 2, max_words: int = 4) -> bool:
    """Whether ``text`` has the shape of a person's name (Title Case words, no heading words).

    Example:
        >>> is_person_name("DJ Waldow"), is_person_name("Final Thoughts")
        (True, False)
    """
    words = text.split()
    if not min_words <= len(words) <= max_words:
        return False
    # "Charlie A Cliff": a middle initial may go without its period
    if not all(_NAME_WORD_RE.fullmatch(w) or (0 < k < len(words) - 1 and len(w) == 1
                                              and w.isupper()) for k, w in enumerate(words)):
        return False
    if any(w.casefold().strip(".") in NOT_NAME_WORDS and not (
            k == 0 and len(words) > 1 and w.casefold() in FIRST_NAME_MONTHS)
           for k, w in enumerate(words)):
        return False  # "April MacLean" is a name; "Contact April" is not
    if any(re.search(r"['’]s$", w) for w in words):
        return False  # "Newley's Notes", "Katherine Burd's": a possessive, a page's name
    return any(len(w) > 2 for w in words)


def handle_matches_name(handle: str, name: str) -> bool:
    """Whether a handle is spelled from a full name (``@jplaskoff`` ~ "Josh Plaskoff").

    Example:
        >>> handle_matches_name("@jplaskoff", "Josh Plaskoff")
        True
        >>> handle_matches_name("@rhappe", "Josh Plaskoff")
        False
    """
    words = [re.sub(r"[^a-z]", "", w.casefold()) for w in name.split()]
    if len(words) < 2 or not all(words):
        return False
    first, last = words[0], words[-1]
    bare = re.sub(r"[^a-z]", "", handle.casefold())
    return bare in {first + last, first[0] + last, last + first, first + last[0]}


def handle_speaker(handle: str, name: str | None = None) -> Speaker:
    """The speaker of a handle; a known name makes it a person labelled by that name."""
    handle = handle if handle.startswith("@") else "@" + handle
    if not name:
        return Speaker(id=handle.casefold(), label=handle, kind="handle")
    return Speaker(id=handle.casefold(), label=name, kind="person",
                   aliases=(name, handle, name.split()[0]))


def username_speaker(user: str) -> Speaker:
    """A forum user ("u/Catija"): a handle of that site, not a Twitter handle."""
    return Speaker(id=user.casefold(), label=user, kind="handle",
                   aliases=(user, user.split("/", 1)[-1]))


def person_speaker(name: str) -> Speaker:
    """A named person without a handle: ``person:<slug>``."""
    words = name.split()
    aliases = (name, words[0]) if len(words) > 1 else (name,)
    return Speaker(id=f"person:{slug(name)}", label=name, kind="person", aliases=aliases)


def joint_speaker(names: list[str], conjunction: str = "and") -> Speaker:
    """People named together as the source of one view ("Jon Katzenbach and Douglas
    Smith described ..."): one speaker of kind ``group``, each name an alias, labelled
    with the conjunction the text writes ("Fernback & Thompson").

    Example:
        >>> joint_speaker(["Jon Katzenbach", "Douglas Smith"]).label
        'Jon Katzenbach and Douglas Smith'
        >>> joint_speaker(["Fernback", "Thompson"], "&").label
        'Fernback & Thompson'
    """
    label = ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
    return Speaker(id=f"group:{slug(label)}", label=label, kind="group", aliases=tuple(names))


def author_speaker(document_id: str, title: str, name: str | None = None,
                   handle: str | None = None) -> Speaker:
    """The article's own voice: named when a byline/vocative gives the name."""
    if not name:
        return Speaker(id=f"author:{document_id}", label=f"Author of {title}".strip(),
                       kind="author")
    words = name.split()
    aliases = (name, words[0]) if len(words) > 1 else (name,)
    if " and " in name:  # "Jon Katzenbach and Douglas Smith": writers together
        aliases = (name, *name.split(" and "))
    if handle:
        return Speaker(id=handle.casefold(), label=name, kind="author",
                       aliases=tuple(dict.fromkeys((name, handle, words[0]))))
    return Speaker(id=f"person:{slug(name)}", label=name, kind="author", aliases=aliases)


def group_speaker(noun: str) -> Speaker:
    """A collective speaker from a plural noun ("Panelists" -> ``group:panelists``)."""
    return Speaker(id=f"group:{slug(noun)}", label=noun[:1].upper() + noun[1:].lower(),
                   kind="group")


def source_speaker(name: str) -> Speaker:
    """A named source speaking as one body: a reference work or organisation quoted for
    its definitions ("Google defines ...:" -> ``group:google``)."""
    return Speaker(id=f"group:{slug(name)}", label=name, kind="group", aliases=(name,))


def reporting_lemma(word: str) -> str | None:
    """The reporting verb an inflected word form belongs to, if any.

    Example:
        >>> reporting_lemma("talks"), reporting_lemma("noted"), reporting_lemma("table")
        ('talk', 'note', None)
        >>> reporting_lemma("saying"), reporting_lemma("noting")
        ('say', 'note')
    """
    word = word.casefold()
    if word in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[word]
    for suffix, repl in (("", ""), ("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)] + repl if suffix else word
            if stem in REPORTING_VERBS:
                return stem
    return None


OCCUPATION_SUFFIXES = ("ologist", "ographer")  # "Sociologist", "Anthropologist", "Ethnographer"


def title_word(word: str) -> bool:
    """A job title or occupation written before a name ("Author", "Sociologist").

    Example:
        >>> title_word("Consultant"), title_word("Sociologist"), title_word("Jane")
        (True, True, False)
    """
    low = word.casefold().rstrip(".")
    return low in JOB_TITLE_WORDS or low in NAME_TITLES or low.endswith(OCCUPATION_SUFFIXES)
