"""Producers for the server's background hook (``create_app(producer=...)``).

A producer is ``producer(writer, stop)``: it runs in a thread of the server once the
server holds the store's writer, stores through ``writer.add_docs`` and returns when
``stop`` (a ``threading.Event``) is set at shutdown. ``file_scanner`` codes the inputs
``dyads code`` reads (files, folders) and looks again every few seconds; ``dyads serve
--ingest`` runs it, and a feed loop can take its place.
"""
from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from typing import Callable

BATCH_DOCS = 50  # coded articles per stored batch: they show up while the scan goes on


@dataclass(frozen=True)
class ScanSettings:
    paths: tuple[str, ...]
    every: float | None = None  # seconds between scans; None: scan once
    date: str | None = None  # publication date for inputs that lack one
    workers: int | None = None  # as `dyads code --workers`


def _say(message: str) -> None:
    print(f"dyads serve: {message}", file=sys.stderr)


def file_scanner(settings: ScanSettings, say: Callable[[str], None] = _say):
    """A producer that codes and stores what is new under ``settings.paths``."""
    def produce(writer, stop: threading.Event) -> None:
        seen: set[str] = set()  # content hashes this loop stored or found stored
        while not stop.is_set():
            counts = scan_once(settings, writer, seen, stop)
            if counts["coded"]:
                say(f"ingest: {counts['coded']} articles coded, {counts['new']} new in the "
                    f"store, {counts['failed']} failed")
            if settings.every is None:
                return
            stop.wait(settings.every)
    return produce


def _unseen(articles, writer, seen: set[str]) -> list:
    """The articles whose body this loop has not met and the store does not hold."""
    from dyads.store.write import content_hash

    keyed = [(content_hash({"doc_id": a.doc_id, "body": a.body}), a) for a in articles]
    fresh = {h for h, _ in keyed} - seen
    stored = writer.stored_hashes(sorted(fresh)) if fresh else set()
    seen.update(stored)
    out, taken = [], set()
    for h, article in keyed:
        if h in fresh and h not in stored and h not in taken:
            taken.add(h)
            out.append((h, article))
    return out


def scan_once(settings: ScanSettings, writer, seen: set[str], stop: threading.Event) -> dict:
    """Code and store the new articles of one scan; returns counts coded/new/failed."""
    from dyads import __version__
    from dyads.engines import run
    from dyads.ingest import read_inputs

    todo = _unseen(read_inputs(list(settings.paths), date=settings.date), writer, seen)
    counts = {"coded": 0, "new": 0, "failed": 0}
    pending: list[dict] = []
    for coded in run((a for _, a in todo), workers=settings.workers):
        pending.append(dict(coded.to_dict(), body=coded.article.body))
        counts["coded"] += 1
        if len(pending) >= BATCH_DOCS or stop.is_set():
            _store(writer, pending, __version__, counts)
        if stop.is_set():
            break
    _store(writer, pending, __version__, counts)
    seen.update(h for h, _ in todo[:counts["coded"]])
    return counts


def _store(writer, pending: list, version: str, counts: dict) -> None:
    if not pending:
        return
    result = writer.add_docs(pending, coder_version=version)
    counts["new"] += result["articles_added"] + result["articles_recoded"]
    counts["failed"] += len(result["errors"])
    pending.clear()

