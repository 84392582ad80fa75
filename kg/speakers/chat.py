"""Lines of a document and tweet-chat prefixes (``@handle: text``, ``RT @x: ...``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.records import Document
from kg.speakers.lexicon import NON_HANDLE_LABELS

__all__ = ["ChatPart", "Line", "document_lines", "is_question", "opens_with_handle",
           "parse_chat_line", "tag_signatures", "trim"]

_BULLET = r"\s*(?:[-–—•*·]\s+)?"
# "@handle: text" / "handle: text" (the bare form is checked by _bare_handle_ok).
_PREFIX_COLON = re.compile(_BULLET + r"(?P<at>@)?(?P<h>[A-Za-z0-9_]{1,30}):\s+(?=\S)")
# "@handle text" when lowercase text, "I", a #tag or another handle follows.
_PREFIX_BARE = re.compile(_BULLET + r"@(?P<h>[A-Za-z0-9_]{1,30})\s+(?=[a-z@#]|I\b)")
# "@handle Text" in a transcript whose lines mostly open with a handle.
_PREFIX_BARE_ANY = re.compile(_BULLET + r"@(?P<h>[A-Za-z0-9_]{1,30})\s+(?=\S)")
_OPENS_WITH_HANDLE = re.compile(_BULLET + r"@[A-Za-z0-9_]{1,30}:?\s+(?=\S)")
# A leading "RT @x:" with no speaker before it.
_PREFIX_RT = re.compile(_BULLET + r"RT\s+@(?P<h>[A-Za-z0-9_]{1,30}):?\s+(?=\S)")
# Mid-line starts of another utterance: " & handle: " and " RT @x: ".
_SPLIT = re.compile(
    r"\s+(?:&(?:amp;)?\s+(?P<at>@)?(?P<h>[A-Za-z0-9_]{1,30}):"
    r"|RT\s+@(?P<rt>[A-Za-z0-9_]{1,30}):?)\s+(?=\S)"
)
# Leading @mentions (addressees) and #tags (chat tags) after a prefix.
_LEADING_MENTION = re.compile(r"@(?P<h>[A-Za-z0-9_]{1,30})(?:\s*[,:])?\s+(?=\S)")
_LEADING_TAG = re.compile(r"(?:#[A-Za-z0-9_]+|[AQ]\d{1,2}[:.)]?)\s+(?=\S)")
# What a chat line may end with after its last sentence: tags, mentions, links.
_TRAILING_TAGS = re.compile(r"(?:\s+(?:[#@][A-Za-z0-9_]+|https?://\S+))+\s*$")
# "CatrionaStuart", "NewConversation": two capitalised words run together
_CAMEL_HANDLE = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One block of the document: ``text`` is ``document.text[start:end]`` without newline."""

    index: int
    start: int
    end: int
    text: str
    kind: str = "content"

    @property
    def content(self) -> bool:
        """A content block with some text."""
        return self.kind == "content" and bool(self.text.strip())


@dataclass(frozen=True, slots=True)
class ChatPart:
    """A piece of a chat line said by ``handle`` (``start``/``end`` relative to the line)."""

    start: int
    end: int
    handle: str
    addressees: tuple[str, ...] = ()


