"""robots.txt, asked once per host and cached.

The customary reading (as major crawlers apply RFC 9309): a robots.txt that cannot be
fetched at all (no connection, a timeout) or that answers 4xx allows everything; one that
answers 5xx closes the whole site for now, since the server may be overloaded, and is
asked again after ``robots_error_ttl`` seconds. A Crawl-delay for our agent widens the
per-host interval (up to ``max_crawl_delay``)."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


@dataclass(frozen=True)
class RobotsAnswer:
    """What a host's robots.txt said: the parsed rules and why, for messages."""

    rules: RobotFileParser
    note: str  # "rules", "none (404)", "unreachable: ...", "server error 503"
    closed: bool = False  # the whole site is off limits for now (robots.txt answered 5xx)


# fetch(url) -> (status, text); raises OSError-like errors (any Exception) when unreachable
RobotsFetch = Callable[[str], tuple[int, str]]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _parser(text: str | None = None, allow: bool = True) -> RobotFileParser:
    rules = RobotFileParser()
    if text is not None:
        rules.parse(text.splitlines())
    else:
        rules.allow_all, rules.disallow_all = allow, not allow
        rules.modified()  # can_fetch answers False until the parser was "checked"
    return rules


def interpret(status: int | None, text: str, error: str | None = None) -> RobotsAnswer:
    """The rules for a robots.txt answer (``status`` None: it could not be fetched)."""
    if status is None:
        return RobotsAnswer(_parser(allow=True), f"unreachable ({error}); allowed")
    if 200 <= status < 300:
        return RobotsAnswer(_parser(text), "rules")
    if 400 <= status < 500:
        return RobotsAnswer(_parser(allow=True), f"none ({status}); allowed")
    return RobotsAnswer(_parser(allow=False), f"robots.txt answered {status}", closed=True)


class RobotsCache:
    """Per-origin robots.txt answers, each kept for ``ttl`` seconds (errors: ``error_ttl``)."""

    def __init__(self, fetch: RobotsFetch, agent: str, ttl: float, error_ttl: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self.agent = agent
        self.ttl, self.error_ttl = ttl, error_ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, RobotsAnswer]] = {}

    def answer(self, url: str) -> RobotsAnswer:
        key = origin(url)
        cached = self._cache.get(key)
        if cached and cached[0] > self._clock():
            return cached[1]
        try:
            status, text = self._fetch(key + "/robots.txt")
            answer = interpret(status, text)
        except Exception as exc:  # any failure to get an answer means "allowed"
            answer = interpret(None, "", str(exc) or type(exc).__name__)
        keep = self.ttl if answer.note == "rules" or answer.note.startswith("none") else self.error_ttl
        self._cache[key] = (self._clock() + keep, answer)
        return answer

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or None when it may."""
        answer = self.answer(url)
        if answer.closed:
            return f"{answer.note}: the site is treated as closed for now (asked again later)"
        if not answer.rules.can_fetch(self.agent, url):
            return "disallowed by robots.txt"
        return None

    def crawl_delay(self, url: str, cap: float) -> float | None:
        delay = self.answer(url).rules.crawl_delay(self.agent)
        return min(cap, float(delay)) if delay is not None else None
