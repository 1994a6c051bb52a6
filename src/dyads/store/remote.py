"""RemoteWriter: stores docs records through the ``dyads serve`` process that owns the store.

It has the write interface of ``Store`` (``add_docs``, ``close``, a context manager, and
what ``dyads ingest`` needs besides: ``known_hashes``, ``ingest_state``, ``add_copies``,
``record_ingest``, each one small JSON request to ``/store/ingest/...``) and POSTs the
records, as the JSON the store reads (the docs records of OUTPUT.md, each with
its ``body``), to the server's internal endpoint ``POST /store/articles`` with the write
token from the store's sidecar. The server stores each batch through its own writer and
replies with the counts ``Store.add_docs`` returns. Storing is idempotent (articles are
keyed by their content hash), so a batch sent twice is stored once.
"""
from __future__ import annotations

import json
from typing import Callable, Iterable

import httpx

from dyads.store.errors import StoreError
from dyads.store.sidecar import INGEST_PATHS, TOKEN_HEADER, ServerInfo

WRITE_PATH = "/store/articles"
PROBE_PATH = "/store/writer"
COUNT_KEYS = ("articles_added", "articles_unchanged", "articles_recoded", "mentions_added")


class ServerGone(StoreError):
    """The server stopped answering while a batch was on its way."""


def probe(info: ServerInfo, timeout: float = 3.0, attempts: int = 2) -> bool:
    """True when the server at ``info`` answers and holds the writer with this token. A
    live server process (its pid is alive) busy coding gets a second chance before it
    is taken for gone, so a slow answer does not send writes around it."""
    for _ in range(attempts):
        try:
            r = httpx.get(info.url + PROBE_PATH, headers={TOKEN_HEADER: info.token},
                          timeout=timeout)
            return r.status_code == 200 and r.json().get("pid") == info.pid
        except httpx.TimeoutException:
            continue
        except (httpx.HTTPError, ValueError):
            return False
    return False


def store_counts(result: dict) -> dict:
    """The short form of an add_docs result: new, duplicate, replaced, failed."""
    return {"new": result.get("articles_added", 0),
            "duplicate": result.get("articles_unchanged", 0),
            "replaced": result.get("articles_recoded", 0),
            "failed": len(result.get("errors") or ())}


