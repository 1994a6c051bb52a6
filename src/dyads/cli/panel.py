"""`dyads panel`: a zero-filled unit x period panel of stored events (docs/panels.md)."""
from __future__ import annotations

import csv
import json
import sys

from dyads.store import Store, StoreError, StoreQueryError, StoreSchemaError
from dyads.store.panel import MODALITIES, PANEL_FORMATS, UNITS, PanelSpec, columns

FREQS = ("day", "week", "month", "year")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "panel", help="zero-filled country/dyad/actor x period counts",
        description="Counts per unit and period, zero-filled over every period from the "
                    "first to the last (or --from/--to) for every unit seen: events, "
                    "events per QuadClass (1-4) and CAMEO root (01-20), Goldstein sum and "
                    "mean. country and actor are monadic (events_as_source / _as_target "
                    "split the count by role); dyad is directed, source -> target country.")
    p.add_argument("--db", default="dyads.duckdb", help="store file (default: dyads.duckdb)")
    p.add_argument("--unit", choices=UNITS, default="country")
    p.add_argument("--freq", choices=FREQS, default="month")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day counted")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day counted")
    p.add_argument("--modality", default="asserted",
                   help="modalities counted, a comma list or 'all' (default: asserted)")
    p.add_argument("--min-confidence", type=float, default=None,
                   help="count only events with at least this confidence")
    p.add_argument("--format", choices=PANEL_FORMATS, default="csv")
    p.add_argument("-o", "--out", help="output file (required for parquet; default stdout)")
    p.set_defaults(func=run_panel)


def spec_from_args(args) -> PanelSpec:
    mods = (MODALITIES if args.modality.strip().lower() == "all" else
            tuple(m.strip().lower() for m in args.modality.split(",") if m.strip()))
    return PanelSpec(unit=args.unit, freq=args.freq, date_from=args.date_from,
                     date_to=args.date_to, modalities=mods, min_confidence=args.min_confidence)


def write_stdout(found: list[dict], unit: str, fmt: str, out) -> None:
    if fmt == "jsonl":
        for row in found:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=columns(unit), lineterminator="\n")
    writer.writeheader()
    writer.writerows(found)


def run_panel(args) -> int:
    if args.format == "parquet" and not args.out:
        print("dyads: --format parquet needs -o FILE", file=sys.stderr)
        return 2
    spec = spec_from_args(args)
    try:
        with Store.open(args.db, read_only=True) as store:
            if args.out:
                meta = store.write_panel(spec, args.out, args.format)
                print(f"wrote {meta['rows']} rows to {args.out}", file=sys.stderr)
            else:
                write_stdout(store.panel(spec), spec.unit, args.format, sys.stdout)
    except (StoreError, StoreSchemaError, StoreQueryError) as exc:
        print(f"dyads: {exc}", file=sys.stderr)
        return 2
    return 0
