"""Turn one rule's match into a grounded date.

A resolver returns (iso date or None, precision or None), REJECT when the match is not a
date after all ("a speech by May", "Good Friday"), or IMPOSSIBLE when it names a day that
does not exist ("February 30", "4/5/2022" which could be either day). Relative expressions
with no article date give (None, None): still a date mention, just not groundable.
The conventions (weeks with month precision, weekends as their Saturday, nights as the day
they began, ...) are listed in the package docstring, dyads/dates/__init__.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Callable, Mapping

from . import arithmetic as cal
from .tables import Tables, normalise

Grounding = tuple[str | None, str | None]
REJECT = None
# Not a date, and no part of it may be read as one either ("February 29, 2023" must not
# leave "February 29" behind).
IMPOSSIBLE = ("impossible",)
UNGROUNDED: Grounding = (None, None)

_WORD_AFTER = re.compile(r"\s*(['\u2019]s\b)?\s*([A-Za-z]+)?")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s*$")
# After "by/after/since ... May" these words keep the month reading ("after May and June").
_MONTH_SAFE_FOLLOWERS = frozenset(
    "and or but this next last of at to when the in as with for that while until before "
    "after because so if through".split())
# A lower-case word ending in -s after "by 2000" is a count ("by 2000 votes"), except these.
_YEAR_SAFE_FOLLOWERS = frozenset(
    "was has is as this its his thus plus across unless versus whereas perhaps always "
    "towards afterwards besides".split())
_TIME_ZONE_WORDS = frozenset("GMT UTC Z EST EDT CET CEST BST IST MSK local".split())
_LOOSE_MONTH_PREPS = frozenset({"in", "during", "throughout"})


@dataclass(frozen=True)
class Context:
    published: date | None
    future: bool
    tables: Tables


def day(d: date | None) -> Grounding:
    return (d.isoformat(), "day") if d is not None else UNGROUNDED


def month(year: int, month_number: int) -> Grounding:
    return f"{year:04d}-{month_number:02d}-01", "month"


def year(year_number: int) -> Grounding:
    return f"{year_number:04d}-01-01", "year"


def _group(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _word_after(m: re.Match) -> tuple[bool, str]:
    """(followed by a possessive 's, the next word or "")."""
    after = _WORD_AFTER.match(m.string, m.end())
    return bool(after.group(1)), after.group(2) or ""


def _word_before(m: re.Match) -> str:
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
    return before.group(1).lower() if before else ""


def _month_number(m: re.Match, ctx: Context) -> int:
    return ctx.tables.month_numbers[m.group("month").rstrip(".").lower()]


def _day_number(m: re.Match, ctx: Context) -> int | None:
    if _group(m, "day"):
        return int(m.group("day"))
    if not _group(m, "of"):  # "the first of March", never "first March"
        return None
    return ctx.tables.ordinals[normalise(m.group("word"))]


def _relative_year(m: re.Match, ctx: Context) -> int | None:
    """The year of "last year" / "this year" / "next year" after a date, if there is one."""
    step = {"last": -1, "this": 0, "next": 1}[m.group("rel_year").lower()]
    return ctx.published.year + step if ctx.published else None


def _calendar_day(m: re.Match, ctx: Context, month_number: int, day_number: int | None):
    """A month-day with or without its year; IMPOSSIBLE if no such day exists."""
    if day_number is None:
        return REJECT
    if cal.make_date(2000, month_number, day_number) is None:  # 2000: a leap year
        return IMPOSSIBLE
    year_text = _group(m, "year")
    if year_text or (_group(m, "rel_year") and ctx.published):
        year_number = int(year_text) if year_text else _relative_year(m, ctx)
        found = cal.make_date(year_number, month_number, day_number)
        return day(found) if found else IMPOSSIBLE
    if ctx.published is None:
        return UNGROUNDED
    return day(cal.month_day_near(ctx.published, month_number, day_number, ctx.future))


def resolve_year_month_day(m: re.Match, ctx: Context):
    found = cal.make_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return day(found) if found else IMPOSSIBLE


def resolve_numeric(m: re.Match, ctx: Context):
    """3/30/2022 and 30/03/2022 are accepted; 4/5/2022 could be either and is not a date."""
    a, b = int(m.group("a")), int(m.group("b"))
    if a > 12 >= b:
        month_number, day_number = b, a
    elif b > 12 >= a or a == b:
        month_number, day_number = a, b
    else:
        return IMPOSSIBLE
    found = cal.make_date(int(m.group("year")), month_number, day_number)
    return day(found) if found else IMPOSSIBLE


def resolve_month_day_year(m: re.Match, ctx: Context):
    return _calendar_day(m, ctx, _month_number(m, ctx), int(m.group("day")))


def resolve_day_month(m: re.Match, ctx: Context):
    return _calendar_day(m, ctx, _month_number(m, ctx), _day_number(m, ctx))


def _day_is_name(m: re.Match, ctx: Context) -> bool:
    """"the August 17 Communique", "the September 11 attacks": a month-day without its
    year before a name or a naming noun names an occasion; its year is not this one."""
    if _group(m, "year") or _group(m, "rel_year") or _word_before(m) != "the":
        return False
    _, following = _word_after(m)
    return following[:1].isupper() or following.lower() in ctx.tables.date_name_followers


def resolve_month_day(m: re.Match, ctx: Context):
    if _day_is_name(m, ctx):
        return REJECT
    return _calendar_day(m, ctx, _month_number(m, ctx), int(m.group("day")))


def resolve_fixed_day(m: re.Match, ctx: Context):
    month_number, day_number = ctx.tables.fixed_days[normalise(m.group("name"))]
    return _calendar_day(m, ctx, month_number, day_number)


def resolve_month_year(m: re.Match, ctx: Context):
    return month(int(m.group("year")), _month_number(m, ctx))


def _bare_month_is_name(m: re.Match, prep: str) -> bool:
    """"a speech by May", "in May's cabinet", "after April Ryan asked": a name, not a month."""
    possessive, following = _word_after(m)
    if possessive:
        return True
    if not prep or prep in _LOOSE_MONTH_PREPS or not following:
        return False
    if following[0].isupper():
        return True
    return m.group("month") == "May" and following.lower() not in _MONTH_SAFE_FOLLOWERS


def resolve_month_only(m: re.Match, ctx: Context):
    """A month without day or year needs a preposition or a part ("in May", "mid-March")."""
    prep = normalise(_group(m, "prep") or "")
    if _group(m, "rel_year"):  # "in May last year": a month for sure
        year_number = _relative_year(m, ctx)
        return UNGROUNDED if year_number is None else month(year_number, _month_number(m, ctx))
    if _group(m, "mod") is None and (not prep or prep == "on"):
        return REJECT
    if _bare_month_is_name(m, "" if _group(m, "mod") else prep):
        return REJECT
    if ctx.published is None:
        return UNGROUNDED
    return month(*cal.month_near(ctx.published, _month_number(m, ctx), ctx.future))


def resolve_month_relative(m: re.Match, ctx: Context):
    if _word_after(m)[0] and m.group("month") == "May":
        return REJECT
    if ctx.published is None:
        return UNGROUNDED
    which = m.group("rel").lower()
    return month(*cal.month_relative(ctx.published, _month_number(m, ctx), which))


def _year_is_count(m: re.Match) -> bool:
    """"by 2000 votes" is a count, "by 1900 GMT" a time of day."""
    _, following = _word_after(m)
    if following in _TIME_ZONE_WORDS:
        return True
    return (following.islower() and len(following) > 3 and following.endswith("s")
            and following not in _YEAR_SAFE_FOLLOWERS)


def resolve_year_only(m: re.Match, ctx: Context):
    """"in 2019", "early 2020", "the year 2014"; a bare number is not taken as a year."""
    prep = normalise(_group(m, "prep") or "")
    has_context = _group(m, "mod") is not None or _group(m, "the_year") or (prep and prep != "on")
    if not has_context or _year_is_count(m):
        return REJECT
    return year(int(m.group("year")))


def resolve_day_of_month(m: re.Match, ctx: Context):
    if ctx.published is None:
        return UNGROUNDED
    return day(cal.day_of_month_near(ctx.published, int(m.group("day")), ctx.future))


def resolve_day_word(m: re.Match, ctx: Context):
    if ctx.published is None:
        return UNGROUNDED
    offset = ctx.tables.day_offsets[normalise(m.group("word"))]
    return day(ctx.published + timedelta(days=offset))


def _count(text: str, ctx: Context) -> int:
    return int(text) if text.isdigit() else ctx.tables.numbers[normalise(text)]


def resolve_ago(m: re.Match, ctx: Context):
    """"two days ago" is a day; "three months ago" a month; "a year" or "two decades ago"
    a year."""
    if ctx.published is None:
        return UNGROUNDED
    n, unit, ref = _count(m.group("num"), ctx), m.group("unit").lower(), ctx.published
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit] * n
        return day(ref - timedelta(days=days))
    if unit == "month":
        return month(*cal.add_months(ref.year, ref.month, -n))
    return year(ref.year - n * (10 if unit == "decade" else 1))


