"""The settings of an ingest run: one frozen dataclass, passed to every part that needs it."""
from __future__ import annotations

from dataclasses import dataclass

from .. import __version__

AGENT_TOKEN = "dyads"  # the name robots.txt rules address


def user_agent(contact: str | None = None) -> str:
    """``dyads/<version> (+contact)``: site operators can tell who fetches and reach them."""
    who = contact or "political event coder; no contact given, see dyads ingest --contact"
    return f"{AGENT_TOKEN}/{__version__} (+{who})"


@dataclass(frozen=True)
class IngestSettings:
    """How politely to fetch, how much to accept, and how to code; every field has a default."""

    user_agent: str = user_agent()
    connect_timeout: float = 10.0   # seconds to open a connection
    read_timeout: float = 30.0      # seconds between bytes of a response
    retries: int = 3                # further attempts after a 5xx answer or a timeout
    backoff_base: float = 1.0       # first retry waits this long, then 2x, 4x ...
    backoff_max: float = 60.0       # no single wait is longer than this
    min_interval: float = 1.0       # seconds between two requests to one host
    max_crawl_delay: float = 60.0   # a robots.txt Crawl-delay is honoured up to this
    robots_ttl: float = 24 * 3600   # seconds a host's robots.txt is trusted
    robots_error_ttl: float = 600   # ... and how soon an unreachable or failing one is asked again
    max_bytes: int = 10_000_000     # a larger response is refused (pages, feeds, robots.txt)
    max_redirects: int = 5
    batch_size: int = 20            # articles coded and stored per transaction
    workers: int = 1                # coding processes; 1 codes in this process
    default_date: str | None = None  # for articles without any date

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "backoff_base", "backoff_max",
                     "min_interval", "max_crawl_delay", "robots_ttl", "robots_error_ttl"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative (got {getattr(self, name)})")
        if self.retries < 0 or self.max_bytes < 1 or self.batch_size < 1 or self.workers < 1:
            raise ValueError("retries must be >= 0, and max_bytes, batch_size and workers >= 1")
