"""What the explorer shows, as plain data: comparisons, options, graph view, overview.

Pure functions over claims (and the graph built from them by :mod:`kg.graph`);
``app.py`` only lays them out. The concept and speaker pages are in
:mod:`kg.pages`, the source reader in :mod:`kg.reader`. Nothing here imports
streamlit.

Example:
    >>> from kg.records import Claim, ConceptRef, ObjectRef, Source, Speaker
    >>> c = Claim("c-1", Source("s", "s.txt", "S"), Speaker("@a", "@a", "handle"),
    ...           ConceptRef("team", "team"), "be", ObjectRef("a group", "group"), "definition")
    >>> comparison_table([c], "team")[["speaker", "is"]].to_dict("records")
    [{'speaker': '@a', 'is': 'a group — “” (S)'}]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx
import pandas as pd

from kg.graph import (
    ViewInfo,
    build_graph,
    concept_ranking,
    node_id,
    speaker_concept_matrix,
    subgraph_view,
    summary,
)
from kg.records import CLAIM_TYPES as CLAIM_TYPE_NAMES
from kg.records import Claim

__all__ = [
    "ASPECTS",
    "CLAIM_TYPES",
    "NEGATION_CHOICES",
    "NODE_BUDGET",
    "OPTION_LIMIT",
    "ComparisonEntry",
    "GraphFilters",
    "budget_notice",
    "build_claim_graph",
    "claims_per_concept",
    "concept_table",
    "focus_captions",
    "focus_options",
    "graph_view",
    "heatmap_caption",
    "node_caption",
    "option_note",
    "shown_options",
    "slug",
    "summary_figures",
    "claim_rows",
    "comparison_entries",
    "comparison_table",
    "concept_options",
    "heatmap_data",
    "merge_claims",
    "resolve_choice",
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


# A select box or multiselect ships at most this many options to the browser: a list of
# ~10,000 speakers is half a megabyte that the page must receive and render before the
# first view; the rest are found by typing in a search box (:func:`shown_options`).
OPTION_LIMIT = 200


def shown_options(options: Mapping[str, str], search: str = "", *,
                  keep: Iterable[str | None] = (), limit: int = OPTION_LIMIT) -> dict[str, str]:
    """The first ``limit`` of ``options`` (id -> label) whose id or label contains ``search``.

    Matching ignores case; the order of ``options`` is kept (most claimed first), and the
    ids in ``keep`` (current selections) are always included, after the others.

    Example:
        >>> speakers = {"@a": "Ann", "@b": "Bob", "@c": "Cat"}
        >>> shown_options(speakers, limit=2), shown_options(speakers, "CA")
        ({'@a': 'Ann', '@b': 'Bob'}, {'@c': 'Cat'})
        >>> shown_options(speakers, "bob", keep=["@a", None])
        {'@b': 'Bob', '@a': 'Ann'}
    """
    text = search.strip().casefold()
    shown: dict[str, str] = {}
    for ident, label in options.items():
        if len(shown) >= limit:
            break
        if not text or text in ident.casefold() or text in label.casefold():
            shown[ident] = label
    for ident in keep:
        if ident is not None and ident in options:
            shown.setdefault(ident, options[ident])
    return shown


def option_note(shown: int, total: int, noun: str) -> str:
    """What a shortened list says about the options left out ("" when none are).

    Example:
        >>> option_note(200, 10222, "speakers")
        'Listing 200 of 10,222 speakers: type to find the others.'
    """
    if shown >= total:
        return ""
    return f"Listing {shown:,} of {total:,} {noun}: type to find the others."


def resolve_choice(value: str | None, options: Mapping[str, str]) -> str | None:
    """The option id a URL value names: the id itself, a label, or ``label (id)``.

    Example:
        >>> speakers = {"@rhappe": "Rachel Happe", "@deb_lavoy": "deb_lavoy"}
        >>> [resolve_choice(v, speakers) for v in ("@rhappe", "rachel happe",
        ...                                        "Rachel Happe (@rhappe)", "nobody", None)]
        ['@rhappe', '@rhappe', '@rhappe', None, None]
    """
    if not value:
        return None
    if value in options:
        return value
    text = value.strip().casefold()
    for ident, label in options.items():
        if text in (label.casefold(), f"{label} ({ident})".casefold()):
            return ident
    return None


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



# ------------------------------------------------------------------ graph view

NODE_BUDGET = 150
CLAIM_TYPES = CLAIM_TYPE_NAMES
# The negation filter's choices and what each asks of subgraph_view.
NEGATION_CHOICES: Mapping[str, bool | None] = MappingProxyType({
    "all": None, "negated only": True, "affirmative only": False})


@dataclass(frozen=True, slots=True)
class GraphFilters:
    """What the Graph view's filters selected (empty tuples: no filter)."""

    concepts: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    negated: bool | None = None
    min_degree: int = 0
    focus: str | None = None
    hops: int = 2
    include_claims: bool = False
    include_sources: bool = False
    max_nodes: int = NODE_BUDGET
    physics: bool = True


def build_claim_graph(claims: Iterable[Claim]) -> nx.MultiDiGraph:
    """The claim graph (:func:`kg.graph.build_graph`)."""
    return build_graph(claims)


