"""The JSON/CSV API against a real uvicorn server over a store of hand-made records."""
from __future__ import annotations

import csv
import io

import httpx
import pytest
from api_support import TEST_TOKEN, LiveServer, fake_coder


def first_event_id(client, **params) -> str:
    return client.get("/events.json", params=params).json()["events"][0]["event_id"]


def test_overview_counts_what_was_stored(client):
    stats = client.get("/index.json").json()["stats"]
    assert (stats["articles"], stats["events"], stats["quotes"]) == (8, 9, 2)


def test_events_filters_and_pages(client):
    everything = client.get("/events.json").json()
    assert everything["total"] == 9 and len(everything["events"]) == 9
    consults = client.get("/events.json", params={"cameo": "04"}).json()
    assert [e["cameo"] for e in consults["events"]] == ["043"]
    page = client.get("/events.json", params={"quad_class": 3, "limit": 2, "offset": 2}).json()
    assert page["total"] == 4 and len(page["events"]) == 2
    spring = client.get("/events.json", params={"dyad": "USA,RUS", "date_from": "2023-02-01",
                                                "date_to": "2023-04-30"}).json()
    assert sorted(e["date"] for e in spring["events"]) == ["2023-02-13", "2023-03-13", "2023-04-13"]
    assert client.get("/events.json", params={"text": "grain"}).json()["total"] == 1
    assert client.get("/events.json", params={"plover": "ASSAULT"}).json()["total"] == 1


@pytest.mark.parametrize("params", [
    {"date_from": "2023-02-30"}, {"dyad": "USA"}, {"quad_class": 9}, {"cameo": "4x"},
    {"plover": "HUG"}, {"limit": 0}, {"limit": 100000}, {"country": "US"},
])
def test_bad_filters_are_422_with_a_reason(client, params):
    r = client.get("/events.json", params=params)
    assert r.status_code == 422
    assert r.json()["detail"][0]["msg"]


def test_empty_form_fields_count_as_absent(client):
    r = client.get("/events.json?country=&cameo=&quad_class=&date_from=&plover=")
    assert r.status_code == 200 and r.json()["total"] == 9


