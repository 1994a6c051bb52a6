"""The GDELT 2.0 event table (61 tab-separated columns) from merged events.

Faithful where dyads has the data, empty where it has not (see docs/exports.md):
- QuadClass is GDELT's 1-4 from the CAMEO root: 01-05 verbal cooperation (1), 06-08
  material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
  (The event records' ``quad_class`` keeps 0 for roots 01-02; GDELT has no 0.)
- Every *Geo_CountryCode is FIPS 10-4 ("UP" Ukraine, "RS" Russia), mapped from ISO3 by
  ``data/iso3_fips.tsv``; the Actor*CountryCode columns are CAMEO country codes (ISO3),
  as in GDELT.
- Dates: events dated to a month or a year, and undated ones, are left out by default;
  ``imprecise="first-day"`` writes a month/year-precision date as the period's first day.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

FIPS_PATH = Path(__file__).resolve().parent.parent / "data" / "iso3_fips.tsv"
IMPRECISE = ("exclude", "first-day")

GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(f"Actor{n}Code Actor{n}Name Actor{n}CountryCode Actor{n}KnownGroupCode "
               f"Actor{n}EthnicCode Actor{n}Religion1Code Actor{n}Religion2Code "
               f"Actor{n}Type1Code Actor{n}Type2Code Actor{n}Type3Code" for n in (1, 2))
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
      "NumMentions NumSources NumArticles AvgTone "
    + " ".join(f"{g}_Type {g}_FullName {g}_CountryCode {g}_ADM1Code {g}_ADM2Code {g}_Lat "
               f"{g}_Long {g}_FeatureID" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"))
    + " DATEADDED SOURCEURL"
).split()

# dyads columns appended after SOURCEURL on request (GDELT readers take the first 61).
PROVENANCE_COLUMNS = ("dyads_event_id", "modality", "date_precision", "confidence",
                      "rule_id", "trigger", "evidence_doc_id", "evidence_sentence")

QUAD_CLASS_SQL = """CASE WHEN e.cameo_root BETWEEN '01' AND '05' THEN 1
    WHEN e.cameo_root BETWEEN '06' AND '08' THEN 2 WHEN e.cameo_root BETWEEN '09' AND '13' THEN 3
    WHEN e.cameo_root BETWEEN '14' AND '20' THEN 4 END"""


@lru_cache(maxsize=1)
def fips_table() -> pa.Table:
    """(iso3, fips) from the shipped table; comment lines start with '#'."""
    with open(FIPS_PATH, encoding="utf-8") as fh:
        rows = list(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"))
    return pa.table({"iso3": [r["iso3"] for r in rows], "fips": [r["fips"] for r in rows]})


def iso3_to_fips(iso3: str | None) -> str | None:
    table = fips_table().to_pydict()
    return dict(zip(table["iso3"], table["fips"])).get(iso3 or "")


def tsv_text(expr: str) -> str:
    """A free-text column on one line; one holding a double quote is quoted CSV-style
    (quotes doubled), since pandas, R and Python's csv read a field that starts with a
    quote as quoted and would otherwise run it into the following rows."""
    flat = f"trim(regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g'))"
    return (f"CASE WHEN contains({flat}, '\"') "
            f"THEN '\"' || replace({flat}, '\"', '\"\"') || '\"' ELSE {flat} END")


def _actor(side: str) -> list[str]:
    return [f"{side}.code", tsv_text(f"upper(coalesce({side}.name, {side}.text))"),
            f"{side}.country", "NULL", "NULL", "NULL", "NULL", f"{side}.sector", "NULL", "NULL"]


_EMPTY_GEO = ["0"] + ["NULL"] * 7
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = """CASE WHEN e.location IS NULL THEN 0
    WHEN e.location.precision = 'country' THEN 1
    WHEN e.location.precision IN ('region', 'adm1', 'state')
         THEN CASE WHEN e.location.country = 'USA' THEN 2 ELSE 5 END
    ELSE CASE WHEN e.location.country = 'USA' THEN 3 ELSE 4 END END"""
_ACTION_GEO = [_GEO_TYPE, tsv_text("e.location.name"), "fc.fips", "NULL", "NULL", "e.location.lat",
               "e.location.lon",
               "CASE WHEN e.location.precision = 'country' THEN fc.fips "
               "ELSE CAST(e.location.geonames_id AS VARCHAR) END"]


def date_condition(imprecise: str) -> str:
    if imprecise not in IMPRECISE:
        raise ValueError(f"imprecise dates: one of {', '.join(IMPRECISE)}, not {imprecise!r}")
    if imprecise == "exclude":
        return "date IS NOT NULL AND coalesce(date_precision, 'day') = 'day'"
    return "date IS NOT NULL"


def select(provenance_columns: bool = False) -> str:
    """The SELECT list (FROM ``e`` joined to ``docs d``, ``evidence v``, ``fips_codes fc``)."""
    exprs = ["('0x' || substr(e.event_id, 4, 15))::BIGINT", "strftime(e.date, '%Y%m%d')",
             "strftime(e.date, '%Y%m')", "year(e.date)",
             "round(year(e.date) + (dayofyear(e.date) - 1) / 365.0, 4)",
             *_actor("e.source"), *_actor("e.target"),
             "CASE WHEN v.sentence_index = 0 THEN 1 ELSE 0 END", "e.cameo",
             "left(e.cameo, 3)", "e.cameo_root", QUAD_CLASS_SQL, "e.goldstein",
             "e.num_mentions", "e.num_sources", "e.num_articles", "NULL",
             *_EMPTY_GEO, *_EMPTY_GEO, *_ACTION_GEO,
             "strftime(e.first_seen, '%Y%m%d000000')", "d.first_source"]
    names = list(GDELT_COLUMNS)
    if provenance_columns:
        exprs += ["e.event_id", "e.modality", "e.date_precision", "e.confidence", "v.rule_id",
                  tsv_text("v.trigger_text"), "v.evidence_doc_id",
                  tsv_text("v.evidence_sentence")]
        names += PROVENANCE_COLUMNS
    return ", ".join(f'{x} AS "{n}"' for x, n in zip(exprs, names))


def columns(provenance_columns: bool = False) -> list[str]:
    return list(GDELT_COLUMNS) + (list(PROVENANCE_COLUMNS) if provenance_columns else [])
