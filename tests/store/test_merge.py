"""Merging mentions of one real-world event across articles."""
from __future__ import annotations

import datetime as dt
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store_docs import PLACES, call_doc, doc, event
from dyads.store import EventFilter, Store

ALL = EventFilter(limit=10_000)


def test_differently_worded_reports_of_one_call_become_one_event(store):
    docs = [
        call_doc("wire", "Blinken phoned Jaishankar on Wednesday.", "USAGOV", "INDGOV",
                 "2022-03-30", location="Istanbul"),
        call_doc("daily", "Jaishankar and Blinken spoke by telephone late on Wednesday.",
                 "INDGOV", "USAGOV", "2022-03-30"),
        call_doc("weekly", "In a call a day later, the two ministers discussed Ukraine.",
                 "USAGOV", "INDGOV", "2022-03-31", location="Istanbul"),
    ]
    store.add_docs(docs, "0.1.0")
    events = store.events(ALL)
    assert len(events) == 1
    merged = store.event(events[0]["event_id"])
    assert (merged["num_mentions"], merged["num_articles"]) == (3, 3)
    assert merged["articles"] == ["daily", "weekly", "wire"]
    assert len(merged["mentions"]) == 3
    assert merged["location"]["name"] == "Istanbul"
    assert merged["first_seen"] == "2022-03-31" and merged["last_seen"] == "2022-03-31"


def test_two_calls_a_week_apart_are_two_events(store):
    store.add_docs([
        call_doc("w1", "Blinken phoned Jaishankar.", "USAGOV", "INDGOV", "2022-03-30"),
        call_doc("w2", "Blinken phoned Jaishankar again.", "USAGOV", "INDGOV", "2022-04-06"),
    ], "0.1.0")
    assert store.count_events(ALL) == 2


def test_direction_matters_outside_symmetric_roots(store):
    store.add_docs([
        call_doc("x1", "Moscow accused Kyiv.", "RUSGOV", "UKRGOV", "2022-03-30", cameo="111"),
        call_doc("x2", "Kyiv accused Moscow.", "UKRGOV", "RUSGOV", "2022-03-30", cameo="111"),
        call_doc("x3", "Moscow blamed Kyiv again.", "RUSGOV", "UKRGOV", "2022-03-31", cameo="112"),
    ], "0.1.0")
    counts = sorted(e["num_mentions"] for e in store.events(ALL))
    assert counts == [1, 2]


def test_distant_places_and_other_roots_do_not_merge(store):
    store.add_docs([
        call_doc("p1", "Talks in Istanbul.", "RUSGOV", "UKRGOV", "2022-03-29", "Istanbul"),
        call_doc("p2", "Talks in Geneva.", "RUSGOV", "UKRGOV", "2022-03-29", "Geneva"),
        call_doc("p3", "Moscow threatened Kyiv.", "RUSGOV", "UKRGOV", "2022-03-29", cameo="138"),
    ], "0.1.0")
    assert store.count_events(ALL) == 3


def test_recoding_away_a_bridging_mention_splits_the_event(store):
    a = call_doc("a", "Call on Monday.", "USAGOV", "INDGOV", "2022-03-28")
    bridge = call_doc("b", "Call on Tuesday.", "USAGOV", "INDGOV", "2022-03-29")
    c = call_doc("c", "Call on Wednesday.", "USAGOV", "INDGOV", "2022-03-30")
    store.add_docs([a, bridge, c], "0.1.0")
    assert store.count_events(ALL) == 1
    recoded = doc("b", "Call on Tuesday.", [], published="2022-03-31")
    assert store.add_docs([recoded], "0.2.0")["articles_recoded"] == 1
    assert sorted(e["date"] for e in store.events(ALL)) == ["2022-03-28", "2022-03-30"]


# --- order independence, checked against a plain-Python statement of the rule ----------
ACTORS = ["USAGOV", "INDGOV", "RUSGOV"]
ROOT_CODES = ["041", "111"]
PLACE_NAMES = [None, "Istanbul", "Ankara", "Geneva"]

mention_spec = st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS),
                         st.sampled_from(ROOT_CODES), st.integers(0, 6),
                         st.sampled_from(PLACE_NAMES))


