"""Flat CSV rows for events (nested actors and places become prefixed columns)."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

from dyads.api.pages import plain

ACTOR_FIELDS = ("code", "name", "kb_id", "country", "sector")
EVENT_FIELDS = ("event_id", "date", "date_precision", "cameo", "cameo_root", "plover",
                "plover_mode", "quad_class", "goldstein", "modality", "confidence",
                "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen",
                "quote")
LOCATION_FIELDS = ("name", "country", "lat", "lon", "geonames_id")
# Where a row comes from (present when the rows were read with their evidence).
PROVENANCE_FIELDS = ("evidence_sentence", "trigger", "rule_id", "evidence_doc_id",
                     "coder_version", "coded_date")
COLUMNS = (list(EVENT_FIELDS[:1]) + [f"source_{f}" for f in ACTOR_FIELDS]
           + [f"target_{f}" for f in ACTOR_FIELDS] + list(EVENT_FIELDS[1:])
           + [f"location_{f}" for f in LOCATION_FIELDS] + list(PROVENANCE_FIELDS))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def flat_event(event: dict) -> dict:
    row = {f: event.get(f) for f in EVENT_FIELDS + PROVENANCE_FIELDS}
    for role in ("source", "target"):
        actor = event.get(role) or {}
        row.update({f"{role}_{f}": actor.get(f) for f in ACTOR_FIELDS})
    place = event.get("location") or {}
    row.update({f"location_{f}": place.get(f) for f in LOCATION_FIELDS})
    return {k: safe_cell(v) for k, v in plain(row).items()}


def events_csv(events: list[dict]) -> str:
    return "".join(iter_events_csv(events))


def iter_events_csv(events: Iterable[dict], rows_per_chunk: int = 500) -> Iterator[str]:
    """The CSV text in chunks (header first), for a streamed download of any size."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for n, event in enumerate(events, 1):
        writer.writerow(flat_event(event))
        if n % rows_per_chunk == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()
