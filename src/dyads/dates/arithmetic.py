"""Calendar arithmetic relative to an article date. Pure functions; no clock is read."""
from __future__ import annotations

from datetime import date, datetime, timedelta

# A named day ("April 2") this close after the article date is taken as the coming one even
# in a past-tense reading: a report cannot be about a past April 2 only days before it.
UPCOMING_SLACK_DAYS = 7


class PublishedDateError(ValueError):
    """The article date given to the date stage is not a date."""

    def __init__(self, value: object):
        super().__init__(
            f"published date {value!r} is not usable: pass an ISO date string 'YYYY-MM-DD' "
            "(a time after it is ignored), a datetime.date, or None when unknown")


def parse_published(value: str | date | None) -> date | None:
    """The article date as a date; None stays None (unknown)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise PublishedDateError(value)


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None where it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_on_or_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)


def weekday_before(ref: date, weekday: int) -> date:
    """The last such weekday strictly before ref (1-7 days back)."""
    return weekday_on_or_before(ref - timedelta(days=1), weekday)


def weekday_after(ref: date, weekday: int) -> date:
    """The next such weekday strictly after ref (1-7 days ahead)."""
    return weekday_on_or_after(ref + timedelta(days=1), weekday)


def _candidates(ref: date, month: int, day: int) -> list[date]:
    # eight years either side so that February 29 always finds a leap year
    found = (make_date(ref.year + k, month, day) for k in range(-8, 9))
    return [d for d in found if d is not None]


def month_day_near(ref: date, month: int, day: int, future: bool) -> date | None:
    """The year of a month-day without one: the latest on or before the article date
    (plus UPCOMING_SLACK_DAYS), or with future the first on or after it."""
    candidates = _candidates(ref, month, day)
    if future:
        ahead = [d for d in candidates if d >= ref]
        return min(ahead) if ahead else None
    limit = ref + timedelta(days=UPCOMING_SLACK_DAYS)
    past = [d for d in candidates if d <= limit]
    return max(past) if past else None


def month_near(ref: date, month: int, future: bool) -> tuple[int, int]:
    """The year of a bare month: this year's if it has begun by the article date, else last
    year's; with future, this year's unless it has already ended, else next year's."""
    if future:
        return (ref.year, month) if month >= ref.month else (ref.year + 1, month)
    return (ref.year, month) if month <= ref.month else (ref.year - 1, month)


def month_relative(ref: date, month: int, which: str) -> tuple[int, int]:
    """"last March": the latest March before the article's month; "next March": the first
    after it; "this March": the article year's."""
    if which == "last":
        return (ref.year, month) if month < ref.month else (ref.year - 1, month)
    if which == "next":
        return (ref.year, month) if month > ref.month else (ref.year + 1, month)
    return ref.year, month


def day_of_month_near(ref: date, day: int, future: bool) -> date | None:
    """"on the 15th": in the article's month if that is not after it, else the month
    before (with future: not before it, else the month after)."""
    step = 1 if future else -1
    for months in range(0, 13 * step, step):
        year, month = add_months(ref.year, ref.month, months)
        found = make_date(year, month, day)
        if found is not None and (found >= ref if future else found <= ref):
            return found
    return None


def saturday_of_weekend(ref: date, which: str, future: bool) -> date:
    """The Saturday standing for a weekend: "the weekend" is the latest one begun by the
    article date (future: the next one, or the current one on a Saturday); "last weekend"
    the one before the current weekend; "next weekend" the one after it."""
    in_weekend = ref.weekday() >= 5
    current = weekday_on_or_before(ref, 5)
    if which == "last":
        return current - timedelta(days=7) if in_weekend else current
    if which == "next":
        return current + timedelta(days=7) if in_weekend else weekday_after(ref, 5)
    if future and not in_weekend:
        return weekday_after(ref, 5)
    return current
