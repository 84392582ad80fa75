"""Files -> :class:`~kg.records.Document`: decoded text, title, and classified line blocks.

``.txt``/``.md`` text is the file exactly as decoded (``\\r\\n`` kept, nothing
stripped), so every offset kg records can be checked against the file. ``.html``
text is the page's main text and comments, extracted by trafilatura, one
paragraph per line. Every non-blank line becomes a :class:`~kg.records.Block`
marked ``content``, ``boilerplate`` (site furniture) or ``duplicate`` (repeats an
earlier line); see :func:`classify_blocks`.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import charset_normalizer

from kg.errors import InputError
from kg.records import Block, Document

__all__ = [
    "FURNITURE_CUES",
    "FURNITURE_CUE_PHRASES",
    "FURNITURE_PHRASES",
    "MAX_BYTES",
    "MEDIA_TYPES",
    "SUPPORTED_SUFFIXES",
    "classify_blocks",
    "decode",
    "discover",
    "document_ids",
    "iter_documents",
    "line_spans",
    "mask_markup",
    "read_document",
]

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MEDIA_TYPES = {
    ".htm": "text/html", ".html": "text/html", ".markdown": "text/markdown",
    ".md": "text/markdown", ".txt": "text/plain",
}
SUPPORTED_SUFFIXES = tuple(sorted(MEDIA_TYPES))
TITLE_MAX_CHARS = 120
TITLE_LOOKAHEAD = 4  # content lines searched for the headline
# lines over a page's headline that are not it: a menu item, a bracketed stage direction,
# a dateline, an e-mail address or phone number
_NOT_HEADLINE = re.compile(
    r"^\s*(?:[-–•*·]\s|\[[^\]]*\]\s*$)|\S@\S+\.\w|^\s*\+\d[\d ]{6,}"
    r"|^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*$",
    re.IGNORECASE)
# Share of control characters above which a decoded file is called binary.
BINARY_CONTROL_RATIO = 0.1
NEAR_DUPLICATE_RATIO = 0.9
# Lines shorter than this (normalised) repeat by chance ("Thanks!", "Amber:").
DUPLICATE_MIN_CHARS = 40
NEAR_DUPLICATE_MAX_CHARS = 4000
ADJACENT_REPEAT_MIN_WORDS = 3
# A word shared by more earlier lines than this is too common to find near-duplicates.
NEAR_DUPLICATE_MAX_POSTINGS = 64
FURNITURE_MAX_WORDS = 15
CUE_LINE_MAX_WORDS = 6
# A line of this many words ending in ":" introduces the next one (never a furniture row).
INTRODUCER_MIN_WORDS = 4
# Longer lines are never furniture (share rows with many networks stay below this).
SHARE_ROW_MAX_WORDS = 30
REPEATED_FURNITURE_MIN_COUNT = 3
REPEATED_FURNITURE_MAX_WORDS = 4

# Phrases that, in a short line, only ever mean web-site furniture.
FURNITURE_PHRASES = (
    "all rights reserved", "app store", "brought to you by", "cookie policy",
    "google play", "leave a comment", "leave a reply", "log in", "log out", "login",
    "logout", "powered by", "privacy policy", "required fields are marked",
    "follow us", "skip to content", "sponsored by", "terms of service", "terms of use",
    "will not be published", "you are commenting using",
)
# Words that make up share rows, comment forms and app banners; they mark a line as
# furniture only when it is short, not a sentence, and mostly made of them.
FURNITURE_CUES = frozenset({
    "advertisement", "app", "avatar", "bookmark", "comment", "comments", "cookie",
    "cookies", "download", "email", "follow", "home", "icon", "image", "like", "likes",
    "loading", "logo", "menu", "mobile", "permalink", "photo", "picture", "print",
    "newsletter", "register", "reply", "replies", "rss", "search", "share", "shares",
    "signup", "subscribe", "tweet", "tweets",
})
# Cue phrases whose words are harmless alone ("sign", "click").
FURNITURE_CUE_PHRASES = ("click here", "read more", "sign in", "sign up")
SOCIAL_SITES = frozenset({
    "buffer", "digg", "facebook", "flickr", "google", "google+", "instagram",
    "linkedin", "pinterest", "play", "reddit", "store", "stumbleupon", "tumblr",
    "twitter", "whatsapp", "youtube",
})
STOPWORDS = frozenset({
    "a", "an", "and", "by", "for", "in", "it", "of", "on", "or", "our", "the", "this",
    "to", "us", "with", "you", "your",
})

_FURNITURE_PHRASE = re.compile(rf"\b(?:{'|'.join(map(re.escape, FURNITURE_PHRASES))})\b")
_CUE_PHRASE = re.compile(rf"\b(?:{'|'.join(map(re.escape, FURNITURE_CUE_PHRASES))})\b")
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD_CHARS = re.compile(r"[^\w@#+]+")
_NORMALISE = re.compile(r"[^\w]+")
_NUMBER = re.compile(r"^[\d.,:+%]*\d[\d.,:+%kKmM]*$")
_SYMBOL = re.compile(r"^[^\w]+$")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%[sd]\b|\{\{.*?\}\}|\$\{\w+\}")
_READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minutes?)\s+read$", re.IGNORECASE)
_COMMENT_HEADER = re.compile(
    r"^(?:\d[\d,.]*\s+)?(?:comments?|thoughts?|responses?|replies|reactions?|"
    r"pingbacks?|trackbacks?)(?:\s+(?:on|to|for)\b.*)?$",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


# -- reading files -----------------------------------------------------------------

def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a :class:`Document` (``id`` is the file stem).

    Raises:
        InputError: missing path, a directory, unsupported type, empty, binary,
            over ``max_bytes``, or HTML without main text; one line naming the file.
    """
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    if not raw:
        raise InputError(path, "empty file (0 bytes)")
    text, encoding = decode(raw, path)
    if not text.strip():
        raise InputError(path, "empty file (only whitespace)")
    warnings: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"{path}: not UTF-8, decoded as {encoding}")
    media_type = MEDIA_TYPES[path.suffix.lower()]
    title = author = ""
    if media_type == "text/html":
        text, title, author = _html_main_text(text, path)
    blocks = classify_blocks(text)
    return Document(
        id=path.stem, path=str(path), title=title or _title_from_text(text, blocks),
        text=text, blocks=blocks, media_type=media_type, encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(), warnings=tuple(warnings), author=author,
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The raw bytes of a supported, existing file no larger than ``max_bytes``."""
    if not path.exists():
        raise InputError(path, "no such file or directory")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    if path.suffix.lower() not in MEDIA_TYPES:
        raise InputError(path, _unsupported(path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                path, f"file too large: {_human_size(size)} ({size} bytes) is over the "
                f"limit of {_human_size(max_bytes)} ({max_bytes} bytes)",
            )
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from e
    if len(raw) > max_bytes:  # the file grew after stat()
        raise InputError(path, f"file too large: over the limit of {max_bytes} bytes")
    return raw


def decode(raw: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode ``raw`` and return ``(text, encoding)``; newlines are left untouched.

    UTF-8 first (``utf-8-sig`` when there is a BOM), then charset-normalizer,
    preferring cp1252 when it decodes the bytes as well as the best guess.

    Raises:
        InputError: NUL bytes or mostly control characters (a binary file).

    Example:
        >>> decode("caf\\u00e9\\r\\n".encode("utf-8"))
        ('café\\r\\n', 'utf-8')
        >>> decode("it\\u2019s \\u201cshared\\u201d".encode("cp1252"))
        ('it’s “shared”', 'cp1252')
    """
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), None)
    if encoding is None and b"\x00" in raw:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode(encoding or "utf-8")
        encoding = encoding or "utf-8"
    except UnicodeDecodeError:
        encoding = _guess_encoding(raw)
        text = raw.decode(encoding)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > BINARY_CONTROL_RATIO * len(sample):
        raise InputError(path, "binary file (mostly non-text characters)")
    return text, encoding


