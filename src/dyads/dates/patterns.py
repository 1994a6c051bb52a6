"""The compiled regular expressions that find date expressions, one per rule.

Each rule's named groups are read by the resolver of the same name (resolvers.py).
Month and weekday names match only capitalised, so "Russia may withdraw" and "a march on
parliament" never match; prepositions and relative words match in any case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tables import Tables, alternation, load_tables


@dataclass(frozen=True)
class Rule:
    """pattern is tried only where trigger, a part every match contains, is found: running
    a pattern that starts with optional words over every position of a text is slow."""
    name: str      # also the resolver's name
    kind: str      # absolute | relative | weekday | vague
    pattern: re.Pattern
    trigger: re.Pattern | None = None  # None: search the whole text with pattern


def _cased(*words: str) -> str:
    """A trigger alternation of words as written in lower case, Capitalised or UPPER case."""
    variants = {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}
    return "(?:" + "|".join(sorted(variants, key=len, reverse=True)) + ")"


def _rule(name: str, kind: str, pattern: str, trigger: str | None) -> Rule:
    return Rule(name, kind, re.compile(pattern), re.compile(trigger) if trigger else None)


# All month names and abbreviations start with these stems (checked in the tests).
# Triggers are plain alternatives of literals (no \b, no case folding, no \d) so that the
# regex engine can skip ahead to candidate characters.
MONTH_TRIGGER = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
WEEKDAY_TRIGGER = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
YEAR_TRIGGER = r"(?:1[6-9]|20)\d\d(?!\d)"


PREP = (r"(?i:on|in|during|since|until|till|by|before|after|from|through|throughout|"
        r"as\s+of|as\s+early\s+as|as\s+late\s+as|starting|beginning|effective)")
PREFIX = rf"(?:\b(?P<prep>{PREP})\s+)?"
# Parts of a period: "early March", "mid-2020", "the end of last year".
MOD = (r"(?P<mod>(?i:early|late)\s+|(?i:mid)\s*-?\s*|"
       r"(?i:the\s+(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half)\s+of)\s+)")
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
DAY = rf"(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)?\b(?![:.]?\d|%)"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)\b(?!%|[.,]\d)"
TIME_OF_DAY = r"(?i:morning|afternoon|evening|night|overnight)"
NOT_IN_NUMBER = r"(?<![\w/.,$\u00a3\u20ac#-])"
NOT_BEFORE_NUMBER = r"(?![\w/-]|\.\d)"
YEAR_START = r"(?<![\w/.,$\u00a3\u20ac#])"  # a hyphen may precede: "mid-2020"


def _month_any(t: Tables) -> str:
    """A month name, or an abbreviation with an optional full stop ("Sept.")."""
    full = alternation(t.full_months)
    abbr = alternation(t.month_abbrs)
    return rf"(?P<month>{full}\b|{abbr}\b\.?)"


def _weekday_prefix(t: Tables) -> str:
    """An optional weekday before a calendar date: "Tuesday, March 29", "Tue. 29 March"."""
    names = alternation(t.full_weekdays + t.weekday_abbrs)
    return rf"(?:{names}\b\.?,?\s+)?"


def _numeric_rules() -> list[Rule]:
    iso = (rf"{PREFIX}{NOT_IN_NUMBER}(?P<year>\d{{4}})(?P<sep>[-/.])(?P<month>\d\d?)"
           rf"(?P=sep)(?P<day>\d\d?){NOT_BEFORE_NUMBER}")
    numeric = (rf"{PREFIX}{NOT_IN_NUMBER}(?P<a>\d\d?)(?P<sep>[/.])(?P<b>\d\d?)(?P=sep)"
               rf"(?P<year>\d{{4}}){NOT_BEFORE_NUMBER}")
    return [_rule("year_month_day", "absolute", iso, r"[0-9][-/.][0-9]"),
            _rule("numeric", "absolute", numeric, r"[0-9][/.][0-9]")]


def _calendar_rules(t: Tables) -> list[Rule]:
    month, wd = _month_any(t), _weekday_prefix(t)
    ordinal = alternation(t.ordinals)
    mdy = rf"{PREFIX}{wd}{month}\s*{DAY}(?:,\s*|\s+)(?:(?i:of)\s+)?{YEAR}"
    dmy = (rf"{PREFIX}{wd}(?:(?i:the)\s+)?(?:{DAY}|(?P<word>(?i:{ordinal})))(?P<of>\s+(?i:of))?"
           rf"\s+{month}(?:,?\s+{YEAR})?")
    md = rf"{PREFIX}{wd}{month}\s*{DAY}"
    month_year = rf"{PREFIX}{MOD}?{month},?\s+(?:(?i:of)\s+)?{YEAR}"
    fixed = rf"{PREFIX}(?P<name>{alternation(_title_keys(t.fixed_days))})\b(?:,?\s+{YEAR})?"
    return [_rule("month_day_year", "absolute", mdy, MONTH_TRIGGER),
            _rule("day_month", "absolute", dmy, MONTH_TRIGGER),
            _rule("month_day", "absolute", md, MONTH_TRIGGER),
            _rule("month_year", "absolute", month_year, MONTH_TRIGGER),
            _rule("fixed_day", "absolute", fixed, r"(?:Christmas|New\s+Year)")]


def _title_keys(mapping) -> list[str]:
    # fixed-day names are capitalised in text; keys are stored lower-case
    return [" ".join(w.capitalize() if w[0].isalpha() else w for w in k.split()) for k in mapping]


def _period_rules(t: Tables) -> list[Rule]:
    full = rf"(?P<month>{alternation(t.full_months)})\b"
    month_only = rf"{PREFIX}{MOD}?{full}"
    month_rel = rf"{PREFIX}{MOD}?(?P<rel>(?i:last|next|this))\s+{full}"
    year_only = rf"{PREFIX}{MOD}?(?:(?P<the_year>(?i:the\s+year))\s+)?{YEAR_START}{YEAR}"
    on_nth = (rf"\b(?i:on\s+the)\s+(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)\b"
              r"(?:\s+(?i:of\s+(?:this|the)\s+month))?"
              r"(?=\s*(?:[,.;:)!?]|$)|\s+(?i:and|when|as|after|before|at|in|to|with)\b)")
    return [_rule("month_only", "absolute", month_only, MONTH_TRIGGER),
            _rule("month_relative", "relative", month_rel, MONTH_TRIGGER),
            _rule("year_only", "absolute", year_only, YEAR_TRIGGER),
            _rule("day_of_month", "absolute", on_nth, r"[0-9](?:st|nd|rd|th)\b")]


def _relative_rules(t: Tables) -> list[Rule]:
    words = alternation(t.day_offsets)
    numbers = alternation(t.numbers)
    day_word = (rf"\b(?:(?P<tod1>(?i:early|earlier|late|later))\s+)?(?P<word>(?i:{words}))\b"
                rf"(?:\s+(?P<tod2>{TIME_OF_DAY})\b)?")
    ago = (rf"\b(?:(?i:just|only|barely|some|about|nearly|almost|more\s+than|less\s+than)\s+)?"
           rf"(?P<num>(?i:{numbers})|\d{{1,3}})\s+(?P<unit>(?i:day|week|fortnight|month|year))s?"
           r"\s+(?i:ago)\b")
    period = (rf"\b(?:(?i:earlier|later)\s+)?{MOD}?(?P<rel>(?i:this|last|next))\s+"
              r"(?P<unit>(?i:week|month|year))\b")
    day_word_trigger = _cased("today", "tonight", "tomorrow", "yesterday", "night", "morning",
                              "afternoon", "evening", "overnight")
    return [_rule("day_word", "relative", day_word, day_word_trigger),
            _rule("ago", "relative", ago, _cased("ago")),
            _rule("period", "relative", period, _cased("week", "month", "year"))]


def _weekday_rules(t: Tables) -> list[Rule]:
    names = alternation(t.full_weekdays)
    weekday = (rf"\b(?:(?P<tod1>(?i:early|late|earlier|later|overnight))\s+(?:(?i:on)\s+)?)?"
               rf"(?:(?P<prep>{PREP})\s+)?"
               r"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|past|coming))\s+)?"
               rf"(?:(?i:early|late)\s+)?(?P<wd>{names})\b"
               rf"(?:\s+(?P<tod2>{TIME_OF_DAY})\b)?")
    weekend = (r"\b(?:(?i:on|over|during|at|since|by|from|through|throughout|until|in)\s+)?"
               r"(?P<rel>(?i:the|this\s+past|this\s+coming|this|last|next|past|coming))\s+"
               r"(?i:weekend)\b")
    return [_rule("weekday", "weekday", weekday, WEEKDAY_TRIGGER),
            _rule("weekend", "weekday", weekend, _cased("weekend"))]


def _vague_rules(t: Tables) -> list[Rule]:
    vague = rf"\b(?i:{alternation(t.vague)})\b"
    return [_rule("vague", "vague", vague, _cased("recent", "lately", "ago", "earlier"))]


@lru_cache(maxsize=1)
def date_rules() -> tuple[Rule, ...]:
    t = load_tables()
    return tuple(_numeric_rules() + _calendar_rules(t) + _period_rules(t)
                 + _relative_rules(t) + _weekday_rules(t) + _vague_rules(t))
