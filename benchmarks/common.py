"""What the size benchmarks share: timing, peak memory, one subprocess per size, the table.

Each size runs in a fresh interpreter (``python SCRIPT --one N ...``, which prints one
JSON row), so its peak RSS belongs to that size alone; :func:`per_size` collects the rows
and :func:`table` prints them with a growth line from the smallest to the largest size
(linear growth is ~10x for 10k -> 100k).

    >>> print(table([{"claims": 10, "s": 1.0}, {"claims": 100, "s": 9.5}], ("claims", "s")))
        claims           s
            10       1.000
           100       9.500
         10.0x        9.5x   growth 10 -> 100
"""

from __future__ import annotations

import json
import logging
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

__all__ = ["best_of", "maxrss_mb", "per_size", "table"]

logger = logging.getLogger("benchmarks")


def best_of(rounds: int, run: Callable[[], object]) -> float:
    """The fastest of ``rounds`` timed calls of ``run`` (seconds)."""
    times = []
    for _ in range(max(1, rounds)):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def maxrss_mb() -> float:
    """Peak resident memory of this process so far (MB; ``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def per_size(script: str | Path, sizes: Iterable[int], *args: str) -> list[dict[str, float]]:
    """Run ``script --one N *args`` for each size (smallest first); its JSON rows."""
    rows = []
    for n in sorted(sizes):
        logger.info("measuring %d claims ...", n)
        done = subprocess.run([sys.executable, str(script), "--one", str(n), *args],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            raise RuntimeError(f"{Path(script).name} --one {n} failed:\n{done.stderr}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return rows


def table(rows: Sequence[dict[str, float]], columns: Sequence[str]) -> str:
    """The rows as an aligned text table, with a growth line (last / first)."""
    lines = ["  ".join(f"{c:>10}" for c in columns)]
    lines += ["  ".join(_cell(row[c]) for c in columns) for row in rows]
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = [f"{last[c] / first[c]:>9.1f}x" if first[c] else f"{'-':>10}" for c in columns]
        lines.append("  ".join(growth) + f"   growth {first['claims']:.0f} -> {last['claims']:.0f}")
    return "\n".join(lines)


def _cell(value: float) -> str:
    return f"{value:>10.0f}" if float(value).is_integer() else f"{value:>10.3f}"