def _guess_encoding(raw: bytes) -> str:
    """charset-normalizer's guess; cp1252 on a tie, latin-1 when nothing fits."""
    matches = list(charset_normalizer.from_bytes(raw))
    if matches:
        best = matches[0]
        ties = [m for m in matches if m.chaos <= best.chaos + 0.01
                and m.coherence >= best.coherence - 0.01]
        # Single-byte Western pages are usually Windows-1252; charset-normalizer
        # often ranks cp1250 first when both decode the same quotes and dashes.
        if any("cp1252" in m.could_be_from_charset for m in ties):
            return "cp1252"
        return best.encoding
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def _html_main_text(html: str, path: Path) -> tuple[str, str, str]:
    """Main text plus comments of a page (one paragraph per line), its title and its
    author (the byline trafilatura reads from the page's markup and metadata)."""
    import trafilatura  # heavy: imported only when an HTML file is read

    try:
        result = trafilatura.bare_extraction(
            html, include_comments=True, with_metadata=True, include_tables=True,
        )
    except Exception as e:  # trafilatura raises many lxml/parser error types
        raise InputError(path, f"cannot parse HTML: {e}") from e
    data = result if isinstance(result, dict) or result is None else result.as_dict()
    if not data:
        raise InputError(path, "no main text found in the HTML")
    parts = [str(data.get(key) or "").strip() for key in ("text", "comments")]
    text = "\n".join(p for p in parts if p)
    if not text:
        raise InputError(path, "no main text found in the HTML")
    title = " ".join(str(data.get("title") or "").split())
    return text, title, " ".join(str(data.get("author") or "").split())


