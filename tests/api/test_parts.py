"""The explorer's pure parts: highlighting, chart geometry, links, guards, CSV, roles."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from dyads.api import charts, highlight
from dyads.api.csvout import events_csv, safe_cell
from dyads.api.pages import plain, with_query
from dyads.api.roles import roles_finder
from dyads.api.security import is_loopback
from dyads.api.world import cells_to_path, disc_cells, load_outline


def test_segments_cover_the_body_exactly_once_with_overlaps():
    body = "Ann said: Bob met Cy today."
    marks = [highlight.Mark(0, 3, "actor", "e1"), highlight.Mark(10, 26, "quote", "q1"),
             highlight.Mark(14, 17, "trigger", "e1")]
    pieces = highlight.segments(body, marks)
    assert "".join(p["text"] for p in pieces) == body
    met = next(p for p in pieces if p["text"] == "met")
    assert met["kinds"] == ["quote", "trigger"] and met["refs"] == ["e1", "q1"]


def test_annotate_finds_the_date_phrase_and_ignores_broken_offsets():
    body = "Talks ended on Friday in Oslo."
    event = {"sentence": {"start": 0, "end": len(body)}, "date_text": "on Friday",
             "date": "2023-01-06", "trigger": {"text": "ended", "start": 6, "end": 11},
             "source": {"start": 50, "end": 40}, "cameo": "04"}
    pieces = highlight.annotate(body, [event], [])
    kinds = {p["text"]: p["kinds"] for p in pieces if p["kinds"]}
    assert kinds == {"ended": ["trigger"], "on Friday": ["date"]}


def test_timeline_puts_cooperation_above_and_conflict_below_the_axis():
    chart = charts.timeline([{"period": "2023-01", "q1": 2, "q2": 1, "q3": 0, "q4": 0,
                              "events": 3, "goldstein_mean": 4.0},
                             {"period": "2023-02", "q1": 0, "q2": 0, "q3": 1, "q4": 1,
                              "events": 2, "goldstein_mean": -6.0}])
    coop, conflict = chart["bars"]
    assert coop["cls"] == "coop" and coop["y"] + coop["h"] == pytest.approx(chart["zero_y"])
    assert conflict["cls"] == "conflict" and conflict["y"] == pytest.approx(chart["zero_y"])
    assert coop["h"] > conflict["h"]
    assert chart["points"][0]["y"] < chart["line_zero"] < chart["points"][1]["y"]


def test_network_keeps_the_busiest_actors_and_shortens_edges():
    edges = [{"source": f"A{i}", "target": "HUB", "events": 10 - i, "goldstein_mean": -3}
             for i in range(8)]
    chart = charts.network(edges, max_nodes=4)
    assert {n["key"] for n in chart["nodes"]} == {"HUB", "A0", "A1", "A2"}
    assert all(e["cls"] == "conflict" for e in chart["edges"]) and len(chart["edges"]) == 3


def test_map_groups_events_by_place_and_infers_tone_from_cameo():
    points = charts.map_points([
        {"event_id": "a", "name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "cameo": "190"},
        {"event_id": "b", "name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "cameo": "193"},
        {"event_id": "c", "name": "Oslo", "country": "NOR", "lat": 59.9, "lon": 10.7, "cameo": "043"},
        {"event_id": "d", "name": "Nowhere", "lat": None, "lon": None, "cameo": "043"}])
    assert [(p["name"], p["count"], p["cls"]) for p in points] == [
        ("Kyiv", 2, "conflict"), ("Oslo", 1, "coop")]
    assert points[0]["y"] == pytest.approx(-50.45)


def test_world_outline_is_shipped_and_paths_are_well_formed():
    outline = load_outline()
    assert outline["land_path"].startswith("M") and outline["land_path"].count("z") > 100
    assert "GeoNames" in outline["source"]
    assert cells_to_path({(0, 0), (0, 1), (0, 3)}) == "M-180 -90h4v2h-4zM-174 -90h2v2h-2z"
    assert len(disc_cells(0.0, 0.0, 1_000_000)) > len(disc_cells(0.0, 0.0, 100_000))


def test_with_query_keeps_search_and_drops_empty_values():
    assert with_query("/events", [("cameo", "04"), ("text", "")], offset=50) == \
        "/events?cameo=04&offset=50"
    assert with_query("/dyad", {"a": "A&B", "b": None}) == "/dyad?a=A%26B"


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False), ("", False),
    (" ", False), ("::", False), (None, False)])
def test_loopback_detection(host, expected):
    assert is_loopback(host) is expected


def test_csv_neutralises_formulas_but_not_numbers():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and safe_cell(-2.0) == -2.0
    text = events_csv([{"event_id": "e", "source": {"code": "+SUM(A1)"}, "goldstein": -1.0}])
    assert "'+SUM(A1)" in text and ",-1.0," in text


def test_plain_makes_json_safe_values():
    from datetime import date

    assert plain({"x": float("nan"), "d": date(2023, 1, 2), "l": (1, float("inf"))}) == {
        "x": None, "d": "2023-01-02", "l": [1, None]}


def fake_kb(roles_by_date):
    def person(name, on=None):
        role = roles_by_date.get(on)
        if role is None:
            return None
        return SimpleNamespace(kb_id="Q1", role=SimpleNamespace(
            title=role, country="USA", sector="GOV", start="2021", end=None, source="test"))
    return SimpleNamespace(person=person)


def test_roles_are_asked_per_event_date_and_deduplicated():
    kb = fake_kb({"2020-05-01": "Senator", "2022-01-01": "Secretary", "2022-02-01": "Secretary"})
    roles_of = roles_finder(lambda: kb)
    found = roles_of({"name": "X", "kb_id": "Q1"}, ["2020-05-01", "2022-01-01", "2022-02-01"])
    assert [(r["title"], r["on"]) for r in found] == [("Senator", "2020-05-01"),
                                                      ("Secretary", "2022-01-01")]
    assert roles_of({"name": "X", "kb_id": None}, ["2020-05-01"]) == []


def test_roles_degrade_when_the_kb_fails():
    def broken():
        raise RuntimeError("no KB file")

    assert roles_finder(broken)({"name": "X", "kb_id": "Q1"}, ["2020-01-01"]) == []