class RemoteWriter:
    """Hands batches of docs records to a running server; see the module docstring.

    ``fallback()``, when given, is called once if the server goes away, and must return
    another writer (e.g. the store opened locally); the batch is then stored there."""

    def __init__(self, info: ServerInfo, timeout: float = 600.0,
                 fallback: Callable[[], object] | None = None) -> None:
        self.info = info
        self.url = info.url
        self._fallback = fallback
        self._replacement = None
        self._client = httpx.Client(base_url=info.url, timeout=timeout,
                                    headers={TOKEN_HEADER: info.token})

    def add_docs(self, docs: Iterable[dict], coder_version: str, batch_size: int = 500,
                 replace: bool = False) -> dict:
        """Store docs records; returns the counts of ``Store.add_docs``."""
        docs = list(docs)
        if self._replacement is not None:
            return self._replacement.add_docs(docs, coder_version, batch_size, replace)
        total = {key: 0 for key in COUNT_KEYS} | {"events_merged_total": 0, "errors": []}
        chunks = self._chunks(docs, max(1, int(batch_size)), total["errors"])
        for n, (texts, originals) in enumerate(chunks):
            try:
                result = self._post(texts, coder_version, replace)
            except ServerGone:
                if self._fallback is None:
                    raise
                self._replacement = self._fallback()
                rest = [doc for _, originals in chunks[n:] for doc in originals]
                return _add(total, self._replacement.add_docs(rest, coder_version,
                                                              batch_size, replace))
            _add(total, result)
        return total

    def _chunks(self, docs: list, batch_size: int, errors: list) -> list[tuple[list, list]]:
        """Serialised docs in chunks of at most ``batch_size`` docs and the server's
        batch size in bytes; a doc larger than that alone is reported, not sent."""
        limit = self.info.max_batch_bytes - 200  # room for the envelope
        chunks, current, originals, size = [], [], [], 0
        for doc in docs:
            text = json.dumps(doc, ensure_ascii=False, default=str)
            if len(text.encode("utf-8")) > limit:
                doc_id = doc.get("doc_id") if isinstance(doc, dict) else None
                errors.append(f"{doc_id}: record of {len(text):,} characters is larger than "
                              f"the server takes in one batch ({limit:,} bytes)")
                continue
            if current and (len(current) >= batch_size or size + len(text) > limit):
                chunks.append((current, originals))
                current, originals, size = [], [], 0
            current.append(text)
            originals.append(doc)
            size += len(text.encode("utf-8")) + 1
        if current:
            chunks.append((current, originals))
        return chunks

    def _post(self, texts: list[str], coder_version: str, replace: bool) -> dict:
        body = ('{"coder_version":' + json.dumps(coder_version) + ',"replace":'
                + json.dumps(bool(replace)) + ',"docs":[' + ",".join(texts) + "]}")
        try:
            r = self._client.post(WRITE_PATH, content=body.encode("utf-8"),
                                  headers={"content-type": "application/json"})
        except httpx.TransportError as exc:
            raise ServerGone(f"the server at {self.url} stopped answering ({exc})") from exc
        if r.status_code == 200:
            return r.json()
        detail = _detail(r)
        if r.status_code in (401, 403, 404):
            raise StoreError(f"the server at {self.url} refused the batch "
                             f"({r.status_code}): {detail}")
        return {"errors": [f"batch of {len(texts)} records not stored ({r.status_code}): {detail}"]}

    # -- what dyads ingest asks and hands over (dyads.feeds.loop.Writer) -----------------
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, set[str]]:
        """Stored body hashes among ``hashes`` -> the doc ids of each (as Store's)."""
        return self._ask("known_hashes", "hashes", sorted({str(h) for h in hashes}),
                         lambda r: {h: set(ids) for h, ids in r["known"].items()}, {})

    def ingest_state(self, keys: Iterable[str]) -> dict[str, dict]:
        return self._ask("ingest_state", "keys", sorted({str(k) for k in keys}),
                         lambda r: r["state"], {})

    def add_copies(self, docs: list[dict]) -> int:
        """Sent in chunks that fit the server's batch size (as ``add_docs``); a copy too
        large for one is left out: it stays unaliased, nothing else is lost."""
        chunks = self._chunks(list(docs), 500, [])
        return sum(self._ask("add_copies", "docs", originals, lambda r: int(r["added"]), 0)
                   for _, originals in chunks)

    def record_ingest(self, rows: list[dict]) -> None:
        self._ask("record_ingest", "rows", list(rows), lambda r: None, None)

    def _ask(self, method: str, key: str, values: list, decode: Callable, empty):
        """``decode`` of the server's JSON answer to ``{key: values}``; once the server has
        gone (and a fallback is given), the replacement writer's own ``method``."""
        if not values:
            return empty
        if self._replacement is None:
            try:
                return decode(self._request(INGEST_PATHS[method], {key: values}))
            except ServerGone:
                if self._fallback is None:
                    raise
                self._replacement = self._fallback()
        return getattr(self._replacement, method)(values)

    def _request(self, path: str, payload: dict) -> dict:
        body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
        try:
            r = self._client.post(path, content=body, headers={"content-type": "application/json"})
        except httpx.TransportError as exc:
            raise ServerGone(f"the server at {self.url} stopped answering ({exc})") from exc
        if r.status_code != 200:
            raise StoreError(f"the server at {self.url} refused the request to {path} "
                             f"({r.status_code}): {_detail(r)}")
        return r.json()

    def close(self) -> None:
        self._client.close()
        if self._replacement is not None:
            self._replacement.close()

    def __enter__(self) -> "RemoteWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail"))
    except (ValueError, AttributeError):
        return response.text[:300]


def _add(total: dict, result: dict) -> dict:
    for key in COUNT_KEYS:
        total[key] += int(result.get(key) or 0)
    total["events_merged_total"] = result.get("events_merged_total", total["events_merged_total"])
    total["errors"] += list(result.get("errors") or ())
    return total
