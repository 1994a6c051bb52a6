"""The server as the store's one writer.

DuckDB lets one process write a file, and no other process open it meanwhile. So the
server opens the store read-write (``StoreGate`` with ``own_writer``) and takes writes from
others: ``dyads code/ingest --db`` find it through the sidecar file it publishes
(``dyads.store.sidecar``) and POST their batches to ``/store/articles`` (``routes_store``).
Batches are stored one at a time under a lock, in worker threads, while request threads
keep reading on their own cursors. A background producer (an ingest loop) may run in the
server and store through the same writer.
"""
from __future__ import annotations

import os
import secrets
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from dyads.api.storegate import StoreGate, StoreUnavailable

# A producer runs in a thread of its own: producer(writer, stop) stores through
# writer.add_docs(...) until stop (a threading.Event) is set.
Producer = Callable[[object, threading.Event], None]
DEFAULT_MAX_BATCH_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class WriterSettings:
    host: str = "127.0.0.1"
    port: int | None = None  # None: publish no sidecar (nobody else can find the server)
    retry_seconds: float = 1.0  # how often to try again to open a store another process holds
    max_batch_bytes: int = DEFAULT_MAX_BATCH_BYTES
    stop_timeout: float = 30.0  # how long shutdown waits for the producer


def store_batch(store, docs: list, coder_version: str, replace: bool = False) -> dict:
    """``store.add_docs`` of a batch; if the batch as a whole fails, each doc is stored on
    its own, so one record the store cannot take never costs the others."""
    try:
        return store.add_docs(docs, coder_version=coder_version, replace=replace)
    except Exception:  # noqa: BLE001 - reported per record below
        if len(docs) == 1:
            raise
    from dyads.store.write import empty_result

    total = empty_result()
    for doc in docs:
        try:
            result = store.add_docs([doc], coder_version=coder_version, replace=replace)
        except Exception as exc:  # noqa: BLE001 - the message names the record
            doc_id = doc.get("doc_id") if isinstance(doc, dict) else None
            total["errors"].append(f"{doc_id}: not stored: {exc}")
            continue
        for key, value in result.items():
            total[key] = value if key == "events_merged_total" else total[key] + value
    return total


