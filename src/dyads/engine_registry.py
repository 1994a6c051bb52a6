"""The engines' registry: where each engine (in-process, process pool, Dask) joins under a
name, and the helpers every engine shares.

It imports no engine, so the engines can import it and the front (dyads.engines) can
import the engines without any two of them importing each other.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator

from .records import Article, CodedArticle

Engine = Callable[..., Iterator[CodedArticle]]
ENGINES: dict[str, Engine] = {}


def register(name: str) -> Callable[[Engine], Engine]:
    """Decorator: an engine joins the registry under ``name``."""
    def join(engine: Engine) -> Engine:
        ENGINES[name] = engine
        return engine
    return join


def engine(name: str) -> Engine:
    try:
        return ENGINES[name]
    except KeyError:
        raise KeyError(f"no engine named {name!r}; known: {sorted(ENGINES)}") from None


def default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    items = iter(items)
    while chunk := list(itertools.islice(items, size)):
        yield chunk
