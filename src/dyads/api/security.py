"""Request guards: body-size limit, write tokens and browser security headers."""
from __future__ import annotations

import hmac
import ipaddress
import json

from fastapi import HTTPException, Request

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
# Pages ship their own scripts and styles: nothing inline and nothing from elsewhere runs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def is_loopback(host: str | None) -> bool:
    """True when a bind address is only reachable from this machine. An empty host binds
    every interface, as 0.0.0.0 and :: do."""
    if not host or not host.strip():
        return False
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def presented_token(request: Request) -> str | None:
    """The token a client sent, as `Authorization: Bearer T` or `X-Dyads-Token: T`."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-dyads-token")


def check_write_access(request: Request) -> None:
    """Dependency for POST routes: demand the token when one is set or the bind is public."""
    settings = request.app.state.settings
    if settings.token:
        given = presented_token(request) or ""
        if not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise HTTPException(401, "this endpoint needs the server's token: send "
                                     "'Authorization: Bearer TOKEN'",
                                headers={"WWW-Authenticate": "Bearer"})
        return
    if not is_loopback(settings.host):
        raise HTTPException(403, "the server is bound beyond localhost without a token; "
                                 "restart it with --token or DYADS_TOKEN to allow this")


class BodyLimitMiddleware:
    """Reject request bodies larger than `max_bytes` with 413, declared or streamed.

    A streamed body (no Content-Length) is read here, up to the limit, before the app runs,
    so the app never sees a partial body."""

    def __init__(self, app, max_bytes: int, larger: dict[str, int] | None = None):
        self.app = app
        self.max_bytes = max_bytes
        self.larger = dict(larger or {})  # path -> its own limit (the writers' batches)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.larger.get(scope.get("path"), self.max_bytes)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await self._too_large(send, limit)
        if declared is not None or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)  # nothing to stream past the limit
        body = await self._read_capped(receive, limit)
        if body is None:
            return await self._too_large(send, limit)
        return await self.app(scope, _replay(body, receive), send)

    async def _read_capped(self, receive, limit: int) -> bytes | None:
        """The whole streamed body, or None as soon as it passes the limit."""
        chunks, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body"):
                return b"".join(chunks)

    async def _too_large(self, send, limit: int):
        body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive):
    """A receive() that first hands over the already-read body, then the real channel."""
    sent = False

    async def replayed():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class SecurityHeadersMiddleware:
    """Add CSP and friends to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class DropEmptyQueryMiddleware:
    """Treat `?country=` like an absent parameter: HTML forms send every field, filled or not."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            parts = scope["query_string"].split(b"&")  # raw bytes: nothing is re-encoded
            kept = [p for p in parts if p.partition(b"=")[2]]
            if len(kept) != len(parts):
                scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)
