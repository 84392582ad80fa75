"""The explorer's first view in a real browser, on a synthetic graph of 20,000 claims.

``bench_app.py`` times the app's script (``AppTest``); this times what a visitor waits
for. It writes ``--claims`` synthetic claims (``benchmarks/synth.py``), starts
``streamlit run app.py`` headless on 127.0.0.1 over them (a fresh server: cold caches)
and drives Debian's chromium with Playwright, timing from the navigation until

* Overview: the four summary figures are on screen (and, separately, the concept
  ranking below them);
* Graph: the network canvas is drawn inside its frame (and, separately, until the
  layout has settled and physics is switched off);
* Compare definitions: the comparison table is on screen.

Each view is timed on a new server (its first visitor also waits for the app's
imports, about a second here), and on a running server that has served a visitor
before when the claims file is replaced (new content: nothing cached), best of
``--rounds``. Target: < 3 s.

    .venv/bin/python benchmarks/bench_browser.py [--claims 20000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT), str(ROOT / "tests")]

from browser_support import network_frame  # noqa: E402
from synth import write_synth  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TARGET = 3.0
WARM_UP_CLAIMS = 50
TIMEOUT_MS = 60_000


@contextmanager
def server(claims_dir: Path) -> Iterator[str]:
    """A headless ``streamlit run app.py`` over ``claims_dir``; its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ,
                                                         "KG_CLAIMS_DIR": str(claims_dir)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def _overview(page, started: float) -> dict[str, float]:
    page.get_by_text("Claims", exact=True).first.wait_for(timeout=TIMEOUT_MS)
    figures = time.perf_counter() - started
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=TIMEOUT_MS)
    return {"Overview": figures, "Overview, ranking shown": time.perf_counter() - started}


def _graph(page, started: float) -> dict[str, float]:
    frame = network_frame(page, timeout_s=TIMEOUT_MS / 1000, poll_ms=50)
    frame.wait_for_selector("#kg-network canvas", timeout=TIMEOUT_MS)
    drawn = time.perf_counter() - started
    frame.wait_for_function("document.getElementById('kg-status').textContent"
                            ".includes('layout settled')", timeout=TIMEOUT_MS)
    return {"Graph": drawn, "Graph, layout settled": time.perf_counter() - started}


def _compare(page, started: float) -> dict[str, float]:
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=TIMEOUT_MS)
    return {"Compare definitions": time.perf_counter() - started}


VIEWS: dict[str, Callable] = {"Overview": _overview, "Graph": _graph,
                              "Compare definitions": _compare}


def first_view(browser, url: str, view: str) -> dict[str, float]:
    """Seconds from navigation until ``view`` is on screen (and later milestones)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        started = time.perf_counter()
        page.goto(f"{url}/?view={view.replace(' ', '+')}")
        return VIEWS[view](page, started)
    finally:
        page.close()


def time_views(browser, folder: Path, claims: int, *, warm: bool) -> dict[str, float]:
    """Each view's first display on a new server; ``warm``: after a visit on other data."""
    file = folder / "claims.jsonl"
    times: dict[str, float] = {}
    for view in VIEWS:
        write_synth(WARM_UP_CLAIMS if warm else claims, file, seed=1 if warm else 0)
        with server(folder) as url:
            if warm:  # a visitor before: the server has imported everything; then new data
                first_view(browser, url, view)
                write_synth(claims, file, seed=0)
            times.update(first_view(browser, url, view))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="synthetic claims")
    parser.add_argument("--rounds", type=int, default=2, help="best of this many servers")
    args = parser.parse_args(argv)
    import playwright.sync_api as playwright

    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-browser-") as folder, \
            playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu"])
        for _ in range(args.rounds):
            for warm, where in ((False, "new server"), (True, "running server, new data")):
                for name, seconds in time_views(browser, Path(folder), args.claims,
                                                warm=warm).items():
                    key = f"{args.claims:,} claims, {where}: first {name}"
                    best[key] = min(seconds, best.get(key, seconds))
        browser.close()
    width = max(map(len, best))
    print(f"{'step':<{width}}  seconds  target  ok")
    for name, seconds in best.items():
        print(f"{name:<{width}}  {seconds:7.3f}  {TARGET:6.1f}  "
              f"{'yes' if seconds < TARGET else 'NO'}")
    return 0 if all(seconds < TARGET for seconds in best.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
