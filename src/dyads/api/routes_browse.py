"""Events, articles and quotes: the search page, single events, the article reader."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse

from dyads.api import highlight, views
from dyads.api.pages import twin
from dyads.api.params import PLAIN_TEXT, EventQuery, Page, event_query, paging
from dyads.api.storegate import StoreGate

router = APIRouter()

def get_gate(request: Request) -> StoreGate:
    return request.app.state.gate


@router.get("/", include_in_schema=False)
def root():
    return RedirectResponse("/index", status_code=307)


@twin(router, "/index", "home.html", tags=["overview"], summary="Database overview")
def overview(gate: StoreGate = Depends(get_gate)) -> dict:
    """Counts, busiest actors and the latest events."""
    with gate() as store:
        return views.home(store)


@twin(router, "/events", "events.html", tags=["events"], summary="Search merged events")
def events(q: EventQuery = Depends(event_query), gate: StoreGate = Depends(get_gate)) -> dict:
    """Merged events matching every given filter, newest first, with the total count.

    `/events.csv` gives the same rows as CSV."""
    with gate() as store:
        return views.events(store, q)


@twin(router, "/event/{event_id}", "event.html", tags=["events"],
      summary="One merged event with its mentions")
def event(event_id: str, gate: StoreGate = Depends(get_gate)) -> dict:
    """A merged event, every mention of it (one per report) and the articles reporting it."""
    with gate() as store:
        return views.event(store, event_id)


@twin(router, "/articles", "articles.html", tags=["articles"], summary="List articles")
def articles(text: str | None = Query(None, max_length=200, pattern=PLAIN_TEXT),
             page: Page = Depends(paging), gate: StoreGate = Depends(get_gate)) -> dict:
    """Stored articles, optionally those whose text contains `text`."""
    with gate() as store:
        return views.articles(store, text or None, page)


def annotated(data: dict) -> dict:
    """The article body cut into highlighted segments, for the HTML page only."""
    article = data["article"]
    return {"segments": highlight.annotate(article.get("body") or "",
                                           article.get("events") or [],
                                           article.get("quotes") or [])}


@twin(router, "/article/{doc_id:path}", "article.html", tags=["articles"],
      summary="One article with its events and quotes", decorate=annotated)
def article(doc_id: str, gate: StoreGate = Depends(get_gate)) -> dict:
    """The article text, every event coded from it (with trigger and reasons) and its quotes."""
    with gate() as store:
        return views.article(store, doc_id)


@twin(router, "/quotes", "quotes.html", tags=["quotes"], summary="Search quotes")
def quotes(speaker: str | None = Query(None, max_length=200, pattern=PLAIN_TEXT),
           doc_id: str | None = Query(None, max_length=500, pattern=PLAIN_TEXT),
           page: Page = Depends(paging), gate: StoreGate = Depends(get_gate)) -> dict:
    """Direct quotations, by speaker (actor key or name) and/or article."""
    with gate() as store:
        return views.quotes(store, speaker or None, doc_id or None, page)
