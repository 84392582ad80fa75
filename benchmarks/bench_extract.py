"""Time kg extraction against a bare ``nlp.pipe`` over the same texts.

Both run in one process with one loaded pipeline, after a warm-up; each is
timed ``--rounds`` times and the best round is kept. The ratio
``kg / bare`` is the cost of kg's rules on top of parsing (target <= 1.15).

    .venv/bin/python benchmarks/bench_extract.py [--corpus data/corpus] [--repeat 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.15


def best_of(rounds: int, run: Callable[[], object]) -> float:
    """The fastest of ``rounds`` timed calls of ``run`` (seconds)."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus",
                        help="folder of articles (default: data/corpus)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="process the corpus N times per round (default: 1)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default: 3)")
    parser.add_argument("--open", action="store_true", help="extract with open_vocab")
    parser.add_argument("--max-ratio", type=float, default=None,
                        help=f"exit 1 when kg/bare exceeds this (target {TARGET_RATIO})")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.rounds < 1:
        parser.error("--repeat and --rounds must be at least 1")

    from kg.extract import extract_document
    from kg.ingest import iter_documents
    from kg.nlp import load_pipeline, model_name
    from kg.vocab import load_vocabulary

    documents = list(iter_documents([args.corpus])) * args.repeat
    if not documents:
        print(f"{args.corpus}: no readable documents", file=sys.stderr)
        return 1
    texts = [d.text for d in documents]
    nlp, vocab = load_pipeline(), load_vocabulary()

    def bare() -> None:
        for _ in nlp.pipe(texts):
            pass

    def kg() -> tuple[int, int]:
        claims = sentences = 0
        for document in documents:
            found, read = extract_document(document, nlp, vocab, open_vocab=args.open)
            claims, sentences = claims + len(found), sentences + read
        return claims, sentences

    bare()  # warm-up: first calls allocate and fill caches
    claims, sentences = kg()
    bare_s = best_of(args.rounds, bare)
    kg_s = best_of(args.rounds, kg)
    ratio = kg_s / bare_s
    chars = sum(map(len, texts))
    print(f"corpus    {args.corpus} x{args.repeat}: {len(documents)} documents, "
          f"{chars:,} chars, {sentences:,} sentences, {claims:,} claims")
    print(f"model     {model_name()} {nlp.meta['version']}; best of {args.rounds}")
    print(f"nlp.pipe  {bare_s:8.3f} s  ({chars / bare_s:,.0f} chars/s)")
    print(f"kg        {kg_s:8.3f} s  ({chars / kg_s:,.0f} chars/s)")
    print(f"ratio     {ratio:8.3f}    (target <= {TARGET_RATIO})")
    return 1 if args.max_ratio is not None and ratio > args.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