def _title_from_text(text: str, blocks: tuple[Block, ...]) -> str:
    """The first content line that can be a headline (Markdown ``#`` removed), shortened
    when long: a menu item ("- Valuation Model"), a stage direction ("[MUSIC PLAYING]"),
    a dateline ("Monday, June 20, 2011") or a contact line over the headline is not it.

    Example:
        >>> t = "[MUSIC PLAYING]\\n- Home\\nMonday, June 20, 2011\\nTeams vs. Groups\\n"
        >>> _title_from_text(t, classify_blocks(t))
        'Teams vs. Groups'
    """
    content = [b for b in blocks if b.kind == "content"]
    first = next((b for b in content[:TITLE_LOOKAHEAD]
                  if not _NOT_HEADLINE.search(text[b.start:b.end])),
                 content[0] if content else blocks[0] if blocks else None)
    if first is None:
        return ""
    line = " ".join(text[first.start:first.end].lstrip("#").split())
    if len(line) <= TITLE_MAX_CHARS:
        return line
    cut = line[:80].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "\u2026"


def _unsupported(path: Path) -> str:
    kind = repr(path.suffix) if path.suffix else "(no extension)"
    return f"unsupported file type {kind} (supported: {', '.join(SUPPORTED_SUFFIXES)})"


def _human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# -- batches -----------------------------------------------------------------------

def discover(
    paths: str | Path | Iterable[str | Path], *,
    on_error: Callable[[InputError], None] | None = None,
) -> list[Path]:
    """Files to read, in argument order; folders walked recursively and sorted.

    A path given directly is kept whatever it is (:func:`read_document` reports
    it). In folders, hidden entries are skipped silently and unsupported files are
    reported through ``on_error`` (default: logged) and skipped.

    Example:
        >>> discover([])
        []
    """
    report = on_error or _log_error
    if isinstance(paths, str | Path):  # one path, not an iterable of characters
        paths = [paths]
    found: list[Path] = []
    for given in map(Path, paths):
        if not given.is_dir():
            found.append(given)
            continue
        for file in _walk(given):
            if file.suffix.lower() in MEDIA_TYPES:
                found.append(file)
            else:
                report(InputError(file, _unsupported(file)))
    seen: set[Path] = set()
    unique = []
    for file in found:
        key = file.resolve() if file.exists() else file
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _walk(folder: Path) -> list[Path]:
    """All non-hidden files under ``folder`` (symlinked folders not followed), sorted."""
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, n) for n in names if not n.startswith("."))
    return sorted(files, key=lambda p: p.relative_to(folder).parts)


def document_ids(files: Iterable[Path]) -> dict[Path, str]:
    """File stem per file; stems shared by several files get ``-`` + 6 hex of the path.

    Example:
        >>> ids = document_ids([Path("a/post.txt"), Path("b/post.md"), Path("c.txt")])
        >>> ids[Path("c.txt")], ids[Path("a/post.txt")].startswith("post-")
        ('c', True)
    """
    files = list(files)
    stems = Counter(f.stem for f in files)
    return {
        f: f.stem if stems[f.stem] == 1
        else f"{f.stem}-{hashlib.sha1(f.as_posix().encode()).hexdigest()[:6]}"
        for f in files
    }


