"""Coding posted text on the fly, CSV export and the health check."""
from __future__ import annotations

import itertools
from datetime import date as Date

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field, field_validator

from dyads.api import views
from dyads.api.csvout import iter_events_csv
from dyads.api.pages import plain
from dyads.api.params import PLAIN_TEXT, EventQuery, event_query
from dyads.api.routes_browse import get_gate
from dyads.api.security import check_write_access
from dyads.api.storegate import StoreGate

router = APIRouter()
MAX_TEXT_CHARS = 1_000_000  # as `dyads code`; the token budget below refuses less with 413
# POST /code's budget: a text of more tokens is refused (413) before it is coded, and one
# not coded within the seconds is answered 503 (Retry-After): a request holds a worker
# thread, so an answer must come while the client still waits for it. 50,000 tokens
# (about 250,000 characters of news) code in about 40 s on one busy core, inside the time.
MAX_CODE_TOKENS = 50_000
CODE_SECONDS = 60.0
# The coder checks its deadline between windows of a long text, so it can overrun by one
# window; the answer does not wait for that: at CODE_SECONDS + ANSWER_GRACE it is a 503,
# and the abandoned thread stops at the coder's next check.
ANSWER_GRACE = 5.0
RETRY_AFTER_SECONDS = 120


class CodeRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS,
                      description="the article body (no date header)")
    date: str | None = Field(None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                             description="publication date, YYYY-MM-DD")
    doc_id: str | None = Field(None, max_length=500, pattern=PLAIN_TEXT)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    store: bool = Field(False, description="also save the result (server must be writable)")

    @field_validator("date")
    @classmethod
    def real_date(cls, value: str | None) -> str | None:
        if value is not None:
            Date.fromisoformat(value)  # ValueError becomes a 422 naming the field
        return value


@router.get("/events.csv", tags=["events"], summary="Search merged events, as CSV",
            response_class=Response,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
def events_as_csv(request: Request, q: EventQuery = Depends(event_query),
                  gate: StoreGate = Depends(get_gate)):
    """Every event matching the query, flattened to CSV and streamed, each row with its
    evidence sentence, trigger, rule id, article, coder version and coded date. Unlike
    `/events.json` it is not paged: `limit`/`offset` apply only when given."""
    given = request.query_params
    f = q.as_filter(limit=q.limit if "limit" in given else None,
                    offset=q.offset if "offset" in given else 0)
    with gate() as store:  # the server's one shared store: it stays open after the block
        rows = store.iter_events(f, evidence=True)
        first = next(rows, None)  # open errors surface here, before the 200 is sent
    chunks = iter_events_csv(itertools.chain([first] if first else [], rows))
    return StreamingResponse(chunks, media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.post("/code", tags=["coding"], summary="Code posted text",
             dependencies=[Depends(check_write_access)],
             responses={401: {"description": "token missing or wrong"},
                        403: {"description": "not allowed on this server"},
                        413: {"description": "request body or text over the budget"},
                        503: {"description": "not coded within the time budget"}})
async def code_text(payload: CodeRequest, request: Request) -> dict:
    """Run the coder on the posted text; returns the OUTPUT.md `docs` record.
    Needs the server's token when one is set or when the server listens beyond localhost."""
    settings = request.app.state.settings
    if payload.store and settings.read_only:
        raise HTTPException(403, "this server is read-only: restart it with --writable "
                                 "to save coded articles")
    from dyads.windows import time_budget_error, token_budget_error

    over = token_budget_error(payload.text, MAX_CODE_TOKENS)
    if over:
        raise HTTPException(413, over.replace("(--max-article-tokens)", "of POST /code")
                            .replace("raise the budget", "code it with `dyads code`"))
    coded = await _code_in_time(request.app.state.coder, payload.text, payload.date,
                                payload.doc_id or "posted", payload.title, payload.url)
    if coded is None or time_budget_error(CODE_SECONDS) in coded[0].get("errors", ()):
        raise HTTPException(503, f"the text could not be coded within {CODE_SECONDS:g} s; "
                                 "try again later or code it with `dyads code`",
                            headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    record, body = coded
    if payload.store:
        from dyads import __version__

        await run_in_threadpool(request.app.state.writer.store, [{**record, "body": body}],
                                __version__)
    return plain(record)


async def _code_in_time(coder, *args) -> tuple[dict, str] | None:
    """``coder(*args)`` in a worker thread, or None once the request's time is up."""
    with anyio.move_on_after(CODE_SECONDS + ANSWER_GRACE):
        return await anyio.to_thread.run_sync(coder, *args, abandon_on_cancel=True)
    return None


@router.get("/health", tags=["overview"], summary="Liveness check")
def health(gate: StoreGate = Depends(get_gate)) -> dict:
    """`ok` when the database opens; 503 with the reason otherwise."""
    with gate() as store:
        store.stats()
    return {"status": "ok"}


def default_coder(text: str, date: str | None, doc_id: str, title: str | None,
                  url: str | None) -> tuple[dict, str]:
    """Code one text with the package's coder; returns (docs record, body it points into)."""
    import dyads
    from dyads.pipeline import Settings

    budget = Settings(max_article_tokens=MAX_CODE_TOKENS, max_article_seconds=CODE_SECONDS)
    coded = dyads.code(text, date=date, doc_id=doc_id, title=title, url=url, settings=budget)
    return coded.to_dict(), coded.article.body
