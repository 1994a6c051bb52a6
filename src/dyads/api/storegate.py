"""One store per server, opened on first use and shared by the request threads.

The store runs each call on its own DuckDB cursor, so threads may query it at once; the
lock only guards opening and closing it.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class StoreUnavailable(RuntimeError):
    """The database named to the server cannot be opened."""


def open_store(path: str, read_only: bool):
    from dyads.store import Store  # imported late: the API module loads without a store

    return Store.open(path, read_only=read_only)


class StoreGate:
    """Lazily opens the store and hands it to request threads."""

    def __init__(self, db_path: str | Path, read_only: bool = True,
                 opener: Callable[[str, bool], object] = open_store):
        self.db_path = str(db_path)
        self.read_only = read_only
        self._opener = opener
        self._store = None
        self._lock = threading.RLock()

    def _open(self):
        if self.read_only and not Path(self.db_path).exists():
            raise StoreUnavailable(
                f"database {self.db_path} does not exist: create it with "
                f"'dyads code ... --db {self.db_path}' first")
        try:
            return self._opener(self.db_path, self.read_only)
        except Exception as exc:  # duckdb raises several kinds; say what to do once
            raise StoreUnavailable(
                f"cannot open database {self.db_path}: {exc}. Is another process "
                f"writing to it?") from exc

    @contextmanager
    def __call__(self) -> Iterator[object]:
        store = self._store
        if store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open()
                store = self._store
        yield store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
