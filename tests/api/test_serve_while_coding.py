"""Serve while ingesting, as a user does it: `dyads serve --db DB` and `dyads code
examples/articles --db DB` run at the same time while a thread reads GET /events.json in a
loop. The reads keep answering, the run stores through the server, and the store ends
up holding what a plain `dyads code --db` run (no server) stores."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from api_support import free_port

from dyads.store import Store, sidecar

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "articles"
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src"))


def dyads(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dyads", *args], env=ENV, text=True,
                            **kwargs)


def code_into(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(CODE + [str(db)], env=ENV, capture_output=True, text=True,
                          timeout=900)


CODE = [sys.executable, "-m", "dyads", "code", str(ARTICLES), "--workers", "1", "--db"]


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> tuple[dict, list]:
    """What a plain `dyads code examples/articles --db` run (no server) stores."""
    db = tmp_path_factory.mktemp("plain") / "plain.duckdb"
    assert code_into(db).returncode == 0
    return contents(db)


def contents(db: Path) -> tuple[dict, list]:
    with Store.open(db, read_only=True) as store:
        stats = store.stats()
        mentions = sorted((m["doc_id"], m["event_id"]) for m in store.mentions())
    return {k: stats[k] for k in ("articles", "mentions", "events")}, mentions


class Reader(threading.Thread):
    """GET /events.json in a loop until stopped; keeps every status (0: no answer)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.statuses, self.totals = url, [], []
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self.stop.is_set():
                try:
                    r = client.get(self.url + "/events.json", params={"limit": 5})
                    self.statuses.append(r.status_code)
                    if r.status_code == 200:
                        self.totals.append(r.json()["total"])
                except httpx.HTTPError:
                    self.statuses.append(0)


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = dyads("serve", "--db", str(db), "--port", str(port), *extra,
                   stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while getattr(sidecar.read(db), "port", None) != port or not _healthy(port):
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError("dyads serve did not start: " + (server.stderr.read() or ""))
        time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def _healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_reads_answer_while_dyads_code_stores_through_the_server(tmp_path, plain):
    served = tmp_path / "served.duckdb"
    Store.open(served).close()
    server, url = start_server(served)
    reader = Reader(url)
    try:
        reader.start()
        run = code_into(served)
        reader.stop.set()
        reader.join(timeout=60)
        final = httpx.get(url + "/events.json", params={"limit": 1}).json()["total"]
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert run.returncode == 0, run.stderr
    assert f"storing through the server at {url}" in run.stderr
    ok = reader.statuses.count(200) / len(reader.statuses)
    print(f"\n{len(reader.statuses)} reads during the run, {ok:.1%} answered 200, "
          f"totals seen {sorted(set(reader.totals))}")
    assert len(reader.statuses) >= 20 and ok >= 0.95, sorted(set(reader.statuses))
    assert reader.totals == sorted(reader.totals)  # the count only grows as batches land
    assert not sidecar.sidecar_path(served).exists()  # withdrawn on a clean stop
    assert contents(served) == plain
    assert final == plain[0]["events"]


def test_a_server_started_during_dyads_code_takes_the_store_from_it(tmp_path, plain):
    """The other order: `dyads code --db` holds the store when `dyads serve` starts. The
    server asks for it, the run lets it go after the article in hand and stores the rest
    through the server, which answers every read from then on."""
    db = tmp_path / "taken.duckdb"
    run = subprocess.Popen(CODE + [str(db)], env=ENV, text=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: db.exists() or run.poll() is not None, "the run's store")
        assert run.poll() is None, "the run ended before the server started"
        server, url = start_server(db)  # returns once the server holds the store
        reader = Reader(url)
        reader.start()
        _, err = run.communicate(timeout=900)
        reader.stop.set()
        reader.join(timeout=60)
    finally:
        run.kill()
    try:
        final = httpx.get(url + "/events.json", params={"limit": 1}).json()["total"]
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert run.returncode == 0, err
    assert f"a server started on {db}: storing through it at {url}" in err
    assert reader.statuses and set(reader.statuses) == {200}, sorted(set(reader.statuses))
    assert not sidecar.wanted_path(db).exists() and not sidecar.sidecar_path(db).exists()
    assert contents(db) == plain
    assert final == plain[0]["events"]


def _wait_for(predicate, what: str, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def _stored(url: str) -> list[str]:
    return sorted(a["doc_id"] for a in httpx.get(url + "/articles.json").json()["articles"])


def _wait_stored(url: str, want: list[str], server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 300
    while _stored(url) != want:
        if time.monotonic() > deadline or server.poll() is not None:
            raise AssertionError(f"stored {_stored(url)}, not {want}")
        time.sleep(0.2)


def test_serve_ingest_codes_a_folder_and_what_appears_there_later(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = sorted(ARTICLES.glob("*.txt"))[:2]
    (inbox / first.name).write_text(first.read_text())
    db = tmp_path / "ingest.duckdb"
    Store.open(db).close()
    server, url = start_server(db, "--ingest", str(inbox), "--every", "0.5")
    try:
        _wait_stored(url, [first.stem], server)
        (inbox / second.name).write_text(second.read_text())
        _wait_stored(url, sorted([first.stem, second.stem]), server)
    finally:
        server.terminate()
        server.wait(timeout=60)
    err = server.stderr.read()
    assert "ingest pass 1: fetched 0, new 1 " in err and "failed 0" in err, err
    assert not sidecar.sidecar_path(db).exists()


def test_after_a_server_crash_writers_open_the_store_and_a_new_server_takes_over(tmp_path):
    from dyads.store import open_writer

    db = tmp_path / "crash.duckdb"
    Store.open(db).close()
    server, _ = start_server(db)
    server.kill()  # no clean shutdown: the sidecar stays behind, stale
    server.wait(timeout=60)
    assert sidecar.read(db).pid == server.pid
    with open_writer(db, wait=0) as writer:
        assert isinstance(writer.store, Store)  # opened here (a LocalWriter)
    second, url = start_server(db)
    try:
        assert sidecar.read(db).pid == second.pid and sidecar.read(db).url == url
    finally:
        second.terminate()
        second.wait(timeout=60)
    assert not sidecar.sidecar_path(db).exists()
