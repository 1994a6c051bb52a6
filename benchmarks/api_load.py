"""Load test for the API's event search: requests/s and latency percentiles.

Builds a synthetic store (hand-generated records, no coder needed), starts the server in
a subprocess on a free localhost port, then sends a bounded number of requests from a few
client threads. Nothing leaves 127.0.0.1.

    .venv/bin/python benchmarks/api_load.py --articles 2000 --requests 2000 --concurrency 8
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IND", "FRA", "DEU", "TUR", "IRN", "ISR", "SYR", "GBR"]
SECTORS = ["GOV", "MIL", "COP", "REB", "OPP", "BUS", "MED", None]
CAMEOS = [("043", 2.8, "CONSULT", 1), ("051", 3.4, "SUPPORT", 1), ("071", 7.4, "AID", 2),
          ("111", -2.0, "ACCUSE", 3), ("130", -4.4, "THREATEN", 3), ("190", -10.0, "ASSAULT", 4),
          ("173", -5.0, "COERCE", 4), ("036", 4.0, "REQUEST", 1)]
CITIES = [("Kyiv", "UKR", 50.45, 30.52), ("Geneva", "CHE", 46.2, 6.15), ("Delhi", "IND", 28.6, 77.2),
          ("Ankara", "TUR", 39.93, 32.86), ("Aleppo", "SYR", 36.2, 37.16)]


def synthetic_actor(rng: random.Random, body: str, word: str) -> dict:
    country, sector = rng.choice(COUNTRIES), rng.choice(SECTORS)
    start = body.index(word)
    return {"text": word, "start": start, "end": start + len(word), "name": f"{country} {sector or ''}".strip(),
            "kb_id": None, "country": country, "sector": sector,
            "code": country + (sector or ""), "resolved_by": "country"}


def synthetic_doc(i: int, rng: random.Random) -> dict:
    day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = f"Article {i}. Alpha acted on Beta in the city. Gamma answered Delta the next day."
    events = []
    for n, (a, b, verb) in enumerate((("Alpha", "Beta", "acted"), ("Gamma", "Delta", "answered"))):
        cameo, goldstein, plover, quad = rng.choice(CAMEOS)
        city = rng.choice(CITIES)
        v = body.index(verb)
        events.append({
            "event_id": f"bench-{i}-{n}", "doc_id": f"bench-{i}", "published": day,
            "source": synthetic_actor(rng, body, a), "target": synthetic_actor(rng, body, b),
            "cameo": cameo, "cameo_root": cameo[:2], "plover": plover, "plover_mode": None,
            "quad_class": quad, "goldstein": goldstein, "modality": "asserted", "date": day,
            "date_precision": "day", "date_text": "published",
            "location": {"name": city[0], "country": city[1], "lat": city[2], "lon": city[3],
                         "geonames_id": None, "precision": "city", "text": None,
                         "start": None, "end": None},
            "quote": None, "sentence": {"index": n, "start": 0, "end": len(body), "text": body},
            "confidence": 0.7, "coder": {"name": "dyads", "version": "bench"},
            "trigger": {"text": verb, "start": v, "end": v + len(verb), "rule": "bench"},
            "mentions": 1})
    return {"doc_id": f"bench-{i}", "published": day, "title": None, "url": None,
            "events": events, "quotes": [], "errors": [], "body": body}


def build_store(path: Path, articles: int, seed: int = 7) -> dict:
    from dyads.store import Store

    rng = random.Random(seed)
    with Store.open(path) as store:
        return store.add_docs((synthetic_doc(i, rng) for i in range(articles)), coder_version="bench")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from dyads.api import create_app; "
            f"uvicorn.run(create_app({str(db)!r}, kb_loader=None), host='127.0.0.1', "
            f"port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("server did not start within 30 s")


def search_params(rng: random.Random) -> dict:
    """A mix of the searches people run: by country, dyad, CAMEO prefix, dates, pages."""
    choice = rng.randrange(5)
    if choice == 0:
        return {"country": rng.choice(COUNTRIES)}
    if choice == 1:
        return {"dyad": f"{rng.choice(COUNTRIES)},{rng.choice(COUNTRIES)}"}
    if choice == 2:
        return {"cameo": rng.choice(CAMEOS)[0][:2], "limit": 50}
    if choice == 3:
        return {"date_from": "2022-03-01", "date_to": "2022-05-31", "offset": rng.randrange(0, 200)}
    return {"quad_class": rng.randint(1, 4), "location": rng.choice(CITIES)[0]}


def run_load(base: str, path: str, requests: int, concurrency: int) -> dict:
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    per_thread = requests // concurrency

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(per_thread):
                t0 = time.perf_counter()
                r = client.get(path, params=search_params(rng))
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    failures[0] += r.status_code != 200

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()
    return {"path": path, "requests": len(latencies), "failures": failures[0],
            "rps": len(latencies) / wall, "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
            "max_ms": 1000 * latencies[-1]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="synthetic articles (2 events each)")
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=8, help="client threads")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        result = build_store(db, args.articles)
        print(f"store: {result['events_merged_total']} merged events from {args.articles} "
              f"articles in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        server = start_server(db, port)
        try:
            for path in ("/events.json", "/events"):
                s = run_load(f"http://127.0.0.1:{port}", path, args.requests, args.concurrency)
                print(f"{s['path']:<13} {s['requests']} requests, {s['failures']} failed, "
                      f"{s['rps']:.0f} req/s, p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms, "
                      f"max {s['max_ms']:.1f} ms (concurrency {args.concurrency})")
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