def iter_documents(
    paths: str | Path | Iterable[str | Path], *,
    on_error: Callable[[InputError], None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document]:
    """Read files and folders; a file that fails goes to ``on_error`` and is skipped.

    ``on_error`` defaults to logging a warning, so one bad file never stops a batch.
    """
    report = on_error or _log_error
    files = discover(paths, on_error=report)
    ids = document_ids(files)
    for file in files:
        try:
            document = read_document(file, max_bytes=max_bytes)
        except InputError as e:
            report(e)
            continue
        yield document if document.id == ids[file] else replace(document, id=ids[file])


def _log_error(error: InputError) -> None:
    logger.warning("skipped %s", error)


# -- blocks ------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[(?P<label>[^\[\]\n]{1,80})\](?:\[[^\[\]\n]{0,40}\]|\([^()\s]{1,300}\))?")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\w)|(?<=\w)\*{1,2}(?![\w*])")
_MD_QUOTE = re.compile(r"^[ \t]*>(?=\s)", re.MULTILINE)
# an HTML character reference left in scraped text, its ";" often lost ("I&#39ve")
_ENTITY = re.compile(r"(?P<neg>n)?&(?:#\d{1,5}|#[xX][0-9a-fA-F]{1,4}|[a-z]{2,6});?(?P<t>t\b)?")


def mask_markup(text: str) -> str:
    """``text`` with Markdown link, emphasis and quotation marks blanked out, for the
    parser: "As [Lee][] points out" reads "As  Lee    points out". The length is
    kept, so every offset into the parse is an offset into ``text``.

    A character reference left in scraped text reads as its character, padded before
    ("doesn&#39t" reads "does   n't").

    Example:
        >>> mask_markup("As [Lee][1] says, *community* is people.")
        'As  Lee     says,  community  is people.'
        >>> mask_markup("I&#39ve seen it; it doesn&#39t work &amp; fails.")
        "I   've seen it; it does   n't work     & fails."
    """
    def link(m: re.Match[str]) -> str:
        return " " + m["label"] + " " * (len(m.group()) - len(m["label"]) - 1)
    text = _MD_LINK.sub(link, text)
    text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group()), text)
    text = _MD_QUOTE.sub(lambda m: " " * len(m.group()), text)
    return _ENTITY.sub(_entity, text) if "&" in text else text


def _entity(m: re.Match[str]) -> str:
    """A character reference as its one character, right-aligned in the reference's
    width; an unknown name stays as written."""
    ref = m.group()[1 if m["neg"] else 0:len(m.group()) - (1 if m["t"] else 0)]
    char = html.unescape(ref if ref.endswith(";") else ref + ";")
    if len(char) != 1:
        return m.group()
    char = " " if char.isspace() else char  # "&nbsp;"
    if m["neg"] and m["t"] and char in "'’":
        return " " * (len(m.group()) - 3) + "n't"
    return (m["neg"] or "") + " " * (len(ref) - 1) + char + (m["t"] or "")


_TITLE_WORD = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z]+|A(?= ))(?![\w-])")


def sentence_case(text: str) -> str:
    """A Title Case headline in sentence case, for the parser, which reads "Community is
    Not Crowdsourcing" as a name: each capitalised word after the first is lowercased.
    Capitals (``PLC``), mixed case (``LinkedIn``) and text that is not in Title Case
    are kept; so is the length, as in ``mask_markup``.

    Example:
        >>> sentence_case("A Network is Transactional (PLC)")
        'A network is transactional (PLC)'
        >>> sentence_case("Why the LinkedIn group is not a community")
        'Why the LinkedIn group is not a community'
    """
    start = re.match(r"\s*\S*", text).end()
    # Title Case: at least half the longer words are capitalised (writers keep some short
    # verbs and prepositions in lowercase: "Why Customers aren't Communities")
    long = [w for w in text[start:].split() if len(w.strip("\"'“”‘’():,.!?")) > 3]
    if not long or 2 * sum(w.lstrip("\"'“‘(")[:1].isupper() for w in long) < len(long):
        return text
    return text[:start] + _TITLE_WORD.sub(lambda m: m.group().lower(), text[start:])


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """``(line number, start, end)`` of each non-blank line, surrounding whitespace off.

    Example:
        >>> line_spans("a\\r\\n\\r\\n  b c \\n")
        [(1, 0, 1), (3, 7, 10)]
    """
    spans = []
    start = 0
    breaks = [m.span() for m in _LINE_BREAK.finditer(text)] + [(len(text), len(text))]
    for number, (line_end, next_start) in enumerate(breaks, 1):
        line = text[start:line_end]
        stripped = line.strip()
        if stripped:
            left = start + len(line) - len(line.lstrip())
            spans.append((number, left, left + len(stripped)))
        start = next_start
    return spans


