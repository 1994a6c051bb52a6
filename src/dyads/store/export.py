"""Exports of merged events: Parquet (year=/month= partitions), CSV, GDELT-style TSV and
PLOVER/POLECAT-style JSON Lines. DuckDB streams every format straight to disk.

- ``parquet``/``csv``: one flat row per merged event, with ``doc_ids`` (its articles).
- ``gdelt``: tab-separated, no header, the 61 columns of the GDELT 2.0 event table in
  their order (``GDELT_COLUMNS``); geography country codes are ISO3 (GDELT uses FIPS),
  AvgTone and the ethnic/religion/group codes are left empty, GLOBALEVENTID is an integer
  derived from the event id.
- ``plover``: one JSON object per line with POLECAT's fields in snake_case; events whose
  CAMEO code has no PLOVER type (roots 01, 02) are left out.
A filter's ``limit``/``offset`` do not apply: every matching event is exported.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from dyads.store.query import EventFilter, where

FORMATS = ("parquet", "csv", "gdelt", "plover")

_DOCS = """WITH docs AS (
    SELECT m.merged_id, list(DISTINCT m.doc_id ORDER BY m.doc_id) AS doc_ids,
           arg_min(coalesce(a.url, m.doc_id), (m.published, m.doc_id)) AS first_source
    FROM mentions m LEFT JOIN articles a ON a.doc_id = m.doc_id
    WHERE m.merged_id IN (SELECT event_id FROM e) GROUP BY m.merged_id)"""

_FLAT = """SELECT e.event_id, e.date, e.date_precision,
    e.source.name AS source_name, e.source.code AS source_code,
    e.source.country AS source_country, e.source.sector AS source_sector,
    e.source.kb_id AS source_kb_id, e.target.name AS target_name,
    e.target.code AS target_code, e.target.country AS target_country,
    e.target.sector AS target_sector, e.target.kb_id AS target_kb_id,
    e.cameo, e.cameo_root, e.plover, e.plover_mode, e.quad_class, e.goldstein, e.modality,
    e.location.name AS location_name, e.location.country AS location_country,
    e.location.lat AS lat, e.location.lon AS lon, e.location.geonames_id AS geonames_id,
    e.confidence, e.num_mentions, e.num_articles, e.first_seen, e.last_seen"""

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


def _gdelt_actor(side: str) -> str:
    return (f"{side}.code, upper({side}.name), {side}.country, NULL, NULL, NULL, NULL, "
            f"{side}.sector, NULL, NULL")


_EMPTY_GEO = "0, NULL, NULL, NULL, NULL, NULL, NULL, NULL"

_GDELT = f"""SELECT ('0x' || substr(e.event_id, 4, 15))::BIGINT,
    strftime(e.date, '%Y%m%d'), strftime(e.date, '%Y%m'), year(e.date),
    round(year(e.date) + (dayofyear(e.date) - 1) / 365.0, 4),
    {_gdelt_actor('e.source')}, {_gdelt_actor('e.target')},
    1, e.cameo, left(e.cameo, 3), e.cameo_root, e.quad_class, e.goldstein,
    e.num_mentions, e.num_articles, e.num_articles, NULL,
    {_EMPTY_GEO}, {_EMPTY_GEO},
    CASE e.location.precision WHEN 'country' THEN 1 WHEN 'region' THEN 5
         WHEN 'city' THEN 4 ELSE CASE WHEN e.location IS NULL THEN 0 ELSE 4 END END,
    e.location.name, e.location.country, NULL, NULL, e.location.lat, e.location.lon,
    e.location.geonames_id, strftime(e.first_seen, '%Y%m%d000000'), d.first_source"""


def _polecat_actor(side: str, prefix: str) -> str:
    return (f"{side}.name AS {prefix}_name, {side}.country AS {prefix}_country, "
            f"{side}.sector AS {prefix}_sector, {side}.kb_id AS {prefix}_wikidata_id, "
            f"{side}.code AS {prefix}_code, {side}.text AS {prefix}_name_raw")


_PLOVER = f"""SELECT e.event_id, e.date AS event_date, e.plover AS event_type,
    e.plover_mode AS event_mode, e.goldstein AS event_intensity, e.quad_class AS quad_code,
    [] :: VARCHAR[] AS contexts, {_polecat_actor('e.source', 'actor')},
    {_polecat_actor('e.target', 'recipient')}, e.location.name AS placename,
    e.location.country AS country, e.location.lat AS latitude, e.location.lon AS longitude,
    e.location.geonames_id AS geonames_id, e.location.precision AS feature_type,
    e.cameo, e.modality, e.num_mentions, e.num_articles, d.doc_ids AS source,
    e.first_seen AS publication_date, 'dyads' AS coder"""


def _selection(fmt: str) -> str:
    if fmt == "gdelt":
        return f"{_GDELT} FROM e LEFT JOIN docs d ON d.merged_id = e.event_id ORDER BY e.event_id"
    if fmt == "plover":
        return (f"{_PLOVER} FROM e LEFT JOIN docs d ON d.merged_id = e.event_id "
                "WHERE e.plover IS NOT NULL ORDER BY e.date NULLS LAST, e.event_id")
    joined = "array_to_string(d.doc_ids, ';')" if fmt == "csv" else "d.doc_ids"
    partitions = ", year(e.date) AS year, month(e.date) AS month" if fmt == "parquet" else ""
    return (f"{_FLAT}, {joined} AS doc_ids{partitions} FROM e "
            "LEFT JOIN docs d ON d.merged_id = e.event_id ORDER BY e.date NULLS LAST, e.event_id")


_OPTIONS = {
    "parquet": "FORMAT PARQUET, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE",
    "csv": "FORMAT CSV, HEADER true",
    "gdelt": "FORMAT CSV, DELIMITER '\t', HEADER false, QUOTE ''",
    "plover": "FORMAT JSON",
}


def export(con: duckdb.DuckDBPyConnection, fmt: str, path: Path,
           f: EventFilter | None = None) -> Path:
    """Write the merged events matching ``f`` to ``path`` (a directory for parquet)."""
    if fmt not in FORMATS:
        raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    cond, params = where(f)
    path = Path(path)
    if fmt == "parquet" and path.exists():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    sql = (f"WITH e AS (SELECT * FROM events WHERE {cond}), "
           f"{_DOCS.removeprefix('WITH ')} {_selection(fmt)}")
    # The path is ours, not a user value inside a statement; quotes are escaped anyway.
    target = str(path).replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{target}' ({_OPTIONS[fmt]})", params)
    return path
