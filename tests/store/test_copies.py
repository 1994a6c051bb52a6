"""Every doc id kept: copies of one body become aliases, counted as GDELT counts them."""
from __future__ import annotations

import json

import duckdb

from store_docs import call_doc
from dyads.cli import main as dyads_main
from dyads.store import EventFilter, Store

BODY = "Blinken phoned Jaishankar on Wednesday about the war."
WIRE = ("Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, killing three "
        "civilians, Ukrainian officials said.")


def _copy(doc_id: str, url: str | None, **meta) -> dict:
    d = call_doc(doc_id, BODY, "USAGOV", "INDGOV", "2022-03-30")
    d["url"], d["meta"] = url, meta
    return d


def _aliases(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    found = con.execute("SELECT alias_doc_id, doc_id, published, title, url, outlet "
                        "FROM doc_aliases ORDER BY alias_doc_id").fetchall()
    con.close()
    return found


def test_copies_in_one_batch_are_aliases_and_counted(tmp_path):
    path = tmp_path / "s.duckdb"
    docs = [_copy("wire-1", "https://www.wire.example/1", outlet="Wire"),
            _copy("paper-2", "https://daily.example/world/2"),
            _copy("paper-3", "https://daily.example/world/3")]
    with Store.open(path) as s:
        result = s.add_docs(docs, "0.1.0")
        assert result["articles_added"] == 1 and result["articles_unchanged"] == 2
        [ev] = s.events(EventFilter())
        assert (ev["num_articles"], ev["num_sources"], ev["num_mentions"]) == (3, 2, 3)
        for doc_id in ("wire-1", "paper-2", "paper-3"):
            assert [e["event_id"] for e in s.events(EventFilter(doc_id=doc_id))] == [ev["event_id"]]
        art = s.article("paper-3")
        assert art["doc_id"] == "wire-1" and art["outlet"] == "wire"
        assert [a["doc_id"] for a in art["aliases"]] == ["paper-2", "paper-3"]
    assert _aliases(path)[0][1:] == ("wire-1", __import__("datetime").date(2022, 3, 31),
                                     "Title of paper-2", "https://daily.example/world/2",
                                     "daily.example")


def test_rerun_is_idempotent_and_late_copies_update_counts(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s.add_docs([_copy("wire-1", None, source="Wire")], "0.1.0")
        assert s.events(EventFilter())[0]["num_articles"] == 1
        for _ in range(2):  # a copy arriving later, then the same input once more
            s.add_docs([_copy("wire-1", None, source="Wire"), _copy("copy-9", None)], "0.1.0")
        [ev] = s.events(EventFilter())
        # copy-9 has no outlet and no url: it counts as an outlet of its own
        assert (ev["num_articles"], ev["num_sources"]) == (2, 2)
        assert s.stats()["doc_aliases"] == 1
        s.add_docs([_copy("wire-1", None, source="Wire")], "0.2.0")  # recoding keeps copies
        assert s.events(EventFilter())[0]["num_articles"] == 2
    assert [a[0] for a in _aliases(path)] == ["copy-9"]


def test_cli_codes_copies_and_query_finds_them_by_alias(tmp_path, capsys):
    """End to end: the real coder, a DuckDB file, then `dyads query --doc-id ALIAS`."""
    src = tmp_path / "in.jsonl"
    rows = [{"id": "wire-1", "text": WIRE, "date": "2022-03-08", "outlet": "Wire"},
            {"id": "site-2", "text": WIRE, "date": "2022-03-08",
             "url": "https://site.example/kharkiv"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = str(tmp_path / "e2e.duckdb")
    assert dyads_main(["code", str(src), "--db", db, "--quiet", "--out",
                       str(tmp_path / "ev.jsonl")]) == 0
    capsys.readouterr()
    found = {}
    for doc_id in ("wire-1", "site-2"):
        assert dyads_main(["query", "--db", db, "--doc-id", doc_id, "--format", "jsonl"]) == 0
        found[doc_id] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert found["wire-1"] and found["wire-1"] == found["site-2"]
    assert all(e["num_articles"] == 2 and e["num_sources"] == 2 for e in found["site-2"])
    assert [a[:2] for a in _aliases(db)] == [("site-2", "wire-1")]
