"""Zero-filled panels: exact counts per unit and period on a small hand-built store."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from store_docs import doc, event
from dyads.cli import main
from dyads.store import StoreQueryError
from dyads.store.panel import PanelSpec

TEXTS = {
    "d1": ("Russian troops shelled Kharkiv on Monday.", "RUSMIL", "UKRGOV", "190", "2022-01-10"),
    "d2": ("Ukraine's foreign minister met Russia's on Wednesday.", "UKRGOV", "RUSGOV", "041",
           "2022-01-12"),
    "d7": ("The Kremlin had a general arrested on Tuesday.", "RUSGOV", "RUSMIL", "173",
           "2022-02-15"),
    "d3": ("Washington accused Moscow on Saturday.", "USAGOV", "RUSGOV", "111", "2022-03-05"),
    "d4": ("Moscow will offer talks to Washington.", "RUSGOV", "USAGOV", "036", "2022-03-06"),
    "d5": ("Turkey's president made a statement on Monday.", "TURGOV", None, "010", "2022-03-07"),
    "d6": ("Russia once arrested Ukrainian officials.", "RUSGOV", "UKRGOV", "173", None),
}
EXTRA = {"d2": {"confidence": 0.3}, "d4": {"modality": "future"}}


def _docs():
    for doc_id, (text, src, tgt, cameo, date) in TEXTS.items():
        ev = event(doc_id, 0, src, tgt, cameo, date, text, **EXTRA.get(doc_id, {}))
        yield doc(doc_id, text, [ev], published=date or "2022-03-31")


@pytest.fixture
def filled(store):
    result = store.add_docs(_docs(), "0.1.0")
    assert result["events_merged_total"] == 7
    return store


ZERO = {"events": 0, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0, "goldstein_sum": 0,
        "goldstein_mean": None}


def _by(rows, *keys):
    return {tuple(r[k] for k in keys): r for r in rows}


def test_country_month_panel_is_zero_filled_with_exact_counts(filled):
    rows = filled.panel(PanelSpec("country", "month"))
    assert len(rows) == 4 * 3  # RUS, TUR, UKR, USA x 2022-01..2022-03
    by = _by(rows, "country", "period")
    assert sorted({c for c, _ in by}) == ["RUS", "TUR", "UKR", "USA"]
    assert sorted({p for _, p in by}) == ["2022-01-01", "2022-02-01", "2022-03-01"]
    jan = by[("RUS", "2022-01-01")]
    assert (jan["events"], jan["events_as_source"], jan["events_as_target"]) == (2, 1, 1)
    assert (jan["quad1"], jan["quad4"], jan["cameo04"], jan["cameo19"]) == (1, 1, 1, 1)
    assert jan["goldstein_sum"] == pytest.approx(-3.0)
    assert jan["goldstein_mean"] == pytest.approx(-1.5)
    feb = by[("RUS", "2022-02-01")]  # a domestic event counts once, in both roles
    assert (feb["events"], feb["events_as_source"], feb["events_as_target"]) == (1, 1, 1)
    mar = by[("RUS", "2022-03-01")]  # the future offer (d4) is not counted by default
    assert (mar["events"], mar["events_as_target"], mar["quad3"], mar["cameo11"]) == (1, 1, 1, 1)
    for key in [("UKR", "2022-02-01"), ("UKR", "2022-03-01"), ("USA", "2022-01-01"),
                ("TUR", "2022-02-01")]:
        assert {k: by[key][k] for k in ZERO} == ZERO, key
    tur = by[("TUR", "2022-03-01")]  # a statement with no target; QuadClass 1 as GDELT
    assert (tur["events"], tur["events_as_source"], tur["quad1"], tur["cameo01"]) == (1, 1, 1, 1)
    assert sum(r["events_as_source"] for r in rows) == 5  # every dated asserted event once


def test_dyad_panel_is_directed_and_range_comes_from_from_and_to(filled):
    rows = filled.panel(PanelSpec("dyad", "month", date_from="2021-12-01", date_to="2022-04-30"))
    by = _by(rows, "source", "target", "period")
    pairs = sorted({(s, t) for s, t, _ in by})
    assert pairs == [("RUS", "RUS"), ("RUS", "UKR"), ("UKR", "RUS"), ("USA", "RUS")]
    assert len(rows) == 4 * 5  # 2021-12 .. 2022-04
    assert by[("RUS", "UKR", "2022-01-01")]["events"] == 1
    assert by[("UKR", "RUS", "2022-01-01")]["cameo04"] == 1
    assert by[("RUS", "UKR", "2022-03-01")]["events"] == 0
    assert by[("USA", "RUS", "2022-03-01")]["quad3"] == 1
    assert by[("USA", "RUS", "2021-12-01")]["events"] == 0
    assert "events_as_source" not in rows[0]


def test_weeks_start_on_monday_and_every_week_is_there(filled):
    rows = filled.panel(PanelSpec("country", "week"))
    periods = sorted({r["period"] for r in rows})
    assert periods[0] == "2022-01-10" and periods[-1] == "2022-03-07"
    assert len(periods) == 9
    by = _by(rows, "country", "period")
    assert by[("USA", "2022-02-28")]["events"] == 1  # Saturday 5 March: week of 28 February


def test_modalities_confidence_and_actor_units(filled):
    every = _by(filled.panel(PanelSpec("country", "month", modalities=(
        "asserted", "negated", "future", "hypothetical"))), "country", "period")
    assert every[("RUS", "2022-03-01")]["events"] == 2
    assert every[("USA", "2022-03-01")]["events"] == 2
    sure = _by(filled.panel(PanelSpec("country", "month", min_confidence=0.5)), "country", "period")
    assert sure[("UKR", "2022-01-01")]["events"] == 1  # the 0.3-confidence meeting is out
    actors = filled.panel(PanelSpec("actor", "year"))
    assert sorted(r["actor"] for r in actors) == ["RUSGOV", "RUSMIL", "TURGOV", "UKRGOV", "USAGOV"]
    assert _by(actors, "actor")[("RUSMIL",)]["events"] == 2


def test_bad_unit_and_frequency_say_what_is_allowed(filled):
    with pytest.raises(StoreQueryError, match="unit must be one of"):
        filled.panel(PanelSpec("city", "month"))
    with pytest.raises(StoreQueryError, match="freq must be one of"):
        filled.panel(PanelSpec("country", "decade"))


def test_an_empty_selection_is_an_empty_panel(filled):
    assert filled.panel(PanelSpec("dyad", "month", date_from="2030-01-01")) == []


def test_cli_writes_csv_parquet_and_jsonl_with_provenance(filled, tmp_path, capsys):
    db = str(filled.path)
    filled.close()
    out = tmp_path / "panel.csv"
    assert main(["panel", "--db", db, "--unit", "country", "--freq", "month", "--format", "csv",
                 "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 12 and rows[0]["country"] == "RUS" and rows[0]["events"] == "2"
    side = json.loads((tmp_path / "panel.csv.json").read_text())
    assert side["rows"] == 12 and side["filters"]["unit"] == "country"
    assert side["coded_by"][0]["coder_version"] == "0.1.0"
    pq_path = tmp_path / "panel.parquet"
    assert main(["panel", "--db", db, "--unit", "dyad", "--freq", "year", "--modality", "all",
                 "--format", "parquet", "-o", str(pq_path)]) == 0
    meta = pq.read_metadata(pq_path).metadata
    assert meta[b"dyads_coder_versions"] == b"0.1.0"
    assert json.loads(meta[b"dyads_provenance"])["filters"]["modalities"] == [
        "asserted", "negated", "future", "hypothetical"]
    table = pq.read_table(pq_path).to_pylist()
    assert {(r["source"], r["target"]) for r in table} >= {("RUS", "USA"), ("USA", "RUS")}
    capsys.readouterr()
    assert main(["panel", "--db", db, "--unit", "actor", "--freq", "year", "--format",
                 "jsonl"]) == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5 and {l["period"] for l in lines} == {"2022-01-01"}
