"""Graph and Turtle export from a synthetic claims file: time and peak memory, 10k -> 100k.

For each size, ``benchmarks/synth.py`` writes a ``claims.jsonl`` of that many claims
varied from the sample corpus's claims (``build/sample``, else the test fixture); then a
fresh interpreter (so its peak RSS is that size's alone) does what ``kg export`` and the
app do with it, timing each step once:

* ``read_s``: :func:`kg.claims_io.read_claims` (parse and validate every line);
* ``graph_s``: :func:`kg.graph.build_graph`;
* ``rdf_s``: :func:`kg.rdf.claims_to_dataset` (no source texts: synthetic offsets
  point nowhere);
* ``ttl_s``: :func:`kg.rdf.export` to Turtle and writing the file.

``graph_mb`` is how much the graph added to the peak RSS, ``peak_mb`` the peak of the
whole run (claims, graph and dataset alive together, as in the app). The last line is
the growth from the smallest to the largest size: linear is ~10x for 10k -> 100k.

    .venv/bin/python benchmarks/bench_build.py [--sizes 10000 50000 100000]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from common import maxrss_mb, per_size, table  # noqa: E402
from synth import default_base, write_synth  # noqa: E402

SIZES = (10_000, 50_000, 100_000)
COLUMNS = ("claims", "read_s", "graph_s", "rdf_s", "ttl_s", "total_s", "ttl_mb", "graph_mb",
           "peak_mb")


def measure(claims_file: Path, out: Path) -> dict[str, float]:
    """One size, in this process: seconds per step, Turtle size and memory (MB)."""
    from kg.claims_io import read_claims
    from kg.graph import build_graph
    from kg.rdf import claims_to_dataset, export

    row: dict[str, float] = {}
    started = time.perf_counter()
    claims = read_claims(claims_file)
    row["read_s"] = time.perf_counter() - started
    before = maxrss_mb()
    started = time.perf_counter()
    graph = build_graph(claims)
    row["graph_s"] = time.perf_counter() - started
    row["graph_mb"] = maxrss_mb() - before
    started = time.perf_counter()
    dataset = claims_to_dataset(claims, source_text=lambda source: None)
    row["rdf_s"] = time.perf_counter() - started
    started = time.perf_counter()
    out.write_text(export(dataset, "ttl"), encoding="utf-8")
    row["ttl_s"] = time.perf_counter() - started
    row["total_s"] = row["read_s"] + row["graph_s"] + row["rdf_s"] + row["ttl_s"]
    row["ttl_mb"] = out.stat().st_size / 2**20
    row["peak_mb"] = maxrss_mb()
    row["claims"] = len(claims)
    del graph  # alive until the dataset was built: the peak holds both
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--base", type=Path, default=None,
                        help="claims.jsonl to vary (default: build/sample, else the fixture)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own ConjunctiveGraph use
    if args.one is not None:  # child process: one size, JSON on stdout
        row = measure(args.file, args.file.with_suffix(".ttl"))
        sys.stdout.write(json.dumps(row) + "\n")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    base = args.base or default_base()
    logging.getLogger("benchmarks").info("synthetic claims varied from %s", base)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        rows = []
        for n in sorted(args.sizes):
            file = write_synth(n, Path(folder) / f"claims-{n}.jsonl", base=base, seed=args.seed)
            rows += per_size(__file__, [n], "--file", str(file))
    sys.stdout.write(table(rows, COLUMNS) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
