"""The explorer's data, cached: claims, graph, RDF and what the views derive from them.

``app.py`` draws; this module loads and caches (Streamlit's caches live here, at
module level, so reruns of ``app.py`` reuse them). Claims, graphs and datasets are
cached by content hash, not per rerun; derived tables per content key.

``KG_CLAIMS_DIR`` (read here only) names the folder holding ``claims.jsonl``; it
defaults to ``build/sample``, which is built from ``data/corpus`` at first start when
missing.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
import threading
from pathlib import Path

import networkx as nx
import streamlit as st

from kg import reader, session, views
from kg.records import Claim, Document

ROOT = Path(__file__).resolve().parent
CLAIMS_DIR_ENV = "KG_CLAIMS_DIR"
DEFAULT_CLAIMS_DIR = ROOT / "build" / "sample"
CORPUS_DIR = ROOT / "data" / "corpus"
GRAPH_HEIGHT = 680
HEATMAP_SPEAKERS = 40


# The server's event loop (which also serves the page's JavaScript, loaded piece by piece
# as elements arrive) shares the GIL with the script thread. While the script computes
# (the graph, the ranking), Python's default 5 ms switch interval makes each of those
# requests wait for the GIL, and the first view's figures showed up ~1 s later in the
# browser at 20,000 claims. A shorter interval lets the loop in between computations.
SWITCH_INTERVAL = 0.0005  # s (Python's default: 0.005)
sys.setswitchinterval(SWITCH_INTERVAL)


def claims_dir() -> Path:
    """The folder holding ``claims.jsonl`` (``KG_CLAIMS_DIR`` or ``build/sample``)."""
    return Path(os.environ.get(CLAIMS_DIR_ENV) or DEFAULT_CLAIMS_DIR)


def ensure_sample(out: Path) -> None:
    """Build the sample claims at first start, one article at a time, with progress."""
    if (out / "claims.jsonl").exists():
        return
    from kg.pipeline import run_extract

    # Relative paths when run from the project root, as `kg extract data/corpus` writes them.
    files = sorted(Path(os.path.relpath(p)) for p in CORPUS_DIR.iterdir() if p.is_file())
    bar = st.progress(0.0, text="Building the sample graph (first start)…")
    for i, path in enumerate(files, start=1):
        # run_extract is incremental: each call reuses the articles already extracted.
        run_extract(files[:i], out, progress=False, on_error=lambda m: None)
        bar.progress(i / len(files), text=f"Extracted {path.name} ({i}/{len(files)})")
    bar.empty()


def content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes: the cache key of everything derived from it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Claims, graphs and RDF datasets are cached by content hash and shared read-only
# (cache_resource): cache_data would pickle and unpickle them on every rerun, which
# takes ~0.8 s for 20,000 claims. Claims are frozen records in a tuple; nothing
# here mutates a cached graph (views are new graphs).
@st.cache_resource(show_spinner="Reading claims…", max_entries=4)
def load_claims(digest: str, path: str) -> tuple[Claim, ...]:
    """The claims of ``path``; cached by content (``digest``), not by rerun."""
    from kg.claims_io import read_claims

    return tuple(read_claims(path))


@st.cache_resource(show_spinner="Building the graph…", max_entries=4)
def claim_graph(key: str, _claims: tuple[Claim, ...]) -> nx.MultiDiGraph:
    """The claim graph of ``_claims``, cached by ``key`` (content hash + added claims)."""
    return views.build_claim_graph(_claims)


@st.cache_resource(show_spinner="Building RDF…", max_entries=4)
def claim_dataset(key: str, _claims: tuple[Claim, ...]):
    """The RDF dataset of ``_claims``, cached by ``key``."""
    return session.build_dataset(_claims, roots=[ROOT])


# Derived data, cached per content key (small, so cache_data's copies are cheap);
# an interaction that does not change the data reuses them.
@st.cache_data(show_spinner=False, max_entries=16)
def selection_options(key: str, _claims: tuple[Claim, ...]) -> tuple[list[str], dict[str, str],
                                                                     dict[str, str]]:
    """Concept ids, speaker id -> label, source id -> title."""
    return (views.concept_options(_claims), views.speaker_options(_claims),
            views.source_options(_claims))


@st.cache_data(show_spinner=False, max_entries=16)
def focus_choices(key: str, _graph: nx.MultiDiGraph) -> dict[str, str]:
    """Focus node id -> caption (concepts, then speakers)."""
    return views.focus_captions(_graph)


# The Overview's parts are cached one by one, so each is drawn as soon as it is ready:
# the figures come first, the centrality ranking (the slowest part) last.
@st.cache_data(show_spinner=False, max_entries=16)
def overview_figures(key: str, _claims: tuple[Claim, ...]) -> dict[str, int]:
    """Sources, speakers, concepts, claims."""
    return views.summary_figures(_claims)


@st.cache_data(show_spinner=False, max_entries=16)
def concept_chart_data(key: str, _claims: tuple[Claim, ...]):
    """Claims per concept and type."""
    return views.claims_per_concept(_claims)


@st.cache_data(show_spinner="Ranking concepts…", max_entries=16)
def centrality(key: str, _graph: nx.MultiDiGraph):
    """The concept ranking."""
    return views.concept_table(_graph)


@st.cache_data(show_spinner=False, max_entries=16)
def heatmap(key: str, _graph: nx.MultiDiGraph):
    """The speaker x concept heatmap data and its caption."""
    heat = views.heatmap_data(_graph, max_speakers=HEATMAP_SPEAKERS)
    return heat, views.heatmap_caption(_graph, heat)


@st.cache_data(show_spinner=False, max_entries=32)
def network_html(key: str, filters: views.GraphFilters, _graph: nx.MultiDiGraph):
    """The filtered view's HTML (None when empty) and what the view holds."""
    from kg.viz import render_network  # pyvis and jinja2: only this view needs them

    view, info = views.graph_view(_graph, filters)
    if view.number_of_nodes() == 0:
        return None, info
    return render_network(view, height=f"{GRAPH_HEIGHT}px", physics=filters.physics), info


@st.cache_resource(show_spinner="Loading the spaCy pipeline…")
def nlp_pipeline():
    """The spaCy pipeline (loaded once per server, only when articles are added)."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@st.cache_resource
def vocabulary():
    """The concept vocabulary (SKOS)."""
    from kg.vocab import load_vocabulary

    return load_vocabulary()


@st.cache_data(show_spinner=False, max_entries=64)
def source_document(folder: str, source_id: str, path: str) -> Document | None:
    """The document a source id names (manifest path, saved text or claim path)."""
    return reader.load_source_document(Path(folder), source_id, path, roots=[ROOT])


def corpus() -> tuple[tuple[Claim, ...], str]:
    """All claims of this session (sample + added articles) and their cache key."""
    folder = claims_dir()
    ensure_sample(folder)
    file = folder / "claims.jsonl"
    digest = content_hash(file)
    base = load_claims(digest, str(file))
    added = st.session_state.get("added_claims", ())
    if not added:
        return base, digest
    merged = tuple(views.merge_claims(base, added))
    key = digest + ":" + hashlib.sha256(" ".join(c.id for c in added).encode()).hexdigest()
    return merged, key


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Import spaCy in the background once per server, after the first page is drawn.

    Only the source reader (displaCy) and adding articles need spaCy, and its
    import takes over a second: done here, opening those views stays fast.
    """
    thread = threading.Thread(target=importlib.import_module, args=("spacy.displacy",),
                              name="kg-warm-up", daemon=True)
    thread.start()
    return thread
