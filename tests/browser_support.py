"""Playwright helpers shared by the browser test and ``benchmarks/bench_browser.py``."""

from __future__ import annotations

import time


def network_frame(page, *, timeout_s: float = 30.0, poll_ms: int = 250):
    """The iframe holding the pyvis page (the one that defines ``network``).

    Raises:
        TimeoutError: when no frame defines it within ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate("typeof network !== 'undefined'"):
                    return frame
            except Exception:  # noqa: BLE001 - frames come and go while Streamlit renders
                continue
        page.wait_for_timeout(poll_ms)
    raise TimeoutError("no frame with a vis network")