def resolve_period(m: re.Match, ctx: Context):
    """"last week" has month precision: the month of the day a week before the article;
    "earlier in the month" is this month."""
    if ctx.published is None:
        return UNGROUNDED
    # "earlier in the week" is this week
    step = {"this": 0, "last": -1, "next": 1}[(_group(m, "rel") or "this").lower()]
    unit, ref = (_group(m, "unit") or m.group("unit2")).lower(), ctx.published
    if unit == "week":
        shifted = ref + timedelta(days=7 * step)
        return month(shifted.year, shifted.month)
    if unit == "month":
        return month(*cal.add_months(ref.year, ref.month, step))
    return year(ref.year + step)


def _weekday_is_name(m: re.Match, ctx: Context) -> bool:
    """"Good Friday", "Super Tuesday", "every Monday", "the Good Friday Agreement"."""
    _, following = _word_after(m)
    if following.lower() in ctx.tables.weekday_name_followers:
        return True
    return not _group(m, "rel") and not _group(m, "prep") and not _group(m, "tod1") \
        and _word_before(m) in ctx.tables.weekday_name_words


def resolve_weekday(m: re.Match, ctx: Context):
    if _weekday_is_name(m, ctx):
        return REJECT
    if ctx.published is None:
        return UNGROUNDED
    weekday = ctx.tables.weekday_numbers[m.group("wd").lower()]
    rel, ref = normalise(_group(m, "rel") or ""), ctx.published
    if rel in ("last", "past", "this past"):
        return day(cal.weekday_before(ref, weekday))
    if rel in ("next", "coming", "this coming"):
        return day(cal.weekday_after(ref, weekday))
    if ctx.future:
        return day(cal.weekday_on_or_after(ref, weekday))
    return day(cal.weekday_on_or_before(ref, weekday))


def resolve_weekend(m: re.Match, ctx: Context):
    if ctx.published is None:
        return UNGROUNDED
    rel = normalise(m.group("rel"))
    which = {"last": "last", "past": "last", "this past": "last",
             "next": "next", "coming": "next", "this coming": "next"}.get(rel, "current")
    return day(cal.saturday_of_weekend(ctx.published, which, ctx.future))


def resolve_vague(m: re.Match, ctx: Context):
    return UNGROUNDED


Resolver = Callable[[re.Match, Context], "Grounding | None"]
RESOLVERS: Mapping[str, Resolver] = MappingProxyType({
    name[len("resolve_"):]: fn for name, fn in list(globals().items())
    if name.startswith("resolve_") and callable(fn)})
