"""Phrases that date one event relative to another: "came a day after Blinken asserted",
or to the last date the text gave ("two days later", "the following day": follows_on).

offset_days is what to add to the anchoring event's date to get the main clause's event
date: "X came two days after Y" gives +2, "X, a week before Y" gives -7, "hours after",
"shortly after", "the same day" give 0 (hours and minutes never move the day: a later day
is not known). Counts of days without a number ("days after") and months are not anchors:
their offset is not known to the day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .scan import Scanner, longest_disjoint, lowered
from .tables import Tables, alternation, load_tables, normalise


@dataclass(frozen=True)
class Anchor:
    text: str
    start: int
    end: int
    offset_days: int


_AFTER = frozenset({"after", "later", "afterwards", "afterward", "following"})
_HEDGE = r"(?:(?i:just|only|barely|some|about|nearly|almost|roughly|more\s+than|less\s+than|within)\s+)?"
_DIRECTION = r"(?P<dir>(?i:after|before|later|earlier|prior\s+to|ahead\s+of|afterwards?))\b"


# Every anchor contains one of these words; patterns are tried only around them.
_TRIGGER = re.compile(r"after|before|later|earlier|prior|ahead|within|same|next|following"
                      r"|previous|preceding")


@dataclass(frozen=True)
class _AnchorRules:
    counted: re.Pattern    # "a day after", "48 hours before", "two weeks later"
    uncounted: re.Pattern  # "hours after", "minutes later"
    immediate: re.Pattern  # "shortly after", "within hours of", "later that day"
    the_unit: re.Pattern   # "the day after", "the following day", "the previous week"


def _compile(t: Tables) -> _AnchorRules:
    units = alternation(t.anchor_units)
    numbers = alternation(t.numbers)
    counted = (rf"\b{_HEDGE}(?P<num>(?i:{numbers})|\d{{1,3}})\s+(?P<unit>(?i:{units}))s?\s+"
               rf"{_DIRECTION}")
    uncounted = rf"\b{_HEDGE}(?P<unit>(?i:hours|minutes|moments))\s+{_DIRECTION}"
    immediate = (r"\b(?i:(?:shortly|soon|immediately|right|just|moments)\s+"
                 r"(?:after|before|afterwards?|later|beforehand)|within\s+(?:hours|minutes)\s+of|"
                 r"(?:later|earlier)\s+(?:that|the\s+same)\s+day|(?:on\s+)?(?:that|the)\s+same\s+day)\b")
    the_unit = (r"\b(?i:the\s+(?:(?P<pos>next|following|previous|preceding)\s+"
                r"(?P<unit>day|morning|night|evening|week)|(?P<unit2>day|night|week)\s+"
                r"(?P<dir>after|before|earlier|later)))\b"
                r"(?!\s+(?i:tomorrow|yesterday|last|that))")
    return _AnchorRules(re.compile(counted), re.compile(uncounted), re.compile(immediate),
                        re.compile(the_unit))


@lru_cache(maxsize=1)
def _rules() -> _AnchorRules:
    return _compile(load_tables())


def _sign(direction: str) -> int:
    return 1 if normalise(direction) in _AFTER else -1


def _counted_offset(m: re.Match, t: Tables) -> int:
    num = m.group("num")
    n = int(num) if num.isdigit() else t.numbers[normalise(num)]
    unit = normalise(m.group("unit"))
    if unit == "hour":
        return _sign(m.group("dir")) * (n // 24)  # "48 hours after" is two days after
    return _sign(m.group("dir")) * n * t.anchor_units[unit]


def _the_unit_offset(m: re.Match) -> int:
    if m.group("pos"):
        size = 7 if m.group("unit").lower() == "week" else 1
        return size if m.group("pos").lower() in ("next", "following") else -size
    size = 7 if m.group("unit2").lower() == "week" else 1
    return size * _sign(m.group("dir"))


def _found(text: str, m: re.Match, offset: int) -> Anchor:
    return Anchor(text[m.start():m.end()], m.start(), m.end(), offset)


def _all_anchors(text: str) -> list[Anchor]:
    positions = [hit.start() for hit in _TRIGGER.finditer(lowered(text))]
    if not positions:
        return []
    rules, t, scan = _rules(), load_tables(), Scanner(text)
    found = [_found(text, m, _counted_offset(m, t))
             for m in scan.matches_around(rules.counted, positions)]
    found += [_found(text, m, 0) for m in scan.matches_around(rules.uncounted, positions)]
    found += [_found(text, m, 0) for m in scan.matches_around(rules.immediate, positions)]
    found += [_found(text, m, _the_unit_offset(m))
              for m in scan.matches_around(rules.the_unit, positions)]
    return found


def find_anchors(text: str) -> list[Anchor]:
    """Relative-to-another-event phrases in `text`, in text order, without overlaps
    (the longest wins): main event date = anchored event date + offset_days."""
    return longest_disjoint(sorted(_all_anchors(text), key=lambda a: a.start))


_BEFORE_WORDS = frozenset({"before", "earlier", "prior", "ahead", "beforehand", "previous",
                           "preceding"})


def points_before(anchor: Anchor) -> bool:
    """'hours before', 'shortly before', 'the day before': the main event came first."""
    return bool(_BEFORE_WORDS & set(normalise(anchor.text).split()))


_FOLLOW_ON_WORDS = frozenset({"later", "earlier", "afterwards", "afterward", "beforehand",
                              "next", "following", "previous", "preceding"})
_CLAUSE_BREAK = re.compile(r"\s*(?:[,.;:]|$)")


def follows_on(anchor: Anchor, text: str) -> bool:
    """'Two days later, ...', 'the following day', 'the day before,': an anchor counted
    from the last date the text gave, not from an event it names ('a day after the vote')."""
    if _FOLLOW_ON_WORDS & set(normalise(anchor.text).split()):
        return True
    return _CLAUSE_BREAK.match(text, anchor.end) is not None


def occasion_words(lemma: str) -> frozenset[str]:
    """Nouns naming the same kind of occasion as ``lemma`` ('truce' → ceasefire, ...)."""
    key = normalise(lemma)
    for group in load_tables().event_noun_groups:
        if key in group:
            return group
    return frozenset({key})


def in_early_hours(date_text: str | None) -> bool:
    """'early on Wednesday', 'at 2 a.m. Friday': the first hours of the day named."""
    words = normalise(date_text or "")
    return any(re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", words)
               for w in load_tables().early_hours)
