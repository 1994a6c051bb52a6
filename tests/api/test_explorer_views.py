"""Multi-value filters, sorting, the dyad page's calendar axis, the busiest dyads and
CAMEO names, over a live server on a store of a few hand-written reports."""
from __future__ import annotations

import httpx
import pytest

from api_docs import actor, event
from api_support import LiveServer

REPORTS = [  # doc id, date, source, target, cameo, plover, goldstein, modality, text
    ("praise-2018", "2018-03-13", "USA", "RUS", "051", "SUPPORT", 3.4, "asserted",
     "Washington praised Moscow on Tuesday."),
    ("blame-2022", "2022-03-14", "USA", "RUS", "111", "ACCUSE", -2.0, "asserted",
     "Washington criticized Moscow on Monday."),
    ("appeal", "2022-03-07", "IND", "RUS", "020", None, 3.0, "asserted",
     "Delhi appealed to Moscow on Monday."),
    ("shelling", "2022-03-01", "RUS", "UKR", "190", "ASSAULT", -10.0, "asserted",
     "Moscow shelled Kyiv on Tuesday."),
    ("cut", "2022-03-16", "RUS", "POL", "1311", "THREATEN", -5.8, "future",
     "Moscow will cut gas to Warsaw."),
]
CITY = {"USA": "Washington", "RUS": "Moscow", "IND": "Delhi", "UKR": "Kyiv", "POL": "Warsaw"}


def _doc(doc_id, date, src, tgt, cameo, plover, g, modality, body):
    verb = body.split()[1]
    source = actor(body, CITY[src], src + "GOV", sector="GOV", resolved_by="metonym")
    target = actor(body, CITY[tgt], tgt + "GOV", sector="GOV", resolved_by="metonym")
    ev = event(doc_id, 1, body, date, trigger=verb, cameo=cameo, source=source, target=target,
               date=date, date_text="on Monday", goldstein=g, plover=plover, modality=modality)
    return {"doc_id": doc_id, "published": date, "title": f"Report {doc_id}", "url": None,
            "events": [ev], "quotes": [], "errors": [], "body": body}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from dyads.api import create_app
    from dyads.store import Store

    path = tmp_path_factory.mktemp("views") / "views.duckdb"
    with Store.open(path) as store:
        assert not store.add_docs([_doc(*r) for r in REPORTS], "0.0.test")["errors"]
    with LiveServer(create_app(path, kb_loader=None)) as live:
        yield live


@pytest.fixture()
def http(server):
    with httpx.Client(base_url=server.url, timeout=10) as c:
        yield c


def _codes(http, query: str) -> list[str]:
    response = http.get("/events.json?" + query)
    assert response.status_code == 200, response.text
    return [e["cameo"] for e in response.json()["events"]]


def test_filters_take_several_values(http):
    assert sorted(_codes(http, "country=UKR,POL&modality=asserted,future")) == ["1311", "190"]
    assert sorted(_codes(http, "country=UKR,POL")) == ["1311", "190"]
    assert sorted(_codes(http, "cameo=19,11")) == ["111", "190"]
    assert sorted(_codes(http, "modality=future")) == ["1311"]
    assert len(_codes(http, "modality=asserted&modality=future")) == 5  # repeated works too
    assert len(_codes(http, "modality=asserted")) == 4
    csv_text = http.get("/events.csv?cameo=19,13").text
    assert csv_text.count("\n") == 3  # header and two events


def test_bad_multi_values_are_422(http):
    for query in ("country=RUS,UK", "cameo=19,x", "modality=asserted,maybe", "sort=body"):
        response = http.get("/events.json?" + query)
        assert response.status_code == 422, query


def test_sort_parameter_orders_and_headers_link_to_it(http):
    assert _codes(http, "sort=goldstein") == ["190", "1311", "111", "020", "051"]
    assert _codes(http, "sort=-goldstein") == ["051", "020", "111", "1311", "190"]
    assert _codes(http, "sort=date")[0] == "051"
    page = http.get("/events?sort=goldstein&cameo=19,11").text
    assert 'href="/events?sort=-goldstein&amp;cameo=19%2C11"' in page  # the next click reverses
    assert 'aria-sort="ascending"' in page


def test_cameo_names_show_where_plover_is_null(http):
    page = http.get("/events?cameo=020").text
    assert "Make an appeal or request" in page
    event_id = http.get("/events.json?cameo=020").json()["events"][0]["event_id"]
    assert "Make an appeal or request" in http.get(f"/event/{event_id}").text


def test_dyad_series_is_zero_filled_on_a_calendar_axis(http):
    series = http.get("/dyad.json?a=USA&b=RUS").json()["series"]
    assert len(series) == 49  # 2018-03 .. 2022-03, every month
    assert series[0]["period"] == "2018-03-01" and series[-1]["period"] == "2022-03-01"
    assert [p["events"] for p in series].count(0) == 47
    assert series[1] == {"period": "2018-04-01", "events": 0, "goldstein_sum": 0,
                         "goldstein_mean": None, "q0": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0}
    page = http.get("/dyad?a=USA&b=RUS").text
    assert ">2019-01<" in page and ">2022-01<" in page  # labels read as months
    assert "-01-01<" not in page.split("<table", 1)[0]
    years = http.get("/dyad.json?a=USA&b=RUS&freq=year").json()["series"]
    assert [p["period"] for p in years] == ["2018-01-01", "2019-01-01", "2020-01-01",
                                            "2021-01-01", "2022-01-01"]


def test_dyad_landing_lists_the_busiest_dyads(http):
    data = http.get("/dyad.json").json()
    assert data["busiest"][0] == {**data["busiest"][0], "a": "RUS", "b": "USA", "events": 2}
    assert {(d["a"], d["b"]) for d in data["busiest"]} == {
        ("RUS", "USA"), ("IND", "RUS"), ("RUS", "UKR"), ("POL", "RUS")}
    assert data["busiest_actors"][0]["a"] == "USAGOV"
    page = http.get("/dyad").text
    assert 'href="/dyad?a=RUS&amp;b=USA"' in page


def test_form_shows_the_chosen_values(http):
    page = http.get("/events?modality=asserted&modality=future&country=RUS,UKR").text
    assert 'value="asserted" checked' in page and 'value="future" checked' in page
    assert 'value="negated" checked' not in page
    assert 'name="country" value="RUS,UKR"' in page
    assert http.get("/events.json?country=rus").json()["filters"]["country"] == "RUS"
    assert http.get("/events.json?country=RUS,UKR").json()["filters"]["country"] == ["RUS", "UKR"]
    # the pager keeps both modalities
    assert "modality=asserted%2Cfuture" in http.get(
        "/events?modality=asserted&modality=future&limit=1").text
