"""Integrity of the built KB file, the overrides YAML, and the CLI handlers."""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from dyads.actors.kb import KnowledgeBase, shipped_kb_path
from dyads.actors.sectors import AGENT_CODES, loose_key, norm_text, person_key
from dyads.cli import actors as actors_cli

REPO = Path(__file__).resolve().parents[2]
OVERRIDES = REPO / "src" / "dyads" / "data" / "kb_overrides.yaml"
sys.path.insert(0, str(REPO / "scripts"))
# pure helpers of the KB build (the package behind the build script)
from kb_build import countries, entities, phoenix, phoenix_leaders
from kb_build.phoenix import phoenix_code_parts

ISO3 = re.compile(r"[A-Z]{3}")
SECTOR = re.compile(r"[A-Z]{3}")


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(f"file:{shipped_kb_path()}?mode=ro", uri=True)
    yield conn
    conn.close()


def _count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_counts_above_minimums(db):
    assert _count(db, "people") > 20000
    assert _count(db, "roles") > 35000
    assert _count(db, "countries") >= 240
    assert _count(db, "entities") > 5000
    assert _count(db, "sector_words") > 2000
    assert _count(db, "handles") >= 10


def test_file_is_compact():
    assert shipped_kb_path().stat().st_size < 12 * 1024 * 1024


def test_country_codes_are_iso3(db):
    codes = [r[0] for r in db.execute("SELECT iso3 FROM countries")]
    for table in ("roles", "entities"):
        codes += [r[0] for r in db.execute(
            f"SELECT DISTINCT country FROM {table} WHERE country IS NOT NULL")]
    bad = [c for c in codes if not ISO3.fullmatch(c)]
    assert codes and not bad, bad


def test_role_dates_parse_and_are_ordered(db):
    for start, end in db.execute("SELECT start, end FROM roles"):
        for value in (start, end):
            if value:
                _parse_partial(value)
        if start and end:
            assert start[:4] <= end[:4], (start, end)


def _parse_partial(value: str) -> date:
    padded = value + {4: "-01-01", 7: "-01"}.get(len(value), "")
    return date.fromisoformat(padded)


def test_role_sectors_are_codes(db):
    sectors = [r[0] for r in db.execute(
        "SELECT DISTINCT sector FROM roles WHERE sector IS NOT NULL")]
    assert all(SECTOR.fullmatch(s) for s in sectors), sectors


def test_every_source_has_a_snapshot_date(db):
    for name, snapshot in db.execute("SELECT name, snapshot FROM sources"):
        date.fromisoformat(snapshot)


# ---- overrides YAML ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def overrides() -> dict:
    return yaml.safe_load(OVERRIDES.read_text(encoding="utf-8"))


def test_overrides_are_well_formed(overrides):
    date.fromisoformat(str(overrides["snapshot"]))
    names = set()
    for person in overrides["people"]:
        assert person["name"] and person["name"] not in names, person
        names.add(person["name"])
        assert not person.get("qid") or re.fullmatch(r"Q\d+", person["qid"])
        for role in person["roles"]:
            assert role["title"] and role["sector"] and SECTOR.fullmatch(role["sector"])
            assert role["country"] is None or ISO3.fullmatch(role["country"])
            start, end = (str(role.get("start") or ""), str(role.get("end") or ""))
            for value in filter(None, (start, end)):
                _parse_partial(value)
            assert not (start and end) or start <= end


def test_override_handles_point_at_override_people(overrides):
    refs = {p["name"] for p in overrides["people"]} | {p.get("qid") for p in overrides["people"]}
    for entry in overrides["handles"]:
        assert entry["handle"].startswith("@") and entry["person"] in refs, entry


def test_override_entities_have_known_kinds(overrides):
    kinds = {"country", "metonym", "igo", "ngo", "armed_group", "institution"}
    for entry in overrides["entities"]:
        assert entry["kind"] in kinds, entry
        assert entry.get("code") or entry.get("country"), entry


