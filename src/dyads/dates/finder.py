"""Find every date expression in a text and ground it against the article date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .arithmetic import parse_published
from .patterns import date_rules
from .resolvers import REJECT, RESOLVERS, Context
from .tables import load_tables

_TOKEN_EDGE = re.compile(r"\S*$")
_TOKEN_REST = re.compile(r"\S*")


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: str | None       # ISO YYYY-MM-DD; the first day for month/year precision
    precision: str | None  # day | month | year | None
    kind: str              # absolute | relative | weekday | vague

    def __len__(self) -> int:
        return self.end - self.start


def _in_link(text: str, start: int, end: int) -> bool:
    """Dates inside a URL or handle ("https://x.org/2022/03/30/...") are not mentions."""
    left = _TOKEN_EDGE.search(text, 0, start).group(0)
    right = _TOKEN_REST.match(text, end).group(0)
    token = left + text[start:end] + right
    return "://" in token or token.lower().startswith("www.") or "@" in left


def _candidates(text: str, ctx: Context) -> list[DateMention]:
    found = []
    for rule in date_rules():
        resolve = RESOLVERS[rule.name]
        for m in rule.pattern.finditer(text):
            start, end = _trimmed(text, m.start(), m.end())
            if start >= end or _in_link(text, start, end):
                continue
            grounded = resolve(m, ctx)
            if grounded is not REJECT:
                found.append(DateMention(text[start:end], start, end, *grounded, kind=rule.kind))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\r\n,":
        end -= 1
    return start, end


def _longest_first(candidates: list[DateMention]) -> list[DateMention]:
    """Keep the longest of overlapping mentions ("Tuesday, March 29, 2022" over "Tuesday");
    equal lengths: the earlier rule (rules are listed most specific first)."""
    order = sorted(range(len(candidates)), key=lambda i: (-len(candidates[i]), i))
    taken: list[DateMention] = []
    for i in order:
        c = candidates[i]
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def find_dates(text: str, published: str | date | None, future: bool = False) -> list[DateMention]:
    """Every date expression in `text`, grounded against the article date `published`.

    `future=True` reads bare weekdays, month-days and months forward (an announced event):
    "on Tuesday" in a Thursday article is then the coming Tuesday.
    """
    ctx = Context(parse_published(published), future, load_tables())
    return _longest_first(_candidates(text, ctx))


def ground(expression: str, published: str | date | None,
           future: bool = False) -> tuple[str | None, str | None]:
    """One date expression -> (ISO date, precision); (None, None) if it is not groundable.

    A bare month name ("May") is read as a month here, since the caller says it is a date.
    """
    mentions = find_dates(expression, published, future)
    if not mentions:
        mentions = find_dates("in " + expression, published, future)
    if not mentions:
        return None, None
    best = max(mentions, key=len)
    return best.date, best.precision
