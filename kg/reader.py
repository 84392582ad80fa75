"""The source reader: an article with each claim's evidence highlighted.

Evidence spans are drawn with displaCy's span renderer (``manual=True``, so no
spaCy pipeline is needed); the blocks that ingest skipped (boilerplate,
duplicates) are shown greyed out with the reason, so a reader sees what the
extractor used and what it ignored.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from kg.errors import InputError
from kg.records import Block, Claim, Document

__all__ = [
    "READER_COLORS",
    "READER_NEGATED",
    "load_source_document",
    "reader_caption",
    "reader_html",
    "reader_label",
]

logger = logging.getLogger(__name__)
# Reader colours by claim type; a negated claim gets the negation colour.
READER_COLORS: Mapping[str, str] = MappingProxyType({
    "definition": "#aec7e8", "contrast": "#ffbb78", "property": "#98df8a",
    "requirement": "#c5b0d5"})
READER_NEGATED = "#ff9896"
_WORD = re.compile(r"\S+")


def reader_html(document: Document, claims: Iterable[Claim]) -> str:
    """The document's text with each claim's evidence highlighted (displaCy spans).

    Each evidence span is labelled ``speaker · type`` (``· not`` when negated);
    boilerplate and duplicate blocks are shown greyed out with the reason they
    were skipped, so a reader sees what the extractor used and ignored.
    """
    own = [c for c in claims if c.source.id == document.id]
    blocks = document.blocks or (Block(0, len(document.text)),)
    parts = [_reader_block(document.text, block, own) for block in blocks]
    return '<div class="kg-reader">' + "\n".join(p for p in parts if p) + "</div>"


def reader_label(claim: Claim) -> str:
    """The label of a claim's highlight: ``speaker · type`` (``· not`` if negated).

    Example:
        >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
        >>> reader_label(Claim("c", Source("s", "", ""), Speaker("@a", "Ann", "handle"),
        ...              ConceptRef("x", "x"), "be", ObjectRef("y"), "definition", negated=True))
        'Ann · definition · not'
    """
    return f"{claim.speaker.label} · {claim.type}" + (" · not" if claim.negated else "")


def _reader_block(text: str, block: Block, claims: list[Claim]) -> str:
    chunk = text[block.start:block.end]
    if not chunk.strip():
        return ""
    if block.kind != "content":
        why = html.escape(f"{block.kind}: {block.reason}" if block.reason else block.kind)
        return (f'<div class="kg-skipped" title="{why}" style="color:#aaa;'
                f'background:#f6f6f6;padding:2px 6px;margin:2px 0;">{html.escape(chunk)}'
                f' <small>[skipped: {why}]</small></div>')
    words = [(m.start() + block.start, m.end() + block.start, m.group())
             for m in _WORD.finditer(chunk)]
    spans, colors = [], {}
    for claim in claims:
        start, end = claim.evidence.start, claim.evidence.end
        inside = [i for i, (s, e, _) in enumerate(words) if s < end and e > start]
        if not inside:
            continue
        label = reader_label(claim)
        colors[label] = READER_NEGATED if claim.negated else READER_COLORS.get(claim.type, "#ddd")
        spans.append({"start_token": inside[0], "end_token": inside[-1] + 1, "label": label})
    if not spans:
        return f"<p>{html.escape(chunk)}</p>"
    from spacy import displacy  # late: spaCy is slow to import and only the reader needs it

    data = {"text": chunk, "tokens": [w for _, _, w in words], "spans": spans}
    return displacy.render(data, style="span", manual=True, options={"colors": colors})


def reader_caption(document: Document, claims: Iterable[Claim]) -> str:
    """One line about what the reader shows: claims, used and skipped blocks.

    Example:
        >>> reader_caption(Document("d", "d.txt", "D", "text", (Block(0, 4),)), [])
        'D · 0 claims highlighted · 1 blocks read, 0 skipped'
    """
    n = sum(1 for c in claims if c.source.id == document.id)
    skipped = sum(1 for b in document.blocks if b.kind != "content")
    return (f"{document.title} · {n} claims highlighted · "
            f"{len(document.blocks) - skipped} blocks read, {skipped} skipped")


def load_source_document(claims_dir: Path, source_id: str, path: str = "", *,
                         roots: Sequence[Path] = ()) -> Document | None:
    """The document of ``source_id``: re-read from its file, else its saved text.

    Looks at the path in ``claims_dir/manifest.json``, then ``path``; each as
    given, then relative to ``roots`` and to the claims folder's grandparent
    (the project root for ``build/sample``). HTML sources whose file is gone
    fall back to the text the pipeline saved (``texts/<id>.txt``, without
    blocks). ``None`` when nothing is found.
    """
    from kg.ingest import read_document

    entry = _manifest_entry(claims_dir, source_id)
    candidates = [entry.get("path", ""), path]
    folders = [Path(), *roots, claims_dir.parent.parent]
    for candidate in filter(None, candidates):
        for root in folders:
            file = root / candidate
            if file.is_file():
                try:
                    return read_document(file)
                except InputError as e:
                    logger.warning("%s", e)
    text_path = entry.get("text_path")
    if text_path and (claims_dir / text_path).is_file():
        text = (claims_dir / text_path).read_text(encoding="utf-8")
        return Document(id=source_id, path=str(entry.get("path", "")),
                        title=str(entry.get("title", source_id)), text=text)
    return None


def _manifest_entry(claims_dir: Path, source_id: str) -> dict:
    try:
        manifest = json.loads((claims_dir / "manifest.json").read_text(encoding="utf-8"))
        return next((e for e in manifest.get("sources", []) if e.get("id") == source_id), {})
    except (OSError, ValueError, AttributeError):
        return {}
