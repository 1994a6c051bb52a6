"""The year a story is told in, for month-days that give none.

"On March 2, 2015, the paper revealed ... On March 25, the company ...": once a sentence
has written out a past year with a month, the month-days of the sentences right after it
are in that year, not the one before the article date.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .finder import DateMention

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
NARRATIVE_PRECISIONS = frozenset({"day", "month"})


def explicit_year(m: DateMention) -> int | None:
    """The year of a date written with its month and year ("March 2, 2015", "in March
    2015"); None for a year alone or a date whose year the text leaves out."""
    if m.kind != "absolute" or m.precision not in NARRATIVE_PRECISIONS or not m.date:
        return None
    return int(m.date[:4]) if _YEAR.search(m.text) else None


def lacks_year(m: DateMention) -> bool:
    """A month-day written without its year ("March 25")."""
    return m.kind == "absolute" and m.precision == "day" and bool(m.date) \
        and not _YEAR.search(m.text)


def in_year(m: DateMention, year: int, published: str | None) -> DateMention:
    """A month-day written without its year, placed in ``year`` (not after ``published``)."""
    if not lacks_year(m):
        return m
    try:
        moved = date(year, int(m.date[5:7]), int(m.date[8:10])).isoformat()
    except ValueError:  # February 29 of a common year
        return m
    return replace(m, date=moved) if published is None or moved <= published else m
