"""Exports of merged events, each with its provenance. DuckDB streams every format to disk.

- ``parquet`` (year=/month= partitions) and ``csv``: one flat row per merged event, with
  ``doc_ids`` (its articles and their copies), the evidence sentence, trigger, rule id,
  coder version and coded date; every modality unless one is asked for.
- ``gdelt``: the 61 GDELT 2.0 event columns (``gdelt.py``), asserted events by default.
- ``plover``: PLOVER JSON Lines (``plover.py``), asserted events by default;
  ``polecat-flat``: the earlier flat POLECAT-style JSON Lines.
Provenance (coder versions and knowledge-file hashes of the articles behind the rows,
the exporting dyads, the filters, the time) goes into Parquet key-value metadata, and
into ``OUT.json`` beside every other format. A filter's ``limit``/``offset`` do not
apply: every matching event is exported.
"""
from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from dyads.store import gdelt, plover, provenance
from dyads.store.evidence import EVIDENCE_COLUMNS, EVIDENCE_CTE
from dyads.store.gdelt import GDELT_COLUMNS  # noqa: F401  (kept importable from here)
from dyads.store.filters import EventFilter, values, where

FORMATS = ("parquet", "csv", "gdelt", "plover", "polecat-flat")
MODALITIES = ("asserted", "negated", "future", "hypothetical")
# Formats without a modality field say "this happened": only asserted events by default.
ASSERTED_ONLY = ("gdelt", "plover", "polecat-flat")


@dataclass(frozen=True)
class ExportOptions:
    modalities: tuple[str, ...] | None = None  # None: the format's default
    imprecise_dates: str = "exclude"          # gdelt: "exclude" or "first-day"
    header: bool = False                      # gdelt: a header row of column names
    provenance_columns: bool = False          # gdelt: dyads columns after the 61

    def modalities_for(self, fmt: str) -> tuple[str, ...]:
        if self.modalities:
            bad = sorted(set(self.modalities) - set(MODALITIES))
            if bad:
                raise ValueError(f"modality must be among {', '.join(MODALITIES)}, not {bad}")
            return tuple(self.modalities)
        return ("asserted",) if fmt in ASSERTED_ONLY else MODALITIES


# Every article id of an event, copies included, and the url of its first report.
_DOCS = """docs AS (
    SELECT merged_id, list(DISTINCT id ORDER BY id) AS doc_ids,
           arg_min(src, (published, id)) AS first_source
    FROM (SELECT m.merged_id, m.doc_id AS id, coalesce(a.url, m.doc_id) AS src, m.published
          FROM mentions m LEFT JOIN articles a ON a.doc_id = m.doc_id
          WHERE m.merged_id IN (SELECT event_id FROM e)
          UNION ALL
          SELECT m.merged_id, c.alias_doc_id, coalesce(c.url, c.alias_doc_id),
                 coalesce(c.published, m.published)
          FROM mentions m JOIN doc_aliases c ON c.doc_id = m.doc_id
          WHERE m.merged_id IN (SELECT event_id FROM e))
    GROUP BY merged_id)"""

_FLAT = """e.event_id, e.date, e.date_precision,
    e.source.name AS source_name, e.source.code AS source_code,
    e.source.country AS source_country, e.source.sector AS source_sector,
    e.source.kb_id AS source_kb_id, e.target.name AS target_name,
    e.target.code AS target_code, e.target.country AS target_country,
    e.target.sector AS target_sector, e.target.kb_id AS target_kb_id,
    e.cameo, e.cameo_root, e.plover, e.plover_mode, e.quad_class, e.goldstein, e.modality,
    e.location.name AS location_name, e.location.country AS location_country,
    e.location.lat AS lat, e.location.lon AS lon, e.location.geonames_id AS geonames_id,
    e.confidence, e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen,
    """ + EVIDENCE_COLUMNS

_FROM = """FROM e LEFT JOIN docs d ON d.merged_id = e.event_id
    LEFT JOIN evidence v ON v.merged_id = e.event_id"""
_BY_DATE = "ORDER BY e.date NULLS LAST, e.event_id"