def _docs(specs):
    base = dt.date(2022, 3, 1)
    out = []
    for i, (src, tgt, cameo, day, place) in enumerate(specs):
        date = (base + dt.timedelta(days=day)).isoformat()
        out.append(call_doc(f"d{i:02d}", f"Report number {i}.", src, tgt, date, place,
                            cameo=cameo, published="2022-03-10"))
    return out


def _same_event(a, b) -> bool:
    """The merge rule, written independently of the SQL."""
    (sa, ta, ca, da, pa), (sb, tb, cb, db, pb) = a, b
    if ca[:2] != cb[:2] or abs(da - db) > 1:
        return False
    dyad_a, dyad_b = (sa, ta), (sb, tb)
    if ca[:2] in {"03", "04", "05", "06", "19"}:
        dyad_a, dyad_b = tuple(sorted(dyad_a)), tuple(sorted(dyad_b))
    if dyad_a != dyad_b:
        return False
    if pa is None or pb is None or pa == pb:
        return True
    (_, la, oa, *_r), (_, lb, ob, *_s) = PLACES[pa], PLACES[pb]
    km = 111.2 * math.hypot(la - lb, math.cos(math.radians((la + lb) / 2)) * (oa - ob))
    return km <= 50


def _oracle_groups(specs) -> set[frozenset[str]]:
    groups = {i: {i} for i in range(len(specs))}
    for i in range(len(specs)):
        for j in range(i):
            if _same_event(specs[i], specs[j]) and groups[i] is not groups[j]:
                merged = groups[i] | groups[j]
                for k in merged:
                    groups[k] = merged
    return {frozenset(f"d{k:02d}" for k in g) for g in map(frozenset, groups.values())}


def _stored_groups(store):
    out = {}
    for e in store.events(ALL):
        full = store.event(e["event_id"])
        out[e["event_id"]] = (frozenset(full["articles"]), e["num_mentions"], e["cameo"])
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=st.lists(mention_spec, min_size=1, max_size=10), data=st.data())
def test_merging_is_order_independent_and_matches_the_rule(specs, data):
    docs = _docs(specs)
    shuffled = data.draw(st.permutations(docs))
    batch = data.draw(st.integers(1, 5))
    with Store.open(":memory:") as one, Store.open(":memory:") as other:
        one.add_docs(docs, "0.1.0", batch_size=len(docs))
        other.add_docs(shuffled, "0.1.0", batch_size=batch)
        first, second = _stored_groups(one), _stored_groups(other)
    assert first == second
    assert {g[0] for g in first.values()} == _oracle_groups(specs)


def test_joining_mention_with_smaller_uid_renames_event_and_moves_its_mentions(store):
    store.add_docs([call_doc("m2", "Call on Monday.", "USAGOV", "INDGOV", "2022-03-28"),
                    call_doc("m3", "Call that Monday.", "USAGOV", "INDGOV", "2022-03-28")],
                   "0.1.0")
    (before,) = store.events(ALL)
    store.add_docs([call_doc("m1", "Monday's call.", "INDGOV", "USAGOV", "2022-03-29")], "0.1.0")
    (after,) = store.events(ALL)
    assert after["event_id"] != before["event_id"] and store.event(before["event_id"]) is None
    assert (after["num_mentions"], after["num_articles"]) == (3, 3)
    moved = {m["merged_event_id"] for m in store.mentions(ALL)}
    assert moved == {after["event_id"]}


def test_orphans_of_a_recoded_article_rejoin_new_mentions_in_the_same_batch(store):
    a = call_doc("a", "Call on Monday.", "USAGOV", "INDGOV", "2022-03-28", location="Istanbul")
    b = call_doc("b", "Call on Tuesday.", "USAGOV", "INDGOV", "2022-03-29")
    store.add_docs([a, b], "0.1.0")
    recoded = call_doc("b", "Call on Tuesday.", "USAGOV", "INDGOV", "2022-03-29",
                       version="0.2.0")
    fresh = call_doc("c", "Call on Tuesday, again.", "INDGOV", "USAGOV", "2022-03-28")
    store.add_docs([recoded, fresh], "0.2.0")
    (merged,) = store.events(ALL)
    full = store.event(merged["event_id"])
    assert full["articles"] == ["a", "b", "c"] and merged["num_mentions"] == 3
    assert merged["location"]["name"] == "Istanbul"
    assert {m["merged_event_id"] for m in full["mentions"]} == {merged["event_id"]}
