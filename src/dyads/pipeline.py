"""The one coding function behind every entry point, and the batch wrapper around it.

``code_article(article, resources, settings)`` turns one Article into a CodedArticle. The
CLI, the API's POST /code, the process pool, the Dask workers and ``dyads eval`` all call
it; engines only decide where it runs.
"""
from __future__ import annotations

import functools
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import numpy

from . import __version__, heap, windows
from .actors.kb import KnowledgeBase, default_kb
from .actors.resolve import ArticleActors
from .actors.place_names import retag_places
from .assemble import build_events, build_quotes, dedupe
from .events.discards import Discards, default_discards
from .events.lexicon import Lexicon, default_lexicon
from .events.match import match_events
from .events.quoted import quoted_judgements
from .events.relevance import Rules, default_rules, judge_events
from .parse import load_nlp, looks_english, masked_text, word_count
from .places import Gazetteer, default_gazetteer
from .records import Article, CodedArticle

CODER = (("name", "dyads"), ("version", __version__))


@dataclass(frozen=True)
class Settings:
    """Coding settings; every field has a documented default."""

    # Merge an article's repeated reports of one event (same dyad, root, date ±1 day).
    dedupe_within_article: bool = True
    # Bare statements (CAMEO 01x) need a target to be worth an event record.
    statements_need_target: bool = True
    # Drop events below this confidence (0 keeps everything).
    min_confidence: float = 0.0
    # Code direct quotations' own sentences as events too.
    code_inside_quotes: bool = True
    # Keep bare statements (CAMEO 010: "X said that Y ...", "announced", "in a letter to
    # Y") as events. CAMEO codes one only when nothing more specific is said; what the
    # words say (a demand, a criticism, a denial) is coded either way.
    plain_reporting: bool = False
    # Every event needs a doer: "was asked whether ...", "we supported ..." with no
    # resolvable speaker, or "15 people have been killed in the protests" say who was acted
    # on but not who did it (measured on the real-news sets: 0 of 10 such force events were
    # right). A named attack ("a car bombing killed three soldiers", "killed in an
    # airstrike") stands without one; arrests and expulsions take the place's police or
    # government as implied doer.
    events_need_source: bool = True
    # Per-article budget: an article of more tokens than this (0: no limit) is not coded and
    # comes back with an error saying so; the rest of its batch goes on.
    max_article_tokens: int = 200_000
    # An article still being coded after this many seconds (0: no limit) is ended with an
    # error; it is checked between the windows of a long text (see dyads.windows).
    max_article_seconds: float = 120.0
    # Sports results, markets, weather and ordinary crime make no event (events.relevance).
    political_relevance: bool = True
    # Keep what the relevance stage drops, with its rule and reason, in the docs record's
    # "dropped" list (`dyads code --format docs --show-dropped`).
    keep_dropped: bool = False


@dataclass
class Resources:
    """Models and knowledge a worker loads once: spaCy, the KB, the lexicon, the gazetteer."""

    nlp: object
    kb: KnowledgeBase
    lexicon: Lexicon
    gazetteer: Gazetteer
    discards: Discards = field(default_factory=default_discards)
    relevance: Rules = field(default_factory=default_rules)


@functools.lru_cache(maxsize=1)
def load_resources() -> Resources:
    """The shipped resources, loaded once per process."""
    return Resources(nlp=load_nlp(), kb=default_kb(), lexicon=default_lexicon(),
                     gazetteer=default_gazetteer())


def failed(article: Article, reason: str) -> CodedArticle:
    return CodedArticle(article=article, errors=tuple(article.errors) + (reason,))


def code_article(article: Article, resources: Resources | None = None,
                 settings: Settings | None = None, doc=None) -> CodedArticle:
    """Code one article. Never raises for bad input: problems land in ``errors``."""
    resources = resources or load_resources()
    settings = settings or Settings()
    if not article.body:
        return CodedArticle(article=article, errors=article.errors or ("article has no text",))
    if not looks_english(article.body):
        return failed(article, "article does not look like English text; dyads codes English only")
    over = windows.token_budget_error(article.body, settings.max_article_tokens)
    if over:
        return failed(article, over)
    try:
        if doc is None and len(article.body) > windows.WINDOW_CHARS:
            return code_in_windows(article, resources, settings)
        doc = doc if doc is not None else resources.nlp(masked_text(article))
        return code_doc(article, doc, resources, settings)
    except Exception as err:  # one broken article must not stop a batch
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        return failed(article, f"internal error while coding: {detail}")


def code_doc(article: Article, doc, resources: Resources, settings: Settings) -> CodedArticle:
    retag_places(doc, resources.gazetteer, resources.kb)  # "attacks on Kharkiv" is no person
    actors = ArticleActors(doc, resources.kb, article.published, resources.gazetteer)
    candidates = match_events(doc, resources.lexicon, actors, resources.discards)
    quotes = build_quotes(article, doc, actors)
    # a quotation's own judging sentences ('"It is baseless," X said') are X's words
    quoted = quoted_judgements(doc, quotes, candidates, actors)
    candidates = sorted(candidates + quoted, key=lambda c: c.sentence_index)
    # judged before reports are merged, so a dropped report cannot lend its code to a kept one
    unmerged = replace(settings, dedupe_within_article=False)
    events = build_events(article, doc, candidates, actors, quotes, resources, unmerged, CODER)
    dropped = []
    if settings.political_relevance:
        judged = judge_events(events, doc, resources.relevance)
        events = [e for e, decision in judged if decision.relevant]
        dropped = [(e, decision) for e, decision in judged if not decision.relevant]
    if settings.dedupe_within_article:
        events = dedupe(events)
    extra = {"dropped": tuple(dropped)} if settings.keep_dropped else {}
    return CodedArticle(article=article, events=tuple(events), quotes=tuple(quotes),
                        errors=article.errors, words=word_count(doc),
                        extra=extra)


