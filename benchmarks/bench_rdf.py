"""Time and memory of the RDF export on synthetic claims (10k, 50k, 100k), and query speed.

Each size runs in its own subprocess, so peak memory (``ru_maxrss``) belongs to that size
alone: it synthesises the claims (``benchmarks/synth.py``), then times
``claims_to_dataset`` and the Turtle serialisation (``kg.rdf.export(ds, "ttl")``). The
table ends with the growth from the smallest to the largest size; linear growth is ~10x
for 10k -> 100k. Then every example query (``queries/*.rq``) is timed on the sample graph
(the test fixture, or ``--sample DIR`` holding a ``claims.jsonl``), best of ``--rounds``.

    .venv/bin/python benchmarks/bench_rdf.py [--sizes 10000 50000 100000] [--sample DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from synth import FIXTURE, read_base, synth_claims  # noqa: E402

from kg.claims_io import read_claims  # noqa: E402
from kg.query import example_names, example_query, run_query  # noqa: E402
from kg.rdf import claims_to_dataset, export  # noqa: E402

logger = logging.getLogger("bench_rdf")

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
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def time_queries(claims_path: Path, rounds: int) -> list[tuple[str, int, float]]:
    """(query name, rows, best seconds) for every example query on the sample graph."""
    dataset = claims_to_dataset(read_claims(claims_path), source_text=lambda source: None)
    results = []
    for name in example_names():
        sparql, times, rows = example_query(name), [], 0
        for _ in range(rounds):
            started = time.perf_counter()
            rows = len(run_query(dataset, sparql).terms)
            times.append(time.perf_counter() - started)
        results.append((name, rows, min(times)))
    return results


def table(rows: list[dict[str, float]]) -> str:
    """The rows as an aligned text table, with a growth line (last / first)."""
    lines = ["  ".join(f"{c:>10}" for c in COLUMNS)]
    lines += ["  ".join(_cell(row[c]) for c in COLUMNS) for row in rows]
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = [f"{last[c] / first[c]:>9.1f}x" if first[c] else f"{'-':>10}" for c in COLUMNS]
        lines.append("  ".join(growth) + f"   growth {first['claims']:.0f} -> {last['claims']:.0f}")
    return "\n".join(lines)


def _cell(value: float) -> str:
    return f"{value:>10.0f}" if float(value).is_integer() else f"{value:>10.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=Path, default=FIXTURE,
                        help="claims.jsonl (or its folder) for the query timings")
    parser.add_argument("--rounds", type=int, default=5, help="query rounds (best kept)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own ConjunctiveGraph use
    if args.one is not None:  # child process: one size, JSON on stdout
        sys.stdout.write(json.dumps(measure(args.one, args.seed)) + "\n")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = []
    for n in sorted(args.sizes):
        logger.info("measuring %d claims ...", n)
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed",
                               str(args.seed)], capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout))
    if rows:
        sys.stdout.write(table(rows) + "\n\n")
    sys.stdout.write(f"example queries on {args.sample} (best of {args.rounds}):\n")
    for name, count, seconds in time_queries(args.sample, args.rounds):
        sys.stdout.write(f"  {name:<26} {count:>5} rows  {seconds * 1000:8.1f} ms\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
