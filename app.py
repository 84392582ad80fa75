"""kg explorer: who says what a concept is. Presentation only.

Run with ``make run`` (or ``streamlit run app.py``). Every computation lives in
``kg`` (mostly :mod:`kg.views`); this file lays it out. Each ``show_*``
function draws one view; each small function named for a UI role returns the
user's selection. The selected view, concept and speaker are bound to the
URL's query parameters, so a view can be shared.

The data it draws is loaded and cached in ``app_data.py`` (``KG_CLAIMS_DIR`` names
the folder holding ``claims.jsonl``; default ``build/sample``, built at first start).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import altair as alt
import networkx as nx
import streamlit as st

from app_data import (
    GRAPH_HEIGHT,
    centrality,
    claim_dataset,
    claim_graph,
    claims_dir,
    concept_chart_data,
    corpus,
    focus_choices,
    heatmap,
    network_html,
    nlp_pipeline,
    overview_figures,
    selection_options,
    source_document,
    vocabulary,
    warm_up,
)
from kg import pages, reader, session, views
from kg.records import Claim

VIEWS = ("Overview", "Graph", "Compare definitions", "Concept page", "Speaker page",
         "Source reader", "SPARQL", "Export", "Add articles")
# Views that draw from the claim graph (the others need only the claims).
GRAPH_VIEWS = ("Graph", "Compare definitions", "Concept page", "Speaker page", "Export")
COMPARISON_ROW_HEIGHT = 120  # px: about five lines of a quote, wrapped


# ------------------------------------------------------------------ selections

def navigation(concepts: list[str], speakers: dict[str, str]) -> tuple[str, str | None,
                                                                         str | None]:
    """Sidebar: the view, the selected concept and speaker (all in the URL)."""
    st.sidebar.title("kg explorer")
    view = st.sidebar.radio("View", VIEWS, key="view", bind="query-params")
    concept = url_choice("Concept", {c: c for c in concepts}, "concept", "concepts")
    speaker = url_choice("Speaker", speakers, "speaker", "speakers")
    st.sidebar.caption(f"Claims from `{claims_dir()}`")
    return view, concept, speaker


def url_choice(label: str, options: dict[str, str], key: str, noun: str) -> str | None:
    """A sidebar select box of ``options`` (id -> label) whose choice is ``?key=<id>``.

    A shared link opens on its choice (an id such as ``@rhappe``, or a label); the URL
    follows every change, so it always names what is shown. A long list is cut to the
    first :data:`kg.views.OPTION_LIMIT` with a search box above it for the others.
    """
    ids = list(options)
    if st.session_state.get(key) not in options:
        wanted = views.resolve_choice(st.query_params.get(key), options)
        st.session_state[key] = wanted or (ids[0] if ids else None)
    def text(ident: str) -> str:
        name = options.get(ident, ident)
        return name if name == ident else f"{name} ({ident})"

    search = option_search(st.sidebar, f"Find a {label.casefold()}", f"{key}_find", options)
    shown = views.shown_options(options, search, keep=[st.session_state[key]],
                                limit=views.OPTION_LIMIT)
    choice = st.sidebar.selectbox(label, list(shown), key=key, format_func=text)
    if note := views.option_note(len(shown), len(options), noun):
        st.sidebar.caption(note)
    if choice is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = choice
    return choice


def option_search(container, label: str, key: str, *lists: dict[str, str]) -> str:
    """A search box for option lists longer than the limit ("" when all are short)."""
    if all(len(options) <= views.OPTION_LIMIT for options in lists):
        return ""
    return container.text_input(label, key=key, placeholder="part of a name or id")


def shown(options: dict[str, str], search: str, key: str) -> dict[str, str]:
    """The options a widget keyed ``key`` lists: matches of ``search`` and its selection."""
    return views.shown_options(options, search, keep=st.session_state.get(key) or (),
                               limit=views.OPTION_LIMIT)


def graph_filters(options: tuple[list[str], dict[str, str], dict[str, str]],
                  focus_nodes: dict[str, str]) -> views.GraphFilters:
    """The Graph view's filters (an expander above the network)."""
    concept_ids, speakers, sources = options
    concept_names = {c: c for c in concept_ids}
    with st.expander("Filters", expanded=False):
        search = option_search(st, "Find concepts, speakers, sources or focus nodes",
                               "g_find", concept_names, speakers, sources, focus_nodes)
        lists = {"concepts": (concept_names, "g_concepts"), "speakers": (speakers, "g_speakers"),
                 "sources": (sources, "g_sources"), "focus nodes": (focus_nodes, "g_focus")}
        listed = {noun: shown(opts, search, key) for noun, (opts, key) in lists.items()}
        notes = [note for noun, (opts, _) in lists.items()
                 if (note := views.option_note(len(listed[noun]), len(opts), noun))]
        if notes:
            st.caption(" ".join(notes))
        c1, c2, c3 = st.columns(3)
        concepts = c1.multiselect("Concepts", list(listed["concepts"]), key="g_concepts")
        chosen_speakers = c2.multiselect("Speakers", list(listed["speakers"]), key="g_speakers",
                                         format_func=lambda s: speakers.get(s, s))
        chosen_sources = c3.multiselect("Sources", list(listed["sources"]), key="g_sources",
                                        format_func=lambda s: sources.get(s, s))
        c1, c2, c3 = st.columns(3)
        types = c1.multiselect("Claim types", views.CLAIM_TYPES, key="g_types")
        negation = c2.radio("Negation", views.NEGATION_CHOICES, key="g_negation",
                            horizontal=True)
        min_degree = c3.slider("Minimum degree", 0, 10, 0, key="g_min_degree")
        c1, c2, c3 = st.columns(3)
        focus = c1.selectbox("Focus node", list(listed["focus nodes"]), index=None,
                             key="g_focus", placeholder="(whole graph)",
                             format_func=lambda n: focus_nodes.get(n, n))
        hops = c2.slider("Hops around focus", 1, 4, 2, key="g_hops")
        max_nodes = c3.number_input("Node budget", 20, 2000, views.NODE_BUDGET, step=20,
                                    key="g_max_nodes")
        c1, c2, c3 = st.columns(3)
        include_claims = c1.toggle("Show claim nodes", value=False, key="g_claims")
        include_sources = c2.toggle("Show source nodes", value=False, key="g_sources_nodes")
        physics = c3.toggle("Physics", value=True, key="g_physics")
    return views.GraphFilters(
        concepts=tuple(concepts), speakers=tuple(chosen_speakers),
        sources=tuple(chosen_sources), types=tuple(types),
        negated=views.NEGATION_CHOICES[negation], min_degree=int(min_degree), focus=focus,
        hops=int(hops), include_claims=include_claims, include_sources=include_sources,
        max_nodes=int(max_nodes), physics=physics,
    )


