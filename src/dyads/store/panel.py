"""Zero-filled panels of merged events: one row per unit and period, in DuckDB SQL.

Units (see docs/panels.md):
- ``country``: monadic. A country's row counts the events it takes part in as source or
  target (an event inside one country counts once); ``events_as_source`` and
  ``events_as_target`` split that count by role.
- ``dyad``: directed, source country -> target country (both known).
- ``actor``: monadic by CAMEO actor code (``RUSGOV``), with the same role split.

Every unit seen among the matching events gets a row for every period from the first to
the last (``date_from``/``date_to`` when given), zeros where nothing happened. Counts per
QuadClass use GDELT's 1-4 from the CAMEO root (01-05 are 1); per CAMEO root 01-20;
Goldstein sum (0 in an empty period) and mean (null in an empty period). Undated events
are left out; by default only asserted events count, as a panel says what happened.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from dyads.store import provenance
from dyads.store.gdelt import QUAD_CLASS_SQL
from dyads.store.query import FREQUENCIES, EventFilter, StoreQueryError, where
from dyads.store.query import rows as query_rows

UNITS = ("country", "dyad", "actor")
PANEL_FORMATS = ("csv", "parquet", "jsonl")
MODALITIES = ("asserted", "negated", "future", "hypothetical")
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))
# unit -> (its columns, the (source side, target side) expressions), None: directed dyad.
_SIDES = {"country": ("country", "source_country", "target_country"),
          "actor": ("actor", "e.source.code", "e.target.code")}


@dataclass(frozen=True)
class PanelSpec:
    unit: str = "country"
    freq: str = "month"
    date_from: str | None = None
    date_to: str | None = None
    modalities: tuple[str, ...] = ("asserted",)
    min_confidence: float | None = None
    filter: EventFilter | None = field(default=None)  # any other event filter

    def check(self) -> None:
        if self.unit not in UNITS:
            raise StoreQueryError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}")
        if self.freq not in FREQUENCIES:
            raise StoreQueryError(f"freq must be one of {', '.join(FREQUENCIES)}, "
                                  f"not {self.freq!r}")
        bad = sorted(set(self.modalities) - set(MODALITIES))
        if bad or not self.modalities:
            raise StoreQueryError(f"modality must be among {', '.join(MODALITIES)}, not {bad}")


def unit_columns(unit: str) -> list[str]:
    return ["source", "target"] if unit == "dyad" else [unit]


def _events_sql(spec: PanelSpec) -> tuple[str, list]:
    """The events a panel counts: dated, the filter, the modalities, the confidence."""
    base = spec.filter or EventFilter()
    f = EventFilter(**{**asdict(base), "modality": None, "limit": None, "offset": 0,
                       "date_from": spec.date_from or base.date_from,
                       "date_to": spec.date_to or base.date_to})
    cond, params = where(f)
    cond += " AND date IS NOT NULL AND modality IN (" + ", ".join("?" * len(spec.modalities)) + ")"
    params = params + list(spec.modalities)
    if spec.min_confidence is not None:
        cond += " AND confidence >= ?"
        params.append(float(spec.min_confidence))
    return f"SELECT * FROM events WHERE {cond}", params


def _per_unit(unit: str) -> str:
    """One row per (unit, event): the event's fields and its role(s) for the unit."""
    fields = f"e.event_id, e.date, e.cameo_root, e.goldstein, {QUAD_CLASS_SQL} AS quad"
    if unit == "dyad":
        return (f"SELECT source_country AS source, target_country AS target, {fields}, "
                "TRUE AS is_source, TRUE AS is_target FROM e "
                "WHERE source_country IS NOT NULL AND target_country IS NOT NULL")
    name, src, tgt = _SIDES[unit]
    sides = (f"SELECT {src} AS {name}, {fields}, TRUE AS s, FALSE AS t FROM e "
             f"WHERE coalesce({src}, '') <> '' UNION ALL "
             f"SELECT {tgt}, {fields}, FALSE, TRUE FROM e WHERE coalesce({tgt}, '') <> ''")
    return (f"SELECT {name}, event_id, any_value(date) AS date, any_value(cameo_root) AS "
            "cameo_root, any_value(goldstein) AS goldstein, any_value(quad) AS quad, "
            f"bool_or(s) AS is_source, bool_or(t) AS is_target FROM ({sides}) "
            f"GROUP BY {name}, event_id")