def test_override_lines_are_documented():
    """Each person entry carries a comment on its first line or a section comment above."""
    text = OVERRIDES.read_text(encoding="utf-8")
    assert text.count("#") > 60


# ---- keys -------------------------------------------------------------------------------
def test_keys_normalise_titles_diacritics_and_punctuation():
    assert person_key("Dr. S. Jaishankar") == "s jaishankar"
    assert person_key("Joseph R. Biden, Jr.") == "joseph r biden"
    assert norm_text("António Guterres’s") == "antonio guterres"
    assert norm_text("U.S.") == "us"
    assert loose_key("zelenskiy") == loose_key("zelenskyy") == loose_key("zelensky")
    assert loose_key("zelenska") != loose_key("zelensky")


# ---- CLI and timing ---------------------------------------------------------------------
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dyads")
    actors_cli.register(parser.add_subparsers(dest="command"))
    return parser


def test_cli_actors_json(capsys):
    args = _parser().parse_args(["actors", "Blinken", "--on", "2015-06-01", "--json"])
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kb_id"] == "Q7821917" and out["role"]["title"] == "Deputy Secretary of State"
    assert out["code"] == "USAGOV"


def test_cli_actors_entity_sector_and_unknown(capsys):
    parser = _parser()
    for argv, expected in ((["actors", "the Kremlin"], "RUSGOV"), (["actors", "troops"], "MIL")):
        args = parser.parse_args(argv)
        assert args.func(args) == 0
        assert expected in capsys.readouterr().out
    args = parser.parse_args(["actors", "Qwxz Nobody"])
    assert args.func(args) == 1


def test_cli_kb_info(capsys):
    args = _parser().parse_args(["kb", "info", "--json"])
    assert args.func(args) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["people"] > 0 and info["sources"]


def test_measure_load_and_lookup_time(capsys, db):
    """Not an assertion on speed: prints figures for the report (-s to see them)."""
    start = time.perf_counter()
    kb = KnowledgeBase.load()
    kb.info()
    loaded = time.perf_counter() - start
    full = [r[0] for r in db.execute("SELECT name FROM people ORDER BY pid LIMIT 1000 OFFSET 5000")]
    names = full + [n.split()[-1] for n in full]  # distinct names, so no memo hits
    start = time.perf_counter()
    found = sum(kb.person(name, on="2020-06-01") is not None for name in names)
    per_person = (time.perf_counter() - start) / len(names)
    start = time.perf_counter()
    for text in names[:1000]:
        kb.entity(text)
    per_entity = (time.perf_counter() - start) / 1000
    with capsys.disabled():
        print(f"\nKB load {loaded * 1000:.1f} ms; uncached person() {per_person * 1e6:.0f} µs; "
              f"entity() {per_entity * 1e6:.0f} µs; {found}/{len(names)} names resolved")
    assert found > len(full) * 0.9  # every full name in the KB resolves to someone


# ---- entity integrity ---------------------------------------------------------------------
def test_entity_countries_are_known_iso3(db):
    known = {r[0] for r in db.execute("SELECT iso3 FROM countries")}
    bad = db.execute("SELECT key, country FROM entities WHERE country IS NOT NULL").fetchall()
    bad = [row for row in bad if row[1] not in known]
    assert not bad, bad[:20]


def test_entity_sectors_are_agent_codes(db):
    sectors = {r[0] for r in db.execute(
        "SELECT DISTINCT sector FROM entities WHERE sector IS NOT NULL")}
    assert sectors and sectors <= AGENT_CODES, sectors - AGENT_CODES


def test_phoenix_codes_map_regions_and_old_country_codes():
    isos = {"AGO", "PSE", "GBR", "VGB", "LBN"}
    assert phoenix_code_parts("MEAREB", isos) == (None, "REB")
    assert phoenix_code_parts("ANGREB", isos) == ("AGO", "REB")
    assert phoenix_code_parts("IMGMUSALQ", isos) == (None, "IMG")
    assert phoenix_code_parts("BUDREB", isos) == (None, "REB")
    assert phoenix_code_parts("GBRVGBGOV", isos) == ("VGB", "GOV")
    assert phoenix_code_parts("LBNGOVMIL", isos) == ("LBN", "MIL")