def compared_speakers(claims: tuple[Claim, ...], concept: str) -> list[str]:
    """The speakers to show side by side (two or more)."""
    table = views.comparison_table(claims, concept)
    options = dict(zip(table["speaker_id"], table["speaker"], strict=True))
    search = option_search(st, "Find speakers to compare", "compare_find", options)
    default = list(options)[:2]
    listed = views.shown_options(options, search, limit=views.OPTION_LIMIT,
                                 keep=[*(st.session_state.get("compare_speakers") or ()),
                                       *default])
    if note := views.option_note(len(listed), len(options), "speakers"):
        st.caption(note)
    return st.multiselect("Compare speakers side by side", list(listed), default=default,
                          key="compare_speakers", format_func=lambda s: options.get(s, s))


def source_choice(claims: tuple[Claim, ...]) -> str | None:
    """The source to read."""
    sources = views.source_options(claims)
    return st.selectbox("Source", list(sources), key="reader_source",
                        format_func=lambda s: sources.get(s, s),
                        index=0 if sources else None)


def sparql_text() -> tuple[str, bool]:
    """The SPARQL query (prefilled from the examples) and whether it was submitted."""
    examples = session.example_queries()
    if "sparql_query" not in st.session_state:
        st.session_state.sparql_query = next(iter(examples.values()), session.DEFAULT_QUERY)

    def use_example() -> None:
        st.session_state.sparql_query = examples[st.session_state.sparql_example]

    if examples:
        st.selectbox("Example queries", list(examples), key="sparql_example",
                     on_change=use_example, index=None, placeholder="Pick an example…")
    with st.form("sparql"):
        query = st.text_area("SPARQL", key="sparql_query", height=220)
        submitted = st.form_submit_button("Run query")
    return query, submitted


def article_inputs() -> tuple[list, str, bool]:
    """Uploaded files, pasted text and whether "Extract" was pressed."""
    files = st.file_uploader("Articles (.txt, .md, .html)", accept_multiple_files=True,
                             type=["txt", "md", "html", "htm"], key="upload")
    pasted = st.text_area("…or paste an article", key="pasted", height=160)
    go = st.button("Extract and add", type="primary", key="extract")
    return list(files or []), pasted, go


# ----------------------------------------------------------------------- views

