"""The date stage: date expressions in text, grounded against the article date.

    find_dates(text, published, future=False) -> [DateMention]
    event_mentions(text, published) -> [DateMention]  # no period edges; "X or Y": no date
    ground(expression, published, future=False) -> (iso date | None, precision | None)
    find_anchors(text) -> [Anchor]   # "a day after": main event = anchored event + offset_days
    points_before(anchor) -> bool    # "hours before": the main event came first
    follows_on(anchor, text) -> bool # "two days later": counted from the last date given
    occasion_words(lemma) -> {lemma} # nouns for the same kind of occasion ("truce", "ceasefire")
    in_early_hours(date_text) -> bool  # "early on Wednesday": hours before it are the day before

Everything is relative to the explicit article date (`published`); the clock and the local
time zone are never read. With an unknown article date, relative expressions give a null
date and absolute ones with a year are still grounded.

Conventions (precision is only ever day, month, year or None):
- bare weekday ("on Tuesday", "Tuesday night", "late Tuesday"): the latest such day on or
  before the article date (the same day if it is that weekday); with future=True the first on
  or after it. "last Tuesday" is strictly before, "next Tuesday" strictly after.
- a month-day without year ("March 30", "30 March"): the latest on or before the article date,
  but one up to 7 days after it is taken as that coming date; future=True: the first on or
  after it. "on the 15th": this month's if not after the article date, else last month's.
- a bare month ("in March", "mid-March") has month precision: this year's if it has begun,
  else last year's (future=True: this year's unless it has ended). "last/next March" are the
  ones before/after the article's month. "early/mid/late" and "the end of" keep the precision.
- "today", "tonight", "this morning", "hours ago" are the article date; "yesterday", "last
  night" and "overnight" the day before; "N days/weeks ago" a day; "N months ago" a month,
  "N years/decades ago" a year. "in March last year", "on 30 March last year" take the year named.
- weeks have no precision of their own: "this/last/next week" give the month (precision
  "month") of the article date / 7 days before / 7 days after.
- "the weekend" is its Saturday (latest begun; "last weekend" the one before the current one).
- vague phrases ("recently", "the recent", "in recent days") are mentions with a null date;
  "earlier in the week/month" is this week/month.
- a month-day without year after "the" and before a name or naming noun ("the August 17
  Communique", "the September 11 attacks") is not a date.
- a year alone counts only after a preposition or part word ("in 2019", "mid-2020"), never
  as a count ("by 2000 votes") or a time ("by 1900 GMT").
- a month name or weekday counts only capitalised and, for a month without day or year, only
  after a preposition or part word, so "Russia may withdraw", "a march", "Theresa May said"
  and "Good Friday" are not dates; 4/5/2022 (day and month both <= 12) is ambiguous and not
  a date; impossible dates ("February 30") are not dates.
"""
from .anchors import (Anchor, find_anchors, follows_on, in_early_hours, occasion_words,
                      points_before)
from .arithmetic import PublishedDateError
from .finder import DateMention, find_dates, ground
from .periods import event_mentions
from .tables import DateTablesError

__all__ = ["Anchor", "DateMention", "DateTablesError", "PublishedDateError", "event_mentions",
           "find_anchors", "find_dates", "follows_on", "ground", "in_early_hours",
           "occasion_words", "points_before"]
