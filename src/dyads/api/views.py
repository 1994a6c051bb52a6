"""What each page shows, as plain data: the `.json` twin returns it, the HTML renders it.

Every function takes an open store (and validated parameters) and only calls store
methods: the API never writes SQL of its own.
"""
from __future__ import annotations

from typing import Callable

from fastapi import HTTPException

from dyads.api import charts
from dyads.api.params import EventQuery, Page

ACTOR_EVENTS_SHOWN = 50
MAX_ROWS = 5000  # places on the map; network edges are not paged by the store


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} {key!r} in this database")


def home(store) -> dict:
    from dyads.store import EventFilter

    return {"stats": store.stats(), "top_actors": store.top_actors(None, 12),
            "recent_events": store.events(EventFilter(limit=10))}


def events(store, q: EventQuery) -> dict:
    """One page; ``next_offset`` (null on the last page) says where the next one starts,
    so a client reading every page gets every event."""
    f = q.as_filter()
    total = store.count_events(f)
    found = store.events(f)
    after = q.offset + len(found)
    return {"total": total, "limit": q.limit, "offset": q.offset,
            "next_offset": after if after < total else None,
            "filters": q.filters, "events": found}


def event(store, event_id: str) -> dict:
    found = store.event(event_id)
    if found is None:
        raise not_found("event", event_id)
    return {"event": found}


def actors(store, name: str | None, page: Page) -> dict:
    return {"name": name, "limit": page.limit, "actors": store.actors(name=name, limit=page.limit)}


def actor(store, key: str, roles_of: Callable[[dict, list[str]], list[dict]] | None) -> dict:
    found = store.actor(key)
    if found is None:
        raise not_found("actor", key)
    side = found.get("kb_id") or found.get("code") or key
    f = EventQuery({"actor": side}, ACTOR_EVENTS_SHOWN, 0).as_filter()
    listed = store.events(f)
    dates = sorted({str(e["date"]) for e in listed if e.get("date")})
    return {
        "actor": found, "total_events": store.count_events(f), "events": listed,
        "quotes": store.quotes(speaker=side, limit=20, offset=0),
        "roles": roles_of(found, dates) if roles_of else [],
    }


BUSIEST_DYADS = 20


def dyad(store, a: str | None, b: str | None, freq: str, symmetric: bool) -> dict:
    """A dyad's zero-filled series; without both actors, the busiest dyads to pick from."""
    if not a or not b:
        return {"a": a or "", "b": b or "", "freq": freq, "symmetric": symmetric,
                "series": [], "total_events": 0, "events": [],
                "busiest": store.top_dyads(BUSIEST_DYADS, "country"),
                "busiest_actors": store.top_dyads(BUSIEST_DYADS, "actor")}
    q = EventQuery({"dyad": (a, b)}, 50, 0)
    f = q.as_filter()
    series = charts.fill_periods(store.dyad_series(a, b, freq=freq, symmetric=symmetric), freq)
    return {"a": a, "b": b, "freq": freq, "symmetric": symmetric, "series": series,
            "total_events": store.count_events(f), "events": store.events(f)}


def network(store, q: EventQuery, min_events: int) -> dict:
    f = q.as_filter(limit=MAX_ROWS, offset=0)
    return {"filters": q.filters, "min_events": min_events,
            "edges": store.network(f, min_events)}


def locations(store, q: EventQuery) -> dict:
    f = q.as_filter(limit=MAX_ROWS, offset=0)
    return {"filters": q.filters, "locations": store.locations(f)}


def quotes(store, speaker: str | None, doc_id: str | None, page: Page) -> dict:
    return {"speaker": speaker, "doc_id": doc_id, "limit": page.limit, "offset": page.offset,
            "quotes": store.quotes(speaker=speaker, doc_id=doc_id, limit=page.limit,
                                   offset=page.offset)}


def articles(store, text: str | None, page: Page) -> dict:
    return {"text": text, "limit": page.limit, "offset": page.offset,
            "articles": store.articles(limit=page.limit, offset=page.offset, text=text)}


def article(store, doc_id: str) -> dict:
    found = store.article(doc_id)
    if found is None:
        raise not_found("article", doc_id)
    return {"article": found}
