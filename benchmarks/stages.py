"""Per-stage CPU split of dyads' coder, for benchmarks only.

``StageTimer`` swaps timed wrappers in for the stage functions that ``dyads.pipeline`` and
``dyads.assemble`` call (parse, actors, events, quotes, dates, places, assemble) for the
duration of a ``with`` block, and adds up each stage's own CPU time (``time.process_time``;
a stage called inside another is counted once, in the inner stage). Nothing is timed in the
library itself.

Actor lookups made lazily while events are matched count as events; the actors stage is
building an article's actors (mentions, antecedents).
"""
from __future__ import annotations

import time

# stage -> (module, attribute) of the functions timed for it
STAGES = {
    "parse": [("dyads.pipeline", "_parse_batch")],
    "actors": [("dyads.pipeline", "ArticleActors")],
    "events": [("dyads.pipeline", "match_events")],
    "quotes": [("dyads.pipeline", "build_quotes")],
    "dates": [("dyads.assemble", "assign_dates"), ("dyads.assemble", "tweet_dates")],
    "places": [("dyads.assemble", "find_location")],
    "assemble": [("dyads.pipeline", "build_events")],
}


class StageTimer:
    """Own CPU seconds per stage while active; ``split(total)`` adds the rest as 'other'."""

    def __init__(self):
        self.seconds = {stage: 0.0 for stage in STAGES}
        self._stack: list[list] = []  # [stage, started, time spent in nested stages]
        self._saved: list[tuple[object, str, object]] = []

    def _wrap(self, stage: str, func):
        def timed(*args, **kwargs):
            self._stack.append([stage, time.process_time(), 0.0])
            try:
                return func(*args, **kwargs)
            finally:
                _, started, nested = self._stack.pop()
                spent = time.process_time() - started
                self.seconds[stage] += spent - nested
                if self._stack:
                    self._stack[-1][2] += spent
        return timed

    def __enter__(self) -> "StageTimer":
        import importlib

        for stage, targets in STAGES.items():
            for module_name, attr in targets:
                module = importlib.import_module(module_name)
                original = getattr(module, attr)
                self._saved.append((module, attr, original))
                setattr(module, attr, self._wrap(stage, original))
        return self

    def __exit__(self, *exc) -> None:
        for module, attr, original in reversed(self._saved):
            setattr(module, attr, original)
        self._saved.clear()

    def split(self, total_cpu: float) -> dict:
        """Seconds and share of ``total_cpu`` per stage, the remainder as 'other'."""
        rows = dict(self.seconds)
        rows["other"] = max(0.0, total_cpu - sum(rows.values()))
        return {stage: {"cpu_s": round(s, 3), "share": round(s / total_cpu, 3) if total_cpu else 0}
                for stage, s in rows.items()}
