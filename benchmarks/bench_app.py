"""How fast the explorer answers: first view of a 20,000-claim graph, and each interaction.

Part 1 synthesises ``--claims`` claims (``benchmarks/synth.py``), writes them to a
temporary ``claims.jsonl`` and times, with Streamlit's caches cleared (a cold start):
the first run of the app (Overview, what a visitor sees first) and of the Graph view
through ``AppTest``, and the steps of the Graph view called directly (read claims,
build graph, filtered view under the node budget, pyvis HTML). Target: < 3 s.

Part 2 runs the app on the sample corpus (``build/sample``, built by ``make sample``;
the fixture claims when it is missing) and times each interaction once its caches
are warm (switching views, changing a filter, picking a concept or speakers, a SPARQL
query): the first time each is done, as a visitor would. Target: < 1 s each.

    .venv/bin/python benchmarks/bench_app.py [--claims 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from synth import read_base, synth_claims  # noqa: E402

from kg import views  # noqa: E402
from kg.claims_io import read_claims, write_claims  # noqa: E402
from kg.viz import render_network  # noqa: E402

APP = str(ROOT / "app.py")
SAMPLE = ROOT / "build" / "sample" / "claims.jsonl"
FIXTURE = ROOT / "tests" / "fixtures" / "claims_small.jsonl"
FIRST_VIEW_TARGET = 3.0
INTERACTION_TARGET = 1.0


def timed(run: Callable[[], object], rounds: int = 1, *, before: Callable[[], object] = None
          ) -> float:
    """Best wall-clock seconds of ``run`` over ``rounds`` (``before`` runs untimed first)."""
    best = float("inf")
    for _ in range(rounds):
        if before is not None:
            before()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def app_run(view: str, **params: str):
    """A fresh AppTest session on ``view`` (not yet run)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["view"] = view
    at.query_params.update(params)
    return at


def checked(at) -> None:
    at.run()
    if at.exception:
        raise RuntimeError(f"the app failed: {at.exception[0].message}")


def large_graph_rows(n: int, rounds: int) -> list[tuple[str, float, float]]:
    """Part 1: cold first views of ``n`` synthetic claims."""
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        write_claims(synth_claims(read_base(), n, seed=0), folder)
        os.environ["KG_CLAIMS_DIR"] = str(folder)
        file = folder / "claims.jsonl"
        rows = []
        for view in ("Overview", "Graph", "Compare definitions"):
            seconds = timed(lambda v=view: checked(app_run(v)), rounds, before=clear_caches)
            rows.append((f"{n:,} claims: first {view} (AppTest, cold caches)", seconds,
                         FIRST_VIEW_TARGET))
        rows += large_graph_interactions(n)
        claims = read_claims(file)
        graph = views.build_claim_graph(claims)
        view, _ = views.graph_view(graph, views.GraphFilters())
        steps = [
            ("read claims.jsonl", lambda: read_claims(file)),
            ("build graph", lambda: views.build_claim_graph(claims)),
            (f"filtered view (budget {views.NODE_BUDGET})",
             lambda: views.graph_view(graph, views.GraphFilters())),
            ("pyvis HTML of the view", lambda: render_network(view)),
        ]
        for name, run in steps:
            rows.append((f"{n:,} claims: {name}", timed(run, rounds), FIRST_VIEW_TARGET))
        return rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def large_graph_interactions(n: int) -> list[tuple[str, float, float]]:
    """Interactions on the large graph once it is loaded (first time each is done)."""
    at = app_run("Graph")
    checked(at)
    speaker = at.multiselect(key="g_speakers").options[0]
    steps: list[tuple[str, Callable[[], object]]] = [
        ("graph: filter one speaker",
         lambda: at.multiselect(key="g_speakers").set_value([speaker]).run()),
        ("graph: clear the filter", lambda: at.multiselect(key="g_speakers").set_value([]).run()),
        ("open Compare definitions",
         lambda: at.radio(key="view").set_value("Compare definitions").run()),
        ("compare: pick another concept", lambda: at.selectbox(key="concept").set_value(
            at.selectbox(key="concept").options[1]).run()),
        ("open Concept page", lambda: at.radio(key="view").set_value("Concept page").run()),
        ("open Speaker page", lambda: at.radio(key="view").set_value("Speaker page").run()),
    ]
    return [(f"{n:,} claims: {name}", timed(run), INTERACTION_TARGET) for name, run in steps]


def interaction_rows() -> list[tuple[str, float, float]]:
    """Part 2: interactions on the sample corpus, each timed the first time it is done."""
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-sample-"))
    try:
        shutil.copy(SAMPLE if SAMPLE.exists() else FIXTURE, folder / "claims.jsonl")
        os.environ["KG_CLAIMS_DIR"] = str(folder)
        clear_caches()
        at = app_run("Overview")
        checked(at)
        at.radio(key="view").set_value("SPARQL").run()  # builds the RDF dataset once
        speakers = list(views.speaker_options(read_claims(folder / "claims.jsonl")))
        steps: list[tuple[str, Callable[[], object]]] = [
            ("open Overview", lambda: at.radio(key="view").set_value("Overview").run()),
            ("open Graph", lambda: at.radio(key="view").set_value("Graph").run()),
            ("graph: filter speaker",
             lambda: at.multiselect(key="g_speakers").set_value(speakers[:1]).run()),
            ("graph: negated only",
             lambda: at.radio(key="g_negation").set_value("negated only").run()),
            ("graph: show claim nodes", lambda: at.toggle(key="g_claims").set_value(True).run()),
            ("graph: clear filters", lambda: _clear_graph_filters(at)),
            ("open Compare definitions",
             lambda: at.radio(key="view").set_value("Compare definitions").run()),
            ("compare: pick concept", lambda: at.selectbox(key="concept").set_value(
                at.selectbox(key="concept").options[-1]).run()),
            ("compare: two speakers side by side",
             lambda: at.multiselect(key="compare_speakers").set_value(
                 at.multiselect(key="compare_speakers").options[:2]).run()),
            ("open Concept page", lambda: at.radio(key="view").set_value("Concept page").run()),
            ("open Speaker page", lambda: at.radio(key="view").set_value("Speaker page").run()),
            ("open Source reader",
             lambda: at.radio(key="view").set_value("Source reader").run()),
            ("open SPARQL (runs the example)",
             lambda: at.radio(key="view").set_value("SPARQL").run()),
            ("open Export", lambda: at.radio(key="view").set_value("Export").run()),
            ("open Add articles", lambda: at.radio(key="view").set_value("Add articles").run()),
        ]
        rows = []
        for name, run in steps:
            seconds = timed(run)
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception[0].message}")
            rows.append((f"sample: {name}", seconds, INTERACTION_TARGET))
        return rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _clear_graph_filters(at) -> None:
    at.multiselect(key="g_speakers").set_value([])
    at.radio(key="g_negation").set_value("all")
    at.toggle(key="g_claims").set_value(False)
    at.run()


def table(rows: list[tuple[str, float, float]]) -> str:
    """The rows as an aligned text table with a pass/fail column."""
    width = max(len(name) for name, *_ in rows)
    lines = [f"{'step':<{width}}  seconds  target  ok", "-" * (width + 24)]
    for name, seconds, target in rows:
        lines.append(f"{name:<{width}}  {seconds:7.3f}  {target:6.1f}  "
                     f"{'yes' if seconds < target else 'NO'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="synthetic claims")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    rows = large_graph_rows(args.claims, args.rounds) + interaction_rows()
    print(table(rows))
    return 0 if all(seconds < target for _, seconds, target in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
