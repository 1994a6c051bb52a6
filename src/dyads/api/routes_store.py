"""Internal endpoints through which local writers hand their batches to the server.

Not part of the public API (left out of the OpenAPI spec): they answer clients on this
machine that present the write token of the store's sidecar file. Besides batches of
coded articles, ``dyads ingest`` asks what the store knows (body hashes, its ingest log)
and hands over copies and log rows: the ``/store/ingest/...`` endpoints, one per method
of ``dyads.feeds.loop.Writer``.
"""
from __future__ import annotations

import hmac
import json
import os

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder as jsonable

from dyads.api.security import is_loopback
from dyads.api.writer import WriterService
from dyads.store.sidecar import INGEST_PATHS, TOKEN_HEADER

router = APIRouter(include_in_schema=False)
WRITE_PATH = "/store/articles"  # the path dyads.store.remote posts to
WRITER_PATHS = (WRITE_PATH, *INGEST_PATHS.values())  # bodies up to the batch size


def _service(request: Request) -> WriterService:
    """The server's writer, once the caller is shown to be a local writer with the token."""
    service: WriterService = request.app.state.writer
    client = request.client.host if request.client else None
    if not (is_loopback(client) or client == request.app.state.settings.host):
        raise HTTPException(403, "writes are taken from this machine only")
    given = request.headers.get(TOKEN_HEADER, "")
    if not given or not hmac.compare_digest(given.encode(), service.token.encode()):
        raise HTTPException(401, "this endpoint needs the write token of the store's "
                                 "sidecar file")
    return service


@router.get("/store/writer")
def writer_info(request: Request) -> dict:
    """Who holds the writer: a live server answers with its pid and store."""
    service = _service(request)
    return {"pid": os.getpid(), "db": service.gate.db_path, "writable": service.gate.writable}


def parse_batch(body: bytes) -> tuple[list, str, bool]:
    """(docs, coder_version, replace) from a request body, or a 422 saying what is wrong."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(422, f"the batch is not JSON: {exc}") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("docs"), list):
        raise HTTPException(422, "the batch must be an object with a list 'docs'")
    version = payload.get("coder_version")
    if not isinstance(version, str) or not version:
        raise HTTPException(422, "the batch needs a 'coder_version' string")
    return payload["docs"], version, bool(payload.get("replace", False))


def _store(service: WriterService, body: bytes) -> dict:
    docs, version, replace = parse_batch(body)
    result = service.store(docs, version, replace)
    from dyads.store.remote import store_counts

    return {**result, "counts": store_counts(result)}


@router.post(WRITE_PATH)
async def store_articles(request: Request) -> dict:
    """Store a batch of docs records (each with its ``body``) through the server's writer;
    replies with the counts of ``Store.add_docs`` and ``counts`` (new, duplicate,
    replaced, failed). Parsing and storing run in a worker thread."""
    service = _service(request)
    body = await request.body()
    return await run_in_threadpool(_store, service, body)


def _payload(body: bytes, key: str) -> list:
    """The list under ``key`` of a JSON object body, or a 422."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(422, f"the request is not JSON: {exc}") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get(key), list):
        raise HTTPException(422, f"the request must be an object with a list '{key}'")
    return payload[key]


async def _call(request: Request, key: str, method: str):
    """Check the caller, read the list under ``key``, run ``service.<method>`` in a thread."""
    service = _service(request)
    values = _payload(await request.body(), key)
    try:
        return await run_in_threadpool(getattr(service, method), values)
    except (ValueError, KeyError, TypeError) as exc:  # a malformed item, named by the message
        raise HTTPException(422, f"{method}: {type(exc).__name__}: {exc}") from exc


@router.post(INGEST_PATHS["known_hashes"])
async def known_hashes(request: Request) -> dict:
    """{"hashes": [...]} -> {"known": {hash: [doc ids]}} for the stored ones."""
    found = await _call(request, "hashes", "known_hashes")
    return {"known": {h: sorted(ids) for h, ids in found.items()}}


@router.post(INGEST_PATHS["ingest_state"])
async def ingest_state(request: Request) -> dict:
    """{"keys": [...]} -> {"state": {key: logged row}} (see dyads.store.ingestlog)."""
    return {"state": jsonable(await _call(request, "keys", "ingest_state"))}


@router.post(INGEST_PATHS["add_copies"])
async def add_copies(request: Request) -> dict:
    """{"docs": [...]} (uncoded docs records) -> {"added": new aliases}."""
    return {"added": await _call(request, "docs", "add_copies")}


@router.post(INGEST_PATHS["record_ingest"])
async def record_ingest(request: Request) -> dict:
    """{"rows": [...]} (ingest log rows) -> {"recorded": n}."""
    return {"recorded": await _call(request, "rows", "record_ingest")}
