"""One store per server, opened on first use (or at start-up) and shared by the request
threads.

The store runs each call on its own DuckDB cursor, so threads may query it at once while
a batch is written; the lock guards opening and closing it. With ``own_writer`` the gate
opens the store read-write when it can, making the server the store's one writer (see
``dyads.api.writer``); when another process only reads the file it falls back to reading.
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
                 opener: Callable[[str, bool], object] = open_store, own_writer: bool = False):
        self.db_path = str(db_path)
        self.read_only = read_only
        self.own_writer = own_writer or not read_only
        self.writable = False  # True once the store is open read-write
        self._opener = opener
        self._store = None
        self._lock = threading.RLock()

    def _open(self):
        if not self.own_writer and not Path(self.db_path).exists():
            raise StoreUnavailable(
                f"database {self.db_path} does not exist: create it with "
                f"'dyads code ... --db {self.db_path}' first")
        try:
            if self.own_writer:
                return self._open_writable()
            return self._opener(self.db_path, True)
        except StoreUnavailable:
            raise
        except Exception as exc:  # duckdb raises several kinds; say what to do once
            raise StoreUnavailable(
                f"cannot open database {self.db_path}: {exc}. Is another process "
                f"writing to it? The server opens it once that process is done") from exc

    def _open_writable(self):
        try:
            store = self._opener(self.db_path, False)
        except Exception:
            if not self.read_only or not Path(self.db_path).exists():
                raise
            return self._opener(self.db_path, True)  # another process reads it: read too
        self.writable = True
        return store

    def open(self):
        """The store, opening it if need be (raises StoreUnavailable)."""
        store = self._store
        if store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open()
                store = self._store
        return store

    @contextmanager
    def __call__(self) -> Iterator[object]:
        yield self.open()

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self.writable = False
