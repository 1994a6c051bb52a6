"""Event filters as SQL: the ``EventFilter`` fields, the WHERE clause, sorting and paging.

Several values of one field are alternatives: ``cameo="19,20"`` (or ``("19", "20")``)
matches either root, ``country="RUS,UKR"`` events with either country on either side,
``modality="asserted,future"`` either modality. Sorting takes one of ``SORTS`` (a
leading ``-`` sorts descending); nothing a user types is ever put into SQL but values
passed as parameters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dyads.store import schema


class StoreQueryError(ValueError):
    """A query parameter is out of range; the message says which values are allowed."""


Values = str | tuple | list | None


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None          # name substring (case-insensitive) or code/kb_id
    country: Values = None            # ISO3 of source or target; several: "RUS,UKR"
    source: str | None = None         # ISO3, code or kb_id of the source
    target: str | None = None
    dyad: tuple[str, str] | None = None   # (A, B) either direction
    cameo: Values = None              # exact code or prefix ("04", "041"); several: "19,20"
    plover: Values = None
    quad_class: int | tuple | None = None
    modality: Values = None           # one or several: "asserted,future"
    date_from: str | None = None
    date_to: str | None = None
    location: str | None = None       # place name or ISO3 country of the location
    text: str | None = None           # substring of a mention's sentence
    doc_id: str | None = None
    limit: int | None = None          # None: every matching row
    offset: int = 0
    sort: str | None = None           # one of SORTS, "-" first for descending


# sort key -> SQL expression over the events table (the whitelist).
SORTS = {"date": "date", "source": "lower(source.name)", "target": "lower(target.name)",
         "cameo": "cameo", "plover": "plover", "quad_class": "quad_class",
         "goldstein": "goldstein", "modality": "modality", "place": "lower(location.name)",
         "confidence": "confidence", "reports": "num_mentions", "articles": "num_articles"}
DEFAULT_ORDER = "date DESC NULLS LAST, event_id"


def values(value) -> list:
    """A filter value as a list of alternatives: a comma list, a tuple/list, or one value."""
    if value is None or value == "":
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [v.strip() if isinstance(v, str) else v for v in items
            if not (isinstance(v, str) and not v.strip())]


def order_by(sort: str | None) -> str:
    """ORDER BY body for ``sort`` ("goldstein", "-date"); ties broken by date and id."""
    if not sort:
        return DEFAULT_ORDER
    key = sort.lstrip("-")
    if key not in SORTS:
        raise StoreQueryError(f"sort must be one of {', '.join(SORTS)} (a leading '-' for "
                              f"descending), not {sort!r}")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"{SORTS[key]} {direction} NULLS LAST, {DEFAULT_ORDER}"


def _in(column: str, items: list, wrap: str = "?") -> tuple[str, list]:
    marks = ", ".join(wrap for _ in items)
    return f"{column} IN ({marks})", list(items)


def _any(make, items: list) -> tuple[str, list]:
    """OR over ``make(value)`` for each value."""
    parts = [make(v) for v in items]
    return "(" + " OR ".join(p[0] for p in parts) + ")", [x for p in parts for x in p[1]]
def _actor_column(value: str) -> tuple[str, str]:
    """Which actor field a key names: a Wikidata id, an ISO3 country, else a CAMEO code."""
    value = value.strip()
    if re.fullmatch(r"Q\d+", value):
        return "kb_id", value
    if re.fullmatch(r"[A-Za-z]{3}", value):
        return "country", value.upper()
    return "code", value.upper()


def _side_column(side: str, column: str) -> str:
    """Countries are read from schema v2's flat columns: one small column, filtered inside
    DuckDB's scan; other keys from the actor STRUCT."""
    return f"{side}_country" if column == "country" else f"{side}.{column}"


def _side(side: str, value: str) -> tuple[str, list]:
    """The actor on ``side`` is ``value``: its kb id, ISO3 country or CAMEO code."""
    column, value = _actor_column(value)
    return f"{_side_column(side, column)} = ?", [value]


def _actor_like(side: str, value: str) -> tuple[str, list]:
    return (f"(contains(lower({side}.name), lower(?)) OR {side}.code = ? OR {side}.kb_id = ?)",
            [value, value.upper(), value])


