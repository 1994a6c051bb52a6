"""Where ``code_article`` runs: in this process, in a pool of worker processes, or on Dask.

The engine is a parameter, not a fork of the pipeline: every engine calls
``pipeline.code_article`` and yields CodedArticles in input order.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator

from .pipeline import Settings, code_article, code_articles, load_resources
from .records import Article, CodedArticle


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run(articles: Iterable[Article], workers: int = 1, settings: Settings | None = None,
        scheduler: str | None = None, window: int = 256, **options) -> Iterator[CodedArticle]:
    """Code ``articles`` with the chosen engine; input order is kept."""
    if scheduler is not None:
        from .distributed import run_dask

        yield from run_dask(articles, scheduler, settings=settings, **options)
    elif workers <= 1:
        yield from code_articles(articles, settings=settings)
    else:
        yield from run_pool(articles, workers, settings, window)


_WORKER_SETTINGS: list = []  # per worker process, set once by the pool initializer


def _init_worker(settings: Settings | None) -> None:
    _WORKER_SETTINGS[:] = [settings]
    load_resources()  # the model loads once per worker, before the first article


def _code_chunk(chunk: list[Article]) -> list[CodedArticle]:
    settings = _WORKER_SETTINGS[0] if _WORKER_SETTINGS else None
    return list(code_articles(chunk, settings=settings))


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while True:
        chunk = list(itertools.islice(items, size))
        if not chunk:
            return
        yield chunk


def run_pool(articles: Iterable[Article], workers: int, settings: Settings | None,
             window: int = 256, chunk: int = 8) -> Iterator[CodedArticle]:
    """A process pool over bounded windows of the input: streaming, ordered, bounded memory."""
    ctx = mp.get_context("spawn" if os.name != "posix" else "forkserver")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for block in _chunks(iter(articles), window):
            for coded in pool.imap(_code_chunk, list(_chunks(iter(block), chunk))):
                yield from coded


def code_one(article: Article, settings: Settings | None = None) -> CodedArticle:
    return code_article(article, settings=settings)
