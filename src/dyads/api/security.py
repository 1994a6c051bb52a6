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
    """True when a bind address is only reachable from this machine."""
    if not host:
        return True
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
    """Reject request bodies larger than `max_bytes` with 413, declared or streamed."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            return await self._too_large(send)
        seen = 0
        started = False

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge()
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._too_large(send)

    async def _too_large(self, send):
        body = json.dumps({"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    """A streamed body went past the limit."""


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
