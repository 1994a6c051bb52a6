"""Flat rows for DataFrames and short displays (``repr``, ``_repr_html_``) of results.

One event becomes one flat row: nested actors and the place are spread into prefixed
columns (``source_name``, ``target_country``, ``location_name`` ...), the same columns
whether the event comes from coding in memory (``CodedArticle.to_pandas()``) or from a
store (``dyads.open(db).events().to_pandas()``). pandas is imported only when asked for.
"""
from __future__ import annotations

from html import escape

ACTOR_FIELDS = ("name", "code", "country", "sector", "kb_id")
LOCATION_FIELDS = ("name", "country", "lat", "lon")
EVENT_COLUMNS = ("event_id", "date", "date_precision", *(f"source_{f}" for f in ACTOR_FIELDS),
                 *(f"target_{f}" for f in ACTOR_FIELDS), "cameo", "cameo_root", "plover",
                 "plover_mode", "quad_class", "goldstein", "modality",
                 *(f"location_{f}" for f in LOCATION_FIELDS), "confidence")
# The columns a coded (not stored) event adds; a stored one has counts over reports.
CODED_COLUMNS = ("doc_id", "sentence", "trigger", "rule")
STORED_COLUMNS = ("num_mentions", "num_articles", "num_sources", "first_seen", "last_seen")
SHOWN = ("date", "source_name", "cameo", "target_name", "goldstein", "modality")


def flat_event(event: dict) -> dict:
    """An OUTPUT.md event (or a stored merged event) as one flat row; a missing target
    (or source, or place) gives empty cells."""
    row = {c: event.get(c) for c in ("event_id", "date", "date_precision")}
    for side in ("source", "target"):
        actor = event.get(side) or {}
        row.update({f"{side}_{f}": actor.get(f) for f in ACTOR_FIELDS})
    row.update({c: event.get(c) for c in ("cameo", "cameo_root", "plover", "plover_mode",
                                          "quad_class", "goldstein", "modality")})
    place = event.get("location") or {}
    row.update({f"location_{f}": place.get(f) for f in LOCATION_FIELDS})
    row["confidence"] = event.get("confidence")
    return row


def coded_row(event: dict) -> dict:
    trigger = event.get("trigger") or {}
    return {**flat_event(event), "doc_id": event.get("doc_id"),
            "sentence": (event.get("sentence") or {}).get("text"),
            "trigger": trigger.get("text"), "rule": trigger.get("rule")}


def frame(rows: list[dict], columns):
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def html_table(rows: list[dict], columns=SHOWN, caption: str = "") -> str:
    """A small HTML table (notebooks); every cell escaped."""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if r.get(c) is None else str(r.get(c)))}</td>"
                                    for c in columns) + "</tr>" for r in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def short(text: str | None, room: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= room else text[:room - 1] + "…"
