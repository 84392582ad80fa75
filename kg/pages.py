"""The concept page and the speaker page of the explorer, as plain data.

Each page gathers what the app shows about one concept or one speaker: names
(vocabulary labels and aliases, speaker aliases), claims, related concepts with
the claims that link them, and agreements and disagreements
(:func:`kg.graph.agreements`, :func:`kg.graph.disagreements`). Nothing here
imports streamlit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from kg.graph import agreements, disagreements, node_id, split_node_id
from kg.graph.analysis import concept_node
from kg.records import Claim
from kg.views import claim_rows
from kg.vocab import Vocabulary

__all__ = [
    "PAIRS_CLAIM_LIMIT",
    "PAIR_COLUMNS",
    "QUOTES_PER_LINK",
    "ConceptPage",
    "SpeakerPage",
    "concept_page",
    "page_caption",
    "related_concepts",
    "speaker_page",
]


@dataclass(frozen=True)
class ConceptPage:
    """Everything the concept page shows."""

    id: str
    label: str
    facts: dict[str, str]
    definition: str
    claims: pd.DataFrame
    related: pd.DataFrame
    agreements: pd.DataFrame
    disagreements: pd.DataFrame
    pairs_note: str = ""


@dataclass(frozen=True)
class SpeakerPage:
    """Everything the speaker page shows."""

    id: str
    label: str
    facts: dict[str, str]
    claims: pd.DataFrame
    concepts: pd.DataFrame
    agreements: pd.DataFrame
    disagreements: pd.DataFrame


# Agreement/disagreement pairs grow with the square of a concept's claims; above
# this many claims about a concept the pages skip them and say so.
PAIRS_CLAIM_LIMIT = 400
QUOTES_PER_LINK = 5
PAIR_COLUMNS = ("kind", "concept", "relation", "speaker_a", "object_a", "negated_a",
                "evidence_a", "speaker_b", "object_b", "negated_b", "evidence_b")


def concept_page(graph: nx.MultiDiGraph, claims: Iterable[Claim], vocabulary: Vocabulary | None,
                 concept: str, *, pairs_limit: int = PAIRS_CLAIM_LIMIT) -> ConceptPage:
    """Labels and aliases (from the vocabulary), claims, related concepts, (dis)agreements.

    Agreements and disagreements (:func:`kg.graph.agreements`, ...) compare every
    pair of claims about the concept; above ``pairs_limit`` claims they are left
    empty, with a note.

    Raises:
        networkx.NodeNotFound: when the graph has no such concept.
    """
    node = concept_node(graph, concept)
    known = vocabulary.concepts.get(concept) if vocabulary is not None else None
    label = known.pref_label if known else str(graph.nodes[node].get("label", concept))
    facts = {"id": concept, "in vocabulary": "yes" if known else "no"}
    if known:
        facts |= {"aliases": ", ".join(known.alt_labels) or "—",
                  "broader": ", ".join(known.broader) or "—",
                  "narrower": ", ".join(known.narrower) or "—"}
    about = [c for c in claims if concept in (c.subject.id, c.object.concept)]
    agree, disagree, note = [], [], ""
    if len(about) > pairs_limit:  # every pair is compared: quadratic
        note = (f"Agreements and disagreements are not computed here for concepts with more "
                f"than {pairs_limit:,} claims ({concept}: {len(about):,}). Open a speaker's "
                "page, filter the corpus, or call kg.graph.agreements in a notebook.")
    else:
        agree, disagree = agreements(graph, concept), disagreements(graph, concept)
    return ConceptPage(
        id=concept, label=label, facts=facts, definition=known.definition if known else "",
        claims=claim_rows(about), related=related_concepts(graph, concept),
        agreements=_pairs(graph, agree), disagreements=_pairs(graph, disagree),
        pairs_note=note,
    )


def related_concepts(graph: nx.MultiDiGraph, concept: str) -> pd.DataFrame:
    """Concepts linked to ``concept`` by derived edges, with the claims behind each link."""
    node = concept_node(graph, concept)
    rows = []
    for u, v, data in [*graph.out_edges(node, data=True), *graph.in_edges(node, data=True)]:
        if not data.get("derived"):
            continue
        other = v if u == node else u
        quotes = list(dict.fromkeys(graph.nodes[node_id("claim", c)].get("evidence", "")
                                    for c in data["claims"][:QUOTES_PER_LINK * 4]))
        more = len(data["claims"]) - min(len(quotes), QUOTES_PER_LINK)
        rows.append({
            "concept": split_node_id(other)[1],
            "link": (f"{concept} {data['relation']} {split_node_id(other)[1]}" if u == node
                     else f"{split_node_id(other)[1]} {data['relation']} {concept}"),
            "claims": data["count"],
            "speakers": ", ".join(graph.nodes[node_id("speaker", s)]["label"]
                                  for s in data["speakers"]),
            "quotes": "\n".join([*(f"“{q}”" for q in quotes[:QUOTES_PER_LINK]),
                                 *([f"… and {more} more claims"] if more > 0 else [])]),
        })
    rows.sort(key=lambda r: (-r["claims"], r["concept"], r["link"]))
    return pd.DataFrame(rows, columns=["concept", "link", "claims", "speakers", "quotes"])


def speaker_page(graph: nx.MultiDiGraph, claims: Iterable[Claim], speaker: str) -> SpeakerPage:
    """A speaker's names, claims, concepts and who they agree or disagree with.

    Only the speaker's own claims are compared with the others' (linear in the claims
    about each concept), so this holds on large corpora too.

    Raises:
        networkx.NodeNotFound: when the graph has no such speaker.
    """
    node = node_id("speaker", speaker)
    if node not in graph:
        raise nx.NodeNotFound(f"speaker: no speaker {speaker!r} in the graph")
    data = graph.nodes[node]
    own = [c for c in claims if c.speaker.id == speaker]
    facts = {"id": speaker, "kind": str(data.get("kind", "")),
             "aliases": ", ".join(data.get("aliases", ())) or "—",
             "sources": ", ".join(sorted({c.source.title for c in own})) or "—"}
    concepts = Counter(k for c in own for k in {c.subject.id, c.object.concept} - {None})
    concept_frame = pd.DataFrame(
        [{"concept": k, "claims": n} for k, n in sorted(concepts.items(),
                                                        key=lambda kv: (-kv[1], kv[0]))],
        columns=["concept", "claims"])
    return SpeakerPage(
        id=speaker, label=str(data.get("label", speaker)), facts=facts, claims=claim_rows(own),
        concepts=concept_frame,
        agreements=_pairs(graph, agreements(graph, speaker=speaker)),
        disagreements=_pairs(graph, disagreements(graph, speaker=speaker)),
    )


def page_caption(facts: Mapping[str, str]) -> str:
    """``key: value · key: value`` for a page's facts.

    Example:
        >>> page_caption({"id": "team", "aliases": "teams"})
        'id: team · aliases: teams'
    """
    return " · ".join(f"{k}: {v}" for k, v in facts.items())


def _pairs(graph: nx.MultiDiGraph, rows: list[dict]) -> pd.DataFrame:
    """Agreement/disagreement rows with speaker labels instead of ids."""
    def label(s: str) -> str:
        return str(graph.nodes[node_id("speaker", s)].get("label", s))

    shown = [{**r, "speaker_a": label(r["speaker_a"]), "speaker_b": label(r["speaker_b"])}
             for r in rows]
    return pd.DataFrame(shown, columns=list(PAIR_COLUMNS))
