"""A small web site on 127.0.0.1 for the ingest tests: routes set per test, every request
recorded (path and headers), so tests can tell what was fetched and how often."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "site"
# The three political pages the site's feed lists, and the feed's dates for them. (Kept
# here, not in conftest: tests/store has a conftest too, and `from conftest import`
# picks whichever directory pytest put first on the path.)
ARTICLES = ("talks", "protest", "sanctions")
DATES = ("Tue, 14 May 2024 08:30:00 GMT", "Wed, 15 May 2024 09:00:00 GMT",
         "Thu, 16 May 2024 10:00:00 GMT")


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (to provoke a client's read timeout)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (a timeout test) is expected, not worth a traceback


class Site:
    """``site.routes["/feed.xml"] = Route(...)``; ``site.url("/feed.xml")``; ``site.hits``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | list[Route]] = {}
        self.requests: list[tuple[str, dict]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.requests.append((self.path, dict(self.headers)))
                route = site.answer(self.path)
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args):  # keep test output quiet
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, path: str) -> Route:
        route = self.routes.get(path.split("?")[0], Route(b"not here", 404, "text/plain"))
        if isinstance(route, list):  # answers in turn, the last one repeated
            return route.pop(0) if len(route) > 1 else route[0]
        return route

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p.split("?")[0] == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def page(name: str) -> Route:
    return Route((PAGES / f"{name}.html").read_bytes())


def rss(items: list[tuple[str, str, str]], title: str = "Lakeside Courier") -> Route:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate><description>{t}.</description></item>"
        for link, t, date in items)
    xml = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
           f"<title>{title}</title><link>http://news.example.test/</link>"
           f"<description>News</description>{entries}</channel></rss>")
    return Route(xml.encode(), content_type="application/rss+xml; charset=utf-8")


def atom(items: list[tuple[str, str, str]]) -> Route:
    """An Atom feed of (link, title, ISO 8601 time) entries."""
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>urn:courier:{n}</id>'
        f"<updated>{when}</updated><summary>{t}.</summary></entry>"
        for n, (link, t, when) in enumerate(items))
    xml = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
           '<title>Lakeside Courier</title><id>urn:courier</id>'
           f"<updated>2024-05-16T10:00:00Z</updated>{entries}</feed>")
    return Route(xml.encode(), content_type="application/atom+xml")
