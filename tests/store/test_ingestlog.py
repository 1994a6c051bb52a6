"""Schema v4, what `dyads ingest` keeps in the store: the ingest log, body hashes, copies."""
from __future__ import annotations

import duckdb

from store_docs import call_doc
from dyads.store import Store, schema
from dyads.store.write import content_hash


def test_a_version_3_store_gains_the_ingest_log_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    schema.migrate(con, target=3)
    con.close()
    with Store.open(path) as store:
        assert store.stats()["schema_version"] == 4
        store.add_docs([call_doc("c1", "Blinken phoned Jaishankar.", "USAGOV", "INDGOV",
                                 "2022-03-30")], "0.1.0")
        store.record_ingest([{"key": "http://a.test/1", "status": "stored", "doc_id": "c1"}])
    with Store.open(path, read_only=True) as store:
        assert store.ingest_state(["http://a.test/1"])["http://a.test/1"]["doc_id"] == "c1"


def test_a_logged_key_is_updated_in_place_and_keeps_when_it_was_first_seen(store):
    store.record_ingest([{"key": "k", "status": "stored", "raw_hash": "r1", "stamp": "s1"}])
    first = store._con.execute("SELECT first_seen FROM ingest_log").fetchall()[0][0]
    store.record_ingest([{"key": "k", "status": "unchanged", "raw_hash": "r2"},
                         {"key": "other", "status": "no-text"}])
    rows = store._con.execute("SELECT key, status, raw_hash, first_seen, last_seen "
                              "FROM ingest_log ORDER BY key").fetchall()
    assert [r[:3] for r in rows] == [("k", "unchanged", "r2"), ("other", "no-text", None)]
    assert rows[0][3] == first and rows[0][4] >= first
    assert store.ingest_state(["k", "missing"]).keys() == {"k"}
    assert store.ingest_state([]) == {}


def test_known_hashes_name_the_article_and_its_aliases(store):
    body = "Blinken phoned Jaishankar."
    store.add_docs([call_doc("c1", body, "USAGOV", "INDGOV", "2022-03-30"),
                    call_doc("c2", body, "USAGOV", "INDGOV", "2022-03-30")], "0.1.0")
    h = content_hash({"doc_id": "x", "body": body})
    assert store.known_hashes([h, "0" * 64]) == {h: {"c1", "c2"}}


def test_a_copy_becomes_an_alias_without_touching_the_events(store):
    body = "Blinken phoned Jaishankar."
    store.add_docs([call_doc("c1", body, "USAGOV", "INDGOV", "2022-03-30")], "0.1.0")
    copy = {"doc_id": "http://b.test/copy", "body": "  Blinken  phoned Jaishankar. ",
            "url": "http://b.test/copy", "title": "Call", "published": "2022-03-31",
            "events": [], "meta": {}}
    assert store.add_copies([copy]) == 1
    assert store.add_copies([copy]) == 0  # once per id
    assert store.add_copies([dict(copy, doc_id="new", body="A body never stored.")]) == 0
    (event,) = store.events()
    # counted over the copies, as GDELT counts: the copy reports the same mention again
    assert (event["num_articles"], event["num_mentions"]) == (2, 2)
    assert store.stats()["articles"] == 1 and store.stats()["mentions"] == 1  # nothing coded
