"""The process-pool engine: same records as in-process, input order, streaming, isolation."""
from __future__ import annotations

import dataclasses
import os

import pytest

from dyads.engines import WORKER_DIED, WorkerPool, run
from dyads.ingest import make_article
from dyads.pipeline import code_articles, load_resources
from dyads.records import Article, Span

KILL_MARK = "Zorblax"  # a word no other test text uses

TEXTS = [
    "Kenya's foreign minister met her Ethiopian counterpart in Nairobi on Monday to discuss "
    "the border. Both sides agreed to reopen two crossings.",
    "Police in Belgrade arrested twelve protesters on Tuesday after a march on parliament.",
    "The European Union imposed new sanctions on Iran on Wednesday over its drone exports.",
    "China criticized Japan on Thursday for its new defence budget.",
    "Brazil's president praised Argentina for its help during the floods.",
    "Turkey accused Syria of shelling a village near the border on Friday.",
    "Qatar hosted talks between Venezuela and the United States in Doha.",
]


def _articles(texts=TEXTS) -> list[Article]:
    return [make_article(f"e{i}", text, "2024-05-10") for i, text in enumerate(texts)]


def _records(coded) -> list[dict]:
    return [c.to_dict() for c in coded]


class _KillingParser:
    """Wraps the model; exits the process (as an out-of-memory kill would) on a marked text."""

    def __init__(self, nlp):
        self.nlp = nlp

    def _check(self, text: str) -> str:
        if KILL_MARK in text:
            os._exit(3)
        return text

    def __call__(self, text):
        return self.nlp(self._check(text))

    def pipe(self, texts, **kwargs):
        return self.nlp.pipe((self._check(t) for t in texts), **kwargs)


def killing_resources():
    """A pool loader (runs in the workers): the shipped resources with the killing parser."""
    resources = load_resources()
    return dataclasses.replace(resources, nlp=_KillingParser(resources.nlp))


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2, chunk_size=2, in_flight=2) as started:
        started.warm_up()
        yield started


@pytest.fixture(scope="module")
def in_process(resources):
    return _records(code_articles(_articles(), resources))


def test_pool_gives_the_in_process_records_in_input_order(pool, in_process):
    assert _records(pool.code(_articles())) == in_process
    assert any(doc["events"] for doc in in_process)  # the comparison is not of empty docs


def test_pool_reads_the_input_as_a_stream(pool):
    pulled = []

    def source():
        for article in _articles() * 3:
            pulled.append(article.doc_id)
            yield article

    stream = pool.code(source())
    first = next(stream)
    # in_flight=2 chunks of 2 are queued before the first result is taken, and no more
    assert first.doc_id == "e0" and len(pulled) <= 4
    assert len(list(stream)) == 3 * len(TEXTS) - 1


def _broken_articles() -> list[Article]:
    good = _articles()
    bad_span = dataclasses.replace(good[1], doc_id="bad-span",
                                   boilerplate=(Span(5, 10_000, "url", "x"),))
    bad_body = Article(doc_id="bad-body", body=12345, published="2024-05-10")  # type: ignore
    return [good[0], bad_span, good[2], bad_body, good[3]]


@pytest.mark.parametrize("engine", ["in-process", "pool"])
def test_an_article_that_makes_the_coder_raise_is_isolated(engine, pool, in_process):
    articles = _broken_articles()
    stream = pool.code(articles) if engine == "pool" else code_articles(articles)
    coded = {c.doc_id: c for c in stream}
    assert list(coded) == [a.doc_id for a in articles]
    for doc_id in ("bad-span", "bad-body"):
        assert coded[doc_id].errors and "internal error" in coded[doc_id].errors[-1]
        assert not coded[doc_id].events
    expected = {d["doc_id"]: d for d in in_process}
    for doc_id in ("e0", "e2", "e3"):
        assert coded[doc_id].to_dict() == expected[doc_id]


def test_an_article_that_kills_its_worker_is_isolated(in_process):
    articles = _articles()[:4]
    articles.insert(2, make_article("killer", f"The {KILL_MARK} council met in Paris.", None))
    with WorkerPool(2, chunk_size=2, in_flight=2, loader=killing_resources) as pool:
        coded = list(pool.code(articles))
    assert [c.doc_id for c in coded] == ["e0", "e1", "killer", "e2", "e3"]
    assert coded[2].errors == (WORKER_DIED,)
    others = [c.to_dict() for c in coded if c.doc_id != "killer"]
    assert others == in_process[:4]


def test_run_with_one_worker_codes_in_this_process(in_process, resources):
    assert _records(run(_articles()[:2], workers=1)) == in_process[:2]
