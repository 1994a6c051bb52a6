"""No hidden caps: without a limit the store, the CLI and exports give every matching row."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from dyads.cli import main as dyads_main
from dyads.store import EventFilter, Store
from store_docs import call_doc

N = 1_234  # more than any old default (100) or API page cap (1000)


def many_docs(n: int = N) -> list[dict]:
    """``n`` calls two days apart: none merges with another."""
    day = date(2015, 1, 1)
    out = []
    for i in range(n):
        d = (day + timedelta(days=2 * i)).isoformat()
        out.append(call_doc(f"d{i:04d}", f"Call number {i} between the ministers.", "USAGOV",
                            "INDGOV", d, published=d))
    return out


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("caps") / "big.duckdb"
    with Store.open(path) as s:
        s.add_docs(many_docs(), "0.1.0")
    return path


def test_store_events_without_limit_returns_everything(big_db):
    with Store.open(big_db, read_only=True) as s:
        assert len(s.events()) == N
        assert len(s.events(EventFilter(country="IND"))) == N
        assert len(s.events(EventFilter(limit=7, offset=N - 3))) == 3
        assert len(s.mentions()) == N
        streamed = list(s.iter_events(EventFilter(), batch_size=100))
        assert [e["event_id"] for e in streamed] == [e["event_id"] for e in s.events()]


def test_cli_query_and_export_return_everything(big_db, tmp_path, capsys):
    assert dyads_main(["query", "--db", str(big_db), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == N
    assert dyads_main(["query", "--db", str(big_db), "--format", "jsonl", "--limit", "5"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5
    out = tmp_path / "all.jsonl"
    assert dyads_main(["export", "plover", str(out), "--db", str(big_db), "--limit", "5"]) == 0
    assert len(out.read_text().splitlines()) == N  # exports ignore paging
    assert json.loads((tmp_path / "all.jsonl.json").read_text())["rows"] == N
