"""Long articles in windows, and the per-article budget.

Coreference, dating and quote attribution look back over the whole article, and spaCy's
sentence lookups scan the whole Doc, so coding time grows faster than an article's length.
News stories are far shorter than ``WINDOW_CHARS`` (the longest in the bundled and shared
corpora has about 34,000 characters) and are coded whole, exactly as before. A longer text
is cut into windows of at most ``WINDOW_CHARS`` characters, at a paragraph break where
there is one (else after a sentence stop, else at white space); each window is parsed and
coded as a part of the article, and its records are shifted back to the article's offsets
and sentence numbers. Work and memory then grow linearly with length: a window's parse is
freed before the next one is made. Nothing links a name in one window to a pronoun in the
next, which only such long texts can lose.
"""
from __future__ import annotations

import re
import time
from dataclasses import replace

from .records import Article, CodedArticle, Event, Quote

WINDOW_CHARS = 50_000
_CUTS = ("\n\n", "\n", ". ", " ")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def count_tokens(text: str) -> int:
    """Words and punctuation marks: close to spaCy's token count, at a fraction of its cost."""
    return sum(1 for _ in _TOKEN.finditer(text))


def token_budget_error(body: str, max_tokens: int) -> str | None:
    """The error for an article over ``max_tokens`` (0: no limit), else None."""
    if not max_tokens or len(body) <= max_tokens:  # a token has at least one character
        return None
    tokens = count_tokens(body)
    if tokens <= max_tokens:
        return None
    return (f"article has {tokens:,} tokens, over the per-article budget of {max_tokens:,} "
            "(--max-article-tokens); split it into articles or raise the budget")


def time_budget_error(seconds: float) -> str:
    return (f"coding stopped after {seconds:g} s, the per-article time budget "
            "(--max-article-seconds); split the article or raise the budget")


class Deadline:
    """``expired()`` once ``seconds`` have passed since it was made (0: never)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._end = time.monotonic() + seconds if seconds else None

    def expired(self) -> bool:
        return self._end is not None and time.monotonic() > self._end


def split_windows(body: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive windows that cover ``body``, each at most ``size``
    (default WINDOW_CHARS) long."""
    size = size or WINDOW_CHARS
    bounds, start = [], 0
    while len(body) - start > size:
        end = _cut(body, start, start + size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(body)))
    return bounds


def _cut(body: str, start: int, limit: int) -> int:
    """Where a window that starts at ``start`` ends: after the last break before ``limit``
    in its second half, of the strongest kind there is."""
    for sep in _CUTS:
        at = body.rfind(sep, start + (limit - start) // 2, limit - len(sep) + 1)
        if at >= 0:
            return at + len(sep)
    return limit


def window_article(article: Article, start: int, end: int) -> Article:
    """The part of ``article`` between ``start`` and ``end``, with offsets from ``start``."""
    spans = tuple(replace(s, start=s.start - start, end=s.end - start)
                  for s in article.boilerplate if start <= s.start and s.end <= end)
    return replace(article, body=article.body[start:end], boilerplate=spans, errors=())


def _shift_actor(actor, chars: int):
    return None if actor is None else replace(actor, start=actor.start + chars,
                                              end=actor.end + chars)


def _shift_opt(value: int | None, chars: int) -> int | None:
    return None if value is None else value + chars


def shift_event(event: Event, chars: int, sentences: int, new_id) -> Event:
    """``event`` of a window that starts ``chars`` characters and ``sentences`` sentences
    into the article; ``new_id(event)`` gives its id at the article's offsets."""
    loc = event.location
    if loc is not None:
        loc = replace(loc, start=_shift_opt(loc.start, chars), end=_shift_opt(loc.end, chars))
    s = event.sentence
    trigger = event.trigger and replace(event.trigger, start=event.trigger.start + chars,
                                        end=event.trigger.end + chars)
    moved = replace(event, source=_shift_actor(event.source, chars),
                    target=_shift_actor(event.target, chars), location=loc, trigger=trigger,
                    sentence=replace(s, index=s.index + sentences, start=s.start + chars,
                                     end=s.end + chars))
    return replace(moved, event_id=new_id(moved))


def shift_quote(quote: Quote, chars: int) -> Quote:
    return replace(quote, speaker=_shift_actor(quote.speaker, chars), start=quote.start + chars,
                   end=quote.end + chars, cue_start=_shift_opt(quote.cue_start, chars),
                   cue_end=_shift_opt(quote.cue_end, chars))


def joined(article: Article, parts: list[tuple[CodedArticle, int, int]], dedupe=None) -> CodedArticle:
    """One CodedArticle from its windows' (coded window, char offset, sentence offset);
    ``dedupe`` merges an event reported in several windows."""
    from .assemble import event_id

    body_hash = _body_hash(article.body)

    def new_id(e: Event) -> str:
        return event_id(article.doc_id, body_hash, e.trigger.start if e.trigger else None,
                        e.cameo, e.source, e.target)

    events = [shift_event(e, chars, sents, new_id) for c, chars, sents in parts for e in c.events]
    quotes = [shift_quote(q, chars) for c, chars, _ in parts for q in c.quotes]
    dropped = [(shift_event(e, chars, sents, new_id), why) for c, chars, sents in parts
               for e, why in c.extra.get("dropped", ())]
    kept = any("dropped" in c.extra for c, _, _ in parts)
    return CodedArticle(article=article, events=tuple(dedupe(events) if dedupe else events),
                        quotes=tuple(quotes), errors=article.errors,
                        words=sum(c.words for c, _, _ in parts),
                        extra={"dropped": tuple(dropped)} if kept else {})


def _body_hash(body: str) -> str:
    import hashlib

    return hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]
