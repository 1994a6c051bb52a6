"""The CSV download streams every matching event; JSON pages say where the next starts."""
from __future__ import annotations

import csv
import io

import httpx
import pytest

from api_support import LiveServer, fake_coder

N = 1_234  # more than the old download cap (100) and the JSON page cap (1000)


def call_doc(doc_id: str, day: str) -> dict:
    """An article with one phone call, dated ``day``: calls two days apart never merge."""
    actor = lambda code, name: {"text": name, "start": 0, "end": len(name), "name": name,  # noqa: E731
                                "kb_id": None, "country": code[:3], "sector": "GOV",
                                "code": code, "resolved_by": "title"}
    body = f"Call {doc_id} between the ministers."
    ev = {"event_id": doc_id, "doc_id": doc_id, "published": day,
          "source": actor("USAGOV", "Washington"), "target": actor("INDGOV", "Delhi"),
          "cameo": "041", "cameo_root": "04", "plover": "CONSULT", "plover_mode": "phone",
          "quad_class": 1, "goldstein": 1.0, "modality": "asserted", "date": day,
          "date_precision": "day", "date_text": "published", "location": None, "quote": None,
          "sentence": {"index": 0, "start": 0, "end": len(body), "text": body},
          "confidence": 0.8, "coder": {"name": "dyads", "version": "0.1.0"},
          "trigger": {"text": "Call", "start": 0, "end": 4, "rule": "041:call/noun"}}
    return {"doc_id": doc_id, "published": day, "title": None, "url": None, "events": [ev],
            "quotes": [], "errors": [], "body": body}


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from datetime import date, timedelta

    from dyads.api import create_app
    from dyads.store import Store

    path = tmp_path_factory.mktemp("capsapi") / "big.duckdb"
    day = date(2015, 1, 1)
    docs = [call_doc(f"d{i:04d}", (day + timedelta(days=2 * i)).isoformat()) for i in range(N)]
    with Store.open(path) as s:
        s.add_docs(docs, "0.1.0")
    with LiveServer(create_app(path, coder=fake_coder, kb_loader=None)) as server:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield client


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_download_has_every_event(big):
    r = big.get("/events.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = _csv_rows(r.text)
    assert len(rows) == N and len({row["event_id"] for row in rows}) == N
    assert len(_csv_rows(big.get("/events.csv", params={"country": "IND"}).text)) == N
    assert len(_csv_rows(big.get("/events.csv", params={"limit": 10}).text)) == 10


def test_csv_rows_carry_their_provenance(big):
    rows = _csv_rows(big.get("/events.csv", params={"sort": "date"}).text)
    first, last = rows[0], rows[-1]
    assert (first["date"], first["evidence_doc_id"]) == ("2015-01-01", "d0000")
    assert first["evidence_sentence"] == "Call d0000 between the ministers."
    assert (first["trigger"], first["rule_id"], first["coder_version"]) == \
        ("Call", "041:call/noun", "0.1.0")
    assert last["evidence_doc_id"] == f"d{N - 1:04d}" and last["num_sources"] == "1"
    assert all(r["coded_date"] and r["evidence_sentence"].startswith("Call d") for r in rows)


def test_json_pages_cover_every_event(big):
    seen, offset = [], 0
    while offset is not None:
        page = big.get("/events.json", params={"limit": 1000, "offset": offset}).json()
        assert page["total"] == N
        seen += [e["event_id"] for e in page["events"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == N
