"""The measures of a faithful store, taken on the bundled examples coded by the real coder
as a user would: `dyads code DIR --db`, then `dyads query`, `dyads export`, `dyads panel`,
and `dyads serve` read in Chromium at a desktop and a phone width."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from api_support import free_port
from test_browser import browser  # noqa: F401  (the module's Chromium fixture)

from dyads.cli import main as dyads_main

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "articles"
ORIGINAL = "2018-03-27_western_states_expel_russian_diplomats"
ALIAS = "syndicated_copy_of_the_expulsions"
CORE = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    """The examples plus one copy of an article under another id, coded into a store."""
    root = tmp_path_factory.mktemp("examples")
    inputs = root / "articles"
    shutil.copytree(ARTICLES, inputs)
    shutil.copy(inputs / f"{ORIGINAL}.txt", inputs / f"{ALIAS}.txt")
    db = root / "examples.duckdb"
    assert dyads_main(["code", str(inputs), "--db", str(db), "--quiet",
                       "--out", str(root / "coded.jsonl")]) == 0
    return db


def _sql(db: Path, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _cli(capsys, *args: str) -> str:
    capsys.readouterr()
    assert dyads_main(list(args)) == 0
    return capsys.readouterr().out


def test_both_ids_of_one_body_return_its_events(examples_db, capsys):
    rows = {}
    for doc_id in (ORIGINAL, ALIAS):
        out = _cli(capsys, "query", "--db", str(examples_db), "--doc-id", doc_id, "--format", "jsonl")
        rows[doc_id] = [json.loads(line) for line in out.splitlines()]
    assert rows[ORIGINAL] and rows[ORIGINAL] == rows[ALIAS]
    assert all(e["num_articles"] >= 2 for e in rows[ALIAS])


def test_gdelt_plover_and_parquet_exports(examples_db, tmp_path, capsys):
    import pandas as pd
    import pyarrow.parquet as pq

    db = str(examples_db)
    _cli(capsys, "export", "gdelt", str(tmp_path / "g.tsv"), "--db", db, "--header",
         "--provenance-columns")
    gdelt = pd.read_csv(tmp_path / "g.tsv", sep="\t", dtype=str, keep_default_na=False)
    [[asserted_days]] = _sql(examples_db, "SELECT count(*) FROM events WHERE modality = "
                             "'asserted' AND date_precision = 'day'")
    assert len(gdelt) == asserted_days > 100
    assert set(gdelt["QuadClass"]) == {"1", "2", "3", "4"}
    assert set(gdelt["modality"]) == {"asserted"}
    geo = [c for c in gdelt if c.endswith("Geo_CountryCode")]
    assert all(len(code) in (0, 2) for c in geo for code in gdelt[c])
    assert {"UP", "RS"} <= set(gdelt["ActionGeo_CountryCode"])
    _cli(capsys, "export", "plover", str(tmp_path / "p.jsonl"), "--db", db)
    records = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert records and all(CORE <= set(r) for r in records)
    assert "REQUEST" in {r["event"] for r in records if r["cameo"].startswith("02")}
    _cli(capsys, "export", "parquet", str(tmp_path / "pq"), "--db", db)
    parts = sorted((tmp_path / "pq").rglob("*.parquet"))
    months = {p.parent.name for p in parts if p.parent.name != "month=__HIVE_DEFAULT_PARTITION__"}
    assert months and all(len(m) == len("month=07") for m in months)
    meta = pq.ParquetFile(parts[0]).schema_arrow.metadata
    assert meta[b"dyads_coder_versions"].decode() == json.loads(
        meta[b"dyads_provenance"])["coded_by"][0]["coder_version"]


def test_monthly_country_panel_is_zero_filled(examples_db, capsys):
    out = _cli(capsys, "panel", "--db", str(examples_db), "--unit", "country", "--freq", "month")
    rows = list(csv.DictReader(io.StringIO(out)))
    months = sorted({r["period"] for r in rows})
    first, last = months[0], months[-1]
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    assert len(months) == span > 12  # every calendar month from the first to the last
    countries = {r["country"] for r in rows}
    assert len(rows) == len(countries) * span  # every country in every month
    assert sum(r["events"] == "0" for r in rows) > len(rows) / 2
    [[as_source]] = _sql(examples_db, "SELECT count(*) FROM events WHERE modality = 'asserted' "
                         "AND date IS NOT NULL AND source.country IS NOT NULL")
    assert sum(int(r["events_as_source"]) for r in rows) == as_source


@pytest.fixture(scope="module")
def served(examples_db, tmp_path_factory):
    """`dyads serve` on a copy of the store (a server holds its file's lock)."""
    db = tmp_path_factory.mktemp("served") / "examples.duckdb"
    shutil.copy(examples_db, db)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "serve", "--db", str(db),
                             "--port", str(port)], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield url, db
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_csv_download_has_every_event_of_the_store(served, examples_db):
    url, _ = served
    rows = list(csv.DictReader(io.StringIO(httpx.get(url + "/events.csv", timeout=30).text)))
    ids = {r["event_id"] for r in rows}
    assert ids == {i for (i,) in _sql(examples_db, "SELECT event_id FROM events")}
    assert all(r["evidence_sentence"] and r["coder_version"] for r in rows)


def _pages(url: str) -> dict[str, str]:
    events = httpx.get(url + "/events.json", params={"limit": 1000}).json()["events"]
    actor = next(e["source"]["kb_id"] for e in events if (e["source"] or {}).get("kb_id"))
    return {"home": "/index", "events": "/events", "events-all": "/events?limit=1000",
            "dyad": "/dyad?a=RUS&b=UKR", "dyad-landing": "/dyad", "actor": f"/actor/{actor}",
            "articles": "/articles", "article": f"/article/{ORIGINAL}"}


@pytest.mark.parametrize("width", (1366, 390))
def test_real_pages_do_not_scroll_sideways(browser, served, width):  # noqa: F811
    url, _ = served
    context = browser.new_context(viewport={"width": width, "height": 860})
    page = context.new_page()
    try:
        for name, path in _pages(url).items():
            assert page.goto(url + path).status == 200, name
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{name} at {width}px is {scroll}px wide"
    finally:
        context.close()
