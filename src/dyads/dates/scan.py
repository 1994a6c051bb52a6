"""Trying patterns only near cheap trigger hits, instead of at every position of a text.

Patterns that start with optional words ("on", "early", "just") make the regex engine try
every position; a scan for plain literals skips ahead fast, and the pattern is then matched
only at the few word starts just before each hit.
"""
from __future__ import annotations

import bisect
import re
from typing import Protocol, Sequence, TypeVar

_WORD_START = re.compile(r"\b\w")
# How far before its trigger a match may start: "as early as the end of March" is six
# words and 23 characters before "March".
LOOKBACK_CHARS = 48
LOOKBACK_WORDS = 7


def lowered(text: str) -> str:
    """text in lower case with the same length, so offsets stay valid ("İ" lowers to two)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def start_positions(text: str, at: int) -> list[int]:
    """Where a match around the trigger at `at` may start: the last word starts before it
    (earliest first), then `at` itself."""
    window = _WORD_START.finditer(text, max(0, at - LOOKBACK_CHARS), at)
    return [w.start() for w in window][-LOOKBACK_WORDS:] + [at]


class Scanner:
    """One text and the start positions around its trigger hits, computed once per hit."""

    def __init__(self, text: str):
        self.text = text
        self._starts: dict[int, list[int]] = {}

    def starts(self, at: int) -> list[int]:
        if at not in self._starts:
            self._starts[at] = start_positions(self.text, at)
        return self._starts[at]

    def match_around(self, pattern: re.Pattern, at: int) -> re.Match | None:
        """The match of pattern that starts earliest and reaches past `at`."""
        for start in self.starts(at):
            m = pattern.match(self.text, start)
            if m is not None and m.end() > at:
                return m
        return None

    def matches_around(self, pattern: re.Pattern, positions: list[int]) -> list[re.Match]:
        """Matches of pattern around each trigger position, each match once."""
        found: dict[tuple[int, int], re.Match] = {}
        for at in positions:
            m = self.match_around(pattern, at)
            if m is not None:
                found.setdefault(m.span(), m)
        return list(found.values())


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


def longest_disjoint(items: Sequence[S]) -> list[S]:
    """The longest of overlapping items wins; equal lengths: the earlier item in `items`.
    Returned in text order."""
    order = sorted(range(len(items)), key=lambda i: (items[i].start - items[i].end, i))
    starts: list[int] = []  # of the taken items, which stay sorted and disjoint
    taken: list[S] = []
    for i in order:
        item = items[i]
        at = bisect.bisect_left(starts, item.start)
        if at < len(taken) and taken[at].start < item.end:
            continue
        if at > 0 and taken[at - 1].end > item.start:
            continue
        starts.insert(at, item.start)
        taken.insert(at, item)
    return taken
