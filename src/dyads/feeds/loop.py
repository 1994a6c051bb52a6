"""One ingest pass over the sources, and the loop that repeats it.

Per item, the cheapest check that can tell "nothing new" runs first:
1. a page URL already logged whose feed entry gives no newer date is not fetched, and a
   watched file with the same mtime and size is not read (``ingest_log.stamp``);
2. fetched or read bytes equal to the logged ones are not extracted (``raw_hash``);
3. an article whose body hash is stored is not parsed or coded: under its own id it is
   unchanged, under another id it is a copy, kept as an alias (``Store.add_copies``).
Only what passes all three is coded, in batches, and stored through ``writer.add_docs``.

``writer`` is the Store, or anything with the same five methods (``Writer``), so a
server that owns the store can run the same loop. A failing item is reported (one line,
its URL or path and why) and the pass goes on; nothing here stops for one bad item.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from ..records import Article, CodedArticle
from . import sources as src
from .fetch import PoliteClient
from .items import PassWork
from .report import IngestReport
from .settings import IngestSettings

Coder = Callable[[list[Article]], Iterable[CodedArticle]]
Log = Callable[[str], None]


class Writer(Protocol):
    def add_docs(self, docs: list[dict], coder_version: str) -> dict: ...
    def add_copies(self, docs: list[dict]) -> int: ...
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, set[str]]: ...
    def ingest_state(self, keys: Iterable[str]) -> dict[str, dict]: ...
    def record_ingest(self, rows: list[dict]) -> None: ...


@contextmanager
def open_coder(workers: int = 1) -> Iterator[Coder]:
    """The coding function for a run: in this process, or a pool kept for the whole run
    (starting a pool per batch would load the model again each time)."""
    if workers <= 1:
        from ..pipeline import code_articles

        yield lambda articles: code_articles(articles)
        return
    from ..engines import WorkerPool

    with WorkerPool(workers) as pool:
        yield pool.code


def ingest_pass(sources: Sequence[str | src.Source], writer: Writer, settings: IngestSettings,
                *, client: PoliteClient | None = None, coder: Coder | None = None,
                log: Log | None = None, stop: threading.Event | None = None) -> IngestReport:
    """One pass over every source; returns what it found. ``client`` and ``coder`` are
    opened (and closed) here unless given, e.g. by ``ingest_loop`` to keep them. Once
    ``stop`` is set the pass ends after the item in hand, leaving its last batch
    uncoded (the next pass redoes it)."""
    parsed = [s if isinstance(s, src.Source) else src.classify(s) for s in sources]
    with _maybe(client, lambda: PoliteClient(settings)) as http, \
            _coder_or(coder, settings.workers) as code:
        run = PassWork(writer, settings, http, code, log or (lambda line: None), stop)
        for source in parsed:
            run.source(source)
        if not run.stopped():
            run.flush()
    run.report.passes = 1
    return run.report


def ingest_loop(sources: Sequence[str | src.Source], writer: Writer, settings: IngestSettings,
                every: float, *, passes: int | None = None, log: Log | None = None,
                on_pass: Callable[[int, IngestReport], None] | None = None,
                sleep: Callable[[float], None] = time.sleep,
                client: PoliteClient | None = None, coder: Coder | None = None,
                stop: threading.Event | None = None) -> IngestReport:
    """Pass after pass, ``every`` seconds apart (start to start), until ``passes`` are done,
    Ctrl-C, or ``stop`` is set (then it waits on ``stop`` between passes, and a pass ends
    early, see ``ingest_pass``); returns the counts of all passes (``interrupted`` after
    Ctrl-C)."""
    total = IngestReport()
    parsed = [s if isinstance(s, src.Source) else src.classify(s) for s in sources]
    if stop is not None:
        sleep = stop.wait
    try:
        with _maybe(client, lambda: PoliteClient(settings)) as http, \
                _coder_or(coder, settings.workers) as code:
            while (passes is None or total.passes < passes) and not (stop and stop.is_set()):
                started = time.monotonic()
                report = ingest_pass(parsed, writer, settings, client=http, coder=code,
                                     log=log, stop=stop)
                total.add(report)
                if on_pass:
                    on_pass(total.passes, report)
                if passes is None or total.passes < passes:
                    sleep(max(0.0, every - (time.monotonic() - started)))
    except KeyboardInterrupt:
        total.interrupted = True  # the batch in flight is not stored; the next run redoes it
    return total


@contextmanager
def _maybe(given, make):
    if given is not None:
        yield given
        return
    made = make()
    try:
        yield made
    finally:
        made.close()


@contextmanager
def _coder_or(given: Coder | None, workers: int):
    if given is not None:
        yield given
        return
    with open_coder(workers) as code:
        yield code
