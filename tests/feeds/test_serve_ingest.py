"""Feeds while the explorer is up, both ways, with real processes on 127.0.0.1: `dyads
ingest URL --db DB` stores through the `dyads serve --db DB` that owns the store, and
`dyads serve --db DB --ingest URL` runs the ingest passes itself."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dyads.store import Store, sidecar

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src"))
FAST = ["--min-interval", "0", "--backoff", "0"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url + "/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """`dyads serve --db DB` once it has published its sidecar and answers."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "dyads", "serve", "--db", str(db),
                               "--port", str(port), *extra], env=ENV, text=True,
                              stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while getattr(sidecar.read(db), "port", None) != port or not _healthy(url):
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError("dyads serve did not start: " + (server.stderr.read() or ""))
        time.sleep(0.1)
    return server, url


def stop_server(server: subprocess.Popen) -> str:
    """Stop it as a service manager does; its stderr."""
    server.terminate()
    try:
        _, err = server.communicate(timeout=60)
    finally:
        server.kill()
    return err


def ingest(db: Path, *sources: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyads", "ingest", *sources, "--db", str(db),
                           "--once", *FAST], env=ENV, capture_output=True, text=True,
                          timeout=600)


def stored(url: str) -> list[str]:
    return sorted(a["doc_id"] for a in httpx.get(url + "/articles.json", timeout=30)
                  .json()["articles"])


def test_dyads_ingest_stores_through_the_running_server(site, tmp_path):
    db = tmp_path / "served.duckdb"
    Store.open(db).close()
    server, url = start_server(db)
    try:
        first = ingest(db, site.url("/feed.xml"))
        after_first = stored(url)
        second = ingest(db, site.url("/feed.xml"))
        after_second = stored(url)
    finally:
        err = stop_server(server)
    assert first.returncode == 0, first.stderr + err
    assert f"storing through the server at {url}" in first.stderr
    assert "fetched 3, new 3" in first.stderr and "failed 0" in first.stderr
    assert len(after_first) == 3  # ids: the pages' canonical URLs
    assert second.returncode == 0, second.stderr
    assert f"storing through the server at {url}" in second.stderr
    assert "nothing new" in second.stderr and "unchanged 3" in second.stderr
    assert after_second == after_first
    assert not sidecar.sidecar_path(db).exists()
    with Store.open(db, read_only=True) as store:  # the log went through the server too
        assert len(store.ingest_state([site.url(f"/{n}.html") for n in
                                       ("talks", "protest", "sanctions")])) == 3


def test_serve_ingest_runs_feed_passes_and_stops_with_the_server(site, tmp_path):
    db = tmp_path / "feeding.duckdb"
    server, url = start_server(db, "--ingest", site.url("/feed.xml"), "--every", "1")
    try:
        deadline = time.monotonic() + 300
        while len(stored(url)) < 3:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, f"stored only {stored(url)}"
            time.sleep(0.5)
        articles = stored(url)
        deadline = time.monotonic() + 120
        while site.hits("/feed.xml") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)  # a second pass asks the feed again
    finally:
        err = stop_server(server)
    assert len(articles) == 3
    assert site.hits("/feed.xml") >= 2, err
    assert all(site.hits(f"/{n}.html") == 1 for n in ("talks", "protest", "sanctions"))
    assert "ingest pass 1: fetched 3, new 3" in err, err
    assert server.returncode is not None and not sidecar.sidecar_path(db).exists()


def test_serve_refuses_an_ingest_source_that_does_not_exist(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "dyads", "serve", "--db",
                           str(tmp_path / "x.duckdb"), "--port", str(_free_port()),
                           "--ingest", str(tmp_path / "nope")], env=ENV, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2
    assert "--ingest:" in proc.stderr and "no such file or folder" in proc.stderr