def code_in_windows(article: Article, resources: Resources, settings: Settings) -> CodedArticle:
    """A long article coded window by window (see dyads.windows), within its time budget."""
    deadline = windows.Deadline(settings.max_article_seconds)
    # reports are merged once over the whole article, as when it is coded whole
    per_window = replace(settings, dedupe_within_article=False)
    parts, sentences = [], 0
    bounds = windows.split_windows(article.body)
    pieces = [windows.window_article(article, start, end) for start, end in bounds]
    # one window at a time: each is a network run of its own, parsed when it is reached
    docs = pipe_docs(resources.nlp, (masked_text(p) for p in pieces), 1)
    for (start, _), piece, doc in zip(bounds, pieces, docs):
        if deadline.expired():
            return failed(article, windows.time_budget_error(deadline.seconds))
        parts.append((code_doc(piece, doc, resources, per_window), start, sentences))
        sentences += sum(1 for _ in doc.sents)
    return windows.joined(article, parts, dedupe if settings.dedupe_within_article else None)


def code_articles(articles: Iterable[Article], resources: Resources | None = None,
                  settings: Settings | None = None, batch_size: int = 16) -> Iterator[CodedArticle]:
    """Code a stream in-process, parsing in batches with ``nlp.pipe``; input order kept.

    One article that makes the coder raise comes back with ``errors``; the rest of its
    batch is coded as usual."""
    resources = resources or load_resources()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _code_batch(batch, resources, settings)
            batch = []
            heap.trim()  # the batch's parse arrays are freed: give their pages back (~2 ms)
    if batch:
        yield from _code_batch(batch, resources, settings)
        heap.trim()


# The networks' peak memory grows with the tokens they run on at once, about 4.5 KB a token
# now that their chains keep no training state (dyads.lean_inference). Texts go through
# them in runs of up to the characters of the longest text a worker parses in one piece
# (a window), so mixing articles never raises the peak past what one long article costs,
# and short articles share a run: fewer, larger matrix products, 1.8 s less parse CPU on
# the 84 PolNeAR test articles than two at a time (paired runs; #17). Worker peak there:
# 233-237 MB.
NETWORK_CHARS = windows.WINDOW_CHARS
NETWORK_STEPS = ("tok2vec", "tagger", "parser", "ner")


def pipe_docs(nlp, texts: Iterable[str], batch_size: int):
    """``nlp.pipe`` with every component taking ``batch_size`` texts at a time."""
    steps = {name: {"batch_size": batch_size} for name in NETWORK_STEPS}
    return nlp.pipe(texts, batch_size=batch_size, component_cfg=steps)


def network_runs(texts: list[str], budget: int | None = None) -> list[list[int]]:
    """The texts' indices in order, cut into runs of at most ``budget`` characters
    (NETWORK_CHARS unless given; a longer text runs alone)."""
    budget = budget or NETWORK_CHARS
    runs: list[list[int]] = []
    size = 0
    for i, text in enumerate(texts):
        if not runs or size + len(text) > budget:
            runs.append([])
            size = 0
        runs[-1].append(i)
        size += len(text)
    return runs


def parse_texts(nlp, texts: list[str]) -> list:
    """Docs for ``texts`` in their order, parsed run by run (the same parses: a Doc's
    analysis does not depend on its batch)."""
    docs: list = []
    for run in network_runs(texts):
        for doc in pipe_docs(nlp, [texts[i] for i in run], len(run)):
            doc.tensor = _NO_TENSOR  # the embeddings (~400 B a token) are never read again
            docs.append(doc)
    return docs


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def _parse_input(article: Article) -> str | None:
    """The text to parse, or None when ``code_article`` will not parse it (or cannot)."""
    try:
        if len(article.body) > windows.WINDOW_CHARS:
            return None  # parsed window by window in code_article
        return masked_text(article) if article.body and looks_english(article.body) else None
    except Exception:  # malformed record: code_article reports it on its own
        return None


def _parse_batch(batch: list[Article], resources: Resources) -> list:
    """Docs for a batch (None where an article is not parsed), in one ``nlp.pipe`` call."""
    texts = [_parse_input(a) for a in batch]
    wanted = [t for t in texts if t is not None]
    try:
        parsed = iter(parse_texts(resources.nlp, wanted))
    except Exception:  # a batch-level parser failure: code_article parses one at a time
        return [None] * len(batch)
    return [next(parsed) if t is not None else None for t in texts]


def _code_batch(batch: list[Article], resources: Resources, settings) -> Iterator[CodedArticle]:
    for article, doc in zip(batch, _parse_batch(batch, resources)):
        try:
            yield code_article(article, resources, settings, doc=doc)
        except Exception as err:  # code_article's own checks raised: isolate the article
            detail = traceback.format_exception_only(type(err), err)[-1].strip()
            yield failed(article, f"internal error while coding: {detail}")
