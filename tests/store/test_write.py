"""Writing: idempotency by content hash, re-coding with newer coders, bad records."""
from __future__ import annotations

import pytest

from store_docs import call_doc, doc, event
from dyads.store import EventFilter, Store, StoreError
from dyads.store import schema
from dyads.store.write import content_hash, docs_to_parquet, read_docs_parquet

BODY = "Antony Blinken phoned Subrahmanyam Jaishankar on Wednesday about Ukraine."


def test_same_article_fed_twice_is_stored_once(store):
    d = call_doc("a1", BODY, "USAGOV", "INDGOV", "2022-03-30")
    first = store.add_docs([d], "0.1.0")
    second = store.add_docs([d, d], "0.1.0")
    assert first["articles_added"] == 1 and first["mentions_added"] == 1
    assert second["articles_added"] == 0 and second["articles_unchanged"] == 2
    stats = store.stats()
    assert (stats["articles"], stats["mentions"], stats["events"]) == (1, 1, 1)


def test_same_body_under_another_id_is_an_alias(store):
    store.add_docs([call_doc("a1", BODY, "USAGOV", "INDGOV", "2022-03-30")], "0.1.0")
    copy = call_doc("wire-copy", "  " + BODY.replace(" ", "\n ", 2) + "\n", "USAGOV",
                    "INDGOV", "2022-03-30")
    result = store.add_docs([copy], "0.1.0")
    assert result["articles_unchanged"] == 1
    assert store.stats()["articles"] == 1
    assert store.article("wire-copy")["doc_id"] == "a1"


def test_newer_coder_replaces_mentions_and_keeps_history(store):
    old = doc("a1", BODY, [event("a1", 0, "USAGOV", "INDGOV", "041", "2022-03-30", BODY),
                           event("a1", 1, "INDGOV", "USAGOV", "111", "2022-03-30", BODY)])
    store.add_docs([old], "0.1.0")
    new = call_doc("a1", BODY, "USAGOV", "INDGOV", "2022-03-30", version="0.2.0")
    result = store.add_docs([new], "0.2.0")
    assert result["articles_recoded"] == 1
    art = store.article("a1")
    assert art["coder_version"] == "0.2.0"
    assert [e["coder"]["version"] for e in art["events"]] == ["0.2.0"]
    assert [h["coder_version"] for h in art["coding_history"]] == ["0.1.0", "0.2.0"]
    assert store.stats()["events"] == 1


def test_older_or_same_coder_leaves_article_alone(store):
    store.add_docs([call_doc("a1", BODY, "USAGOV", "INDGOV", "2022-03-30")], "0.2.0")
    result = store.add_docs([call_doc("a1", BODY, "RUSGOV", "INDGOV", "2022-03-30")], "0.1.10")
    assert result["articles_unchanged"] == 1
    assert store.article("a1")["events"][0]["source"]["code"] == "USAGOV"


def test_edited_body_under_same_id_replaces_article(store):
    store.add_docs([call_doc("a1", BODY, "USAGOV", "INDGOV", "2022-03-30")], "0.1.0")
    edited = call_doc("a1", BODY + " Updated.", "USAGOV", "RUSGOV", "2022-03-30")
    assert store.add_docs([edited], "0.1.0")["articles_recoded"] == 1
    art = store.article("a1")
    assert art["body"].endswith("Updated.") and art["events"][0]["target"]["code"] == "RUSGOV"
    assert store.stats()["articles"] == 1


def test_bad_records_are_reported_and_batch_goes_on(store):
    bad_type = call_doc("bad", "Other text entirely.", "USAGOV", "INDGOV", "2022-03-30")
    bad_type["events"][0]["quad_class"] = "very"
    good = call_doc("good", BODY, "USAGOV", "INDGOV", "2022-03-30")
    result = store.add_docs([{"no": "id"}, "text", bad_type, good], "0.1.0")
    assert result["articles_added"] == 1 and len(result["errors"]) == 3
    assert store.article("good") is not None and store.article("bad") is None


def test_article_round_trips_docs_record(store):
    quote = {"speaker": None, "quote": "We spoke at length", "start": 5, "end": 23,
             "cue": "said", "cue_start": 30, "cue_end": 34}
    d = doc("a1", BODY, [event("a1", 0, "USAGOV", "INDGOV", "041", "2022-03-30", BODY,
                               location="Istanbul", tone=-1.5)],
            quotes=[quote], errors=["dates: weekday without a date"])
    store.add_docs([d], "0.1.0")
    art = store.article("a1")
    assert art["body"] == BODY and art["title"] == "Title of a1"
    assert art["errors"] == ["dates: weekday without a date"]
    assert art["quotes"][0]["quote"] == "We spoke at length"
    mention = art["events"][0]
    for key in ("event_id", "source", "target", "cameo", "location", "sentence", "coder"):
        assert mention[key] == d["events"][0][key]
    assert mention["tone"] == -1.5 and mention["date"] == "2022-03-30"


def test_content_hash_normalises_white_space():
    assert content_hash({"doc_id": "x", "body": "a  b\n c "}) == \
        content_hash({"doc_id": "y", "body": "a b c"})
    assert content_hash({"doc_id": "x"}) != content_hash({"doc_id": "y"})


def test_schema_is_versioned_and_reopening_does_not_migrate_again(tmp_path):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    with Store.open(path) as s:
        assert s.stats()["schema_version"] == schema.SCHEMA_VERSION
    with Store.open(path, read_only=True) as s:
        assert s.count_events(EventFilter()) == 0


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s._con.execute("INSERT INTO schema_version VALUES (99, current_timestamp)")
    with pytest.raises(schema.StoreSchemaError, match="upgrade dyads"):
        Store.open(path)


def test_read_only_missing_store_says_how_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="dyads load"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_parquet_handover_round_trips(tmp_path):
    docs = [call_doc(f"d{i}", f"Body {i}.", "USAGOV", "INDGOV", "2022-03-30") for i in range(3)]
    docs_to_parquet(docs[:2], tmp_path / "run" / "part-0.parquet")
    docs_to_parquet(docs[2:], tmp_path / "run" / "part-1.parquet")
    assert list(read_docs_parquet(tmp_path / "run")) == docs


def test_repeated_event_ids_in_one_article_stay_distinct(store):
    e = event("a1", 0, "USAGOV", "INDGOV", "041", "2022-03-30", BODY)
    store.add_docs([doc("a1", BODY, [e, dict(e)])], "0.1.0")
    assert store.stats()["mentions"] == 2
    [merged] = store.events(EventFilter())
    assert merged["num_mentions"] == 2