def document_lines(document: Document) -> list[Line]:
    """The document's blocks as lines (one content block per line when it has none)."""
    text = document.text
    if document.blocks:
        spans = [(b.start, b.end, b.kind) for b in document.blocks]
    else:
        spans, pos = [], 0
        for raw in text.splitlines(keepends=True):
            spans.append((pos, pos + len(raw), "content"))
            pos += len(raw)
    lines = []
    for i, (start, end, kind) in enumerate(spans):
        chunk = text[start:end]
        stripped = chunk.rstrip("\r\n")
        lines.append(Line(i, start, start + len(stripped), stripped, kind))
    return lines


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` of ``text`` to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_question(text: str) -> bool:
    """Whether every sentence of ``text`` ends with a question mark.

    Example:
        >>> is_question("What is community? What does it look like?")
        True
        >>> is_question("Good question! Depends on purpose.")
        False
        >>> is_question("Q1: What is a team? #chat")
        True
    """
    text = _TRAILING_TAGS.sub("", text)
    sentences = [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    return bool(sentences) and all(s.rstrip("\"'”’)").endswith("?") for s in sentences)


def _bare_handle_ok(handle: str, known: frozenset[str], *, camel: bool = False) -> bool:
    # A bare "word:" is a handle only if it is spelled like one (lowercase, digits,
    # underscores) or the document uses it with "@" elsewhere; "Note:" / "Amber:" are not.
    # Among such lines a CamelCase word ("CatrionaStuart:") is one too.
    if handle.casefold() in known:
        return True
    if handle.casefold() in NON_HANDLE_LABELS or len(handle) < 3:
        return False
    if camel and _CAMEL_HANDLE.fullmatch(handle):
        return True
    return handle == handle.lower() and not handle.isdigit()


def _addressees(text: str, pos: int, end: int) -> tuple[int, tuple[str, ...]]:
    names = []
    while True:
        m = _LEADING_MENTION.match(text, pos, end)
        if m:
            names.append("@" + m["h"])
            pos = m.end()
            continue
        m = _LEADING_TAG.match(text, pos, end)
        if not m:
            return pos, tuple(names)
        pos = m.end()


def _part(text: str, start: int, end: int, handle: str) -> ChatPart | None:
    pos, addressees = _addressees(text, start, end)
    pos, end = trim(text, pos, end)
    if pos >= end:
        return None
    return ChatPart(pos, end, handle, addressees)


def opens_with_handle(text: str) -> bool:
    """Whether a line starts with ``@handle`` and some text (a transcript line).

    Example:
        >>> opens_with_handle("- @ann Teams differ"), opens_with_handle("Follow @ann")
        (True, False)
    """
    return _OPENS_WITH_HANDLE.match(text) is not None


def parse_chat_line(text: str, known_handles: frozenset[str] = frozenset(), *,
                    transcript: bool = False, camel: bool = False) -> list[ChatPart]:
    """Split a chat line into the parts said by each handle; ``[]`` for other lines.

    ``known_handles`` are casefolded handles (without ``@``) seen with ``@`` elsewhere.
    In a ``transcript`` (a document whose lines keep opening with a handle) a
    leading ``@handle`` is the speaker whatever follows it; with ``camel`` (a page of
    "handle: text" lines) a CamelCase label is a handle ("CatrionaStuart: ...").

    Example:
        >>> [(p.handle, text[p.start:p.end]) for text in ["@a: yes RT @b: why?"]
        ...  for p in parse_chat_line(text)]
        [('@a', 'yes'), ('@b', 'why?')]
    """
    m = _PREFIX_COLON.match(text)
    if m and not m["at"] and not _bare_handle_ok(m["h"], known_handles, camel=camel):
        m = None
    m = m or _PREFIX_BARE.match(text) or _PREFIX_RT.match(text) or (
        _PREFIX_BARE_ANY.match(text) if transcript else None)
    if not m:
        return []
    handle, pos, parts = "@" + m["h"], m.end(), []
    for split in _SPLIT.finditer(text, pos):
        new = split["rt"] or split["h"]
        if not split["rt"] and not split["at"] and not _bare_handle_ok(
                new, known_handles | {handle[1:].casefold()}):
            continue
        parts.append(_part(text, pos, split.start(), handle))
        handle, pos = "@" + new, split.end()
    parts.append(_part(text, pos, len(text), handle))
    return [p for p in parts if p is not None]


# "... with one another #Cxmchathenrymin", "... value. #cxmchatTatiana Mejia": a recap tool
# prints the chat's hashtag with the tweeter's name glued on at the end of each line
_TAG_TAIL = re.compile(r"\s#(?P<tail>[A-Za-z][A-Za-z0-9_]+(?: [A-Z][a-z]+){0,2})\s*$")
TAG_SIGNATURE_MIN_LINES = 3  # lines that must end so before the prefix counts as the chat tag


def tag_signatures(lines: list[Line]) -> dict[int, tuple[int, str]]:
    """Lines signed by a name glued to the chat's hashtag: line index -> (length of
    the text before the tag, the name).

    The chat's tag is the longest prefix (at least four letters) shared by the tails
    of at least three lines; what follows it on a line is that line's tweeter.

    Example:
        >>> ls = [Line(i, 0, len(t), t) for i, t in enumerate([
        ...     "Teams ship. #cxmchatAnn Lee", "Groups talk. #Cxmchatbob",
        ...     "Communities last. #cxmchatCy Roe", "Unsigned line #community"])]
        >>> tag_signatures(ls)[1], 3 in tag_signatures(ls)
        ((12, 'bob'), False)
    """
    tails = {ln.index: m for ln in lines if ln.content and (m := _TAG_TAIL.search(ln.text))}
    if len(tails) < TAG_SIGNATURE_MIN_LINES:
        return {}
    words = [m["tail"].split()[0].casefold() for m in tails.values()]
    counts: dict[str, int] = {}
    for w in words:
        for k in range(4, len(w)):
            counts[w[:k]] = counts.get(w[:k], 0) + 1
    shared = [p for p, n in counts.items() if n >= TAG_SIGNATURE_MIN_LINES]
    if not shared:
        return {}
    tag = max(shared, key=lambda p: (counts[p], len(p)))
    out = {}
    for index, m in tails.items():
        tail = m["tail"]
        if tail.casefold().startswith(tag) and len(tail) >= len(tag) + 3:
            out[index] = (m.start(), tail[len(tag):].strip())
    # names, not word endings ("#communityBuilding"): several of them, one a full name
    names = {name for _, name in out.values()}
    if len(names) < 2 or not any(" " in name for name in names):
        return {}
    return out
