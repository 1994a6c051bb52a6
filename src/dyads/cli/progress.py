"""A progress line on standard error, shown only when stderr is a terminal."""
from __future__ import annotations

import sys
import time


class Progress:
    """``with Progress() as p: p.update(doc_id, totals)`` — redraws at most 10 times a second."""

    def __init__(self, enabled: bool = True, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0
        self._start = time.perf_counter()

    def __enter__(self) -> "Progress":
        return self

    def update(self, doc_id: str, totals: dict) -> None:
        now = time.perf_counter()
        if not self.enabled or now - self._last < 0.1:
            return
        self._last = now
        rate = totals.get("articles", 0) / max(now - self._start, 1e-9)
        line = (f"\r{totals.get('articles', 0):>7} articles  {totals.get('events', 0):>8} events  "
                f"{rate:7.1f} art/s  {doc_id[:40]:<40}")
        self.stream.write(line)
        self.stream.flush()

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
