"""Tests of the date stage: the case table, anchors, properties, time-zone independence."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.dates import (Anchor, DateMention, PublishedDateError, find_anchors, find_dates,
                         ground, in_early_hours, occasion_words, points_before)
from dyads.dates.patterns import TRIGGERS
from dyads.dates.tables import load_tables

CASES_FILE = Path(__file__).parent / "data" / "date_cases.tsv"
SOURCE_DIR = Path(__file__).resolve().parents[1] / "src" / "dyads" / "dates"
SHARED = Path(__file__).resolve().parents[2] / "shared"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PRECISIONS = {"day", "month", "year", None}
KINDS = {"absolute", "relative", "weekday", "vague"}


def _none(value: str) -> str | None:
    return None if value == "-" else value


def load_cases() -> list[dict]:
    lines = [line for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


CASES = load_cases()


def run_case(row: dict) -> list[tuple]:
    mentions = find_dates(row["text"], _none(row["published"]), future=row["future"] == "1")
    return [(m.text, m.date, m.precision, m.kind) for m in mentions]


def expected(row: dict) -> list[tuple]:
    if row["mention"] == "-":
        return []
    return [(row["mention"], _none(row["date"]), _none(row["precision"]), row["kind"])]


def test_case_table_is_large_enough():
    assert len(CASES) >= 150
    assert {r["kind"] for r in CASES} >= KINDS


@pytest.mark.parametrize("row", CASES, ids=[f"{i}:{r['text'][:40]}" for i, r in enumerate(CASES)])
def test_case(row):
    """Each text holds exactly the expected mention (or none), grounded as expected."""
    assert run_case(row) == expected(row)


@pytest.mark.parametrize("row", CASES[:60], ids=[r["text"][:40] for r in CASES[:60]])
def test_offsets_of_case(row):
    for m in find_dates(row["text"], _none(row["published"])):
        assert row["text"][m.start:m.end] == m.text


# --- time zones: the same table, run in processes with far-apart local time zones

_TABLE_SCRIPT = """
import json, sys, time
sys.path.insert(0, {tests!r})
from test_dates import CASES, run_case
print(json.dumps({{"offset": time.strftime("%z"), "results": [run_case(r) for r in CASES]}}))
"""


@pytest.mark.parametrize("tz, offsets", [
    ("<+14>-14", {"+1400"}),                       # Kiritimati: UTC+14
    ("PST8PDT,M3.2.0,M11.1.0", {"-0800", "-0700"}),  # Los Angeles
])
def test_table_does_not_depend_on_local_time_zone(tz, offsets):
    env = dict(os.environ, TZ=tz)
    script = _TABLE_SCRIPT.format(tests=str(Path(__file__).parent))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, check=True, timeout=120)
    payload = json.loads(out.stdout)
    assert payload["offset"] in offsets  # the time zone really was in force
    assert payload["results"] == [[list(x) for x in expected(r)] for r in CASES]


def test_source_never_reads_the_clock():
    source = "\n".join(p.read_text(encoding="utf-8") for p in SOURCE_DIR.glob("*.py"))
    for call in ("today()", ".now(", "time.time(", "utcnow(", "localtime("):
        assert call not in source


# --- several mentions in one text

def test_several_mentions_in_text_order():
    text = ("On Tuesday the envoys met; on Wednesday, March 30, they signed the accord, "
            "two days before a vote due next week.")
    got = [(m.text, m.date, m.kind) for m in find_dates(text, "2022-03-31")]
    assert got == [("On Tuesday", "2022-03-29", "weekday"),
                   ("on Wednesday, March 30", "2022-03-30", "absolute"),
                   ("next week", "2022-04-01", "relative")]


def test_longest_expression_wins():
    mentions = find_dates("The deal was signed on Tuesday, March 29, 2022.", None)
    assert [(m.text, m.date) for m in mentions] == [("on Tuesday, March 29, 2022", "2022-03-29")]


def test_link_with_a_date_is_not_a_mention():
    text = "Read it at www.example.org/2022-03-30/story or on 30 March."
    assert [m.text for m in find_dates(text, "2022-03-31")] == ["on 30 March"]


def test_mentions_are_frozen_records():
    m = find_dates("on Tuesday", "2022-03-31")[0]
    assert m == DateMention("on Tuesday", 0, 10, "2022-03-29", "day", "weekday")
    with pytest.raises(AttributeError):
        m.date = "2022-01-01"


def test_seed_article_dates():
    seed = SHARED / "seed" / "seed.txt"
    if not seed.exists():
        pytest.skip("shared seed article not available")
    body = seed.read_text(encoding="utf-8").split("2022-03-31", 1)[1].strip()
    by_text = {m.text: m.date for m in find_dates(body, "2022-03-31")}
    assert by_text["on Wednesday"] == "2022-03-30"
    assert by_text["on Tuesday"] == "2022-03-29"
    assert by_text["March 30, 2022"] == "2022-03-30"
    assert [(a.text, a.offset_days) for a in find_anchors(body)] == [
        ("a day after", 1), ("just hours after", 0)]


# --- ground

@pytest.mark.parametrize("expression, published, future, result", [
    ("on Tuesday", "2022-03-31", False, ("2022-03-29", "day")),
    ("Tuesday", "2022-03-31", True, ("2022-04-05", "day")),
    ("May", "2022-03-31", False, ("2021-05-01", "month")),
    ("May", "2022-03-31", True, ("2022-05-01", "month")),
    ("March", "2022-03-31", False, ("2022-03-01", "month")),
    ("the 15th", "2022-03-31", False, ("2022-03-15", "day")),
    ("2020", "2022-03-31", False, ("2020-01-01", "year")),
    ("early 2020", None, False, ("2020-01-01", "year")),
    ("last week", "2022-03-31", False, ("2022-03-01", "month")),
    ("yesterday", None, False, (None, None)),
    ("recently", "2022-03-31", False, (None, None)),
    ("the talks", "2022-03-31", False, (None, None)),
    ("February 30", "2022-03-31", False, (None, None)),
    ("December 30", "2023-01-02", False, ("2022-12-30", "day")),
    ("Tuesday, March 29, 2022", None, False, ("2022-03-29", "day")),
])
def test_ground(expression, published, future, result):
    assert ground(expression, published, future=future) == result


@pytest.mark.parametrize("published", [
    date(2022, 3, 31), datetime(2022, 3, 31, 23, 59), "2022-03-31", "2022-03-31T23:59:00Z",
    " 2022-03-31 "])
def test_published_forms(published):
    assert ground("yesterday", published) == ("2022-03-30", "day")


@pytest.mark.parametrize("published", [None, ""])
def test_unknown_published(published):
    assert ground("yesterday", published) == (None, None)
    assert ground("March 30, 2022", published) == ("2022-03-30", "day")


@pytest.mark.parametrize("published", ["31/03/2022", "yesterday", 20220331, "2022-02-30"])
def test_bad_published_says_what_to_pass(published):
    with pytest.raises(PublishedDateError, match="YYYY-MM-DD"):
        find_dates("on Tuesday", published)


# --- anchors

@pytest.mark.parametrize("text, anchor, offset", [
    ("The call came a day after the minister asserted it.", "a day after", 1),
    ("The vote came two days before the summit.", "two days before", -2),
    ("The strike came just hours after the talks.", "just hours after", 0),
    ("The army moved in hours after the vote.", "hours after", 0),
    ("Shots rang out minutes after the speech.", "minutes after", 0),
    ("He resigned shortly after the ruling.", "shortly after", 0),
    ("The rebels attacked soon after dawn.", "soon after", 0),
    ("The talks opened the day after the ceasefire.", "the day after", 1),
    ("The embassy closed the day before the raid.", "the day before", -1),
    ("The protest came a week after the election.", "a week after", 7),
    ("The minister had spoken a day earlier.", "a day earlier", -1),
    ("The envoy returned a day later.", "a day later", 1),
    ("The troops left three weeks later.", "three weeks later", 21),
    ("The blast came 48 hours after the warning.", "48 hours after", 2),
    ("It was signed 24 hours before the deadline.", "24 hours before", -1),
    ("The next day, the army withdrew.", "The next day", 1),
    ("The following day the talks resumed.", "The following day", 1),
    ("On the previous day the border closed.", "the previous day", -1),
    ("The following week the envoy returned.", "The following week", 7),
    ("Later that day the ministers met.", "Later that day", 0),
    ("The rebels struck on the same day.", "on the same day", 0),
    ("Within hours of the strike, the council met.", "Within hours of", 0),
    ("The decree came 10 days after the vote.", "10 days after", 10),
    ("The pact came a couple of days after the talks.", "a couple of days after", 2),
    ("The raid came only a day after the warning.", "only a day after", 1),
    ("The statement came the night before the vote.", "the night before", -1),
    ("Police arrived moments after the blast.", "moments after", 0),
    ("The vote came a fortnight after the debate.", "a fortnight after", 14),
])
def test_anchor(text, anchor, offset):
    assert find_anchors(text) == [Anchor(anchor, text.index(anchor), text.index(anchor) + len(anchor), offset)]


@pytest.mark.parametrize("text", [
    "The vote is set for the day after tomorrow.",
    "Fighting resumed days after the vote.",
    "The talks came a month after the war began.",
    "The minister spoke after the vote.",
    "Day after day the shelling went on.",
    "The envoy met the minister on Tuesday.",
])
def test_not_an_anchor(text):
    assert find_anchors(text) == []


@pytest.mark.parametrize("text, before", [
    ("Hours before the truce, jets struck the port.", True),
    ("Shortly before the vote, the envoy left.", True),
    ("The day before the vote, the envoy left.", True),
    ("Hours after the deal, crowds gathered.", False),
    ("The raid came only a day after the warning.", False),
])
def test_anchor_direction(text, before):
    [anchor] = find_anchors(text)
    assert points_before(anchor) is before


@pytest.mark.parametrize("phrase, early", [
    ("early on Wednesday", True), ("at dawn on Friday", True), ("at 2 a.m. on Friday", True),
    ("on Wednesday", False), ("late on Tuesday", False), ("on Wednesday evening", False),
    (None, False),
])
def test_early_hours(phrase, early):
    assert in_early_hours(phrase) is early


def test_occasion_words_group_names_of_one_kind_of_occasion():
    assert "ceasefire" in occasion_words("truce") and "rally" in occasion_words("gathering")
    assert occasion_words("Sanction") == frozenset({"sanction"})


# --- the tables and triggers

def test_month_and_weekday_names_are_all_triggers():
    t = load_tables()
    for name in t.full_months + t.month_abbrs:
        assert TRIGGERS.match(name) and TRIGGERS.match(name).lastgroup == "month", name
    for name in t.full_weekdays:
        assert TRIGGERS.match(name).lastgroup == "weekday", name


def test_speed_on_an_article():
    sentence = ("The minister said on Tuesday that talks held in the capital last week had "
                "failed, and that a new round would start on April 4, 2022, or in May. ")
    article = sentence * 20  # about 3,000 characters
    find_dates(article, "2022-03-31")
    started = time.perf_counter()
    for _ in range(10):
        mentions = find_dates(article, "2022-03-31")
    per_article = (time.perf_counter() - started) / 10
    assert len(mentions) == 80
    assert per_article < 0.1  # typically a few milliseconds


# --- properties

published_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
weekday_phrases = st.tuples(st.sampled_from(["", "on ", "early on ", "late ", "On ", "since "]),
                            st.sampled_from(WEEKDAYS),
                            st.sampled_from(["", " night", " morning", " evening"]))


@settings(max_examples=200, deadline=None)
@given(published_dates, weekday_phrases)
def test_weekday_is_within_the_week_before(published, phrase):
    prefix, name, suffix = phrase
    text = f"The envoy arrived {prefix}{name}{suffix}."
    (m,) = find_dates(text, published)
    found = date.fromisoformat(m.date)
    assert published - timedelta(days=6) <= found <= published
    assert found.weekday() == WEEKDAYS.index(name)
    assert (m.precision, m.kind) == ("day", "weekday")


@settings(max_examples=200, deadline=None)
@given(published_dates, weekday_phrases)
def test_future_weekday_is_within_the_week_after(published, phrase):
    prefix, name, suffix = phrase
    (m,) = find_dates(f"The envoy will arrive {prefix}{name}{suffix}.", published, future=True)
    found = date.fromisoformat(m.date)
    assert published <= found <= published + timedelta(days=6)
    assert found.weekday() == WEEKDAYS.index(name)


@settings(max_examples=200, deadline=None)
@given(published_dates, st.sampled_from(WEEKDAYS), st.sampled_from(["last", "next"]))
def test_last_and_next_weekday_are_strict(published, name, which):
    found = date.fromisoformat(ground(f"{which} {name}", published)[0])
    gap = (found - published).days
    assert (-7 <= gap <= -1) if which == "last" else (1 <= gap <= 7)
    assert found.weekday() == WEEKDAYS.index(name)


def _formats(d: date) -> list[str]:
    month = MONTHS[d.month - 1]
    short = month if len(month) <= 4 else month[:3] + "."  # "May", "Jun.", "Sep."
    return [f"{month} {d.day}, {d.year}", f"{d.day} {month} {d.year}", d.isoformat(),
            f"on {short} {d.day}, {d.year}", f"the {d.day}th of {month} {d.year}"]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1700, 1, 1), max_value=date(2099, 12, 31)),
       st.one_of(st.none(), published_dates))
def test_absolute_dates_round_trip(d, published):
    for text in _formats(d):
        assert ground(text, published) == (d.isoformat(), "day"), text


@settings(max_examples=200, deadline=None)
@given(published_dates, st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)),
       st.booleans())
def test_month_day_without_year_is_the_nearest_on_the_right_side(published, md, future):
    found_iso, precision = ground(f"{MONTHS[md.month - 1]} {md.day}", published, future=future)
    found = date.fromisoformat(found_iso)
    assert (found.month, found.day, precision) == (md.month, md.day, "day")
    window = 8 * 366 if (md.month, md.day) == (2, 29) else 366
    if future:
        assert published <= found < published + timedelta(days=window)
    else:
        assert published - timedelta(days=window) < found <= published + timedelta(days=7)


filler = st.sampled_from([
    "the minister said", "talks", "on Tuesday", "in May", "Russia may withdraw", "March 30",
    "a march", "2022-03-30", "4/5/2022", "yesterday", "last week", "the recent", "in 2019",
    "mid-March", "over the weekend", "two days ago", "a day after", ",", ".", "\n", "\u0130stanbul",
    "https://x.org/2022/03/30", "30 February", "the 15th", "late Tuesday night"])


@settings(max_examples=200, deadline=None)
@given(st.lists(filler, max_size=12), st.one_of(st.none(), published_dates), st.booleans())
def test_mentions_are_well_formed(parts, published, future):
    text = " ".join(parts)
    previous_end = 0
    for m in find_dates(text, published, future=future):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        assert m.start >= previous_end  # sorted, no overlaps
        previous_end = m.end
        assert m.precision in PRECISIONS and m.kind in KINDS
        assert (m.date is None) == (m.precision is None)
        if m.date is not None:
            d = date.fromisoformat(m.date)
            assert m.precision == "day" or d.day == 1
            assert m.precision != "year" or d.month == 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), published_dates))
def test_any_text_is_safe(text, published):
    for m in find_dates(text, published):
        assert text[m.start:m.end] == m.text
    for a in find_anchors(text):
        assert text[a.start:a.end] == a.text and isinstance(a.offset_days, int)


@settings(max_examples=200, deadline=None)
@given(st.lists(filler, max_size=12))
def test_anchor_offsets_are_within_the_text(parts):
    text = " ".join(parts)
    for a in find_anchors(text):
        assert text[a.start:a.end] == a.text
        assert re.search(r"after|before|later|earlier|same|next|following|previous|within",
                         a.text, re.I)
