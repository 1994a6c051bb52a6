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
    """pattern is tried only around the hits of its trigger (a group of TRIGGERS that every
    match contains): running patterns that start with optional words over every position of
    a text is slow, one scan for all triggers is fast."""
    name: str      # also the resolver's name
    kind: str      # absolute | relative | weekday | vague
    pattern: re.Pattern
    trigger: str   # a group name of TRIGGERS


def _rule(name: str, kind: str, pattern: str, trigger: str) -> Rule:
    return Rule(name, kind, re.compile(pattern), trigger)


# Where a date expression may be: every rule's matches contain a hit of its trigger group.
# All month names and abbreviations start with the month stems (checked in the tests). Branch
# order matters where hits could overlap: a digit run with a separator ("2022-03-30") is a
# "separated" hit, not a "year" one. Plain literals, no \b, no case folding: the regex
# engine skips ahead fastest over those.
TRIGGERS = re.compile(
    r"(?P<separated>[0-9]+[-/.][0-9])|(?P<ordinal>[0-9]+(?:st|nd|rd|th)\b)"
    r"|(?P<year>(?:1[6-9]|20)[0-9][0-9](?![0-9]))"
    r"|(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"|(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r"|(?P<fixed>Christmas|New\s+Year)")
# Searched in the lower-cased text: hits of the group "relative".
RELATIVE_TRIGGER = re.compile(
    r"to(?:day|night|morrow)|yesterday|night|morning|afternoon|evening|overnight|week|month"
    r"|year|ago|recent|lately|earlier")


PREP = (r"(?i:on|in|during|since|until|till|by|before|after|from|through|throughout|"
        r"as\s+of|as\s+early\s+as|as\s+late\s+as|starting|beginning|effective)")
PREFIX = rf"(?:\b(?P<prep>{PREP})\s+)?"
# Parts of a period: "early March", "mid-2020", "the end of last year".
MOD = (r"(?P<mod>(?i:early|late)\s+|(?i:mid)\s*-?\s*|"
       r"(?i:the\s+(?:end|beginning|start|middle|close|turn|"
       r"(?:first|second|third|fourth|last|final|opening|closing)\s+(?:half|week|weeks|days))"
       r"\s+of)\s+)")
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
DAY = rf"(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)?\b(?![:.]?\d|%)"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)\b(?!%|[.,]\d)"
TIME_OF_DAY = r"(?i:morning|afternoon|evening|night|overnight)"
NOT_IN_NUMBER = r"(?<![\w/.,$\u00a3\u20ac#-])"
NOT_BEFORE_NUMBER = r"(?![\w/-]|\.\d)"
YEAR_START = r"(?<![\w/.,$\u00a3\u20ac#])"  # a hyphen may precede: "mid-2020"
# "on March 30 last year", "in May this year": the year named relative to the article's.
REL_YEAR = r",?\s+(?P<rel_year>(?i:last|this|next))\s+(?i:year)\b"


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
    return [_rule("year_month_day", "absolute", iso, "separated"),
            _rule("numeric", "absolute", numeric, "separated")]


def _calendar_rules(t: Tables) -> list[Rule]:
    month, wd = _month_any(t), _weekday_prefix(t)
    ordinal = alternation(t.ordinals)
    mdy = rf"{PREFIX}{wd}{month}\s*{DAY}(?:,\s*|\s+)(?:(?i:of)\s+)?{YEAR}"
    dmy = (rf"{PREFIX}{wd}(?:(?i:the)\s+)?(?:{DAY}|(?P<word>(?i:{ordinal})))(?P<of>\s+(?i:of))?"
           rf"\s+{month}(?:,?\s+{YEAR}|{REL_YEAR})?")
    md = rf"{PREFIX}{wd}{month}\s*{DAY}(?:{REL_YEAR})?"
    month_year = rf"{PREFIX}{MOD}?{month},?\s+(?:(?i:of)\s+)?{YEAR}"
    fixed = rf"{PREFIX}(?P<name>{alternation(_title_keys(t.fixed_days))})\b(?:,?\s+{YEAR})?"
    return [_rule("month_day_year", "absolute", mdy, "month"),
            _rule("day_month", "absolute", dmy, "month"),
            _rule("month_day", "absolute", md, "month"),
            _rule("month_year", "absolute", month_year, "month"),
            _rule("fixed_day", "absolute", fixed, "fixed")]


def _title_keys(mapping) -> list[str]:
    # fixed-day names are capitalised in text; keys are stored lower-case
    return [" ".join(w.capitalize() if w[0].isalpha() else w for w in k.split()) for k in mapping]


def _period_rules(t: Tables) -> list[Rule]:
    full = rf"(?P<month>{alternation(t.full_months)})\b"
    month_only = rf"{PREFIX}{MOD}?{full}(?:{REL_YEAR})?"
    month_rel = rf"{PREFIX}{MOD}?(?P<rel>(?i:last|next|this))\s+{full}"
    year_only = rf"{PREFIX}{MOD}?(?:(?P<the_year>(?i:the\s+year))\s+)?{YEAR_START}{YEAR}"
    on_nth = (rf"\b(?i:on\s+the)\s+(?P<day>{DAY_NUMBER})(?:st|nd|rd|th)\b"
              r"(?:\s+(?i:of\s+(?:this|the)\s+month))?"
              r"(?=\s*(?:[,.;:)!?]|$)|\s+(?i:and|when|as|after|before|at|in|to|with)\b)")
    return [_rule("month_only", "absolute", month_only, "month"),
            _rule("month_relative", "relative", month_rel, "month"),
            _rule("year_only", "absolute", year_only, "year"),
            _rule("day_of_month", "absolute", on_nth, "ordinal")]


def _relative_rules(t: Tables) -> list[Rule]:
    words = alternation(t.day_offsets)
    numbers = alternation(t.numbers)
    day_word = (rf"\b(?:(?P<tod1>(?i:early|earlier|late|later))\s+)?(?P<word>(?i:{words}))\b"
                rf"(?:\s+(?P<tod2>{TIME_OF_DAY})\b)?")
    ago = (rf"\b(?:(?i:just|only|barely|some|about|nearly|almost|more\s+than|less\s+than)\s+)?"
           rf"(?P<num>(?i:{numbers})|\d{{1,3}})\s+"
           r"(?P<unit>(?i:day|week|fortnight|month|year|decade))s?\s+(?i:ago)\b")
    period = (rf"\b(?:(?i:earlier|later)\s+)?{MOD}?(?P<rel>(?i:this|last|next))\s+"
              r"(?P<unit>(?i:week|month|year))\b"
              r"|\b(?i:earlier|later)\s+(?i:in|during)\s+the\s+(?P<unit2>(?i:week|month|year))\b")
    return [_rule("day_word", "relative", day_word, "relative"),
            _rule("ago", "relative", ago, "relative"),
            _rule("period", "relative", period, "relative")]


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
    return [_rule("weekday", "weekday", weekday, "weekday"),
            _rule("weekend", "weekday", weekend, "relative")]


def _vague_rules(t: Tables) -> list[Rule]:
    vague = rf"\b(?i:{alternation(t.vague)})\b"
    return [_rule("vague", "vague", vague, "relative")]


@lru_cache(maxsize=1)
def date_rules() -> tuple[Rule, ...]:
    t = load_tables()
    return tuple(_numeric_rules() + _calendar_rules(t) + _period_rules(t)
                 + _relative_rules(t) + _weekday_rules(t) + _vague_rules(t))
