"""Articles the store already holds, left out before they are parsed (``dyads code --db
DB --skip-stored``), as ``dyads ingest`` leaves out bodies it has seen.

An article is left out when the store holds its body (the same ``content_hash``) under its
own doc id, as an article or an alias: coding it again would store nothing new. A body
stored under another id is a copy and still goes on (the store keeps it as an alias). The
writer (a Store, LocalWriter or RemoteWriter) is asked about a few articles at a time, so
the input stays a stream.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from dyads.records import Article
from dyads.store.write import content_hash

CHUNK = 32  # articles asked about in one query


def unstored(articles: Iterable[Article], writer, on_skip: Callable[[Article], None],
             chunk: int = CHUNK) -> Iterator[Article]:
    """``articles`` without those the store holds; ``on_skip(article)`` for each of them."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= chunk:
            yield from _new_in(batch, writer, on_skip)
            batch = []
    yield from _new_in(batch, writer, on_skip)


def _new_in(batch: list[Article], writer, on_skip) -> Iterator[Article]:
    # an article with read errors goes on, to be reported
    hashes = [content_hash({"doc_id": a.doc_id, "body": a.body})
              if a.body and not a.errors else None for a in batch]
    asked = [h for h in hashes if h is not None]
    known = writer.known_hashes(asked) if asked else {}
    for article, h in zip(batch, hashes):
        if h is not None and article.doc_id in known.get(h, ()):
            on_skip(article)
        else:
            yield article
