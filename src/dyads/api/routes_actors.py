"""Actors, dyads, the actor network and the map of located events."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from dyads.api import charts, views
from dyads.api.pages import twin
from dyads.api.params import PLAIN_TEXT, EventQuery, Freq, Page, event_query, paging
from dyads.api.routes_browse import get_gate
from dyads.api.storegate import StoreGate
from dyads.api.world import load_outline

router = APIRouter()


def actor_key_query():
    """A fresh Query per parameter: FastAPI must not share one between two names."""
    return Query(None, max_length=200, pattern=PLAIN_TEXT,
                 description="actor key, code or ISO3 country")


def roles_finder(request: Request):
    return request.app.state.roles_of


@twin(router, "/actors", "actors.html", tags=["actors"], summary="List actors")
def actors(name: str | None = Query(None, max_length=200, pattern=PLAIN_TEXT),
           page: Page = Depends(paging), gate: StoreGate = Depends(get_gate)) -> dict:
    """Actors known to the database, optionally those whose name or code contains `name`."""
    with gate() as store:
        return views.actors(store, name or None, page)


@twin(router, "/actor/{key:path}", "actor.html", tags=["actors"],
      summary="One actor: its events, partners, quotes and dated roles")
def actor(key: str, gate: StoreGate = Depends(get_gate), roles_of=Depends(roles_finder)) -> dict:
    """An actor by key (kb id or code). `roles` lists the knowledge base's roles for the
    person on the dates of its events (empty for groups or when the KB is absent)."""
    with gate() as store:
        return views.actor(store, key, roles_of)


def timeline_chart(data: dict) -> dict:
    """Two drawings of one series: wide screens get one, phones the narrow one (CSS)."""
    return {"timelines": [{**charts.timeline(data["series"], data["freq"]), "cls": "wide"},
                       {**charts.timeline(data["series"], data["freq"], width=360, height=300),
                        "cls": "narrow"}]}


@twin(router, "/dyad", "dyad.html", tags=["dyads"], summary="Dyad time series",
      decorate=timeline_chart)
def dyad(a: str | None = actor_key_query(), b: str | None = actor_key_query(), freq: Freq = "month",
         symmetric: bool = True, gate: StoreGate = Depends(get_gate)) -> dict:
    """Events between actors `a` and `b` per period, every period from the first to the
    last (zeros where nothing happened): counts per quad class and Goldstein sum and mean.
    `symmetric=false` counts only `a` acting on `b`. Without both actors the series is
    empty and `busiest` / `busiest_actors` list the dyads with most events."""
    with gate() as store:
        return views.dyad(store, a, b, freq, symmetric)


def network_chart(data: dict) -> dict:
    return {"chart": charts.network(data["edges"])}


@twin(router, "/network", "network.html", tags=["network"], summary="Actor network edges",
      decorate=network_chart)
def network(q: EventQuery = Depends(event_query),
            min_events: int = Query(1, ge=1, le=1_000_000),
            gate: StoreGate = Depends(get_gate)) -> dict:
    """Directed source → target edges with event counts and mean Goldstein, over the
    events matching the filters (paging is ignored)."""
    with gate() as store:
        return views.network(store, q, min_events)


def map_chart(data: dict) -> dict:
    return {"points": charts.map_points(data["locations"]), "outline": load_outline(),
            "graticule": charts.graticule()}


@twin(router, "/map", "map.html", tags=["map"], summary="Located events",
      decorate=map_chart)
def locations(q: EventQuery = Depends(event_query), gate: StoreGate = Depends(get_gate)) -> dict:
    """Events with a known place (name, country, latitude, longitude), filtered like /events."""
    with gate() as store:
        return views.locations(store, q)
