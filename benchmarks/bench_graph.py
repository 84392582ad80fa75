"""Time and memory of the claim graph on synthetic claims (10k, 50k, 100k).

Each size runs in its own subprocess, so peak memory (``ru_maxrss``) belongs to that
size alone: it synthesises the claims (``benchmarks/synth.py``), freezes them out of
the garbage collector's sight (``gc.freeze``: the input is not what is measured), then
times ``build_graph`` and ``concept_ranking`` (pagerank, degree), best of ``--rounds``.
``graph_mb`` is the growth of the peak RSS over the first build. The table ends with
the growth from the smallest to the largest size; linear is ~10x for 10k -> 100k.
The machine's other load shows in the seconds: compare growth, and rerun when noisy.

    .venv/bin/python benchmarks/bench_graph.py [--sizes 10000 50000 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from common import best_of, maxrss_mb, per_size, table  # noqa: E402
from synth import read_base, synth_claims  # noqa: E402

from kg.graph import build_graph, concept_ranking  # noqa: E402

SIZES = (10_000, 50_000, 100_000)
COLUMNS = ("claims", "nodes", "edges", "build_s", "pagerank_s", "degree_s", "peak_mb",
           "graph_mb")


def measure(n: int, seed: int, rounds: int = 1) -> dict[str, float]:
    """One size, in this process: best seconds per step, peak and graph memory (MB)."""
    claims = synth_claims(read_base(), n, seed=seed)
    gc.collect()
    gc.freeze()
    before = maxrss_mb()
    graph = build_graph(claims)
    graph_mb = maxrss_mb() - before
    build = best_of(rounds, lambda: build_graph(claims))
    pagerank = best_of(rounds, lambda: concept_ranking(graph, by="pagerank"))
    degree = best_of(rounds, lambda: concept_ranking(graph, by="degree"))
    return {"claims": n, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "build_s": build, "pagerank_s": pagerank, "degree_s": degree,
            "peak_mb": maxrss_mb(), "graph_mb": graph_mb}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (best kept)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:  # child process: one size, JSON on stdout
        sys.stdout.write(json.dumps(measure(args.one, args.seed, args.rounds)) + "\n")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = per_size(__file__, args.sizes, "--seed", str(args.seed), "--rounds", str(args.rounds))
    sys.stdout.write(table(rows, COLUMNS) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