def show_overview(claims: tuple[Claim, ...], key: str) -> None:
    """Summary figures and a chart of claims per concept and type, then the ranking.

    Figures and chart come from the claims: they are drawn before the graph is built.
    """
    st.header("Who says what a concept is")
    cols = st.columns(4)
    for col, (label, value) in zip(cols, overview_figures(key, claims).items(), strict=True):
        col.metric(label, value)
    data = concept_chart_data(key, claims)
    if not data.empty:
        chart = alt.Chart(data).mark_bar().encode(
            x=alt.X("claims:Q", title="claims"),
            y=alt.Y("concept:N", sort="-x", title=None),
            color=alt.Color("type:N", title="claim type"),
            tooltip=["concept", "type", "claims"],
        )
        st.altair_chart(chart, width="stretch")
    st.subheader("Concepts by centrality")
    st.dataframe(centrality(key, claim_graph(key, claims)), hide_index=True)


def show_graph(claims: tuple[Claim, ...], graph: nx.MultiDiGraph, key: str) -> None:
    """The filtered network (pyvis in an iframe) with a legend and a budget notice."""
    filters = graph_filters(selection_options(key, claims), focus_choices(key, graph))
    html, info = network_html(key, filters, graph)
    st.caption(f"Showing {info.nodes} nodes and {info.edges} edges.")
    if info.truncated:
        st.info(views.budget_notice(info))
    if html is None:
        st.warning("No node matches these filters.")
        return
    st.iframe(html, height=GRAPH_HEIGHT + 30)


def comparison_columns() -> dict:
    """Wide, wrapped aspect columns; the speaker stays in view when scrolling sideways."""
    columns = {aspect: st.column_config.TextColumn(aspect, width="large")
               for aspect in views.ASPECTS}
    columns["speaker"] = st.column_config.TextColumn("speaker", pinned=True)
    return columns


def show_compare(claims: tuple[Claim, ...], graph: nx.MultiDiGraph, key: str,
                 concept: str | None) -> None:
    """Heatmap of speaker x concept, then the comparison for one concept."""
    st.header("Compare definitions")
    heat, caption = heatmap(key, graph)
    if not heat.empty:
        base = alt.Chart(heat).encode(x=alt.X("concept:N", title=None),
                                      y=alt.Y("speaker:N", title=None))
        rect = base.mark_rect().encode(
            color=alt.Color("claims:Q", scale=alt.Scale(scheme="blues")),
            tooltip=["speaker", "concept", "claims", "negated"])
        marks = base.mark_text(fontSize=14, color="#d62728").encode(text="mark:N")
        st.altair_chart(rect + marks, width="stretch")
        st.caption(caption)
    if concept is None:
        st.info("No concept to compare.")
        return
    st.subheader(f"What each speaker says “{concept}” is")
    table = views.comparison_table(claims, concept)
    st.dataframe(table.drop(columns=["speaker_id"]), hide_index=True, key="comparison",
                 row_height=COMPARISON_ROW_HEIGHT, column_config=comparison_columns())
    st.download_button("Download as CSV", table.to_csv(index=False).encode("utf-8"),
                       file_name=f"compare-{views.slug(concept)}.csv", mime="text/csv")
    chosen = compared_speakers(claims, concept)
    if len(chosen) >= 2:
        side = views.side_by_side(claims, concept, chosen)
        st.dataframe(side, key="side_by_side", row_height=COMPARISON_ROW_HEIGHT,
                     column_config={c: st.column_config.TextColumn(c, width="large")
                                    for c in side.columns})
    else:
        st.caption("Pick two or more speakers to see them side by side.")


def show_concept(claims: tuple[Claim, ...], graph: nx.MultiDiGraph, concept: str | None) -> None:
    """Labels and aliases, claims, related concepts, agreements and disagreements."""
    if concept is None:
        st.info("No concept selected.")
        return
    page = pages.concept_page(graph, claims, vocabulary(), concept)
    st.header(page.label)
    st.caption(pages.page_caption(page.facts))
    if page.definition:
        st.markdown(f"> {page.definition}")
    st.subheader(f"Claims ({len(page.claims)})")
    st.dataframe(page.claims, hide_index=True)
    st.subheader("Related concepts")
    st.dataframe(page.related, hide_index=True)
    if page.pairs_note:
        st.info(page.pairs_note)
    left, right = st.columns(2)
    left.subheader("Agreements")
    left.dataframe(page.agreements, hide_index=True)
    right.subheader("Disagreements")
    right.dataframe(page.disagreements, hide_index=True)


def show_speaker(claims: tuple[Claim, ...], graph: nx.MultiDiGraph, speaker: str | None) -> None:
    """A speaker's names, claims, concepts, agreements and disagreements."""
    if speaker is None:
        st.info("No speaker selected.")
        return
    page = pages.speaker_page(graph, claims, speaker)
    st.header(page.label)
    st.caption(pages.page_caption(page.facts))
    st.subheader(f"Claims ({len(page.claims)})")
    st.dataframe(page.claims, hide_index=True)
    st.subheader("Concepts")
    st.dataframe(page.concepts, hide_index=True)
    left, right = st.columns(2)
    left.subheader("Agrees with")
    left.dataframe(page.agreements, hide_index=True)
    right.subheader("Disagrees with")
    right.dataframe(page.disagreements, hide_index=True)


