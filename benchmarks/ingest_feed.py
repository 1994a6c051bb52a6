"""Sustained ingest rate of `dyads ingest` on a local feed, in articles per hour.

    .venv/bin/python benchmarks/ingest_feed.py [--pages 1000] [--workers 1]

Serves, on 127.0.0.1, an RSS feed of N items and N generated HTML pages (the seeded
synthetic wire copy of scripts/make_throughput_corpus.py, wrapped in a page with a
header, navigation, a sidebar and a footer for trafilatura to strip), then runs one
ingest pass into a fresh store through the library (``dyads.feeds.loop.ingest_pass``):
robots.txt, fetch, extraction, body hash check, coding and storing, everything the
command does. The per-host interval is 0 (one local host; a real run's default of one
request per second per host caps a single-site feed at 3,600 pages an hour). The model
is loaded before the clock starts. A second pass over the unchanged feed is timed too:
it fetches only the feed and codes nothing. Prints JSON.
"""
from __future__ import annotations

import argparse
import html
import itertools
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from make_throughput_corpus import iter_articles  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Benchmark Courier</title>
<meta property="article:published_time" content="{date}T06:00:00Z">
<link rel="canonical" href="{url}"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Most read</h3><p>Harbour Rovers sign a new goalkeeper.</p></aside>
<footer><p>Benchmark Courier. All rights reserved.</p></footer></body></html>"""


def build_site(n: int, base: str) -> dict[str, bytes]:
    """Path -> bytes for the feed, robots.txt and N pages."""
    routes = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    items = []
    for i, article in enumerate(itertools.islice(iter_articles(), n)):
        url = f"{base}/news/{i}.html"
        title = html.escape(article["text"].split(".")[0][:80])
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n"))
        routes[f"/news/{i}.html"] = PAGE.format(title=title, date=article["date"], url=url,
                                                paragraphs=paras).encode()
        items.append(f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid></item>")
    routes["/feed.xml"] = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Bench'
                           f'</title>{"".join(items)}</channel></rss>').encode()
    return routes


def serve(routes_for) -> tuple[ThreadingHTTPServer, str]:
    holder: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = holder.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    holder.update(routes_for(base))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def timed_pass(feed: str, store, settings, coder) -> tuple[float, object]:
    from dyads.feeds.loop import ingest_pass

    started = time.perf_counter()
    report = ingest_pass([feed], store, settings, coder=coder)
    return time.perf_counter() - started, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)

    from dyads.feeds.loop import open_coder
    from dyads.feeds.settings import IngestSettings
    from dyads.pipeline import load_resources
    from dyads.store import Store

    server, base = serve(lambda b: build_site(args.pages, b))
    settings = IngestSettings(min_interval=0.0, workers=args.workers)
    load_resources()  # the model loads before the clock starts
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.duckdb") as store, \
            open_coder(args.workers) as coder:
        seconds, first = timed_pass(f"{base}/feed.xml", store, settings, coder)
        again_seconds, again = timed_pass(f"{base}/feed.xml", store, settings, coder)
        stats = store.stats()
    server.shutdown()
    print(json.dumps({
        "pages": args.pages, "workers": args.workers, "seconds": round(seconds, 1),
        "articles_per_hour": round(first.new / seconds * 3600) if seconds else None,
        "first_pass": first.counts(), "rerun_seconds": round(again_seconds, 2),
        "rerun": again.counts(), "stored_articles": stats["articles"],
        "stored_events": stats["events"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
