"""Where ``code_article`` runs: in this process, in a pool of worker processes, or on Dask.

The engine is a parameter, not a fork of the pipeline: every engine calls
``pipeline.code_articles`` and yields CodedArticles in input order. Engines join
dyads.engine_registry under a name ("inprocess", "pool" here, "dask" in dyads.distributed);
``run`` picks one and looks it up there, so no engine imports another.

The process pool streams: it reads the input a chunk at a time and keeps at most
``in_flight`` chunks submitted, so memory stays bounded whatever the input size, while the
workers never wait for a slow chunk to be drained before getting new work. Each worker
loads the model once (pool initializer). A worker that dies (killed for memory, a crash
in native code) breaks only the chunks it was coding: the pool is restarted and those
articles are coded again one by one, so only the article that kills a worker comes back
as a CodedArticle with ``errors``.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import distributed  # noqa: F401  (the Dask engine joins the registry on import)
from . import heap, lifeline
from .engine_registry import chunks as _chunks
from .engine_registry import default_workers, engine, register
from .pipeline import Resources, Settings, code_articles, failed, load_resources
from .records import Article, CodedArticle

DEFAULT_CHUNK = 8          # articles per task: ~1 s of work, small next to pickling costs
IN_FLIGHT_PER_WORKER = 3   # chunks queued per worker: enough to hide result hand-over
WORKER_DIED = ("a worker process died while coding this article (out of memory, or a crash "
               "in native code); code it alone with --workers 1 to see the error")


class WorkerStartError(RuntimeError):
    """The worker processes could not load the model or the knowledge base."""


# An input of at most this many articles is coded in this process when the worker count
# is left to dyads: it would fill only one pool chunk (one busy worker, the rest idle),
# and starting a pool (a process and a model load per worker) costs more than it saves.
SMALL_INPUT = DEFAULT_CHUNK


def choose_engine(articles: Iterable[Article], workers: int | None = None,
                  scheduler: str | None = None) -> tuple[str, int, Iterator[Article]]:
    """The engine ``run`` uses: (name, workers, the articles to give it).

    ``workers=None`` means "as many as there are cores", except that an input of at most
    SMALL_INPUT articles is coded in-process; the returned iterator yields every article,
    including those read ahead to count them."""
    articles = iter(articles)
    if scheduler is not None:
        return "dask", workers or default_workers(), articles
    if workers is None:
        head = list(itertools.islice(articles, SMALL_INPUT + 1))
        articles = itertools.chain(head, articles)
        workers = 1 if len(head) <= SMALL_INPUT else default_workers()
    return ("inprocess" if workers <= 1 else "pool"), workers, articles


def run(articles: Iterable[Article], workers: int | None = 1, settings: Settings | None = None,
        scheduler: str | None = None, **options) -> Iterator[CodedArticle]:
    """Code ``articles`` with the chosen engine (see ``choose_engine``); input order is kept.

    ``scheduler``: a Dask scheduler address or "local" (options: ``parquet_out``,
    ``partition_size``); else ``workers`` > 1 runs a process pool (options:
    ``chunk_size``, ``in_flight``), 1 codes in this process, and None picks by input size."""
    name, workers, articles = choose_engine(articles, workers, scheduler)
    if name == "dask":
        options["scheduler"] = scheduler
    yield from engine(name)(articles, workers=workers, settings=settings, **options)


@register("inprocess")
def run_in_process(articles: Iterable[Article], workers: int = 1,
                   settings: Settings | None = None) -> Iterator[CodedArticle]:
    heap.map_big_blocks()  # as in a pool's worker: a parse's big arrays go back when freed
    yield from code_articles(articles, settings=settings)


@register("pool")
def run_pool(articles: Iterable[Article], workers: int, settings: Settings | None = None,
             chunk_size: int = DEFAULT_CHUNK, in_flight: int | None = None,
             loader: Callable[[], Resources] = load_resources) -> Iterator[CodedArticle]:
    """Code a stream in a pool of ``workers`` processes; ordered, bounded memory."""
    with WorkerPool(workers, settings, chunk_size, in_flight, loader) as pool:
        yield from pool.code(articles)


# --- inside a worker process -------------------------------------------------------------

_WORKER: dict = {}  # per worker process: set once by the pool initializer, then read-only


def _init_worker(settings: Settings | None, loader: Callable[[], Resources],
                 parent: tuple[int, float | None] | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    if parent is not None:
        lifeline.watch_parent(*parent)  # a worker ends when the caller dies (kill -9)
    _WORKER["settings"] = settings
    heap.map_big_blocks()  # a parse's big arrays go back to the system when freed
    _WORKER["resources"] = loader()  # the model loads once per worker


def _code_chunk(chunk: list[Article]) -> list[CodedArticle]:
    return list(code_articles(chunk, _WORKER["resources"], _WORKER["settings"]))  # trims


def _ready(pause: float) -> int:
    time.sleep(pause)  # holds this worker, so the other tasks reach the other workers
    return os.getpid()


# --- in the calling process --------------------------------------------------------------

class WorkerPool:
    """A restartable process pool that codes streams of articles in input order."""

    def __init__(self, workers: int, settings: Settings | None = None,
                 chunk_size: int = DEFAULT_CHUNK, in_flight: int | None = None,
                 loader: Callable[[], Resources] = load_resources):
        self.workers = max(1, workers)
        self.settings = settings
        self.chunk_size = max(1, chunk_size)
        self.in_flight = in_flight or self.workers * IN_FLIGHT_PER_WORKER
        self.loader = loader
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0  # bumped at every restart

    def __enter__(self) -> WorkerPool:
        self._start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _start(self) -> None:
        # forkserver: workers do not inherit the caller's threads or open connections
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        self._executor = ProcessPoolExecutor(
            self.workers, mp_context=mp.get_context(method),
            initializer=_init_worker,
            initargs=(self.settings, self.loader, (os.getpid(), lifeline.start_time(os.getpid()))))
        self._generation += 1

    def _restart(self, generation: int) -> None:
        """Replace a broken pool, once per breakage (several futures report the same one)."""
        if generation == self._generation:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
            self._start()

    def warm_up(self) -> set[int]:
        """Wait until every worker has loaded the model; returns their pids."""
        pids: set[int] = set()
        try:
            for _ in range(20):
                futures = [self._executor.submit(_ready, 0.2) for _ in range(self.workers)]
                pids |= {f.result() for f in futures}
                if len(pids) >= self.workers:
                    break
            return pids
        except BrokenProcessPool as err:
            raise WorkerStartError(
                "the worker processes could not start: check that the model loads with "
                "`dyads code --workers 1`") from err

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """CodedArticles in input order; at most ``in_flight`` chunks are queued at once."""
        pending: deque[tuple[list[Article], Future, int]] = deque()
        for chunk in _chunks(articles, self.chunk_size):
            pending.append((chunk, self._submit(chunk), self._generation))
            if len(pending) >= self.in_flight:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _submit(self, chunk: list[Article]) -> Future:
        """Queue a chunk; a pool that broke meanwhile (a worker died) is replaced first."""
        try:
            return self._executor.submit(_code_chunk, chunk)
        except BrokenProcessPool:
            self._restart(self._generation)
            return self._executor.submit(_code_chunk, chunk)

    def _collect(self, chunk: list[Article], future: Future, generation: int) -> list[CodedArticle]:
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart(generation)
            return [self._code_alone(article) for article in chunk]
        except Exception as err:  # e.g. a result that cannot be pickled: only this chunk
            return [failed(a, f"internal error in the worker pool: {err!r}") for a in chunk]

    def _code_alone(self, article: Article) -> CodedArticle:
        """Code one article of a chunk that broke the pool; if it breaks it again, report it."""
        generation = self._generation
        try:
            return self._executor.submit(_code_chunk, [article]).result()[0]
        except BrokenProcessPool:
            self._restart(generation)
            return failed(article, WORKER_DIED)

    def worker_pids(self) -> list[int]:
        """The live worker processes (for benchmarks: memory and CPU accounting)."""
        return list(getattr(self._executor, "_processes", None) or {})

    def peak_rss_mb(self) -> list[float]:
        """Peak resident memory (VmHWM) of each live worker process, in MB."""
        return [peak_rss_mb_of(pid) for pid in self.worker_pids()]


def peak_rss_mb_of(pid: int) -> float:
    """Linux's high-water mark of a process's resident set; 0.0 where /proc is absent."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
