"""Which date mentions can give an event its date.

A date expression is not always the time of a deed: "until 2028" and "since May" bound a
period (the sanctions extended until 2028 were extended today), so they are left out;
"in December 2014 or January 2015" does time the deed, but leaves the month open, so it
becomes a mention without a date, like "recently".
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .finder import DateMention, find_dates

# Prepositions that make a date the edge of a period, not the time of an act.
PERIOD_EDGES = frozenset({"since", "until", "till", "through", "throughout"})
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_LAST_WORD = re.compile(r"[A-Za-z]+(?=\s*$)")
_OR_BETWEEN = re.compile(r"\s*,?\s*(?:or|and/or)\s+(?:(?:in|on|by)\s+)?$", re.IGNORECASE)


def _open(m: DateMention) -> DateMention:
    return replace(m, date=None, precision=None, kind="vague")


def _is_period_edge(text: str, m: DateMention) -> bool:
    """'until 2028', and 'since yesterday' (whose rule does not take the preposition in)."""
    first = _FIRST_WORD.match(m.text)
    before = _LAST_WORD.search(text, max(0, m.start - 20), m.start)
    words = {w.group(0).lower() for w in (first, before) if w is not None}
    return bool(words & PERIOD_EDGES)


def _alternatives(text: str, mentions: list[DateMention]) -> set[int]:
    """Indices of mentions joined by 'or' ("in December 2014 or January 2015")."""
    joined = set()
    for i in range(len(mentions) - 1):
        gap = text[mentions[i].end:mentions[i + 1].start]
        if _OR_BETWEEN.fullmatch(gap):
            joined |= {i, i + 1}
    return joined


def event_mentions(text: str, published: str | date | None) -> list[DateMention]:
    """find_dates(text, published) without period edges, alternatives left undated."""
    mentions = find_dates(text, published)
    joined = _alternatives(text, mentions)
    return [_open(m) if i in joined else m for i, m in enumerate(mentions)
            if not _is_period_edge(text, m)]