def classify_blocks(text: str) -> tuple[Block, ...]:
    """One block per non-blank line, marked content, boilerplate or duplicate.

    Boilerplate wins over duplicate: a repeated share row is furniture first.

    Example:
        >>> text = "Teams are not communities; communities outlast projects.\\n" * 2
        >>> for b in classify_blocks(text + "Download App Store"):
        ...     print(b.kind, repr(b.reason))
        content ''
        duplicate 'repeats line 1'
        boilerplate 'site furniture: app store'
    """
    spans = line_spans(text)
    lines = [text[start:end] for _, start, end in spans]
    keys = [_normalise(line) for line in lines]
    furniture = [_furniture_reason(line) for line in lines]
    for i, reason in _repeated_furniture(lines, keys).items():
        furniture[i] = furniture[i] or reason
    duplicates = _duplicate_reasons(keys, [number for number, _, _ in spans])
    blocks = []
    for i, (_, start, end) in enumerate(spans):
        if furniture[i]:
            blocks.append(Block(start, end, "boilerplate", furniture[i]))
        elif i in duplicates:
            blocks.append(Block(start, end, "duplicate", duplicates[i]))
        else:
            blocks.append(Block(start, end))
    return tuple(blocks)


def _normalise(line: str) -> str:
    """Case-folded words only: ``"Amber:"`` and ``"amber,"`` compare equal."""
    return " ".join(_NORMALISE.sub(" ", line.casefold()).split())


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


_NAV_ARROWS = re.compile(r"[«»]|&[lr]aquo;|^\s*<{1,2}\s|\s>{1,2}\s*$")


# a forum's or site's counter: a capitalised label, a colon, a number ("Posts: 27")
_SITE_COUNTER = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s*\d[\d,.]*\s*(?:$|[A-Z|])")


def _furniture_reason(line: str) -> str:
    """Why ``line`` is site furniture, or ``""`` for content."""
    if not _TWO_LETTERS.search(line):
        return "no words"
    if _BARE_URL.match(line):
        return "bare URL"
    if _READING_TIME.match(line):
        return "reading-time label"
    tokens = line.casefold().split()
    if len(tokens) > SHARE_ROW_MAX_WORDS:
        return ""
    sentence = _is_sentence(line)
    if _NAV_ARROWS.search(line) and line.count("|") >= 1 and not sentence:
        return "post navigation"  # "« Older post | Main | Newer post »"
    if not sentence and len(tokens) <= FURNITURE_MAX_WORDS and _SITE_COUNTER.search(line):
        return "site counter"  # "eludajae Member Posts: 27", "Members:3,649,666 Users Online:0"
    if len(tokens) <= FURNITURE_MAX_WORDS:
        if _PLACEHOLDER.search(line):
            return "unrendered template placeholder"
        if not sentence and _COMMENT_HEADER.match(line):
            return "comment-section header"
        phrase = _FURNITURE_PHRASE.search(" ".join(_WORD_CHARS.sub(" ", line.casefold()).split()))
        if phrase:
            return f"site furniture: {phrase.group()}"
    # "Google defines "community" like this:" introduces what follows; "Share this:" is furniture
    introducer = line.rstrip().endswith(":") and len(tokens) >= INTRODUCER_MIN_WORDS
    return "" if sentence or introducer else _cue_reason(tokens)


