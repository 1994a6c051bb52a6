"""Fixtures of the ingest tests: a local site with the three political pages and a feed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from local_site import ARTICLES, DATES, Route, Site, page, rss  # noqa: E402


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
