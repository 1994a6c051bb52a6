"""Queries, aggregates and exports over a small hand-built store."""
from __future__ import annotations

import csv
import json

import pyarrow.dataset as ds
import pytest

from store_docs import call_doc, doc, event
from dyads.store import EventFilter, StoreQueryError
from dyads.store.export import GDELT_COLUMNS

CALL = "Blinken phoned Jaishankar to discuss Ukraine."


@pytest.fixture
def filled(store):
    store.add_docs([
        call_doc("c1", CALL, "USAGOV", "INDGOV", "2022-03-30", "Istanbul"),
        call_doc("c2", "Jaishankar took a call from Blinken.", "INDGOV", "USAGOV", "2022-03-30"),
        call_doc("k1", "Russia accused Ukraine of shelling.", "RUSGOV", "UKRGOV", "2022-04-12",
                 cameo="111", published="2022-04-12"),
        call_doc("k2", "Russian troops attacked Ukraine near Geneva.", "RUSMIL", "UKRGOV",
                 "2022-05-02", "Geneva", cameo="190", published="2022-05-02"),
        doc("q1", "\u201cWe will talk again,\u201d Lavrov said.", [], published="2022-05-03",
            quotes=[{"speaker": {"text": "Lavrov", "start": 25, "end": 31,
                                 "name": "Sergey Lavrov", "kb_id": "Q173203", "country": "RUS",
                                 "sector": "GOV", "code": "RUSGOV", "resolved_by": "person"},
                     "quote": "We will talk again,", "start": 1, "end": 20, "cue": "said"}]),
    ], "0.1.0")
    return store


def _ids(found):
    return sorted(e["cameo"] for e in found)


@pytest.mark.parametrize("f, cameos", [
    (EventFilter(actor="blinken"), ["041"]),
    (EventFilter(actor="Q173203"), ["111"]),
    (EventFilter(country="ukr"), ["111", "190"]),
    (EventFilter(source="RUS"), ["111", "190"]),
    (EventFilter(source="RUSMIL"), ["190"]),
    (EventFilter(target="USA"), []),
    (EventFilter(dyad=("UKR", "RUS")), ["111", "190"]),
    (EventFilter(cameo="19"), ["190"]),
    (EventFilter(plover="consult"), ["041"]),
    (EventFilter(quad_class=3), ["111"]),
    (EventFilter(modality="asserted", date_from="2022-04-01", date_to="2022-04-30"), ["111"]),
    (EventFilter(location="TUR"), ["041"]),
    (EventFilter(location="geneva"), ["190"]),
    (EventFilter(text="shelling"), ["111"]),
    (EventFilter(doc_id="c2"), ["041"]),
])
def test_event_filters(filled, f, cameos):
    assert _ids(filled.events(f)) == cameos
    assert filled.count_events(f) == len(cameos)


def test_user_values_are_parameters_not_sql(filled):
    assert filled.events(EventFilter(actor="x' OR '1'='1")) == []
    assert filled.count_events(EventFilter()) == 3


def test_paging_and_mentions(filled):
    assert [e["cameo"] for e in filled.events(EventFilter(limit=1, offset=1))] == ["111"]
    mentions = filled.mentions(EventFilter(cameo="04"))
    assert sorted(m["doc_id"] for m in mentions) == ["c1", "c2"]
    assert len({m["merged_event_id"] for m in mentions}) == 1


def test_quotes_and_articles(filled):
    [q] = filled.quotes(speaker="lavrov")
    assert q["quote"] == "We will talk again," and q["doc_id"] == "q1"
    assert [a["doc_id"] for a in filled.articles(text="shelling")] == ["k1"]
    assert filled.article("nope") is None


def test_dyad_series_by_month_and_direction(filled):
    series = filled.dyad_series("RUS", "UKR", freq="month")
    assert [(s["period"], s["events"], s["q3"], s["q4"]) for s in series] == \
        [("2022-04-01", 1, 1, 0), ("2022-05-01", 1, 0, 1)]
    assert filled.dyad_series("UKR", "RUS", symmetric=False) == []
    assert json.dumps(series)
    with pytest.raises(StoreQueryError, match="freq"):
        filled.dyad_series("RUS", "UKR", freq="fortnight")


def test_top_actors_network_locations_actor(filled):
    top = filled.top_actors(n=2)
    assert top[0]["key"] == "Q20605557" and top[0]["events"] == 2
    edges = {(e["source"], e["target"]): e["events"] for e in filled.network()}
    assert edges[("Q173203", "Q20605557")] == 1 and len(edges) == 3
    assert {p["name"] for p in filled.locations()} == {"Istanbul", "Geneva"}
    lavrov = filled.actor("Sergey Lavrov")
    assert lavrov["kb_id"] == "Q173203" and lavrov["num_events"] == 1
    assert lavrov["counterparts"][0]["key"] == "Q20605557"
    assert any(a["code"] == "RUSMIL" for a in filled.actors(name="rus"))


def test_exports(filled, tmp_path):
    pq_dir = filled.export("parquet", tmp_path / "pq")
    table = ds.dataset(pq_dir, partitioning="hive").to_table()
    assert table.num_rows == 3
    assert sorted(p.name for p in pq_dir.iterdir()) == ["year=2022"]
    assert sorted(p.name for p in (pq_dir / "year=2022").iterdir()) == \
        ["month=03", "month=04", "month=05"]

    rows = list(csv.DictReader(open(filled.export("csv", tmp_path / "e.csv"))))
    call = next(r for r in rows if r["cameo"] == "041")
    assert call["doc_ids"] == "c1;c2" and call["num_mentions"] == "2"

    lines = filled.export("gdelt", tmp_path / "e.tsv").read_text().splitlines()
    fields = [line.split("\t") for line in lines]
    assert len(fields) == 3 and all(len(f) == len(GDELT_COLUMNS) == 61 for f in fields)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    attack = next(f for f in fields if f[col["EventCode"]] == "190")
    assert attack[col["SQLDATE"]] == "20220502" and attack[col["EventRootCode"]] == "19"
    assert attack[col["Actor1Code"]] == "RUSMIL" and attack[col["ActionGeo_FullName"]] == "Geneva"

    plover = [json.loads(x) for x in
              filled.export("polecat-flat", tmp_path / "e.jsonl", EventFilter(country="UKR"))
              .read_text().splitlines()]
    assert [(p["event_type"], p["actor_country"]) for p in plover] == \
        [("ACCUSE", "RUS"), ("ASSAULT", "RUS")]