def _counts(unit: str) -> list[tuple[str, str]]:
    """(output column, aggregate over the unit's events of one period)."""
    out = [("events", "count(*)")]
    if unit != "dyad":
        out += [("events_as_source", "count(*) FILTER (is_source)"),
                ("events_as_target", "count(*) FILTER (is_target)")]
    out += [(f"quad{q}", f"count(*) FILTER (quad = {q})") for q in range(1, 5)]
    out += [(f"cameo{r}", f"count(*) FILTER (cameo_root = '{r}')") for r in ROOTS]
    return out


def panel_sql(spec: PanelSpec) -> tuple[str, list]:
    """The panel's SELECT (ordered by unit, then period) and its parameters."""
    spec.check()
    events_sql, params = _events_sql(spec)
    keys = unit_columns(spec.unit)
    key_list = ", ".join(keys)
    counts = _counts(spec.unit)
    agg = ", ".join(f"{expr} AS {name}" for name, expr in counts)
    filled = ", ".join(f"coalesce(a.{name}, 0) AS {name}" for name, _ in counts)
    freq = spec.freq  # checked against FREQUENCIES: safe inside the statement
    sql = f"""WITH e AS ({events_sql}),
    bounds AS (SELECT CAST(date_trunc('{freq}', coalesce(CAST(? AS DATE), min(date))) AS DATE) AS lo,
                      CAST(date_trunc('{freq}', coalesce(CAST(? AS DATE), max(date))) AS DATE) AS hi
               FROM e),
    periods AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 {freq})) AS DATE) AS period
                FROM bounds WHERE lo IS NOT NULL AND lo <= hi),
    per AS ({_per_unit(spec.unit)}),
    units AS (SELECT DISTINCT {key_list} FROM per),
    agg AS (SELECT {key_list}, CAST(date_trunc('{freq}', date) AS DATE) AS period, {agg},
                   sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
            FROM per GROUP BY ALL)
    SELECT {", ".join("u." + k for k in keys)}, p.period, {filled},
           coalesce(a.goldstein_sum, 0) AS goldstein_sum, a.goldstein_mean
    FROM units u CROSS JOIN periods p LEFT JOIN agg a USING ({key_list}, period)
    ORDER BY {", ".join("u." + k for k in keys)}, p.period"""
    return sql, params + [spec.date_from, spec.date_to]


def rows(con: duckdb.DuckDBPyConnection, spec: PanelSpec) -> list[dict]:
    return query_rows(con, *panel_sql(spec))


def columns(unit: str) -> list[str]:
    return unit_columns(unit) + ["period"] + [n for n, _ in _counts(unit)] + [
        "goldstein_sum", "goldstein_mean"]


def filters_used(spec: PanelSpec) -> dict:
    used = {k: v for k, v in asdict(spec.filter or EventFilter()).items()
            if v is not None and k not in ("limit", "offset")}
    used.update({"unit": spec.unit, "freq": spec.freq, "modalities": list(spec.modalities),
                 "date_from": spec.date_from, "date_to": spec.date_to,
                 "min_confidence": spec.min_confidence})
    return used


def write_panel(con: duckdb.DuckDBPyConnection, spec: PanelSpec, path: Path,
                fmt: str = "csv") -> dict:
    """Write the panel to ``path`` (csv, parquet or jsonl) with its provenance: Parquet
    key-value metadata, else ``OUT.json`` beside the file. Returns the provenance record."""
    if fmt not in PANEL_FORMATS:
        raise StoreQueryError(f"panel format must be one of {', '.join(PANEL_FORMATS)}, "
                              f"not {fmt!r}")
    sql, params = panel_sql(spec)
    events_sql, event_params = _events_sql(spec)
    rows = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]
    meta = provenance.record(f"panel-{fmt}", filters_used(spec),
                             provenance.coded_by(con, events_sql, event_params), rows,
                             columns(spec.unit))
    options = {"csv": "FORMAT CSV, HEADER true", "jsonl": "FORMAT JSON",
               "parquet": "FORMAT PARQUET, " + provenance.parquet_metadata(meta)}[fmt]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = str(path).replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{target}' ({options})", params)
    if fmt != "parquet":
        provenance.write_sidecar(path, meta)
    return meta
