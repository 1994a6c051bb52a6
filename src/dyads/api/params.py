"""Query parameters shared by the JSON API and the pages, validated before the store sees them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                "MOBILIZE", "COERCE", "ASSAULT")
Plover = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                 "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                 "MOBILIZE", "COERCE", "ASSAULT"]
Modality = Literal["asserted", "negated", "future", "hypothetical"]
Freq = Literal["day", "week", "month", "year"]

PLAIN_TEXT = r"^[^\x00-\x1f\x7f]*$"  # printable text: control characters are never meant
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
ISO3_LIST = r"^[A-Za-z]{3}(,[A-Za-z]{3})*$"
CAMEO_LIST = r"^[0-9]{2,4}(,[0-9]{2,4})*$"
MODALITIES = ("asserted", "negated", "future", "hypothetical")
MODALITY_LIST = r"^(asserted|negated|future|hypothetical)(,(asserted|negated|future|hypothetical))*$"
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000


def text_query(description: str, max_length: int = 200):
    return Query(None, max_length=max_length, pattern=PLAIN_TEXT, description=description)


def invalid(name: str, message: str) -> RequestValidationError:
    """A 422 shaped like FastAPI's own, so clients parse one error format."""
    return RequestValidationError([{"loc": ("query", name), "msg": message,
                                    "type": "value_error"}])


def checked_date(value: str | None, name: str) -> str | None:
    """An ISO date that exists on the calendar, or a 422 saying which parameter is wrong."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise invalid(name, f"{name} must be a real date written YYYY-MM-DD, got {value!r}")


def listed(value: str | list[str] | None, upper: bool = False) -> str | tuple[str, ...] | None:
    """'19,20' (or repeated parameters) -> ('19', '20'), '19' -> '19'; None for nothing."""
    if not value:
        return None
    parts = [value] if isinstance(value, str) else value
    items = [v.strip() for part in parts for v in part.split(",") if v.strip()]
    items = list(dict.fromkeys(v.upper() if upper else v.lower() for v in items))
    if len(items) == 1:  # one value stays a plain string, as before lists were taken
        return items[0]
    return tuple(items) or None


def checked_sort(value: str | None) -> str | None:
    from dyads.store.filters import SORTS

    if not value:
        return None
    if value.lstrip("-") not in SORTS:
        raise invalid("sort", f"sort must be one of {', '.join(SORTS)} (a leading '-' "
                              f"sorts descending), got {value!r}")
    return value


def dyad_pair(value: str | None) -> tuple[str, str] | None:
    """'A,B' -> ('A', 'B'); anything else is a 422 saying how to write it."""
    if not value:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise invalid("dyad", f"dyad must be two actor keys joined by a comma "
                              f"(e.g. 'USA,RUS'), got {value!r}")
    return parts[0], parts[1]


def checked_modalities(value: list[str] | None) -> str | tuple[str, ...] | None:
    for part in value or []:
        if part and not re.fullmatch(MODALITY_LIST, part.strip().lower()):
            raise invalid("modality", f"modality must be among {', '.join(MODALITIES)} "
                                      f"(several joined by commas), got {part!r}")
    return listed(value)


@dataclass(frozen=True)
class EventQuery:
    """The store's event filters plus paging, as the request gave them."""

    filters: dict = field(default_factory=dict)
    limit: int = 100
    offset: int = 0

    def as_filter(self, **overrides):
        from dyads.store import EventFilter

        return EventFilter(**{**self.filters, "limit": self.limit, "offset": self.offset,
                              **overrides})

    def query_string_items(self) -> list[tuple[str, str]]:
        """Filters as (name, value) pairs, for links that keep the search."""
        return [(k, ",".join(v) if isinstance(v, tuple) else str(v))
                for k, v in self.filters.items() if v not in (None, "")]


def event_query(
    actor: str | None = text_query("actor key (kb id or code) as source or target"),
    country: str | None = Query(None, pattern=ISO3_LIST, description="ISO3 country of "
                                "source or target; several joined by commas: 'RUS,UKR'"),
    source: str | None = text_query("source actor key, code or name"),
    target: str | None = text_query("target actor key, code or name"),
    dyad: str | None = text_query("two actor keys joined by a comma: 'USAGOV,RUSGOV'"),
    cameo: str | None = Query(None, pattern=CAMEO_LIST, description="CAMEO code or prefix "
                              "('04' for all consultations); several: '19,20'"),
    plover: Plover | None = Query(None, description="PLOVER event type"),
    quad_class: int | None = Query(None, ge=0, le=4, description="0 neutral .. 4 material conflict"),
    modality: list[str] | None = Query(None, description="asserted, negated, future or "
                                       "hypothetical; several: 'asserted,future' (or repeated)"),
    date_from: str | None = Query(None, pattern=ISO_DATE, description="first event date"),
    date_to: str | None = Query(None, pattern=ISO_DATE, description="last event date"),
    location: str | None = text_query("place name"),
    text: str | None = text_query("words in the event's sentence"),
    doc_id: str | None = text_query("article id", max_length=500),
    sort: str | None = Query(None, pattern=r"^-?[a-z_]{1,20}$", description="column to sort "
                             "by (date, source, target, cameo, goldstein, place, reports, ...); "
                             "'-' first for descending"),
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> EventQuery:
    filters = {
        "actor": actor or None, "country": listed(country, upper=True),
        "source": source or None, "target": target or None, "dyad": dyad_pair(dyad),
        "cameo": listed(cameo), "plover": plover, "quad_class": quad_class,
        "modality": checked_modalities(modality), "date_from": checked_date(date_from, "date_from"),
        "date_to": checked_date(date_to, "date_to"), "location": location or None,
        "text": text or None, "doc_id": doc_id or None, "sort": checked_sort(sort),
    }
    return EventQuery({k: v for k, v in filters.items() if v is not None}, limit, offset)


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def paging(limit: int = Query(50, ge=1, le=MAX_LIMIT),
           offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Page:
    return Page(limit, offset)