def test_events_csv_has_one_row_per_event_and_is_formula_safe(client):
    r = client.get("/events.csv", params={"country": "UKR"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1
    assert rows[0]["source_code"] == "UKRGOV" and rows[0]["cameo"] == "122"
    assert rows[0]["goldstein"] == "-4.0"  # numbers are not treated as formulas


def test_event_has_its_mentions_and_articles(client):
    event_id = first_event_id(client, cameo="190")
    event = client.get(f"/event/{event_id}.json").json()["event"]
    assert event["articles"] == ["talks"]
    mention = event["mentions"][0]
    assert mention["trigger"]["text"] == "attacked"
    assert mention["source"]["resolved_by"] == "sector"
    assert client.get("/event/no-such-event.json").status_code == 404


def test_article_has_body_events_and_quotes(client):
    article = client.get("/article/talks.json").json()["article"]
    body = article["body"]
    assert len(article["events"]) == 2 and len(article["quotes"]) == 1
    for e in article["events"]:
        assert body[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    assert client.get("/article/missing.json").status_code == 404


def test_actors_and_actor_with_counterparts(client):
    names = [a["code"] for a in client.get("/actors.json").json()["actors"]]
    assert {"USAGOV", "RUSGOV", "SYRREB"} <= set(names)
    actor = client.get("/actor/Q900002.json").json()
    assert actor["actor"]["name"] == "Paul Endicott"
    assert actor["total_events"] == 1 and actor["quotes"][0]["quote"].startswith("We want")
    assert client.get("/actor/nobody-at-all.json").status_code == 404


def test_dyad_series_turns_from_cooperation_to_conflict(client):
    series = client.get("/dyad.json", params={"a": "USAGOV", "b": "RUSGOV"}).json()["series"]
    assert [p["period"][:7] for p in series] == [f"2023-0{m}" for m in range(1, 7)]
    assert [p["q1"] for p in series] == [1, 1, 1, 0, 0, 0]
    assert [p["q3"] for p in series] == [0, 0, 0, 1, 1, 1]
    one_way = client.get("/dyad.json", params={"a": "RUSGOV", "b": "USAGOV",
                                               "symmetric": "false"}).json()
    assert one_way["series"] == []


def test_network_map_and_quotes(client):
    edges = client.get("/network.json").json()["edges"]
    usa_rus = [e for e in edges if (e["source"], e["target"]) == ("USAGOV", "RUSGOV")]
    assert usa_rus and usa_rus[0]["events"] == 6
    places = {p["name"] for p in client.get("/map.json").json()["locations"]}
    assert places == {"Geneva", "Aleppo", "Kyiv"}
    quotes = client.get("/quotes.json", params={"speaker": "Endicott"}).json()["quotes"]
    assert len(quotes) == 1


PAGES = ["/index", "/events", "/actors", "/actor/USAGOV", "/dyad?a=USAGOV&b=RUSGOV",
         "/network", "/map", "/quotes", "/articles", "/article/talks"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_json_twin(client, page):
    path, _, query = page.partition("?")
    html = client.get(page)
    twin = client.get(path + ".json" + ("?" + query if query else ""))
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert "default-src 'self'" in html.headers["content-security-policy"]


def test_missing_page_is_an_html_404(client):
    r = client.get("/event/nothing-here")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "nothing-here" in r.text


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events.json", "/events.csv", "/event/{event_id}.json", "/dyad.json",
            "/network.json", "/map.json", "/quotes.json", "/article/{doc_id}.json",
            "/actor/{key}.json", "/code"} <= set(paths)


def test_code_on_localhost_needs_no_token(client):
    r = client.post("/code", json={"text": "Ministers met on Monday.", "date": "2023-01-02"})
    assert r.status_code == 200
    assert r.json()["doc_id"] == "posted" and r.json()["events"] == []


def test_code_validates_its_body(client):
    assert client.post("/code", json={"text": ""}).status_code == 422
    assert client.post("/code", json={"text": "x", "date": "2023-02-31"}).status_code == 422


def test_code_refuses_to_store_on_a_read_only_server(client):
    r = client.post("/code", json={"text": "Ministers met.", "store": True})
    assert r.status_code == 403 and "--writable" in r.json()["detail"]


def test_oversized_body_is_413(client):
    r = client.post("/code", content=b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}',
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_oversized_streamed_body_without_length_is_413(client):
    def chunks():
        for _ in range(40):
            yield b"a" * 100_000

    r = client.post("/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


@pytest.fixture(scope="module")
def token_server(db_path):
    from dyads.api import create_app

    app = create_app(db_path, TEST_TOKEN, coder=fake_coder, kb_loader=None)
    with LiveServer(app) as server:
        yield server


def test_token_server_demands_the_token(token_server):
    body = {"text": "Ministers met."}
    with httpx.Client(base_url=token_server.url) as c:
        assert c.post("/code", json=body).status_code == 401
        assert c.post("/code", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.post("/code", json=body, headers={"Authorization": f"Bearer {TEST_TOKEN}"})
        assert ok.status_code == 200
        assert c.post("/code", json=body, headers={"X-Dyads-Token": TEST_TOKEN}).status_code == 200
        assert c.get("/events.json").status_code == 200  # reading stays open


def test_public_bind_without_token_refuses_code(db_path):
    from dyads.api import create_app

    app = create_app(db_path, host="0.0.0.0", coder=fake_coder, kb_loader=None)
    with LiveServer(app) as server, httpx.Client(base_url=server.url) as c:
        r = c.post("/code", json={"text": "Ministers met."})
        assert r.status_code == 403 and "--token" in r.json()["detail"]
        assert c.get("/events.json").status_code == 200


def test_writable_server_stores_coded_text(tmp_path):
    from dyads.api import create_app

    def one_event_coder(text, date, doc_id, title, url):
        record, body = fake_coder(text, date, doc_id, title, url)
        return {**record, "title": "posted piece"}, body

    app = create_app(tmp_path / "w.duckdb", read_only=False, coder=one_event_coder, kb_loader=None)
    with LiveServer(app) as server, httpx.Client(base_url=server.url) as c:
        r = c.post("/code", json={"text": "Ministers met.", "doc_id": "p1", "store": True})
        assert r.status_code == 200
        assert c.get("/article/p1.json").json()["article"]["title"] == "posted piece"


def test_missing_database_is_503_with_advice(tmp_path):
    from dyads.api import create_app

    app = create_app(tmp_path / "absent.duckdb", kb_loader=None)
    with LiveServer(app) as server, httpx.Client(base_url=server.url) as c:
        r = c.get("/events.json")
        assert r.status_code == 503 and "dyads code" in r.json()["detail"]
