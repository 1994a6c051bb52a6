"""The word tables behind date matching, read from dyads/data/date_expressions.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Iterable, Mapping

import yaml

TABLES_FILE = "date_expressions.yaml"


class DateTablesError(ValueError):
    """The shipped date word tables are malformed."""


@dataclass(frozen=True)
class Tables:
    month_numbers: Mapping[str, int]    # lower-case full name or abbreviation -> 1..12
    full_months: tuple[str, ...]        # capitalised full names
    month_abbrs: tuple[str, ...]        # capitalised abbreviations
    weekday_numbers: Mapping[str, int]  # lower-case full name or abbreviation -> 0..6
    full_weekdays: tuple[str, ...]
    weekday_abbrs: tuple[str, ...]
    weekday_name_words: frozenset[str]
    weekday_name_followers: frozenset[str]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    day_offsets: Mapping[str, int]      # normalised phrase -> days to add
    fixed_days: Mapping[str, tuple[int, int]]
    vague: tuple[str, ...]
    anchor_units: Mapping[str, int]
    # words naming one occasion: "the truce" refers back to "the ceasefire took effect"
    event_noun_groups: tuple[frozenset[str], ...] = ()
    early_hours: tuple[str, ...] = ()   # "early on Wednesday", "at 2 a.m.": a day's first hours
    date_name_followers: frozenset[str] = frozenset()  # "the September 11 attacks"


def normalise(phrase: str) -> str:
    """Lower case, single spaces, straight apostrophes: the key form of table phrases."""
    return " ".join(phrase.lower().replace("\u2019", "'").split())


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; any white space between words,
    either apostrophe."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w).replace("'", "['\u2019]") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    return "(?:" + "|".join(parts) + ")"


def _names(table: dict, what: str) -> tuple[dict[str, int], tuple[str, ...], tuple[str, ...]]:
    numbers: dict[str, int] = {}
    full, abbrs = [], []
    for number, names in table.items():
        if not names:
            raise DateTablesError(f"{TABLES_FILE}: {what} {number} has no names; list the full name first")
        full.append(names[0])
        abbrs.extend(names[1:])
        for name in names:
            numbers[name.lower()] = int(number)
    return numbers, tuple(full), tuple(abbrs)


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType({normalise(str(k)): v for k, v in mapping.items()})


def tables_from_dict(raw: dict) -> Tables:
    month_numbers, full_months, month_abbrs = _names(raw["months"], "month")
    weekday_numbers, full_weekdays, weekday_abbrs = _names(raw["weekdays"], "weekday")
    return Tables(
        month_numbers=MappingProxyType(month_numbers), full_months=full_months,
        month_abbrs=month_abbrs, weekday_numbers=MappingProxyType(weekday_numbers),
        full_weekdays=full_weekdays, weekday_abbrs=weekday_abbrs,
        weekday_name_words=frozenset(raw["weekday_name_words"]),
        weekday_name_followers=frozenset(raw["weekday_name_followers"]),
        numbers=_frozen(raw["number_words"]), ordinals=_frozen(raw["ordinal_words"]),
        day_offsets=_frozen(raw["day_offsets"]),
        fixed_days=_frozen({k: tuple(v) for k, v in raw["fixed_days"].items()}),
        vague=tuple(raw["vague"]), anchor_units=_frozen(raw["anchor_units"]),
        event_noun_groups=tuple(frozenset(normalise(w) for w in group)
                                for group in raw.get("event_noun_groups") or ()),
        early_hours=tuple(raw.get("early_hours") or ()),
        date_name_followers=frozenset(raw.get("date_name_followers") or ()))


@lru_cache(maxsize=1)
def load_tables() -> Tables:
    text = resources.files("dyads").joinpath("data", TABLES_FILE).read_text(encoding="utf-8")
    try:
        return tables_from_dict(yaml.safe_load(text))
    except (KeyError, TypeError, AttributeError) as exc:
        raise DateTablesError(
            f"dyads/data/{TABLES_FILE} is malformed ({exc!r}); restore the shipped file "
            "or fix the section named") from exc
