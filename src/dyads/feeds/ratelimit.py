"""Politeness in time: a minimum interval between requests to one host, and the waits
between retries. Both take the clock and the sleep function as parameters, so tests
drive them with a fake clock instead of waiting."""
from __future__ import annotations

import math
import time
from collections.abc import Callable


def backoff_delays(retries: int, base: float, cap: float) -> list[float]:
    """The waits before each retry: base, 2 base, 4 base ..., none longer than ``cap``."""
    return [min(cap, base * 2 ** n) for n in range(max(0, retries))]


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds from a Retry-After header given in seconds (an HTTP date is ignored)."""
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return min(cap, seconds) if seconds is not None and seconds >= 0 else None


class HostLimiter:
    """Spaces requests to one host at least ``interval`` seconds apart (per host, so a
    slow site never holds up the others' turn more than its own requests do)."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str, interval: float | None = None) -> float:
        """Block until ``host`` may be asked again (``interval`` overrides a shorter
        default, e.g. a robots.txt Crawl-delay); returns the seconds waited."""
        gap = max(self.interval, interval or 0.0)
        now = self._clock()
        ready = self._last.get(host, -math.inf) + gap
        waited = 0.0
        if ready > now:
            waited = ready - now
            self._sleep(waited)
        # the turn starts when it was due, even if the sleep overran or the clock is fake
        self._last[host] = max(self._clock(), ready)
        return waited
