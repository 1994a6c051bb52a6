"""Find every date expression in a text and ground it against the article date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .arithmetic import parse_published
from .patterns import RELATIVE_TRIGGER, TRIGGERS, date_rules
from .resolvers import IMPOSSIBLE, REJECT, RESOLVERS, Context
from .scan import Scanner, longest_disjoint, lowered
from .tables import load_tables

_TOKEN_EDGE = re.compile(r"\S*$")
_TOKEN_REST = re.compile(r"\S*")
_GROUND_PREFIXES = ("", "in ", "on ")
MAX_TOKEN_CHARS = 300  # a link longer than this before its date part is not recognised
_BLOCKED = "impossible"  # kind of a candidate that only blocks the dates inside it


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: str | None       # ISO YYYY-MM-DD; the first day for month/year precision
    precision: str | None  # day | month | year | None
    kind: str              # absolute | relative | weekday | vague


def _in_link(text: str, start: int, end: int) -> bool:
    """Dates inside a URL or handle ("https://x.org/2022/03/30/...") are not mentions."""
    left = _TOKEN_EDGE.search(text, max(0, start - MAX_TOKEN_CHARS), start).group(0)
    right = _TOKEN_REST.match(text, end).group(0)
    token = left + text[start:end] + right
    return "://" in token or token.lower().startswith("www.") or "@" in left


def _trigger_hits(text: str) -> dict[str, list[int]]:
    hits: dict[str, list[int]] = {}
    for hit in TRIGGERS.finditer(text):
        hits.setdefault(hit.lastgroup, []).append(hit.start())
    relative = [hit.start() for hit in RELATIVE_TRIGGER.finditer(lowered(text))]
    if relative:
        hits["relative"] = relative
    return hits


def _candidates(text: str, ctx: Context) -> list[DateMention]:
    """All rule matches; impossible dates are kept, of kind _BLOCKED, to block their parts."""
    found, hits, scanner = [], _trigger_hits(text), Scanner(text)
    for rule in date_rules():
        if rule.trigger not in hits:
            continue
        resolve = RESOLVERS[rule.name]
        for m in scanner.matches_around(rule.pattern, hits[rule.trigger]):
            grounded = resolve(m, ctx)
            start, end = _trimmed(text, m.start(), m.end())
            if grounded is REJECT or start >= end or _in_link(text, start, end):
                continue
            if grounded is IMPOSSIBLE:
                found.append(DateMention(text[start:end], start, end, None, None, _BLOCKED))
            else:
                found.append(DateMention(text[start:end], start, end, *grounded, kind=rule.kind))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\r\n,":
        end -= 1
    return start, end


def find_dates(text: str, published: str | date | None, future: bool = False) -> list[DateMention]:
    """Every date expression in `text`, grounded against the article date `published`.

    `future=True` reads bare weekdays, month-days and months forward (an announced event):
    "on Tuesday" in a Thursday article is then the coming Tuesday.
    """
    ctx = Context(parse_published(published), future, load_tables())
    # the longest of overlapping mentions wins ("Tuesday, March 29, 2022" over "Tuesday");
    # of equal ones the earlier rule's (rules are listed most specific first)
    return [m for m in longest_disjoint(_candidates(text, ctx)) if m.kind != _BLOCKED]


def ground(expression: str, published: str | date | None,
           future: bool = False) -> tuple[str | None, str | None]:
    """One date expression -> (ISO date, precision); (None, None) if it is not groundable.

    Since the caller says it is a date, a bare month ("May") or day ("the 15th") is read as
    one: when nothing is found, the expression is tried again after "in " and "on ".
    """
    for prefix in _GROUND_PREFIXES:
        mentions = find_dates(prefix + expression, published, future)
        if mentions:
            best = max(mentions, key=lambda m: m.end - m.start)
            return best.date, best.precision
    return None, None
