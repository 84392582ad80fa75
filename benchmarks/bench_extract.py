"""Time kg extraction against a bare ``nlp.pipe`` over the same texts.

All run in one process with one loaded pipeline, after a warm-up; each is
timed ``--rounds`` times, the three interleaved round by round, and the best round
of each is kept. Two baselines: the whole
document texts, and exactly the utterance texts kg parses (kg skips site
furniture and repeated passages). ``kg / utterances`` is the cost of kg's
speaker attribution and claim rules on top of the parse it needs (target
<= 1.15); ``kg / documents`` is what a user saves or pays against parsing
whole files.

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


def best_of(rounds: int, *runs: Callable[[], object]) -> list[float]:
    """The fastest of ``rounds`` timed calls of each of ``runs`` (seconds), the calls
    interleaved round by round, so that a machine slowing down or speeding up during
    the benchmark (shared cores) charges every run alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, spent in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            spent.append(time.perf_counter() - started)
    return [min(spent) for spent in times]


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
    from kg.extract.component import COMPONENT
    from kg.extract.document import PIPE_BATCH, parsed_utterances
    from kg.ingest import iter_documents, mask_markup
    from kg.nlp import load_pipeline, model_name
    from kg.speakers import segment
    from kg.vocab import load_vocabulary

    documents = list(iter_documents([args.corpus])) * args.repeat
    if not documents:
        print(f"{args.corpus}: no readable documents", file=sys.stderr)
        return 1
    texts = [d.text for d in documents]
    nlp, vocab = load_pipeline(), load_vocabulary()
    pieces = [mask_markup(d.text[u.start:u.end]) for d in documents
              for u in parsed_utterances(segment(d))]

    # the bare parse is spaCy's own pipeline: kg's cue matcher, which extraction adds
    # to ``nlp``, is kg's cost and is switched off for the baselines
    def bare() -> None:
        with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == COMPONENT]):
            for _ in nlp.pipe(texts):
                pass

    def bare_pieces() -> None:
        with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == COMPONENT]):
            for _ in nlp.pipe(pieces, batch_size=PIPE_BATCH):
                pass

    def kg() -> tuple[int, int]:
        claims = sentences = 0
        for document in documents:
            found, read = extract_document(document, nlp, vocab, open_vocab=args.open)
            claims, sentences = claims + len(found), sentences + read
        return claims, sentences

    bare()  # warm-up: first calls allocate and fill caches
    claims, sentences = kg()
    bare_s, pieces_s, kg_s = best_of(args.rounds, bare, bare_pieces, kg)
    ratio = kg_s / pieces_s
    chars, piece_chars = sum(map(len, texts)), sum(map(len, pieces))
    print(f"corpus      {args.corpus} x{args.repeat}: {len(documents)} documents, "
          f"{chars:,} chars ({piece_chars:,} in utterances), {sentences:,} sentences, "
          f"{claims:,} claims")
    print(f"model       {model_name()} {nlp.meta['version']}; best of {args.rounds}")
    print(f"nlp.pipe    {bare_s:8.3f} s  whole documents")
    print(f"nlp.pipe    {pieces_s:8.3f} s  the utterances kg parses")
    print(f"kg          {kg_s:8.3f} s")
    print(f"ratio       {ratio:8.3f}    kg / utterances (target <= {TARGET_RATIO})")
    print(f"ratio       {kg_s / bare_s:8.3f}    kg / whole documents")
    return 1 if args.max_ratio is not None and ratio > args.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
