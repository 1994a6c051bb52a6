"""Schema v2 and v3: a store written with the version-1 DDL opens, migrates and answers alike."""
from __future__ import annotations

import duckdb
import pytest

from store_docs import call_doc, doc, event
from dyads.store import EventFilter, Store, schema

ALL = EventFilter(limit=1000)
TABLES = ("articles", "doc_aliases", "coding_runs", "mentions", "events", "quotes", "actors")


def _docs() -> list[dict]:
    return [
        call_doc("c1", "Blinken phoned Jaishankar.", "USAGOV", "INDGOV", "2022-03-30"),
        call_doc("c2", "Jaishankar took a call from Blinken.", "INDGOV", "USAGOV", "2022-03-30"),
        call_doc("k1", "Russia accused Ukraine.", "RUSGOV", "UKRGOV", "2021-04-12", cameo="111"),
        doc("n1", "Russia warned someone.", [event("n1", 0, "RUSGOV", None, "130",
                                                   "2020-01-02", "Russia warned someone.")]),
    ]


def _v1_store(path, source) -> None:
    """A file built with the version-1 DDL, holding the rows of the current store ``source``
    (the columns later versions added are left out)."""
    con = duckdb.connect(str(path))
    schema.migrate(con, target=1)
    con.execute(f"ATTACH '{source}' AS v2 (READ_ONLY)")
    for table in TABLES:
        names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        cols = ", ".join(f'"{n}"' for n in names)
        con.execute(f"INSERT INTO {table} SELECT {cols} FROM v2.{table}")
    con.close()


@pytest.fixture
def stores(tmp_path):
    fresh, old = tmp_path / "fresh.duckdb", tmp_path / "old.duckdb"
    with Store.open(fresh) as s:
        s.add_docs(_docs(), "0.1.0")
    _v1_store(old, fresh)
    return fresh, old


def test_v1_file_is_refused_read_only_then_migrated(stores):
    fresh, old = stores
    with pytest.raises(schema.StoreSchemaError, match="open it once writable"):
        Store.open(old, read_only=True)
    with Store.open(old) as s:
        assert s.stats()["schema_version"] == schema.SCHEMA_VERSION
    with Store.open(old, read_only=True) as migrated, Store.open(fresh, read_only=True) as new:
        for f in (ALL, EventFilter(dyad=("IND", "USA")), EventFilter(country="ukr"),
                  EventFilter(source="RUS"), EventFilter(cameo="04")):
            assert migrated.events(f) == new.events(f)
        assert migrated.dyad_periods("year") == new.dyad_periods("year")
        assert len(migrated.events(EventFilter(dyad=("USA", "IND")))) == 1


def test_migration_fills_flat_columns_and_sorts_by_date(stores):
    _fresh, old = stores
    Store.open(old).close()
    con = duckdb.connect(str(old), read_only=True)
    rows = con.execute("SELECT date, source_country, target_country, dyad_key FROM events"
                       ).fetchall()
    con.close()
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    keys = {(r[1], r[2]): r[3] for r in rows}
    assert keys[("USA", "IND")] == "IND|USA" or keys[("IND", "USA")] == "IND|USA"
    assert keys[("RUS", None)] is None  # least/greatest would have made it "RUS|RUS"


def test_dyad_filters_on_flat_columns(store):
    store.add_docs(_docs(), "0.1.0")
    assert len(store.events(EventFilter(dyad=("RUS", "RUS")))) == 0
    assert store.dyad_series("UKR", "RUS", "year")[0]["events"] == 1
    assert store.dyad_series("UKR", "RUS", symmetric=False) == []
    assert store.count_events(EventFilter(country="RUS")) == 2
    assert store.count_events(EventFilter(dyad=("UKR", "Q173203"))) == 1
    assert store.count_events(EventFilter(dyad=("USAGOV", "IND"))) == 1
    assert store.count_events(EventFilter(dyad=("INDGOV", "USAGOV"))) == 1


def test_cluster_keeps_contents_and_orders_by_date(store):
    store.add_docs(_docs(), "0.1.0")
    before = store.events(ALL)
    store.cluster()
    assert store.events(ALL) == before
    dates = [r[0] for r in store._con.execute("SELECT date FROM events").fetchall()]
    assert dates == sorted(dates)


@pytest.mark.parametrize("freq", ["day", "week", "month", "year"])
def test_period_keys_match_date_trunc(store, freq):
    docs = [call_doc(f"w{i}", f"Call number {i}.", "USAGOV", "INDGOV", f"2021-{m:02d}-{d:02d}")
            for i, (m, d) in enumerate([(1, 3), (1, 4), (2, 28), (3, 1), (12, 31), (6, 14)])]
    store.add_docs(docs, "0.1.0")
    expected = store._con.execute(
        "SELECT strftime(date_trunc(?, date), '%Y-%m-%d'), count(*) FROM events "
        "GROUP BY 1 ORDER BY 1", [freq]).fetchall()
    series = store.dyad_series("USA", "IND", freq)
    assert [(s["period"], s["events"]) for s in series] == expected
    periods = store.dyad_periods(freq)
    assert [(p["period"], p["events"]) for p in periods] == expected
    assert {(p["source"], p["target"]) for p in periods} == {("USA", "IND")}