def _selection(fmt: str, opts: ExportOptions) -> str:
    if fmt == "gdelt":
        return (f"SELECT {gdelt.select(opts.provenance_columns)} {_FROM} "
                "LEFT JOIN fips_codes fc ON fc.iso3 = e.location.country ORDER BY e.event_id")
    if fmt == "plover":
        return (f"SELECT {plover.PLOVER_SELECT} {_FROM} {plover.PLOVER_JOINS} "
                f"WHERE {plover.PLOVER_WHERE} {_BY_DATE}")
    if fmt == "polecat-flat":
        return f"SELECT {plover.POLECAT_SELECT} {_FROM} WHERE e.plover IS NOT NULL {_BY_DATE}"
    joined = "array_to_string(d.doc_ids, ';')" if fmt == "csv" else "d.doc_ids"
    partitions = (", year(e.date) AS year, lpad(CAST(month(e.date) AS VARCHAR), 2, '0') AS month"
                  if fmt == "parquet" else "")
    return f"SELECT {_FLAT}, {joined} AS doc_ids{partitions} {_FROM} {_BY_DATE}"


def _options(fmt: str, opts: ExportOptions) -> str:
    if fmt == "parquet":
        # Zero-padded month partitions sort as text (month=03 before month=10).
        return "FORMAT PARQUET, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE"
    if fmt == "csv":
        return "FORMAT CSV, HEADER true"
    if fmt == "gdelt":
        return f"FORMAT CSV, DELIMITER '\t', HEADER {str(opts.header).lower()}, QUOTE ''"
    return "FORMAT JSON"


def _events_sql(fmt: str, f: EventFilter | None, opts: ExportOptions) -> tuple[str, list]:
    """The exported events: the filter, the modalities, and (gdelt) the date rule."""
    cond, params = where(EventFilter(**{**asdict(f or EventFilter()), "modality": None}))
    if f and f.modality and not opts.modalities:  # the filter's modalities
        mods: tuple[str, ...] = tuple(m.lower() for m in values(f.modality))
    else:
        mods = opts.modalities_for(fmt)
    cond += " AND modality IN (" + ", ".join("?" for _ in mods) + ")"
    params = params + list(mods)
    if fmt == "gdelt":
        cond += " AND " + gdelt.date_condition(opts.imprecise_dates)
    return f"SELECT * FROM events WHERE {cond}", params


def _filters_used(fmt: str, f: EventFilter | None, opts: ExportOptions) -> dict:
    used = {k: v for k, v in asdict(f or EventFilter()).items()
            if v is not None and k not in ("limit", "offset")}
    asked = values(used.pop("modality", None))
    used["modalities"] = list(opts.modalities or asked or opts.modalities_for(fmt))
    if fmt == "gdelt":
        used["imprecise_dates"] = opts.imprecise_dates
    return used


def _register_lookups(con: duckdb.DuckDBPyConnection) -> None:
    con.register("fips_codes", gdelt.fips_table())
    con.register("plover_map", plover.plover_map())


def export(con: duckdb.DuckDBPyConnection, fmt: str, path: Path,
           f: EventFilter | None = None, options: ExportOptions | None = None) -> Path:
    """Write the merged events matching ``f`` to ``path`` (a directory for parquet), with
    their provenance; returns ``path``."""
    if fmt not in FORMATS:
        raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    opts = options or ExportOptions()
    events_sql, params = _events_sql(fmt, f, opts)
    path = Path(path)
    if fmt == "parquet" and path.exists():
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    _register_lookups(con)
    body = f"WITH e AS ({events_sql}), {_DOCS}, {EVIDENCE_CTE} {_selection(fmt, opts)}"
    columns = [d[0] for d in con.execute(f"SELECT * FROM ({body}) LIMIT 0", params).description]
    rows = con.execute(f"SELECT count(*) FROM ({body})", params).fetchall()[0][0]
    meta = provenance.record(fmt, _filters_used(fmt, f, opts),
                             provenance.coded_by(con, events_sql, params), rows,
                             [c for c in columns if not (fmt == "parquet" and c in ("year", "month"))])
    copy_options = _options(fmt, opts)
    if fmt == "parquet":
        copy_options += ", " + provenance.parquet_metadata(meta)
    # The path is ours, not a user value inside a statement; quotes are escaped anyway.
    target = str(path).replace("'", "''")
    con.execute(f"COPY ({body}) TO '{target}' ({copy_options})", params)
    if fmt != "parquet":
        provenance.write_sidecar(path, meta)
    return path
