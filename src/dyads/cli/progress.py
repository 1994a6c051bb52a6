"""Progress of a batch on standard error: a redrawn bar on a terminal, plain lines elsewhere.

On a terminal the line is redrawn at most 10 times a second: a bar and a percentage when
the number of articles is known, the count, the rate and the time left. When stderr is a
file or a pipe (a log, CI), a plain line is written every ``every_seconds`` seconds or
``every_articles`` articles, whichever comes first, and once at the end.
"""
from __future__ import annotations

import sys
import time

BAR_WIDTH = 24


def clock(seconds: float) -> str:
    """'0:42', '12:05', '3:02:10'."""
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """``with Progress(total=N) as p: p.update(doc_id, totals)``; ``total`` may be set
    later (``p.total = N``) or stay None when it cannot be counted (standard input)."""

    def __init__(self, enabled: bool = True, stream=None, total: int | None = None,
                 every_seconds: float = 10.0, every_articles: int = 1000):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.total = total
        self.every_seconds, self.every_articles = every_seconds, every_articles
        self._start = time.perf_counter()
        self._last = self._start
        self._last_count = 0
        self._totals: dict = {}
        self._drawn = False

    def __enter__(self) -> "Progress":
        return self

    def update(self, doc_id: str, totals: dict) -> None:
        self._totals = totals
        if not self.enabled:
            return
        now, done = time.perf_counter(), totals.get("articles", 0)
        if self.tty:
            if now - self._last >= 0.1:
                self._draw("\r" + self.line(now) + f"  {doc_id[:30]:<30}")
                self._last = now
        elif (now - self._last >= self.every_seconds
              or done - self._last_count >= self.every_articles):
            self._draw("dyads: " + self.line(now) + "\n")
            self._last, self._last_count = now, done

    def line(self, now: float | None = None) -> str:
        """'[#####-----]  45%  123/270 articles  456 events  12.3 art/s  ETA 0:12'."""
        now = time.perf_counter() if now is None else now
        done, events = self._totals.get("articles", 0), self._totals.get("events", 0)
        elapsed = max(now - self._start, 1e-9)
        rate = done / elapsed
        parts = [f"{done} articles"]
        if self.total:
            share = min(1.0, done / self.total)
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            parts = [f"[{bar}] {share:4.0%}", f"{done}/{self.total} articles"]
        parts += [f"{events} events", f"{rate:.1f} art/s"]
        if self.total and rate > 0 and done < self.total:
            parts.append(f"ETA {clock((self.total - done) / rate)}")
        parts.append(f"elapsed {clock(elapsed)}")
        return "  ".join(parts)

    def _draw(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()
        self._drawn = True

    def __exit__(self, *exc) -> None:
        if not self.enabled:
            return
        if self.tty:
            if self._drawn:
                self._draw("\r" + self.line() + " " * 32 + "\n")
        elif self._totals.get("articles", 0) != self._last_count or not self._drawn:
            self._draw("dyads: " + self.line() + "\n")
