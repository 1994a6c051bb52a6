"""`dyads query`, `dyads export`, `dyads load`, `dyads stats`: the store from the shell."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Iterator

from dyads import __version__
from dyads.store import (BULK_BATCH_DOCS, EventFilter, Store, StoreError, StoreQueryError,
                         StoreSchemaError)
from dyads.store.export import FORMATS, MODALITIES, ExportOptions
from dyads.store.filters import SORTS
from dyads.store.gdelt import IMPRECISE
from dyads.store.write import read_docs_jsonl, read_docs_parquet

from .args import iso_date

AGGREGATES = ("dyad-series", "top-actors", "network", "locations")
TABLE_COLUMNS = ("event_id", "date", "source", "target", "cameo", "plover", "quad_class",
                 "goldstein", "num_mentions", "num_articles", "location")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="dyads.duckdb", help="store file (default: dyads.duckdb)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    for name, what in (("actor", "actor name substring, code or Wikidata id"),
                       ("country", "ISO3 country of source or target; several: RUS,UKR"),
                       ("source", "ISO3/code of the source"), ("target", "ISO3/code of the target"),
                       ("cameo", "CAMEO code or prefix (04, 041); several: 19,20"),
                       ("plover", "PLOVER type; several: ASSAULT,COERCE"),
                       ("modality", "asserted|negated|future|hypothetical; several: "
                                    "asserted,future"),
                       ("date-from", "YYYY-MM-DD"), ("date-to", "YYYY-MM-DD"),
                       ("location", "place name or ISO3 country"),
                       ("text", "substring of the sentence"), ("doc-id", "article id")):
        g.add_argument(f"--{name}", help=what, type=iso_date if what == "YYYY-MM-DD" else None)
    g.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="dyad, either direction")
    g.add_argument("--quad-class", type=int, choices=range(5))
    g.add_argument("--limit", type=int, default=None,
                   help="at most this many rows (default: every matching row)")
    g.add_argument("--offset", type=int, default=0)


def filter_from_args(args: argparse.Namespace) -> EventFilter:
    return EventFilter(
        actor=args.actor, country=args.country, source=args.source, target=args.target,
        dyad=tuple(args.dyad) if args.dyad else None, cameo=args.cameo, plover=args.plover,
        quad_class=args.quad_class, modality=args.modality, date_from=args.date_from,
        date_to=args.date_to, location=args.location, text=args.text, doc_id=args.doc_id,
        limit=args.limit, offset=args.offset, sort=getattr(args, "sort", None))


def register(subparsers) -> None:
    q = subparsers.add_parser("query", help="list merged events (or mentions, aggregates)")
    _add_db(q)
    _add_filters(q)
    q.add_argument("--mentions", action="store_true", help="list every coded mention instead")
    q.add_argument("--aggregate", choices=AGGREGATES)
    q.add_argument("--freq", default="month", choices=("day", "week", "month", "year"))
    q.add_argument("--top", type=int, default=20, help="how many actors for top-actors")
    q.add_argument("--min-events", type=int, default=1, help="edge threshold for network")
    q.add_argument("--format", default="table", choices=("table", "jsonl", "csv"))
    q.add_argument("--sort", metavar="FIELD", help="sort events by one of " + ", ".join(SORTS)
                   + " ('-' first for descending; default: newest first)")
    q.set_defaults(func=run_query)

    e = subparsers.add_parser(
        "export", help="export merged events to a file",
        description="Every matching event is written (no limit). gdelt, plover and "
                    "polecat-flat hold asserted events unless --modality says otherwise; "
                    "csv and parquet hold every modality (a column). Provenance goes into "
                    "Parquet metadata or OUT.json beside the file.")
    e.add_argument("fmt", choices=FORMATS)
    e.add_argument("path", help="output file (a directory for parquet)")
    _add_db(e)
    _add_filters(e)
    e.add_argument("--imprecise-dates", choices=IMPRECISE, default="exclude",
                   help="gdelt: leave out events dated only to a month or year (default), "
                        "or write them on the period's first day")
    e.add_argument("--header", action="store_true", help="gdelt: write a header row")
    e.add_argument("--provenance-columns", action="store_true",
                   help="gdelt: append dyads columns (event id, modality, date precision, "
                        "confidence, rule id, trigger, evidence doc and sentence)")
    e.set_defaults(func=run_export)

    ld = subparsers.add_parser("load", help="store docs records (JSON Lines or Parquet)")
    ld.add_argument("paths", nargs="+", help="docs .jsonl files, .parquet files or directories")
    _add_db(ld)
    ld.add_argument("--coder-version", default=__version__)
    ld.add_argument("--batch-size", type=int, default=BULK_BATCH_DOCS,
                    help="docs per transaction (default %(default)s)")
    ld.add_argument("--replace", action="store_true", help="re-store even unchanged versions")
    ld.add_argument("--cluster", action="store_true",
                    help="afterwards rewrite events in date order (faster date filters)")
    ld.set_defaults(func=run_load)

    s = subparsers.add_parser("stats", help="counts and ranges of a store")
    _add_db(s)
    s.set_defaults(func=run_stats)


def _open(args, read_only: bool) -> Store:
    return Store.open(args.db, read_only=read_only)


def _fail(exc: Exception) -> int:
    print(f"dyads: {exc}", file=sys.stderr)
    return 2


def _aggregate(store: Store, args, f: EventFilter) -> list[dict]:
    if args.aggregate == "dyad-series":
        if not args.dyad:
            raise StoreQueryError("--aggregate dyad-series needs --dyad A B")
        return store.dyad_series(args.dyad[0], args.dyad[1], freq=args.freq)
    if args.aggregate == "top-actors":
        return store.top_actors(f, n=args.top)
    if args.aggregate == "network":
        return store.network(f, min_events=args.min_events)
    return store.locations(f)


def run_query(args) -> int:
    try:
        with _open(args, read_only=True) as store:
            f = filter_from_args(args)
            if args.aggregate:
                found = _aggregate(store, args, f)
            else:
                found = store.mentions(f) if args.mentions else store.events(f)
    except (StoreError, StoreSchemaError, StoreQueryError) as exc:
        return _fail(exc)
    write_rows(found, args.format, sys.stdout, table=not args.aggregate)
    return 0


def _cell(value) -> str:
    if isinstance(value, dict):
        return str(value.get("code") or value.get("name") or "")
    return "" if value is None else str(value)


def flatten(row: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in row.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            out[prefix + key] = json.dumps(value)
        else:
            out[prefix + key] = value
    return out


def write_rows(found: list[dict], fmt: str, out, table: bool = True) -> None:
    if fmt == "jsonl":
        for row in found:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        flat = [flatten(r) for r in found]
        names = list(dict.fromkeys(k for r in flat for k in r))
        writer = csv.DictWriter(out, fieldnames=names)
        writer.writeheader()
        writer.writerows(flat)
        return
    columns = [c for c in TABLE_COLUMNS if found and c in found[0]] if table else []
    columns = columns or (list(found[0]) if found else [])
    cells = [[_cell(r.get(c)) for c in columns] for r in found]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    for row in [list(columns)] + cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def export_modalities(value: str | None) -> tuple[str, ...] | None:
    """'--modality asserted,future' or 'all'; None keeps the format's default."""
    if not value:
        return None
    if value.strip().lower() == "all":
        return MODALITIES
    return tuple(v.strip().lower() for v in value.split(",") if v.strip())


