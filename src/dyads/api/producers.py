"""Producers for the server's background hook (``create_app(producer=...)``).

A producer is ``producer(writer, stop)``: it runs in a thread of the server once the
server holds the store's writer, stores through ``writer`` and returns when ``stop`` (a
``threading.Event``) is set at shutdown. ``feed_loop`` runs the passes of ``dyads
ingest`` (``dyads.feeds.loop``) over its sources (feed URLs, files of page URLs, folders,
the inputs ``dyads code`` reads) every few seconds; ``dyads serve --ingest`` runs it.
"""
from __future__ import annotations

import sys
import threading
from typing import Callable, Sequence

Say = Callable[[str], None]


def _say(message: str) -> None:
    print(f"dyads serve: {message}", file=sys.stderr, flush=True)


def feed_loop(sources: Sequence, every: float | None, settings=None, say: Say = _say):
    """A producer running ingest passes over ``sources`` every ``every`` seconds (start to
    start; None: one pass) with the server's writer, until ``stop`` is set. ``settings``:
    an ``IngestSettings`` (default: its defaults). Failures and passes that found
    something are told through ``say``."""
    def produce(writer, stop: threading.Event) -> None:
        from dyads.feeds.loop import ingest_loop
        from dyads.feeds.settings import IngestSettings

        def on_pass(n: int, report) -> None:
            if not report.nothing_new or report.failed:
                say(f"ingest pass {n}: {report.summary()}")

        ingest_loop(list(sources), writer, settings or IngestSettings(), every or 0.0,
                    passes=None if every else 1, on_pass=on_pass, stop=stop,
                    log=lambda line: say(f"ingest: {line}"))
    return produce