def graph_view(graph: nx.MultiDiGraph, filters: GraphFilters) -> tuple[nx.MultiDiGraph, ViewInfo]:
    """The view the filters select (:func:`kg.graph.subgraph_view`; empty = no filter)."""
    return subgraph_view(
        graph, concepts=filters.concepts or None, speakers=filters.speakers or None,
        sources=filters.sources or None, types=filters.types or None,
        negated=filters.negated, min_degree=filters.min_degree, focus=filters.focus,
        hops=filters.hops, include_claims=filters.include_claims,
        include_sources=filters.include_sources, max_nodes=filters.max_nodes,
    )


def budget_notice(info: ViewInfo) -> str:
    """What the page says when the node budget cut the view."""
    return (f"Large graph: showing the {info.nodes} best-connected of {info.total_nodes} nodes. "
            "Narrow the filters, focus on a node or raise the node budget to see more.")


def focus_options(graph: nx.MultiDiGraph) -> list[str]:
    """Concept and speaker node ids to focus on, concepts first, by label."""
    nodes = [(t != "concept", str(graph.nodes[n].get("label", n)).casefold(), n)
             for n, t in graph.nodes(data="type") if t in ("concept", "speaker")]
    return [n for *_, n in sorted(nodes)]


def focus_captions(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Focus node id -> caption (:func:`focus_options` order, :func:`node_caption` text)."""
    return {n: node_caption(graph, n) for n in focus_options(graph)}


def node_caption(graph: nx.MultiDiGraph, node: str) -> str:
    """``label (type)`` of a node, for select boxes."""
    data = graph.nodes[node] if node in graph else {}
    return f"{data.get('label', node)} ({data.get('type', '?')})"


# ------------------------------------------------------------ summary / overview

def summary_figures(claims: Iterable[Claim]) -> dict[str, int]:
    """The first screen's figures: sources, speakers, concepts, claims.

    The node counts of :func:`kg.graph.summary`, read off the claims, so the first
    screen need not wait for the graph.

    Example:
        >>> summary_figures([])
        {'Sources': 0, 'Speakers': 0, 'Concepts': 0, 'Claims': 0}
    """
    sources, speakers, concepts, ids = set(), set(), set(), set()
    for claim in claims:
        sources.add(claim.source.id)
        speakers.add(claim.speaker.id)
        concepts.add(claim.subject.id)
        if claim.object.concept is not None:
            concepts.add(claim.object.concept)
        ids.add(claim.id)
    return {"Sources": len(sources), "Speakers": len(speakers), "Concepts": len(concepts),
            "Claims": len(ids)}


def claims_per_concept(claims: Iterable[Claim], *, limit: int = 15) -> pd.DataFrame:
    """Claims per subject concept and type (long format), the ``limit`` busiest concepts."""
    counts = Counter((c.subject.id, c.type) for c in claims)
    totals: Counter[str] = Counter()
    for (concept, _), n in counts.items():
        totals[concept] += n
    top = {c for c, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    rows = [{"concept": c, "type": t, "claims": n} for (c, t), n in sorted(counts.items())
            if c in top]
    return pd.DataFrame(rows, columns=["concept", "type", "claims"])


def concept_table(graph: nx.MultiDiGraph, *, limit: int = 20) -> pd.DataFrame:
    """Concepts ranked by centrality (:func:`kg.graph.concept_ranking`)."""
    rows = concept_ranking(graph, limit=limit)
    columns = ["rank", "concept", "score", "claims", "speakers", "in_vocabulary"]
    return pd.DataFrame(rows, columns=columns)


def heatmap_data(graph: nx.MultiDiGraph, *, max_speakers: int | None = None) -> pd.DataFrame:
    """Long-format speaker x concept claim counts for a heatmap (altair ``rect``).

    From :func:`kg.graph.speaker_concept_matrix`; zero cells are left out.
    ``max_speakers``: keep the speakers with the highest cell totals (ties by id), so a
    large corpus still gives a readable chart. Columns: ``speaker`` (label),
    ``speaker_id``, ``concept``, ``claims``, ``negated`` (how many are
    negated) and ``mark`` (``"¬"`` when any is).
    """
    matrix = speaker_concept_matrix(graph)
    counts_frame, negated_frame = matrix.counts, matrix.negated
    if max_speakers is not None and len(counts_frame) > max_speakers:
        totals = counts_frame.sum(axis=1)
        top = sorted(totals.index, key=lambda s: (-totals[s], s))[:max_speakers]
        counts_frame, negated_frame = counts_frame.loc[top], negated_frame.loc[top]
    counts = counts_frame.stack().rename("claims")
    negated = negated_frame.stack().rename("negated")
    frame = pd.concat([counts, negated], axis=1).reset_index()
    frame = frame[frame["claims"] > 0].rename(columns={"speaker": "speaker_id"})
    frame.insert(0, "speaker", [graph.nodes[node_id("speaker", s)]["label"]
                                for s in frame["speaker_id"]])
    frame["mark"] = ["¬" if n else "" for n in frame["negated"]]
    columns = ["speaker", "speaker_id", "concept", "claims", "negated", "mark"]
    return frame[columns].reset_index(drop=True)


def heatmap_caption(graph: nx.MultiDiGraph, heat: pd.DataFrame) -> str:
    """What the heatmap shows, and how many speakers it leaves out."""
    shown = heat["speaker_id"].nunique()
    total = summary(graph)["speaker"]
    text = "Claim counts per speaker and concept; ¬ marks negated claims."
    if shown < total:
        text += f" The {shown} speakers with most claims of {total}."
    return text


def slug(text: str) -> str:
    """A file-name-safe form of ``text``.

    Example:
        >>> slug("external community")
        'external-community'
    """
    return re.sub(r"[^\w.-]+", "-", text.casefold()).strip("-") or "concept"