def run_export(args) -> int:
    options = ExportOptions(modalities=export_modalities(args.modality),
                            imprecise_dates=args.imprecise_dates, header=args.header,
                            provenance_columns=args.provenance_columns)
    args.modality = None  # carried by the options, which take lists
    try:
        with _open(args, read_only=True) as store:
            path = store.export(args.fmt, args.path, filter_from_args(args), options)
    except (StoreError, StoreSchemaError, StoreQueryError, ValueError) as exc:
        return _fail(exc)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def docs_from_paths(paths: list[str]) -> Iterator[dict]:
    """Docs records from .jsonl files, .parquet files, or directories holding either."""
    for name in paths:
        path = Path(name)
        if path.is_dir() and any(path.rglob("*.parquet")):
            yield from read_docs_parquet(path)
        elif path.is_dir():
            for file in sorted(path.rglob("*.jsonl")):
                yield from read_docs_jsonl(file)
        elif path.suffix == ".parquet":
            yield from read_docs_parquet(path)
        else:
            yield from read_docs_jsonl(path)


def run_load(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        return _fail(FileNotFoundError(f"no such file or directory: {', '.join(missing)}"))
    try:
        with _open(args, read_only=False) as store:
            result = store.add_docs(docs_from_paths(args.paths), args.coder_version,
                                    batch_size=args.batch_size, replace=args.replace)
            if args.cluster:
                store.cluster()
    except (StoreError, StoreSchemaError, json.JSONDecodeError) as exc:
        return _fail(exc)
    print(json.dumps(result, indent=1))
    return 1 if result["errors"] else 0


def run_stats(args) -> int:
    try:
        with _open(args, read_only=True) as store:
            print(json.dumps(store.stats(), indent=1))
    except (StoreError, StoreSchemaError) as exc:
        return _fail(exc)
    return 0