def _either(make, value: str) -> tuple[str, list]:
    a_sql, a_params = make("source", value)
    b_sql, b_params = make("target", value)
    return f"({a_sql} OR {b_sql})", a_params + b_params


def dyad_clause(a: str, b: str, symmetric: bool = True) -> tuple[str, list]:
    """Events between actors ``a`` and ``b`` (either direction when ``symmetric``).

    Two countries in either direction are one equality on the canonical ``dyad_key``."""
    (col_a, a), (col_b, b) = _actor_column(a), _actor_column(b)
    src_a, tgt_b = _side_column("source", col_a), _side_column("target", col_b)
    if not symmetric or a == b:
        return f"({src_a} = ? AND {tgt_b} = ?)", [a, b]
    if col_a == col_b == "country":
        return "dyad_key = ?", [schema.dyad_key(a, b)]
    if col_a == col_b:  # IN lists push down into the scan; an OR of ANDs does not
        return (f"({src_a} IN (?, ?) AND {tgt_b} IN (?, ?) AND {src_a} <> {tgt_b})",
                [a, b, a, b])
    src_b, tgt_a = _side_column("source", col_b), _side_column("target", col_a)
    return f"(({src_a} = ? AND {tgt_b} = ?) OR ({src_b} = ? AND {tgt_a} = ?))", [a, b, b, a]


def _mention_subquery(sql: str, params: list, on_events: bool):
    """On the events table, conditions on mention fields go through the mentions."""
    if not on_events:
        return sql, params
    return f"event_id IN (SELECT merged_id FROM mentions WHERE {sql})", params


def _multi(f: EventFilter) -> list[tuple[str, list]]:
    """Conditions for the fields that take several values (any of them matches)."""
    parts = []
    if cameos := values(f.cameo):
        parts.append(_any(lambda c: ("starts_with(cameo, ?)", [c]), cameos))
    if plovers := [p.upper() for p in values(f.plover)]:
        parts.append(_in("plover", plovers))
    if quads := [int(q) for q in values(f.quad_class if not isinstance(f.quad_class, int)
                                        else (f.quad_class,))]:
        parts.append(_in("quad_class", quads))
    if modalities := [m.lower() for m in values(f.modality)]:
        parts.append(_in("modality", modalities))
    return parts


def where(f: EventFilter | None, on_events: bool = True) -> tuple[str, list]:
    """SQL condition (with ``?`` placeholders) and parameters for a filter."""
    f = f or EventFilter()
    parts: list[tuple[str, list]] = []
    if f.actor:
        parts.append(_either(_actor_like, f.actor))
    if countries := [c.upper() for c in values(f.country)]:
        a_sql, a_params = _in("source_country", countries)
        b_sql, b_params = _in("target_country", countries)
        parts.append((f"({a_sql} OR {b_sql})", a_params + b_params))
    if f.source:
        parts.append(_side("source", f.source))
    if f.target:
        parts.append(_side("target", f.target))
    if f.dyad:
        parts.append(dyad_clause(f.dyad[0], f.dyad[1], symmetric=True))
    parts += _multi(f)
    simple = (("date >= CAST(? AS DATE)", f.date_from), ("date <= CAST(? AS DATE)", f.date_to))
    parts += [(sql, [v]) for sql, v in simple if v is not None]
    if f.location:
        parts.append(("(contains(lower(location.name), lower(?)) OR location.country = upper(?))",
                      [f.location, f.location]))
    if f.text:
        parts.append(_mention_subquery(
            "contains(lower(sentence.text), lower(?))", [f.text], on_events))
    if f.doc_id:  # a copy's id (an alias) finds the events of the article it repeats
        parts.append(_mention_subquery(
            "doc_id IN (SELECT ? UNION ALL SELECT doc_id FROM doc_aliases "
            "WHERE alias_doc_id = ?)", [f.doc_id, f.doc_id], on_events))
    if not parts:
        return "TRUE", []
    return " AND ".join(p[0] for p in parts), [v for p in parts for v in p[1]]


def _page(f: EventFilter | None) -> tuple[str, list]:
    """LIMIT/OFFSET for a filter; no LIMIT at all when the filter sets none."""
    f = f or EventFilter()
    offset = max(0, int(f.offset))
    if f.limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [max(0, int(f.limit)), offset]


