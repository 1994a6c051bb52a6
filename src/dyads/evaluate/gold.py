"""Reading gold files: the article behind each record, and its events in one shape.

Three gold layouts are read: the seed article, JSON Lines of articles (events with
``source``/``target`` objects carrying ``country`` and ``sector``, ``event_date``,
``evidence``, ``alt_cameo``, a ``published`` date per article) and JSON Lines of sentences
whose events give ``source_actor``/``target_actor`` CAMEO codes.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..ingest import make_article, parse_seed_layout
from ..records import Article


def load_gold(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("{") and "\n{" not in text.strip():
        return [json.loads(text)]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def gold_article(record: dict, gold_path: Path) -> Article:
    """The article a gold record describes: inline text, or its file beside the gold."""
    doc_id = str(record.get("id"))
    if record.get("text") is not None:
        return make_article(doc_id, record["text"], record.get("date") or record.get("published"))
    name = record.get("file") or f"{doc_id}.txt"
    for folder in (gold_path.parent, gold_path.parent / "articles"):
        if (folder / name).is_file():
            return parse_seed_layout((folder / name).read_text(encoding="utf-8"), doc_id,
                                     record.get("published"))
    return make_article(doc_id, None, extra_errors=[f"gold text {name} not found"])


def code_gold(records, gold_path: Path, workers: int = 1) -> dict[str, dict]:
    from ..engines import run

    articles = [gold_article(r, gold_path) for r in records]
    return {c.doc_id: c.to_dict() for c in run(articles, workers=workers)}


def published(record: dict) -> str:
    """The record's publication date as given ('' when it has none)."""
    return record.get("published") or record.get("date") or ""


# Country codes of older CAMEO actor lists that differ from ISO 3166 alpha-3, which dyads
# emits (as OUTPUT.md asks): compared as the same country.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}


def country_of_code(code) -> str | None:
    """'USAGOV' -> 'USA', 'IGOUNO' -> 'IGO'; '---LEG', '' and non-strings -> None."""
    if not code or not isinstance(code, str) or code.startswith("---"):
        return None
    code = code[:3].upper()
    return LEGACY_COUNTRY_CODES.get(code, code)


def _gold_actor(actor, with_sector: bool) -> str | None:
    """The key a gold actor is compared by. Without ``with_sector`` a country-less actor
    object (an IGO, 'the West') matches anything, as the project's first dev sets were
    scored; with it, the sector stands in for the country, as the strict rules want."""
    if actor is None:
        return None
    if isinstance(actor, str):
        return country_of_code(actor)
    fallback = actor.get("code") or (actor.get("sector") if with_sector else None)
    return (actor.get("country") or "").upper() or country_of_code(fallback)


def out_actor(actor) -> str | None:
    if not actor:
        return None
    return (actor.get("country") or "").upper() or country_of_code(actor.get("code") or actor.get("sector"))


def _gold_date(event: dict) -> str | None:
    """The gold's date ('YYYY', 'YYYY-MM' or a day); None where it gives none or 'unknown'."""
    date = event.get("event_date", event.get("date_gold"))
    return date if isinstance(date, str) and date and date != "unknown" else None


def gold_events(record: dict) -> list[dict]:
    out = []
    for e in record.get("events") or []:
        if "source_actor" in e or "target_actor" in e:
            src, tgt = e.get("source_actor"), e.get("target_actor")
            srcsec, tgtsec = _sector(src), _sector(tgt)
        else:
            src, tgt = e.get("source"), e.get("target")
            srcsec, tgtsec = (src or {}).get("sector"), (tgt or {}).get("sector")
        codes = [e.get("cameo")] + list(e.get("alt_cameo") or [])
        out.append({"roots": {str(c)[:2] for c in codes if c}, "plover": e.get("plover"),
                    "src": _gold_actor(src, False), "tgt": _gold_actor(tgt, False),
                    "src_body": _gold_actor(src, True), "tgt_body": _gold_actor(tgt, True),
                    "src_sector": srcsec, "tgt_sector": tgtsec, "date": _gold_date(e),
                    "evidence": e.get("evidence"), "cameo": e.get("cameo")})
    return out


def _sector(code) -> str | None:
    return code[3:6] if isinstance(code, str) and len(code) >= 6 else None