def _cue_reason(tokens: list[str]) -> str:
    """Share counters and short rows of furniture words (``Twitter picture``)."""
    words = [_WORD_CHARS.sub("", t) or t for t in tokens]
    numbers = sum(bool(_NUMBER.match(t)) for t in tokens)
    symbols = sum(bool(_SYMBOL.match(t)) for t in tokens)
    named = [w for w in words if w in FURNITURE_CUES]
    named += _CUE_PHRASE.findall(" ".join(words))
    cues = sum(len(n.split()) for n in named)
    furniture = numbers + symbols + cues + sum(w in SOCIAL_SITES for w in words)
    if numbers >= 2 and furniture >= 0.5 * len(tokens):
        return "share counter"
    if len(tokens) > CUE_LINE_MAX_WORDS or not cues:
        return ""
    if furniture >= 0.5 * len([w for w in words if w not in STOPWORDS]):
        return "site furniture: " + " ".join(named)
    return ""


def _repeated_furniture(lines: list[str], keys: list[str]) -> dict[int, str]:
    """Short, non-name lines seen three or more times (``Report abuse``)."""
    counts = Counter(keys)
    found = {}
    for i, line in enumerate(lines):
        words = line.split()
        if (counts[keys[i]] < REPEATED_FURNITURE_MIN_COUNT or not keys[i]
                or len(words) > REPEATED_FURNITURE_MAX_WORDS or _is_sentence(line)
                or line.startswith("@") or line.endswith((":", ","))
                # "DJ Waldow", "Adam": signatures of a frequent commenter stay content.
                or all(w[:1].isupper() for w in words)):
            continue
        found[i] = f"repeats {counts[keys[i]]} times as site furniture"
    return found


def _duplicate_reasons(keys: list[str], numbers: list[int]) -> dict[int, str]:
    """Index -> reason for lines that repeat earlier ones (indices into ``keys``).

    Long lines (>= :data:`DUPLICATE_MIN_CHARS`) repeat on their own, exactly or
    near-exactly; a line repeated right after itself repeats when it has a few
    words; short lines ("Amber:", "Cheers,") repeat only inside a run of lines
    that copies an earlier run next to a long repeated line.
    """
    anchors = _anchor_pairs(keys)
    found = {i: reason.format(numbers[j]) for i, (j, reason) in anchors.items()}
    for i, (j, _) in sorted(anchors.items()):
        for step in (1, -1):
            a, b = j + step, i + step
            while 0 <= a < i and j < b < len(keys) and keys[a] == keys[b] and a != b:
                found.setdefault(b, f"repeats line {numbers[a]} (repeated run)")
                a, b = a + step, b + step
    return found


def _anchor_pairs(keys: list[str]) -> dict[int, tuple[int, str]]:
    """Later index -> (earlier index, reason template) for lines that repeat alone."""
    first: dict[str, int] = {}
    postings: dict[str, list[int]] = {}
    anchors: dict[int, tuple[int, str]] = {}
    for i, key in enumerate(keys):
        if len(key) >= DUPLICATE_MIN_CHARS:
            if key in first:
                anchors[i] = (first[key], "repeats line {}")
            else:
                near = _near_duplicate(key, keys, postings)
                if near is not None:
                    anchors[i] = (near[0], f"near-repeat ({near[1]:.2f}) of line {{}}")
            if len(key) <= NEAR_DUPLICATE_MAX_CHARS:
                for word in set(key.split()):
                    postings.setdefault(word, []).append(i)
        elif (i and key == keys[i - 1] and key
              and len(key.split()) >= ADJACENT_REPEAT_MIN_WORDS):
            anchors[i] = (i - 1, "repeats line {}")
        first.setdefault(key, i)
    return anchors


def _near_duplicate(
    key: str, keys: list[str], postings: dict[str, list[int]],
) -> tuple[int, float] | None:
    """The earliest earlier long line at least :data:`NEAR_DUPLICATE_RATIO` similar."""
    if len(key) > NEAR_DUPLICATE_MAX_CHARS:
        return None
    words = set(key.split())
    shared: Counter[int] = Counter()
    for word in words:
        posting = postings.get(word, ())
        if len(posting) <= NEAR_DUPLICATE_MAX_POSTINGS:
            shared.update(posting)
    for j, count in sorted(shared.most_common(5), key=lambda jc: jc[0]):
        if count < 0.5 * len(words):
            continue
        matcher = difflib.SequenceMatcher(None, keys[j], key, autojunk=False)
        if matcher.quick_ratio() >= NEAR_DUPLICATE_RATIO:
            ratio = matcher.ratio()
            if ratio >= NEAR_DUPLICATE_RATIO:
                return j, ratio
    return None
