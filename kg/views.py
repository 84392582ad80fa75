"""What the explorer shows, as plain data: tables, page contents, reader HTML.

Pure functions over claims (and the graph built from them by :mod:`kg.graph`);
``app.py`` only lays them out. Nothing here imports streamlit.

Example:
    >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
    >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "@a", "handle"),
    ...           ConceptRef("team", "team"), "be", ObjectRef("a group", "group"), "definition")
    >>> comparison_table([c], "team")[["speaker", "is"]].to_dict("records")
    [{'speaker': '@a', 'is': 'a group — “” (S)'}]
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from kg.records import Block, Claim, Document

__all__ = [
    "ASPECTS",
    "READER_COLORS",
    "READER_NEGATED",
    "ComparisonEntry",
    "claim_rows",
    "comparison_entries",
    "comparison_table",
    "concept_options",
    "heatmap_data",
    "merge_claims",
    "reader_html",
    "reader_label",
    "side_by_side",
    "source_options",
    "speaker_options",
]

# The columns of the comparison table, in reading order.
ASPECTS = ("is", "is not", "requires", "differs", "properties")


@dataclass(frozen=True, slots=True)
class ComparisonEntry:
    """One thing a speaker says about a concept, under one aspect, with its quote."""

    speaker_id: str
    speaker: str
    aspect: str
    statement: str
    quote: str
    source: str
    source_id: str
    claim_id: str
    negated: bool
    hedged: bool

    def cell(self) -> str:
        """The entry as table text: statement, quote, source."""
        hedge = " (hedged)" if self.hedged else ""
        return f"{self.statement}{hedge} — “{self.quote}” ({self.source})"


def comparison_entries(claims: Iterable[Claim], concept: str) -> list[ComparisonEntry]:
    """What each speaker says ``concept`` is, is not, requires, differs from.

    Claims with ``concept`` as subject are read directly; claims with it as
    object are read from the other side ("customers aren't a community" says
    what a community is not).

    Example:
        >>> comparison_entries([], "community")
        []
    """
    entries = []
    for claim in claims:
        aspect_statement = _aspect(claim, concept)
        if aspect_statement is None:
            continue
        aspect, statement = aspect_statement
        entries.append(ComparisonEntry(
            speaker_id=claim.speaker.id, speaker=claim.speaker.label, aspect=aspect,
            statement=statement, quote=claim.evidence.text, source=claim.source.title,
            source_id=claim.source.id, claim_id=claim.id, negated=claim.negated,
            hedged=claim.hedged,
        ))
    return sorted(entries, key=lambda e: (e.speaker.casefold(), ASPECTS.index(e.aspect),
                                          e.source_id, e.claim_id))


def _aspect(claim: Claim, concept: str) -> tuple[str, str] | None:
    """(aspect, statement) of ``claim`` for ``concept``, or None when it is not about it."""
    verb = ("not " if claim.negated else "") + claim.predicate
    if claim.subject.id == concept:
        if claim.type == "definition":
            return ("is not" if claim.negated else "is"), claim.object.label
        if claim.type == "requirement":
            return "requires", f"{verb} {claim.object.label}"
        if claim.type == "contrast":
            return "differs", f"{verb} {claim.object.label}"
        return "properties", f"{verb} {claim.object.label}"
    if claim.object.concept == concept:
        if claim.type == "definition" and claim.negated:
            return "is not", claim.subject.label
        if claim.type == "contrast":
            return "differs", f"{claim.subject.label} {verb} {claim.object.label}"
        return "properties", f"{claim.subject.label} {verb} {claim.object.label}"
    return None


def comparison_table(claims: Iterable[Claim], concept: str) -> pd.DataFrame:
    """One row per speaker: what they say ``concept`` is / is not / requires / ...

    Each cell lists the speaker's statements under that aspect, one per line,
    each with its quote and source. Columns: ``speaker``, ``speaker_id``, the
    :data:`ASPECTS`, ``claims`` (how many claims the row rests on).
    """
    rows: dict[str, dict[str, object]] = {}
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in comparison_entries(claims, concept):
        rows.setdefault(entry.speaker_id, {"speaker": entry.speaker,
                                           "speaker_id": entry.speaker_id, "claims": 0})
        rows[entry.speaker_id]["claims"] += 1  # type: ignore[operator]
        cells[entry.speaker_id, entry.aspect].append(entry.cell())
    for (speaker_id, aspect), texts in cells.items():
        rows[speaker_id][aspect] = "\n".join(texts)
    columns = ["speaker", "speaker_id", *ASPECTS, "claims"]
    frame = pd.DataFrame(list(rows.values()), columns=columns)
    frame[list(ASPECTS)] = frame[list(ASPECTS)].fillna("")
    return frame.reset_index(drop=True)


def side_by_side(claims: Iterable[Claim], concept: str, speakers: Sequence[str]) -> pd.DataFrame:
    """Aspects as rows, the chosen speakers (ids, in the given order) as columns.

    Columns are headed by speaker label; a speaker with nothing to say about
    ``concept`` gets an empty column.
    """
    entries = [e for e in comparison_entries(claims, concept) if e.speaker_id in speakers]
    labels = {e.speaker_id: e.speaker for e in entries}
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in entries:
        cells[entry.aspect, entry.speaker_id].append(entry.cell())
    data = {labels.get(s, s): ["\n".join(cells.get((a, s), [])) for a in ASPECTS]
            for s in speakers}
    return pd.DataFrame(data, index=pd.Index(ASPECTS, name="aspect"))


def heatmap_data(claims: Iterable[Claim]) -> pd.DataFrame:
    """Long-format speaker x concept counts for a heatmap (altair ``rect``).

    A claim counts for its subject concept and, when different, its object
    concept. Columns: ``speaker``, ``speaker_id``, ``concept``, ``claims``,
    ``negated`` (how many of them are negated), ``mark`` (``"¬"`` if any is).
    """
    counts: Counter[tuple[str, str]] = Counter()
    negated: Counter[tuple[str, str]] = Counter()
    labels: dict[str, str] = {}
    for claim in claims:
        labels[claim.speaker.id] = claim.speaker.label
        for concept in {claim.subject.id, claim.object.concept} - {None}:
            counts[claim.speaker.id, concept] += 1
            negated[claim.speaker.id, concept] += claim.negated
    rows = [{"speaker": labels[s], "speaker_id": s, "concept": c, "claims": n,
             "negated": negated[s, c], "mark": "¬" if negated[s, c] else ""}
            for (s, c), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["speaker", "speaker_id", "concept", "claims", "negated",
                                       "mark"])


def claim_rows(claims: Iterable[Claim]) -> pd.DataFrame:
    """Claims as a readable table (one row per claim, quote and source included)."""
    rows = [{"speaker": c.speaker.label, "subject": c.subject.label,
             "relation": ("not " if c.negated else "") + c.predicate,
             "object": c.object.label, "type": c.type, "negated": c.negated,
             "hedged": c.hedged, "quote": c.evidence.text, "source": c.source.title,
             "claim": c.id} for c in claims]
    columns = ["speaker", "subject", "relation", "object", "type", "negated", "hedged", "quote",
               "source", "claim"]
    return pd.DataFrame(rows, columns=columns)


def concept_options(claims: Iterable[Claim]) -> list[str]:
    """Concept ids claimed about (subject or object), most claimed first, then by name.

    Example:
        >>> concept_options([])
        []
    """
    counts: Counter[str] = Counter()
    for claim in claims:
        counts.update({claim.subject.id, claim.object.concept} - {None})
    return sorted(counts, key=lambda c: (-counts[c], c))


def speaker_options(claims: Iterable[Claim]) -> dict[str, str]:
    """Speaker id -> label, most prolific first, then by label."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for claim in claims:
        counts[claim.speaker.id] += 1
        labels[claim.speaker.id] = claim.speaker.label
    return {s: labels[s] for s in sorted(counts, key=lambda s: (-counts[s], labels[s].casefold()))}


def source_options(claims: Iterable[Claim]) -> dict[str, str]:
    """Source id -> title, in source id order."""
    return dict(sorted({c.source.id: c.source.title for c in claims}.items()))


def merge_claims(existing: Iterable[Claim], added: Iterable[Claim]) -> list[Claim]:
    """``existing`` plus the claims of ``added`` whose id is new (ids are stable).

    Example:
        >>> merge_claims([], [])
        []
    """
    merged = {c.id: c for c in existing}
    for claim in added:
        merged.setdefault(claim.id, claim)
    return list(merged.values())


# Reader colours by claim type; a negated claim gets the negation colour.
READER_COLORS = {"definition": "#aec7e8", "contrast": "#ffbb78", "property": "#98df8a",
                 "requirement": "#c5b0d5"}
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
