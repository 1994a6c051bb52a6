"""GDELT 2.0, PLOVER and flat exports: exact rows, default selections, provenance."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from store_docs import doc, event
from dyads.store import EventFilter
from dyads.store.export import ExportOptions
from dyads.store.gdelt import GDELT_COLUMNS, iso3_to_fips

KHARKIV = {"name": "Kharkiv", "country": "UKR", "lat": 49.98, "lon": 36.25,
           "geonames_id": 706483, "precision": "city", "text": "Kharkiv", "start": 0, "end": 7}
SHELL = "Russian troops shelled Kharkiv on Tuesday."
APPEAL = "India appealed to Russia on Monday to stop the fighting."
STATE = "Turkey's president spoke about Russia in Istanbul on Friday."
PLAN = "Russia will cut gas to Poland next week."
SENT = "Germany sent rifles to Ukraine in March 2021."


def _trigger(text: str, rule: str) -> dict:
    return {"text": text, "start": 0, "end": len(text), "rule": rule}


def _docs() -> list[dict]:
    shell = lambda d: event(d, 0, "RUSMIL", "UKRGOV", "190", "2022-03-01", SHELL,  # noqa: E731
                            location=None, trigger=_trigger("shelled", "190:shell/verb"))
    u1, u2 = shell("u1"), shell("u2")
    u1["location"] = u2["location"] = KHARKIV
    return [
        doc("u1", SHELL, [u1], url="https://wire.example/u1"),
        doc("u2", SHELL, [u2], url="https://paper.example/u2"),  # a copy: an alias of u1
        doc("a1", APPEAL, [event("a1", 0, "INDGOV", "RUSGOV", "0256", "2022-03-07", APPEAL,
                                 plover=None, trigger=_trigger("appealed", "025:appeal/verb"))]),
        doc("s1", STATE, [event("s1", 0, "TURGOV", None, "010", "2022-03-04", STATE,
                                location="Istanbul", plover=None)]),
        doc("f1", PLAN, [event("f1", 0, "RUSGOV", "POLGOV", "1311", "2022-03-16", PLAN,
                               modality="future")]),
        doc("m1", SENT, [event("m1", 0, "DEUGOV", "UKRGOV", "072", "2021-03-01", SENT,
                               date_precision="month", plover="AID")]),
    ]


@pytest.fixture
def filled(store):
    store.add_docs(_docs(), "0.1.0")
    return store


def _gdelt(store, path, **opts) -> list[dict]:
    store.export("gdelt", path, options=ExportOptions(**opts))
    lines = path.read_text().splitlines()
    if opts.get("header"):
        assert lines.pop(0).split("\t") == GDELT_COLUMNS
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    return sorted(rows, key=lambda r: r["EventCode"])


def test_gdelt_defaults_are_faithful(filled, tmp_path):
    rows = _gdelt(filled, tmp_path / "g.tsv")
    # asserted, day-precision events only: the plan (future) and the month-dated aid are out
    assert [(r["EventCode"], r["EventRootCode"], r["QuadClass"]) for r in rows] == \
        [("010", "01", "1"), ("0256", "02", "1"), ("190", "19", "4")]
    shell = rows[2]
    assert (shell["ActionGeo_CountryCode"], shell["ActionGeo_Type"]) == ("UP", "4")
    assert (shell["NumArticles"], shell["NumSources"], shell["NumMentions"]) == ("2", "2", "2")
    assert (shell["SQLDATE"], shell["MonthYear"], shell["Year"]) == ("20220301", "202203", "2022")
    assert shell["Actor1Code"] == "RUSMIL" and shell["Actor1CountryCode"] == "RUS"
    assert shell["SOURCEURL"] == "https://wire.example/u1" and shell["IsRootEvent"] == "1"
    assert rows[0]["ActionGeo_CountryCode"] == "TU" and rows[0]["Actor2Code"] == ""
    for r in rows:
        for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            assert len(r[f"{g}_CountryCode"]) in (0, 2)


def test_gdelt_options(filled, tmp_path):
    rows = _gdelt(filled, tmp_path / "h.tsv", header=True, modalities=("asserted", "future"),
                  imprecise_dates="first-day")
    assert [r["EventCode"] for r in rows] == ["010", "0256", "072", "1311", "190"]
    aid = rows[2]
    assert (aid["SQLDATE"], aid["QuadClass"], aid["FractionDate"]) == ("20210301", "2", "2021.1616")  # (60 - 1) / 365
    assert iso3_to_fips("UKR") == "UP" and iso3_to_fips("RUS") == "RS"
    assert iso3_to_fips("DEU") == "GM" and iso3_to_fips("XXX") is None


def test_gdelt_sidecar_and_provenance_columns(filled, tmp_path):
    out = filled.export("gdelt", tmp_path / "p.tsv",
                        options=ExportOptions(provenance_columns=True))
    meta = json.loads((tmp_path / "p.tsv.json").read_text())
    assert meta["rows"] == 3 and meta["filters"]["modalities"] == ["asserted"]
    assert meta["coded_by"][0]["coder_version"] == "0.1.0"
    assert meta["coded_by"][0]["data_hash"].startswith("kb=sha256:")
    assert set(meta["exported_by"]) == {"name", "version", "kb", "lexicon"}
    shell = next(line.split("\t") for line in out.read_text().splitlines() if "\t190\t" in line)
    assert shell[61:] == [shell[61], "asserted", "day", "0.8", "190:shell/verb", "shelled",
                          "u1", SHELL]


QUOTED = '"We will not\tback down," the\nminister told Ukraine on Friday.'


def test_gdelt_text_with_quotes_reads_back_in_pandas(store, tmp_path):
    """A sentence opening with a quote mark ran the rows after it together in pandas."""
    import pandas as pd

    docs = [doc("q1", QUOTED, [event("q1", 0, "RUSGOV", "UKRGOV", "130", "2022-03-04", QUOTED)]),
            *[doc(f"p{i}", f"Plain report {i}.",
                  [event(f"p{i}", 0, "USAGOV", "INDGOV", "041", f"2022-03-{10 + 3 * i}", f"Plain {i}.")])
              for i in range(3)]]
    store.add_docs(docs, "0.1.0")
    path = store.export("gdelt", tmp_path / "q.tsv",
                        options=ExportOptions(provenance_columns=True, header=True))
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert len(frame) == 4 and frame.shape[1] == 69
    threat = frame[frame["EventCode"] == "130"].iloc[0]
    assert threat["evidence_sentence"] == \
        '"We will not back down," the minister told Ukraine on Friday.'
    assert sorted(frame["Actor1Code"]) == ["RUSGOV", "USAGOV", "USAGOV", "USAGOV"]
    lines = path.read_text().splitlines()
    assert len(lines) == 5 and all(len(line.split("\t")) == 69 for line in lines)


def test_plover_records(filled, tmp_path):
    path = filled.export("plover", tmp_path / "p.jsonl")
    recs = {r["cameo"]: r for r in map(json.loads, path.read_text().splitlines())}
    # asserted only; 01 statements have no PLOVER type; a month-dated event keeps its
    # precision in ``date_precision``
    assert sorted(recs) == ["0256", "072", "190"]
    assert recs["072"]["date_precision"] == "month" and recs["072"]["event"] == "AID"
    appeal = recs["0256"]
    assert (appeal["event"], appeal["mode"], appeal["context"], appeal["quad_code"]) == \
        ("REQUEST", "yield", ["military"], 1)
    assert [a["code"] for a in appeal["actor"]] == ["INDGOV"]
    assert [a["code"] for a in appeal["recipient"]] == ["RUSGOV"]
    shell = recs["190"]
    assert shell["event_text"] == SHELL and shell["source"] == ["u1", "u2"]
    assert shell["location"]["country"] == "UKR" and shell["rule_id"] == "190:shell/verb"
    assert shell["coder"] == "dyads 0.1.0" and shell["coded_date"]
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text"):
        assert key in shell
    meta = json.loads((tmp_path / "p.jsonl.json").read_text())
    assert meta["format"] == "plover" and meta["rows"] == 3


def test_flat_exports_carry_evidence_and_parquet_metadata(filled, tmp_path):
    rows = list(csv.DictReader(open(filled.export("csv", tmp_path / "e.csv"))))
    assert len(rows) == 5  # every modality and precision: the columns say which
    shell = next(r for r in rows if r["cameo"] == "190")
    assert (shell["doc_ids"], shell["evidence_sentence"], shell["rule_id"]) == \
        ("u1;u2", SHELL, "190:shell/verb")
    pq_dir = filled.export("parquet", tmp_path / "pq", EventFilter(modality="future"))
    [part] = list(pq_dir.rglob("*.parquet"))
    assert part.parent.name == "month=03"
    kv = pq.ParquetFile(part).schema_arrow.metadata
    assert kv[b"dyads_coder_versions"] == b"0.1.0"
    assert json.loads(kv[b"dyads_provenance"])["filters"]["modalities"] == ["future"]


ARTICLES = [
    {"id": "w1", "text": "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, killing "
     "three civilians, Ukrainian officials said.", "date": "2022-03-02",
     "url": "https://wire.example/w1"},
    {"id": "w2", "text": "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, killing "
     "three civilians, Ukrainian officials said.", "date": "2022-03-02",
     "url": "https://paper.example/w2"},
    {"id": "n1", "text": "The Indian foreign minister urged Russia on Monday to end the fighting "
     "in Ukraine. Russia may cut gas supplies to Poland next week, the Kremlin warned.",
     "date": "2022-03-09"},
]


def test_cli_codes_then_exports_gdelt_and_plover(tmp_path, capsys):
    """End to end: the real coder into a DuckDB file, then `dyads export`."""
    from dyads.cli import main as dyads_main

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = str(tmp_path / "e2e.duckdb")
    assert dyads_main(["code", str(src), "--db", db, "--quiet", "--out", str(tmp_path / "x")]) == 0
    out = tmp_path / "g.tsv"
    assert dyads_main(["export", "gdelt", str(out), "--db", db, "--header"]) == 0
    lines = [line.split("\t") for line in out.read_text().splitlines()]
    assert lines[0] == GDELT_COLUMNS and len(lines) > 1
    rows = [dict(zip(GDELT_COLUMNS, line)) for line in lines[1:]]
    assert all(r["QuadClass"] in ("1", "2", "3", "4") for r in rows)
    assert all(len(r["ActionGeo_CountryCode"]) in (0, 2) for r in rows)
    assert "UP" in {r["ActionGeo_CountryCode"] for r in rows}
    assert any(r["NumArticles"] == "2" for r in rows)  # the copy w2 counts
    assert json.loads((tmp_path / "g.tsv.json").read_text())["rows"] == len(rows)
    assert dyads_main(["export", "plover", str(tmp_path / "p.jsonl"), "--db", db,
                       "--modality", "all"]) == 0
    recs = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert recs and all({"id", "date", "actor", "recipient", "event", "mode", "context",
                         "event_text"} <= set(r) for r in recs)
    assert dyads_main(["export", "gdelt", str(out), "--db", db, "--modality", "maybe"]) == 2
    assert "modality" in capsys.readouterr().err