def test_a_company_of_one_country_is_that_countrys_business(db):
    isos = {"USA", "JPN"}
    assert phoenix.company_code_parts("MNCUSA", isos) == ("USA", "BUS")
    assert phoenix.company_code_parts("MNCUSAHLH", isos) == ("USA", "BUS")
    assert phoenix.company_code_parts("MNCUSAMED", isos) == ("USA", "MED")
    assert phoenix.company_code_parts("MNC", isos) is None  # of no one country
    assert phoenix.company_code_parts("IGOUSA", isos) is None
    rows = db.execute("SELECT country, sector FROM entities WHERE key IN ('toyota', 'boeing') "
                      "ORDER BY key").fetchall()
    assert [tuple(r) for r in rows] == [("USA", "BUS"), ("JPN", "BUS")]


def test_alias_shared_by_several_groups_is_not_given_to_one():
    ents = entities.Entities()
    ents.add("Red Hand", entities.PRI_PHOENIX, "Red Hand Front", None, "AAA", "REB", "AAAREB",
             "armed_group")
    ents.add("Red Hand", entities.PRI_PHOENIX, "Red Hand Army", None, "BBB", "REB", "BBBREB",
             "armed_group")
    assert "red hand" not in ents.rows and ents.contested() == ["red hand"]
    ents.add("Red Hand", entities.PRI_OVERRIDE, "Red Hand Front", None, "AAA", "REB", "AAAREB",
             "armed_group")  # a curated entry settles it
    assert ents.rows["red hand"][3] == "AAA"


def test_generic_alias_ending_other_groups_names_is_dropped():
    blocks = [{"name": n} for n in ("PALESTINIAN ISLAMIC JIHAD", "YEMEN ISLAMIC JIHAD",
                                    "TURKISH ISLAMIC JIHAD", "HEZBOLLAH")]
    tails = phoenix.name_tails(blocks)
    assert len(tails["islamic jihad"] - {"HEZBOLLAH"}) >= 2


def test_country_aliases_skip_bare_codes():
    assert not countries.is_country_alias("EC") and not countries.is_country_alias("IT")
    assert countries.is_country_alias("U.S.") and countries.is_country_alias("Lao")
    assert countries.demonym_forms({"m": "Bosnian, Herzegovinian"}) >= {"Bosnians", "Herzegovinian"}
    assert countries.demonym_plural("Chinese") is None and countries.demonym_plural("Iraqi") == "Iraqis"


def test_countryinfo_dates():
    assert phoenix_leaders.phoenix_spell("890708-991210") == ("1989-07-08", "1999-12-10")
    assert phoenix_leaders.phoenix_spell(">080525") == ("2008-05-25", None)
    assert phoenix_leaders.phoenix_spell("") is None


def test_the_build_date_comes_from_the_inputs_not_the_day(monkeypatch):
    # same inputs, same file: the KB's "built" stamp is the newest source snapshot
    from kb_build.writer import build_date

    sources = [{"snapshot": "2024-05-01"}, {"snapshot": "2025-01-20"}, {"snapshot": None}]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date(sources) == "2025-01-20"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date(sources) == "2023-11-14"


@pytest.mark.slow
def test_rebuilding_the_kb_from_the_sources_gives_the_shipped_file(tmp_path, shared_dir):
    import hashlib
    import os
    import subprocess

    if not (shared_dir / "kb-sources").is_dir():
        pytest.skip("../shared/kb-sources is not here")
    out = tmp_path / "kb.sqlite"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_kb.py"), "--out", str(out)],
                   check=True, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": ""})

    def sha(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()
    assert sha(out) == sha(shipped_kb_path())
