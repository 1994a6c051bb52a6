"""POST /code with the package's real coder, saved into a writable store, then read back
through the pages, with the knowledge base giving the actor's dated roles."""
from __future__ import annotations

import httpx
import pytest
from api_support import LiveServer

pytestmark = pytest.mark.slow
TEXT = ("Secretary of State Antony Blinken met Indian External Affairs Minister "
        "Subrahmanyam Jaishankar in Delhi on Tuesday.")


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    try:
        from dyads.pipeline import code_article  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the coder is not available: {exc}")
    from dyads.api import create_app

    app = create_app(tmp_path_factory.mktemp("code") / "w.duckdb", read_only=False)
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


def test_posted_text_is_coded_stored_and_browsable(writable):
    r = writable.post("/code", json={"text": TEXT, "date": "2022-03-31", "doc_id": "posted-1",
                                     "store": True})
    assert r.status_code == 200
    record = r.json()
    assert record["doc_id"] == "posted-1" and record["published"] == "2022-03-31"
    assert record["events"], "the coder found no event in a plain meeting sentence"
    event = record["events"][0]
    assert TEXT[event["source"]["start"]:event["source"]["end"]] == event["source"]["text"]
    article = writable.get("/article/posted-1.json").json()["article"]
    assert article["body"] == TEXT and len(article["events"]) == len(record["events"])
    assert writable.get("/article/posted-1").status_code == 200


def test_actor_page_shows_roles_held_on_event_dates(writable):
    writable.post("/code", json={"text": TEXT, "date": "2022-03-31", "doc_id": "posted-2",
                                 "store": True})
    actors = writable.get("/actors.json", params={"name": "Blinken"}).json()["actors"]
    if not actors or not actors[0]["kb_id"]:
        pytest.skip("the coder did not resolve Blinken to the knowledge base")
    found = writable.get(f"/actor/{actors[0]['kb_id']}.json").json()
    assert any("Secretary of State" in r["title"] for r in found["roles"])
    assert "Secretary of State" in writable.get(f"/actor/{actors[0]['kb_id']}").text
