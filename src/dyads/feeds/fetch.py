"""The polite HTTP client: one clear user agent, timeouts, retries with exponential
back-off on 5xx answers and timeouts (never on 4xx: asking again will not help), a
minimum interval per host, robots.txt, a cap on response size, http and https only.

Redirects are followed here, hop by hop, rather than by httpx, so that every hop is
checked against the scheme rule, its host's robots.txt and its host's interval."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from .ratelimit import HostLimiter, backoff_delays, retry_after
from .robots import RobotsCache
from .settings import AGENT_TOKEN, IngestSettings

SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """A URL that gave no usable answer; ``reason`` says why, in words for the user."""

    def __init__(self, url: str, reason: str, status: int | None = None, attempts: int = 1):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status, self.attempts = url, reason, status, attempts


class Refused(FetchError):
    """Not fetched on purpose (robots.txt, a scheme other than http/https)."""


@dataclass(frozen=True)
class Page:
    url: str            # as asked for
    final_url: str      # after redirects
    status: int         # 200, or 304 when a conditional request found it unchanged
    content: bytes
    content_type: str   # the media type, lower case, without parameters
    charset: str | None
    etag: str | None
    last_modified: str | None
    attempts: int = 1


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    content: bytes


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched at all, or None."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        return f"only http and https URLs are fetched (got {parts.scheme or 'no'} scheme)"
    if not parts.hostname:
        return "the URL has no host"
    return None


class PoliteClient:
    """``get(url)`` -> Page or FetchError. One per run: it keeps the per-host clock and
    the robots.txt cache. ``transport``, ``clock`` and ``sleep`` are for tests."""

    def __init__(self, settings: IngestSettings, transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self._sleep = sleep
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        self._http = httpx.Client(timeout=timeout, transport=transport, follow_redirects=False,
                                  headers={"User-Agent": settings.user_agent})
        self.limiter = HostLimiter(settings.min_interval, clock, sleep)
        self.robots = RobotsCache(self._fetch_robots, AGENT_TOKEN, settings.robots_ttl,
                                  settings.robots_error_ttl, clock)
        self.requests = 0  # every request sent, robots.txt included (for reports and tests)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch ``url``; ``etag``/``last_modified`` (from an earlier fetch) make the request
        conditional, so an unchanged page answers 304 without its body."""
        headers = {k: v for k, v in (("If-None-Match", etag),
                                     ("If-Modified-Since", last_modified)) if v}
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            self._check_allowed(current)
            answer, attempts = self._with_retries(current, headers)
            location = answer.headers.get("location")
            if answer.status in REDIRECTS and location:
                current = urljoin(current, location)
                continue
            return self._page(url, current, answer, attempts)
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    def _check_allowed(self, url: str) -> None:
        problem = check_url(url) or self.robots.refusal(url)
        if problem:
            raise Refused(url, problem)

    def _page(self, url: str, final: str, answer: _Answer, attempts: int) -> Page:
        if answer.status not in (200, 203, 304):
            raise FetchError(url, _status_reason(answer.status), answer.status, attempts)
        kind, charset = media_type(answer.headers.get("content-type", ""))
        return Page(url, final, answer.status, answer.content, kind, charset,
                    answer.headers.get("etag"), answer.headers.get("last-modified"), attempts)

    def _with_retries(self, url: str, headers: dict, retries: int | None = None
                      ) -> tuple[_Answer, int]:
        """One request, repeated after each 5xx or timeout with growing waits (a
        Retry-After in seconds lengthens a wait, up to ``backoff_max``)."""
        s = self.settings
        delays = backoff_delays(s.retries if retries is None else retries, s.backoff_base,
                                s.backoff_max)
        problem, status = "", None
        for attempt in range(len(delays) + 1):
            wait = None
            try:
                answer = self._request(url, headers)
            except (httpx.TimeoutException, httpx.NetworkError) as exc:
                problem, status = _transport_reason(exc), None
            else:
                if answer.status < 500:
                    return answer, attempt + 1
                problem, status = f"HTTP {answer.status}", answer.status
                wait = retry_after(answer.headers.get("retry-after"), s.backoff_max)
            if attempt < len(delays):
                self._sleep(max(delays[attempt], wait or 0.0))
        tries = len(delays) + 1
        raise FetchError(url, f"{problem} after {tries} attempt{'s' * (tries > 1)}", status, tries)

    def _request(self, url: str, headers: dict, follow: bool = False) -> _Answer:
        """One GET, spaced from the last request to its host, read up to ``max_bytes``."""
        host = urlsplit(url).netloc.lower()
        delay = None if follow else self.robots.crawl_delay(url, self.settings.max_crawl_delay)
        self.limiter.wait(host, delay)
        self.requests += 1
        limit = self.settings.max_bytes
        with self._http.stream("GET", url, headers=headers, follow_redirects=follow) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(url, f"response of {int(declared):,} bytes is larger than the "
                                      f"limit of {limit:,} (--max-bytes)", response.status_code)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise FetchError(url, f"response is larger than the limit of {limit:,} "
                                          "bytes (--max-bytes)", response.status_code)
            return _Answer(response.status_code, response.headers, bytes(body))

    def _fetch_robots(self, url: str) -> tuple[int, str]:
        """robots.txt itself: asked once (no retries), redirects followed by httpx."""
        answer = self._request(url, {}, follow=True)
        return answer.status, answer.content.decode("utf-8", errors="replace")


def media_type(header: str) -> tuple[str, str | None]:
    """(media type in lower case, charset or None) from a Content-Type header."""
    kind, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.IGNORECASE)
    return kind.strip().lower(), match.group(1) if match else None


def _status_reason(status: int) -> str:
    if status in (404, 410):
        return f"HTTP {status}: no such page (not retried)"
    if status == 429:
        return "HTTP 429: the site asks us to slow down (not retried); try a larger --min-interval"
    if 400 <= status < 500:
        return f"HTTP {status} (not retried)"
    return f"HTTP {status}: no page in the answer"


def _transport_reason(exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time (read timeout)"
    return f"network error: {exc or type(exc).__name__}"
