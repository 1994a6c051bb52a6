"""The dyads event store: one embedded DuckDB file of articles, mentions, merged events.

    with Store.open("news.duckdb") as store:
        store.add_docs(docs, coder_version="0.1.0")
        store.events(EventFilter(dyad=("USA", "RUS"), cameo="04"))

Each call runs on its own cursor, so one Store may serve several threads. DuckDB lets
one process hold a file open for writing; others may open it ``read_only`` only while no
process writes to it.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import duckdb

from dyads.store import export as _export
from dyads.store import panel as _panel
from dyads.store import query as _q
from dyads.store import ingestlog, schema, sidecar, write
from dyads.store.errors import StoreError, StoreLocked, is_lock_conflict
from dyads.store.query import EventFilter, StoreQueryError
from dyads.store.schema import StoreSchemaError

__all__ = ["Store", "EventFilter", "StoreError", "StoreLocked", "StoreQueryError",
           "StoreSchemaError", "open_writer"]

DEFAULT_PATH = "dyads.duckdb"
# Checkpoint (fold the write-ahead log into the file) less often than DuckDB's 16 MB
# default: bulk loads run ~1.7x faster; the log is still replayed after a crash.
CHECKPOINT_THRESHOLD = "256MB"
# Docs per transaction for bulk loads (`dyads load`): each batch scans the stored mentions
# once to find duplicates, so larger batches load faster (1M mentions: ~100 s with 2,000
# docs, ~60 s with 10,000); a crash loses at most the batch in flight.
BULK_BATCH_DOCS = 10_000


def _now():
    """The store's timestamps: UTC, without a zone (as ``write`` stores them)."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, read_only: bool = False) -> "Store":
        """Open (creating and migrating when writable) the store at ``path``."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"no store at {path}; create one with `dyads load` or "
                             "`dyads code --db PATH` first")
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if is_lock_conflict(exc):
                raise StoreLocked(f"cannot open store {path}: {exc}. "
                                  + sidecar.held_by(path)) from exc
            raise StoreError(f"cannot open store {path}: {exc}. Another process may be "
                             "writing to it; wait for it or open read_only") from exc
        if read_only:
            schema.check_readable(con)
        else:
            con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            schema.migrate(con)
        return cls(con, path, read_only)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    # -- writing -------------------------------------------------------------------------
    def add_docs(self, docs: Iterable[dict], coder_version: str, batch_size: int = 500,
                 replace: bool = False) -> dict:
        """Store docs records (each with its ``body``); one transaction per batch.

        Returns counts: articles_added / _unchanged / _recoded, mentions_added,
        events_merged_total (merged events in the store afterwards) and ``errors``, a list
        of messages for records that could not be stored. ``replace`` re-stores articles
        even when the coder version is not newer."""
        total = write.empty_result()
        with self._cursor() as con:
            for batch in write.batched(docs, max(1, int(batch_size))):
                result = write.write_batch(con, batch, coder_version, replace=replace)
                for key, value in result.items():
                    total[key] += value
            total["events_merged_total"] = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        return total

    def add_copies(self, docs: list[dict]) -> int:
        """Store docs whose body is already stored under another id as its aliases, without
        their events (they were not coded); returns the number of new aliases."""
        with self._cursor() as con:
            return ingestlog.add_copies(con, list(docs), _now())

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, set[str]]:
        """Stored body hashes among ``hashes`` -> the doc ids (article and aliases) of each."""
        return self._run(ingestlog.known_hashes, hashes)

    def ingest_state(self, keys: Iterable[str]) -> dict[str, dict]:
        """What ``dyads ingest`` logged about these pages or files (see ``ingestlog``)."""
        return self._run(ingestlog.lookup, keys)

    def record_ingest(self, rows: list[dict]) -> None:
        with self._cursor() as con:
            ingestlog.record(con, rows, _now())

    def cluster(self) -> None:
        """Rewrite events and mentions in date order. Loads append in arrival order, so
        after a large load of articles spanning many dates, this makes date filters skip
        most of the table again (migration to schema v2 does it once)."""
        with self._cursor() as con:
            schema.cluster(con)

    # -- reading -------------------------------------------------------------------------
    def _run(self, fn, *args, **kwargs):
        with self._cursor() as con:
            return fn(con, *args, **kwargs)

    def events(self, f: EventFilter | None = None) -> list[dict]:
        """Merged events matching ``f``, newest first: all of them unless ``f.limit``."""
        return self._run(_q.events, f)

    def iter_events(self, f: EventFilter | None = None, batch_size: int = 2000,
                    evidence: bool = False) -> Iterator[dict]:
        """The rows of ``events``, streamed: memory stays flat however many match. With
        ``evidence``, each also has its evidence sentence, trigger, rule id, article,
        coder version and coded date."""
        with self._cursor() as con:
            yield from _q.iter_events(con, f, batch_size, evidence)

    def count_events(self, f: EventFilter) -> int:
        return self._run(_q.count_events, f)

    def event(self, event_id: str) -> dict | None:
        return self._run(_q.event, event_id)

    def mentions(self, f: EventFilter | None = None) -> list[dict]:
        return self._run(_q.mentions, f)

    def article(self, doc_id: str) -> dict | None:
        return self._run(_q.article, doc_id)

    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes (``write.content_hash``) the store holds."""
        return self._run(write.stored_hashes, list(hashes))

    def articles(self, limit: int = 100, offset: int = 0, text: str | None = None) -> list[dict]:
        return self._run(_q.articles, limit, offset, text)

    def quotes(self, speaker: str | None = None, doc_id: str | None = None,
               limit: int = 100, offset: int = 0) -> list[dict]:
        return self._run(_q.quotes, speaker, doc_id, limit, offset)

    def actors(self, name: str | None = None, limit: int = 100) -> list[dict]:
        return self._run(_q.actors, name, limit)

    def actor(self, key: str) -> dict | None:
        return self._run(_q.actor, key)

    def dyad_series(self, a: str, b: str, freq: str = "month",
                    symmetric: bool = True) -> list[dict]:
        return self._run(_q.dyad_series, a, b, freq, symmetric)

    def dyad_periods(self, freq: str = "month", f: EventFilter | None = None,
                     level: str = "country") -> list[dict]:
        """Counts per directed dyad (of countries, or of actor keys) and period."""
        return self._run(_q.dyad_periods, freq, f, level)

    def top_dyads(self, n: int = 20, level: str = "country") -> list[dict]:
        """The busiest pairs (countries either way, or directed actor codes)."""
        return self._run(_q.top_dyads, n, level)

    def panel(self, spec: "_panel.PanelSpec") -> list[dict]:
        """A zero-filled panel (unit x period counts), see ``dyads.store.panel``."""
        return self._run(_panel.rows, spec)

    def write_panel(self, spec: "_panel.PanelSpec", path: str | Path, fmt: str = "csv") -> dict:
        return self._run(_panel.write_panel, spec, Path(path), fmt)

    def top_actors(self, f: EventFilter | None = None, n: int = 20) -> list[dict]:
        return self._run(_q.top_actors, f, n)

    def network(self, f: EventFilter | None = None, min_events: int = 1) -> list[dict]:
        return self._run(_q.network, f, min_events)

    def locations(self, f: EventFilter | None = None) -> list[dict]:
        return self._run(_q.locations, f)

    def stats(self) -> dict:
        out = self._run(_q.stats)
        out["path"] = str(self.path)
        out["size_bytes"] = self.path.stat().st_size if self.path.exists() else 0
        return out

    def export(self, fmt: str, path: str | Path, f: EventFilter | None = None,
               options: "_export.ExportOptions | None" = None) -> Path:
        """Write merged events as parquet (year/month partitions), csv, gdelt, plover or
        polecat-flat, with provenance (see ``dyads.store.export``)."""
        return self._run(_export.export, fmt, Path(path), f, options)


def open_writer(db_path: str | Path = DEFAULT_PATH, *, wait: float = 60.0, poll: float = 0.5,
                on_wait=None, timeout: float = 600.0):
    """Where to store coded articles: this store opened read-write (a ``LocalWriter``
    with the Store's methods, which lets the store go to a server that starts meanwhile),
    or, when a running ``dyads serve`` owns it, a ``RemoteWriter`` that hands batches to
    that server. Both have ``add_docs(docs, coder_version, batch_size=500, replace=False)``
    returning the same counts, and ``close()``. While another process holds the file it
    waits up to ``wait`` seconds, then raises ``StoreLocked``; see ``dyads.store.handoff``.
    """
    from dyads.store import handoff

    return handoff.open_writer(db_path, Store.open, wait=wait, poll=poll, on_wait=on_wait,
                               timeout=timeout)
