"""The Python face of a store: ``dyads.open(db)``, events and panels as DataFrames.

    db = dyads.open("news.duckdb")
    db.events(cameo="19,20", country="RUS,UKR").to_pandas()   # every match, no limit
    db.panel(unit="country", freq="month").to_pandas()        # zero-filled panel

Results are lazy: nothing is read until they are counted, iterated or converted.
DataFrames are built from Arrow record batches streamed out of DuckDB.
"""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from dyads.frames import EVENT_COLUMNS, SHOWN, STORED_COLUMNS, html_table
from dyads.store.filters import EventFilter
from dyads.store.panel import PanelSpec, panel_sql, write_panel

_NESTED = ("source_", "target_", "location_")  # source_name -> source.name
FLAT_FIELDS = ", ".join(f"{c.replace('_', '.', 1) if c.startswith(_NESTED) else c} AS {c}"
                        for c in EVENT_COLUMNS + STORED_COLUMNS)
FILTER_NAMES = tuple(f.name for f in fields(EventFilter))


def _filter(filters: dict) -> EventFilter:
    unknown = sorted(set(filters) - set(FILTER_NAMES))
    if unknown:
        raise TypeError(f"unknown event filter(s) {unknown}; use {', '.join(FILTER_NAMES)}")
    if isinstance(filters.get("dyad"), (list, tuple)):
        filters = {**filters, "dyad": tuple(filters["dyad"])}
    return EventFilter(**filters)


def _arrow(store, sql: str, params: list, batch_size: int = 65_536):
    """Run ``sql`` and gather its Arrow record batches into one table."""
    import pyarrow as pa

    with store._cursor() as con:
        reader = con.sql(sql, params=params).to_arrow_reader(batch_size)
        return pa.Table.from_batches(list(reader), schema=reader.schema)


class Events:
    """The merged events matching a filter (all of them unless ``limit`` is given)."""

    def __init__(self, store, f: EventFilter) -> None:
        self._store, self.filter = store, f
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            total = self._store.count_events(self.filter)
            total = max(0, total - self.filter.offset)
            self._count = total if self.filter.limit is None else min(total, self.filter.limit)
        return self._count

    def __iter__(self):
        return self._store.iter_events(self.filter)

    def to_list(self) -> list[dict]:
        return self._store.events(self.filter)

    def to_arrow(self):
        from dyads.store.query import events_sql

        return _arrow(self._store, *events_sql(self.filter, FLAT_FIELDS))

    def to_pandas(self):
        """One flat row per event (``dyads.frames.EVENT_COLUMNS`` + counts)."""
        return self.to_arrow().to_pandas()

    def _described(self) -> str:
        used = {k: v for k, v in vars(self.filter).items()
                if v not in (None, 0) and k != "offset"}
        what = ", ".join(f"{k}={v!r}" for k, v in used.items()) or "all"
        return f"<Events {what}: {len(self)} events>"

    def __repr__(self) -> str:
        return self._described()

    def _repr_html_(self) -> str:
        from dataclasses import replace

        from dyads.frames import flat_event

        head = self._store.events(replace(self.filter, limit=min(10, self.filter.limit or 10)))
        return html_table([flat_event(e) for e in head], SHOWN,
                          caption=self._described() + (" (first 10)" if len(self) > 10 else ""))


class Panel:
    """A zero-filled panel (``dyads.store.panel``)."""

    def __init__(self, store, spec: PanelSpec) -> None:
        self._store, self.spec = store, spec
        spec.check()

    def to_arrow(self):
        return _arrow(self._store, *panel_sql(self.spec))

    def to_pandas(self):
        return self.to_arrow().to_pandas()

    def to_list(self) -> list[dict]:
        return self._store.panel(self.spec)

    def write(self, path: str | Path, fmt: str = "csv") -> dict:
        """Write csv, parquet or jsonl with provenance; returns the provenance record."""
        with self._store._cursor() as con:
            return write_panel(con, self.spec, Path(path), fmt)

    def __repr__(self) -> str:
        s = self.spec
        return f"<Panel unit={s.unit} freq={s.freq} modalities={','.join(s.modalities)}>"


class Dataset:
    """A store opened for reading from Python (``dyads.open``)."""

    def __init__(self, store) -> None:
        self.store = store

    def events(self, **filters) -> Events:
        """Events matching the filters (``EventFilter`` fields: ``cameo="19,20"``,
        ``country="RUS,UKR"``, ``dyad=("USA", "RUS")``, ``date_from=...``)."""
        return Events(self.store, _filter(filters))

    def panel(self, unit: str = "country", freq: str = "month", *, date_from=None,
              date_to=None, modalities=("asserted",), min_confidence=None,
              **filters) -> Panel:
        mods = tuple(modalities.split(",")) if isinstance(modalities, str) else tuple(modalities)
        return Panel(self.store, PanelSpec(unit, freq, date_from, date_to, mods, min_confidence,
                                           _filter(filters) if filters else None))

    def stats(self) -> dict:
        return self.store.stats()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<dyads store {str(self.store.path)!r}>"


def open_dataset(path: str | Path, read_only: bool = True) -> Dataset:
    from dyads.store import Store

    return Dataset(Store.open(path, read_only=read_only))
