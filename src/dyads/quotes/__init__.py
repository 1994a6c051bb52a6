"""Quotes: direct quotations in an article and who said them.

Quote marks are paired on the characters of each paragraph (``spans``); the speech verb
("cue") comes from the dependency parse, tried in order of reliability (``cues``): a cue
right after or right before the quote, the utterance it continues, a cue the quote hangs
from, a speech verb or statement noun the quote is embedded in, and the nearest speech
verb of the sentence or paragraph before. ``kinds`` tells whole utterances from partial
quotations, scare quotes and titles; ``speakers`` finds who spoke (pronoun speakers are
flagged, not resolved); ``merge`` joins the stretches of one split utterance.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..records import Span
from .context import Context
from .cues import attribute_all, is_cue
from .lexicon import PRONOUNS, SPEECH_VERBS, STATEMENT_NOUNS
from .merge import merge_split_quotes
from .spans import QuoteSpan, paragraphs, quoted_stretches, tweet_quote
from .speakers import to_quote

__all__ = ["PRONOUNS", "SPEECH_VERBS", "STATEMENT_NOUNS", "QuoteSpan", "find_quotes",
           "is_cue", "merge_split_quotes", "paragraphs", "quoted_stretches", "tweet_quote"]


def find_quotes(doc, tweets: Sequence[Span] = (), text: str | None = None) -> list[QuoteSpan]:
    """All quotations in ``doc`` (a parsed article body), in text order. ``text``: the
    caller's copy of ``doc.text``, which spaCy rebuilds from the tokens on every access."""
    text = doc.text if text is None else text
    paras = paragraphs(text)
    tweet_quotes = [q for q in (tweet_quote(text, s) for s in tweets
                                if s.kind == "tweet_signature") if q]
    inside_tweet = [(q.start, q.end) for q in tweet_quotes]
    marked = tuple(m for m in quoted_stretches(text, paras)
                   if not any(a <= m.start < b for a, b in inside_tweet))
    ctx = Context(doc, text, tuple(doc.ents), marked, tuple(paras),
                  tuple(doc.to_array("IDX").tolist()))  # no Token object per token
    found = attribute_all(ctx)
    quotes = [to_quote(ctx, m, cue, how) for m, (cue, how) in zip(marked, found)]
    return sorted(quotes + tweet_quotes, key=lambda q: q.start)