def show_reader(claims: tuple[Claim, ...]) -> None:
    """The article with each claim's evidence highlighted; skipped blocks greyed."""
    st.header("Source reader")
    source_id = source_choice(claims)
    if source_id is None:
        st.info("No sources.")
        return
    added = st.session_state.get("added_documents", {})
    path = next((c.source.path for c in claims if c.source.id == source_id), "")
    document = added.get(source_id) or source_document(str(claims_dir()), source_id, path)
    if document is None:
        st.warning(f"The text of {source_id} is not available (looked for {path}).")
        return
    st.caption(reader.reader_caption(document, claims))
    st.html(reader.reader_html(document, claims))


def show_sparql(claims: tuple[Claim, ...], key: str) -> None:
    """A query box with the example queries; results as a table, errors inline."""
    st.header("SPARQL")
    query, _ = sparql_text()
    if not query.strip():
        return
    result = session.run_sparql(claim_dataset(key, claims), query)
    if result.error:
        st.error(result.error)
    else:
        st.caption(f"{len(result.table)} rows")
        st.dataframe(result.table, hide_index=True)


def show_export(claims: tuple[Claim, ...], graph: nx.MultiDiGraph, key: str) -> None:
    """Download buttons; each file is generated only when its button is clicked."""
    st.header("Export")
    cols = st.columns(3)
    for i, spec in enumerate(session.EXPORTS):
        def data(spec=spec) -> bytes:
            return session.export_bytes(spec.format, claims, graph=graph,
                                      dataset=lambda: claim_dataset(key, claims))

        cols[i % 3].download_button(spec.label, data, file_name=f"kg.{spec.extension}",
                                    mime=spec.mime, key=f"export_{spec.format}",
                                    on_click="ignore")


def show_add_articles() -> None:
    """Upload or paste articles; extract them with progress; merge into this session."""
    st.header("Add articles")
    files, pasted, go = article_inputs()
    if go:
        items = [(f.name, f.getvalue()) for f in files]
        if pasted.strip():
            items.append((f"pasted-{len(st.session_state.get('added_documents', {})) + 1}.txt",
                          pasted.encode("utf-8")))
        if not items:
            st.warning("Upload a file or paste some text first.")
        else:
            add_articles(items)
    for problem in st.session_state.get("add_problems", ()):
        st.warning(problem)
    added = st.session_state.get("added_documents", {})
    if added:
        st.success(f"This session added {len(added)} article(s) and "
                   f"{len(st.session_state.get('added_claims', ()))} claim(s).")


def add_articles(items: list[tuple[str, bytes]]) -> None:
    """Extract ``items`` with a progress bar and merge them into the session."""
    bar = st.progress(0.0, text="Loading the pipeline…")
    nlp, vocab = nlp_pipeline(), vocabulary()

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=f"Extracted {name} ({done}/{total})")

    workdir = Path(tempfile.mkdtemp(prefix="kg-upload-"))
    batch = session.extract_articles(items, nlp=nlp, vocab=vocab, workdir=workdir,
                                   progress=progress)
    st.session_state.added_claims = tuple(views.merge_claims(
        st.session_state.get("added_claims", ()), batch.claims))
    st.session_state.added_documents = {**st.session_state.get("added_documents", {}),
                                        **{d.id: d for d in batch.documents}}
    st.session_state.add_problems = batch.problems
    bar.empty()
    st.rerun()  # redraw every view with the merged claims


# ------------------------------------------------------------------------ main

def main() -> None:
    """Lay out the explorer."""
    st.set_page_config(page_title="kg explorer", layout="wide")
    claims, key = corpus()
    concepts, speakers, _ = selection_options(key, claims)
    view, concept, speaker = navigation(concepts, speakers)
    graph = claim_graph(key, claims) if view in GRAPH_VIEWS else None
    if view == "Overview":
        show_overview(claims, key)
    elif view == "Graph":
        show_graph(claims, graph, key)
    elif view == "Compare definitions":
        show_compare(claims, graph, key, concept)
    elif view == "Concept page":
        show_concept(claims, graph, concept)
    elif view == "Speaker page":
        show_speaker(claims, graph, speaker)
    elif view == "Source reader":
        show_reader(claims)
    elif view == "SPARQL":
        show_sparql(claims, key)
    elif view == "Export":
        show_export(claims, graph, key)
    else:
        show_add_articles()
    warm_up()


if __name__ == "__main__":
    main()