class ServerWriter:
    """The write interface handed to producers: ``add_docs`` and the other methods of
    ``dyads.feeds.loop.Writer``, so a feeds loop runs in the server as it does on a Store."""

    def __init__(self, service: "WriterService") -> None:
        self._service = service

    def add_docs(self, docs, coder_version: str, batch_size: int = 500,
                 replace: bool = False) -> dict:
        return self._service.store(list(docs), coder_version, replace)

    def stored_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these content hashes the store holds (to skip coding them again)."""
        return self._service.stored_hashes(hashes)

    def known_hashes(self, hashes) -> dict[str, set[str]]:
        return self._service.known_hashes(list(hashes))

    def ingest_state(self, keys) -> dict[str, dict]:
        return self._service.ingest_state(list(keys))

    def add_copies(self, docs) -> int:
        return self._service.add_copies(list(docs))

    def record_ingest(self, rows) -> None:
        self._service.record_ingest(list(rows))

    def close(self) -> None:
        pass  # the server closes its store when it stops


class WriterService:
    """Opens the store at start-up, publishes the sidecar, serialises writes, runs the
    producer; ``start`` on the server's start-up and ``stop`` on its shutdown."""

    def __init__(self, gate: StoreGate, settings: WriterSettings,
                 producer: Producer | None = None) -> None:
        self.gate = gate
        self.settings = settings
        self.token = secrets.token_urlsafe(32)
        self.producer = producer
        self.published = False
        self._wanted = False  # our "wanted" marker is out (see dyads.store.sidecar)
        self.generation = 0  # batches stored so far: a cache of query results keys on it
        self._write_lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Take the store in a thread (a server that only reads opens it on demand)."""
        if not self.gate.own_writer:
            return
        thread = threading.Thread(target=self._take_store, name="dyads-writer", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _take_store(self) -> None:
        """Open the store (waiting while another process holds it), then publish."""
        try:
            self._open_when_free()
        finally:
            self._unwant()
        if self._stop.is_set():
            return
        if not self.gate.writable:
            _say(f"{self.gate.db_path} is open in another process: serving it read-only; "
                 f"writers wait until this server stops")
            return
        if self.producer is not None:
            self._run_producer()

    def _open_when_free(self) -> None:
        """Open the store, trying again while another process holds it; a writer there
        is asked to let it go (the "wanted" marker), once the sidecar can name us."""
        while not self._stop.is_set():
            try:
                self.gate.open()
                break
            except StoreUnavailable:
                if self.settings.port is not None and not self._wanted:
                    from dyads.store import sidecar

                    sidecar.want(self.gate.db_path, os.getpid())
                    self._wanted = True
                self._stop.wait(self.settings.retry_seconds)
        if not self._stop.is_set() and self.gate.writable:
            self._publish()  # before the marker goes: writers that let go then find us

    def _unwant(self) -> None:
        if self._wanted:
            from dyads.store import sidecar

            sidecar.unwant(self.gate.db_path, os.getpid())
            self._wanted = False

    def _publish(self) -> None:
        if self.settings.port is None:
            return
        from dyads.store import sidecar

        info = sidecar.ServerInfo(
            pid=os.getpid(), host=self.settings.host, port=self.settings.port,
            token=self.token, started=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            db=self.gate.db_path, max_batch_bytes=self.settings.max_batch_bytes)
        sidecar.publish(self.gate.db_path, info)
        self.published = True

    def _run_producer(self) -> None:
        try:
            self.producer(ServerWriter(self), self._stop)
        except Exception as exc:  # noqa: BLE001 - the server keeps serving
            _say(f"the ingest loop stopped: {type(exc).__name__}: {exc}")

    def store(self, docs: list, coder_version: str, replace: bool = False) -> dict:
        """Store one batch through the server's writer (one batch at a time)."""
        return self._write(lambda store: store_batch(store, docs, coder_version, replace))

    def stored_hashes(self, hashes: list[str]) -> set[str]:
        return self.gate.open().stored_hashes(hashes)

    # -- what `dyads ingest` asks and hands over (dyads.feeds.loop.Writer) ----------------
    def known_hashes(self, hashes: list[str]) -> dict[str, set[str]]:
        return self.gate.open().known_hashes([str(h) for h in hashes])

    def ingest_state(self, keys: list[str]) -> dict[str, dict]:
        return self.gate.open().ingest_state([str(k) for k in keys])

    def add_copies(self, docs: list[dict]) -> int:
        return self._write(lambda store: store.add_copies(_records(docs)))

    def record_ingest(self, rows: list[dict]) -> int:
        rows = _records(rows)
        self._write(lambda store: store.record_ingest(rows))
        return len(rows)

    def _write(self, fn):
        """``fn(store)`` under the write lock, like a batch of articles."""
        store = self._writable()
        with self._write_lock:
            try:
                return fn(store)
            finally:
                self.generation += 1

    def _writable(self):
        store = self.gate.open()
        if not self.gate.writable:
            raise StoreUnavailable(f"this server only reads {self.gate.db_path}: another "
                                   f"process had it open when the server started")
        return store

    def stop(self) -> None:
        """Withdraw the sidecar, stop the producer, wait for the batch in flight."""
        self._stop.set()
        if self.published:
            from dyads.store import sidecar

            sidecar.withdraw(self.gate.db_path, self.token)
            self.published = False
        for thread in self._threads:
            thread.join(timeout=self.settings.stop_timeout)
        with self._write_lock:
            pass


def _records(items: list) -> list[dict]:
    """Only objects: a request's list of anything else is refused as a whole."""
    if not all(isinstance(item, dict) for item in items):
        raise ValueError("every item must be a JSON object")
    return items


def _say(message: str) -> None:
    print(f"dyads serve: {message}", file=sys.stderr)
