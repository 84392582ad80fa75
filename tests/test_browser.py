"""A real browser: `streamlit run app.py` on 127.0.0.1, driven with Debian's chromium.

The app serves the fixture claims (``KG_CLAIMS_DIR``); the test checks that
the graph canvas renders with nodes (inside the components iframe), picks a
concept and sees the comparison table, and saves a screenshot (into the test's
temporary folder, or to ``KG_SCREENSHOT`` when set: ``make screenshot`` refreshes
``docs/screenshot.png`` that way). ``make test`` installs chromium, so a missing
browser fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import network_frame

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "claims_small.jsonl"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 60.0

pytestmark = [pytest.mark.browser]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer on {url} within {START_TIMEOUT}s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    """A headless Streamlit server over the fixture claims; stopped afterwards."""
    folder = tmp_path_factory.mktemp("claims")
    shutil.copy(FIXTURE, folder / "claims.jsonl")
    port = _free_port()
    env = {**os.environ, "KG_CLAIMS_DIR": str(folder)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def browser():
    import playwright.sync_api as playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: make test installs Debian's chromium"
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_graph_renders_and_comparison_shows(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?view=Graph", wait_until="networkidle")
    page.get_by_text("Showing 14 nodes and 17 edges.").wait_for(timeout=30_000)

    frame = network_frame(page)
    frame.wait_for_selector("#kg-network canvas", timeout=30_000)
    assert frame.evaluate("network.body.data.nodes.length") == 14
    assert frame.evaluate("network.body.data.edges.length") == 17
    assert frame.is_visible("#kg-legend")
    # once stabilised, physics is switched off
    frame.wait_for_function("document.getElementById('kg-status').textContent"
                            ".includes('layout settled')", timeout=30_000)
    box = frame.locator("#kg-network canvas").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300
    shot = Path(os.environ.get("KG_SCREENSHOT") or tmp_path / "screenshot.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000

    # Compare definitions: pick a concept in the sidebar and see the table.
    page.get_by_text("Compare definitions", exact=True).click()
    page.get_by_text("What each speaker says “community” is").wait_for(timeout=30_000)
    concept = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    concept.click()
    page.get_by_role("option", name="team", exact=True).click()
    page.get_by_text("What each speaker says “team” is").wait_for(timeout=30_000)
    assert "concept=team" in page.url
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for(timeout=30_000)
    assert table.is_visible()
    page.close()
