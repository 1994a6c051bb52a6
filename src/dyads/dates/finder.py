"""Find every date expression in a text and ground it against the article date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .arithmetic import parse_published
from .patterns import Rule, date_rules
from .resolvers import IMPOSSIBLE, REJECT, RESOLVERS, Context
from .tables import load_tables

_TOKEN_EDGE = re.compile(r"\S*$")
_TOKEN_REST = re.compile(r"\S*")
_GROUND_PREFIXES = ("", "in ", "on ")
_WORD_START = re.compile(r"\b\w")
# How far before its trigger a match may start: "as early as the end of March".
LOOKBACK_CHARS = 48
MAX_TOKEN_CHARS = 300  # a link longer than this before its date part is not recognised


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
    left = _TOKEN_EDGE.search(text, max(0, start - MAX_TOKEN_CHARS), start).group(0)
    right = _TOKEN_REST.match(text, end).group(0)
    token = left + text[start:end] + right
    return "://" in token or token.lower().startswith("www.") or "@" in left


def _match_around(pattern: re.Pattern, text: str, at: int) -> re.Match | None:
    """The match of pattern that starts earliest (at most LOOKBACK_CHARS before `at`, on a
    word start) and reaches past `at`."""
    starts = [w.start() for w in _WORD_START.finditer(text, max(0, at - LOOKBACK_CHARS), at)]
    for start in starts + [at]:
        m = pattern.match(text, start)
        if m is not None and m.end() > at:
            return m
    return None


def _rule_matches(rule: Rule, text: str, hits: dict[int, list[int]]) -> list[re.Match]:
    """Matches of one rule; `hits` caches trigger positions, shared by rules in one text
    (keyed by id: hashing a compiled pattern is slow)."""
    if rule.trigger is None:
        return list(rule.pattern.finditer(text))
    positions = hits.get(id(rule.trigger))
    if positions is None:
        positions = hits[id(rule.trigger)] = [hit.start() for hit in rule.trigger.finditer(text)]
    if not positions:
        return []
    found: dict[tuple[int, int], re.Match] = {}
    for at in positions:
        m = _match_around(rule.pattern, text, at)
        if m is not None:
            found.setdefault(m.span(), m)
    return list(found.values())


def _candidates(text: str, ctx: Context) -> list[DateMention]:
    """All rule matches; impossible dates are kept, with kind None, to block their parts."""
    found, hits = [], {}
    for rule in date_rules():
        resolve = RESOLVERS[rule.name]
        for m in _rule_matches(rule, text, hits):
            start, end = _trimmed(text, m.start(), m.end())
            if start >= end or _in_link(text, start, end):
                continue
            grounded = resolve(m, ctx)
            if grounded is IMPOSSIBLE:
                found.append(DateMention(text[start:end], start, end, None, None, kind=None))
            elif grounded is not REJECT:
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
    return [m for m in _longest_first(_candidates(text, ctx)) if m.kind is not None]


def ground(expression: str, published: str | date | None,
           future: bool = False) -> tuple[str | None, str | None]:
    """One date expression -> (ISO date, precision); (None, None) if it is not groundable.

    Since the caller says it is a date, a bare month ("May") or day ("the 15th") is read as
    one: when nothing is found, the expression is tried again after "in " and "on ".
    """
    for prefix in _GROUND_PREFIXES:
        mentions = find_dates(prefix + expression, published, future)
        if mentions:
            best = max(mentions, key=len)
            return best.date, best.precision
    return None, None
