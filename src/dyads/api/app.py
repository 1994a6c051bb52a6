"""The FastAPI application: JSON API (with OpenAPI spec) and the server-rendered explorer."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dyads.api import routes_actors, routes_browse, routes_code, routes_store
from dyads.api.pages import plain, render
from dyads.api.roles import default_kb_loader, roles_finder
from dyads.api.security import (BodyLimitMiddleware, DropEmptyQueryMiddleware,
                                SecurityHeadersMiddleware)
from dyads.api.storegate import StoreGate, StoreUnavailable, open_store
from dyads.api.writer import Producer, WriterService, WriterSettings

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
MACHINE_SUFFIXES = (".json", ".csv")


@dataclass(frozen=True)
class ApiSettings:
    db_path: str
    token: str | None = None
    host: str = "127.0.0.1"  # where the server listens: decides whether POSTs need a token
    read_only: bool = True
    max_body_bytes: int = DEFAULT_MAX_BODY


def create_app(db_path: str | Path, token: str | None = None, *, host: str = "127.0.0.1",
               read_only: bool = True, max_body_bytes: int = DEFAULT_MAX_BODY,
               coder: Callable | None = None, kb_loader: Callable | None = default_kb_loader,
               store_opener: Callable = open_store, own_writer: bool = False,
               writer: WriterSettings | None = None,
               producer: Producer | None = None) -> FastAPI:
    """Build the app over the store at `db_path`; the store opens at start-up (or on the
    first request).

    `coder(text, date, doc_id, title, url) -> (docs record, body)` serves POST /code
    (default: the package coder); `kb_loader() -> KnowledgeBase` gives actors' roles
    (None: no roles shown). `own_writer`: hold the store's writer, taking the batches of
    local writers (found through the sidecar when `writer.port` is set); `producer(writer,
    stop)`: an ingest loop run in a thread (see dyads.api.writer).
    """
    from dyads import __version__

    settings = ApiSettings(str(db_path), token or None, host, read_only, max_body_bytes)
    gate = StoreGate(settings.db_path, read_only, store_opener, own_writer=own_writer)
    writer = writer or WriterSettings(host=host)
    service = WriterService(gate, writer, producer)
    app = FastAPI(title="dyads", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=_lifespan(service, gate),
                  description="Political events coded from news text: search events, "
                              "actors, dyads, networks, places, quotes and articles.")
    app.state.settings = settings
    app.state.gate = gate
    app.state.writer = service
    app.state.coder = coder or routes_code.default_coder
    app.state.roles_of = roles_finder(kb_loader) if kb_loader else None
    for module in (routes_code, routes_browse, routes_actors, routes_store):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_error_handlers(app)
    app.add_middleware(DropEmptyQueryMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes,
                       larger=dict.fromkeys(routes_store.WRITER_PATHS, writer.max_batch_bytes))
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _lifespan(service: WriterService, gate: StoreGate):
    """Take the store and start the producer on start-up; stop both on shutdown."""
    @asynccontextmanager
    async def lifespan(_app):
        service.start()
        try:
            yield
        finally:
            service.stop()
            gate.close()
    return lifespan


def wants_html(request: Request) -> bool:
    """Pages get HTML errors; the JSON/CSV API, the spec and POSTs get JSON."""
    path = request.url.path
    return request.method == "GET" and not path.endswith(MACHINE_SUFFIXES) \
        and not path.startswith(("/static", "/health"))


def _error(request: Request, status: int, detail, headers=None):
    if wants_html(request):
        response = render("error.html", {"status": status, "detail": detail}, status)
        if headers:
            response.headers.update(headers)
        return response
    return JSONResponse({"detail": plain(detail)}, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, exc.detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg")),
                   "type": str(e.get("type", "value_error"))} for e in exc.errors()]
        return _error(request, 422, detail)

    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable):
        return _error(request, 503, str(exc))
