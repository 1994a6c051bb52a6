"""Fixtures of the ingest tests: a local site with the three political pages and a feed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from local_site import Route, Site, page, rss  # noqa: E402

ARTICLES = ("talks", "protest", "sanctions")
DATES = ("Tue, 14 May 2024 08:30:00 GMT", "Wed, 15 May 2024 09:00:00 GMT",
         "Thu, 16 May 2024 10:00:00 GMT")


@pytest.fixture
def site():
    s = Site()
    s.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    for name in ARTICLES + ("sport",):
        s.routes[f"/{name}.html"] = page(name)
    s.routes["/feed.xml"] = rss([(s.url(f"/{n}.html"), n.title(), d)
                                 for n, d in zip(ARTICLES, DATES)])
    yield s
    s.close()
