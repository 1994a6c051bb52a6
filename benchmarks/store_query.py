"""Query speed over a large store (targets: dyad-month aggregate over 10M events < 1 s,
a filtered query < 100 ms), and store size per million events.

    .venv/bin/python scripts/make_synthetic_events.py --events 10000000 --db /tmp/syn.duckdb
    .venv/bin/python benchmarks/store_query.py --db /tmp/syn.duckdb

Each timing is the best of --repeat runs after one warm-up (DuckDB's buffer cache warm).
Needs a schema-v2 store (rebuild synthetic stores made before v2, or open one writable
once to migrate it). On a busy 2-core machine, measure 2M-5M events and scale linearly.
"""
from __future__ import annotations

import argparse
import json
import time

from dyads.store import EventFilter, Store


def best_of(fn, repeat: int) -> tuple[float, object]:
    fn()
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with Store.open(args.db, read_only=True) as store:
        stats = store.stats()
        cases = {
            "dyad_series USA-RUS month": lambda: store.dyad_series("USA", "RUS", "month"),
            "dyad_periods all dyads x month": lambda: store.dyad_periods("month"),
            "events dyad+cameo+dates (100)": lambda: store.events(EventFilter(
                dyad=("USA", "CHN"), cameo="04", date_from="2019-01-01",
                date_to="2019-12-31")),
            "events country+quad (100)": lambda: store.events(EventFilter(
                country="IRN", quad_class=4)),
            "count_events dyad": lambda: store.count_events(EventFilter(dyad=("USA", "CHN"))),
            "top_actors (20)": lambda: store.top_actors(n=20),
            "events text search (100)": lambda: store.events(EventFilter(text="matter number 42.")),
        }
        out = {"events": stats["events"], "mentions": stats["mentions"],
               "store_mb": round(stats["size_bytes"] / 1e6, 1),
               "mb_per_million_events": round(stats["size_bytes"] / 1e6
                                              / max(stats["events"] / 1e6, 1e-9), 1)}
        for name, fn in cases.items():
            seconds, result = best_of(fn, args.repeat)
            size = len(result) if isinstance(result, list) else result
            out[name] = {"ms": round(seconds * 1000, 1), "rows": size}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
