"""Time and memory of the RDF export on synthetic claims (10k, 50k, 100k), and query speed.

Each size runs in its own subprocess, so peak memory (``ru_maxrss``) belongs to that size
alone: it synthesises the claims (``benchmarks/synth.py``), then times
``claims_to_dataset`` and the Turtle serialisation (``kg.rdf.export(ds, "ttl")``). The
table ends with the growth from the smallest to the largest size; linear growth is ~10x
for 10k -> 100k. Then every example query (``queries/*.rq``) is timed on the sample graph
(``build/sample``, else the test fixture, or ``--sample DIR``), best of ``--rounds``.

    .venv/bin/python benchmarks/bench_rdf.py [--sizes 10000 50000 100000] [--sample DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from common import best_of, maxrss_mb, per_size, table  # noqa: E402
from synth import default_base, read_base, synth_claims  # noqa: E402

from kg.claims_io import read_claims  # noqa: E402
from kg.query import example_names, example_query, run_query  # noqa: E402
from kg.rdf import claims_to_dataset, export  # noqa: E402

SIZES = (10_000, 50_000, 100_000)
COLUMNS = ("claims", "quads", "build_s", "ttl_s", "total_s", "ttl_mb", "peak_mb")


def measure(n: int, seed: int) -> dict[str, float]:
    """One size, in this process: build and Turtle seconds, output size, peak RSS (MB)."""
    claims = synth_claims(read_base(), n, seed=seed)
    started = time.perf_counter()
    # no source texts: synthetic offsets point nowhere, and file reads are not measured
    dataset = claims_to_dataset(claims, source_text=lambda source: None)
    build = time.perf_counter() - started
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    started = time.perf_counter()
    turtle = export(dataset, "ttl")
    ttl = time.perf_counter() - started
    return {"claims": n, "quads": quads, "build_s": build, "ttl_s": ttl,
            "total_s": build + ttl, "ttl_mb": len(turtle.encode("utf-8")) / 2**20,
            "peak_mb": maxrss_mb()}


def time_queries(claims_path: Path, rounds: int) -> list[tuple[str, int, float]]:
    """(query name, rows, best seconds) for every example query on the sample graph."""
    dataset = claims_to_dataset(read_claims(claims_path), source_text=lambda source: None)
    results = []
    for name in example_names():
        sparql = example_query(name)
        rows = len(run_query(dataset, sparql).terms)
        results.append((name, rows, best_of(rounds, lambda q=sparql: run_query(dataset, q))))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=Path, default=None,
                        help="claims.jsonl (or its folder) for the query timings "
                             "(default: build/sample, else the test fixture)")
    parser.add_argument("--rounds", type=int, default=5, help="query rounds (best kept)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own ConjunctiveGraph use
    if args.one is not None:  # child process: one size, JSON on stdout
        sys.stdout.write(json.dumps(measure(args.one, args.seed)) + "\n")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = per_size(__file__, args.sizes, "--seed", str(args.seed))
    if rows:
        sys.stdout.write(table(rows, COLUMNS) + "\n\n")
    sample = args.sample or default_base()
    sys.stdout.write(f"example queries on {sample} (best of {args.rounds}):\n")
    for name, count, seconds in time_queries(sample, args.rounds):
        sys.stdout.write(f"  {name:<26} {count:>5} rows  {seconds * 1000:8.1f} ms\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
