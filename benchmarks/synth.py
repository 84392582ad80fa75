"""Synthetic claims for benchmarks: many plausible claims made from a few real ones.

The base claims are the sample corpus's (``build/sample/claims.jsonl``, made by
``make sample``), or the 11 hand-made test claims when it has not been built.

    >>> claims = synth_claims(read_base(FIXTURE), 1000)
    >>> len(claims), len({c.id for c in claims})
    (1000, 1000)

Each synthetic claim copies a base claim (chosen at random, so types, negation and
concepts keep their proportions) and gives it a fresh id, one of ``n / SPEAKER_EVERY``
speakers and one of ``n / SOURCE_EVERY`` sources derived from the base ones, and
shifted evidence offsets. Concepts stay those of the base claims, as a fixed vocabulary
would. The same ``(base_claims, n, seed)`` always gives the same claims.

    .venv/bin/python benchmarks/synth.py 100000 --out build/synth/claims.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kg.records import Claim, Evidence, Source, Speaker

__all__ = ["SOURCE_EVERY", "SPEAKER_EVERY", "default_base", "read_base", "synth_claims",
           "write_synth"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "claims_small.jsonl"
SAMPLE = ROOT / "build" / "sample" / "claims.jsonl"
SPEAKER_EVERY = 20  # claims per synthetic speaker, on average
SOURCE_EVERY = 50  # claims per synthetic source, on average
MAX_SHIFT = 1_000_000


def synth_claims(base_claims: Sequence[Claim], n: int, seed: int = 0) -> list[Claim]:
    """``n`` synthetic claims varied from ``base_claims`` (see the module docstring).

    Raises:
        ValueError: when ``base_claims`` is empty or ``n < 0``.
    """
    if not base_claims:
        raise ValueError("base_claims: need at least one claim to vary")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n!r}")
    rng = random.Random(seed)
    speakers, sources = max(1, n // SPEAKER_EVERY), max(1, n // SOURCE_EVERY)
    claims = []
    for i in range(n):
        base = base_claims[rng.randrange(len(base_claims))]
        who, where = rng.randrange(speakers), rng.randrange(sources)
        shift = rng.randrange(MAX_SHIFT)
        digest = hashlib.sha1(f"{seed}:{i}:{base.id}".encode()).hexdigest()[:16]
        claims.append(replace(
            base,
            id=f"c-{digest}",
            speaker=Speaker(f"{base.speaker.id}~{who}", f"{base.speaker.label} ~{who}",
                            base.speaker.kind, base.speaker.aliases),
            source=Source(f"{base.source.id}~{where}", f"{base.source.path}~{where}",
                          f"{base.source.title} ~{where}"),
            evidence=Evidence(base.evidence.text, base.evidence.start + shift,
                              base.evidence.end + shift),
        ))
    return claims


def default_base() -> Path:
    """The sample corpus's claims when built, else the test fixture."""
    return SAMPLE if SAMPLE.exists() else FIXTURE


def read_base(path: Path | None = None) -> list[Claim]:
    """The base claims of a ``claims.jsonl`` (:func:`default_base` when ``None``)."""
    with (path or default_base()).open(encoding="utf-8") as handle:
        return [Claim.from_dict(json.loads(line)) for line in handle if line.strip()]


def write_synth(n: int, out: Path, *, base: Path | None = None, seed: int = 0) -> Path:
    """Write ``n`` synthetic claims to ``out`` (a ``claims.jsonl``); returns ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_jsonl(synth_claims(read_base(base), n, seed=seed)), encoding="utf-8")
    return out


def _jsonl(claims: Sequence[Claim]) -> str:
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of claims")
    parser.add_argument("--base", type=Path, default=None,
                        help="claims.jsonl to vary (default: build/sample, else the fixture)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="output file (default: stdout)")
    args = parser.parse_args(argv)
    if args.out is None:
        sys.stdout.write(_jsonl(synth_claims(read_base(args.base), args.n, seed=args.seed)))
    else:
        write_synth(args.n, args.out, base=args.base, seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
