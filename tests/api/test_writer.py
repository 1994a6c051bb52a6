"""The server as the store's one writer: the sidecar, the internal batch endpoint behind
its token, RemoteWriter (through dyads.store.open_writer) and the background producer.
Each test runs a real uvicorn server on a free port over a real DuckDB file."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from api_support import LiveServer, free_port

from dyads.api import create_app
from dyads.api.writer import WriterSettings
from dyads.store import Store, open_writer, sidecar
from dyads.store.remote import RemoteWriter

VERSION = "0.0.test"


def record(doc_id: str, body: str) -> dict:
    """A docs record as `dyads code` stores it (no events: the plumbing is under test)."""
    return {"doc_id": doc_id, "published": "2022-03-31", "title": f"Title {doc_id}",
            "url": None, "meta": {}, "events": [], "quotes": [], "errors": [], "words": 3,
            "body": body}


def wait_for(predicate, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def owning_server(db: Path, producer=None) -> LiveServer:
    port = free_port()
    app = create_app(db, kb_loader=None, own_writer=True, producer=producer,
                     writer=WriterSettings(port=port))
    return LiveServer(app, port=port)


@pytest.fixture()
def served(tmp_path):
    """(server, db path) once the server has published its sidecar."""
    db = tmp_path / "served.duckdb"
    with owning_server(db) as server:
        wait_for(lambda: sidecar.read(db) is not None, "the sidecar")
        yield server, db


def test_sidecar_names_this_server_privately(served):
    server, db = served
    info = sidecar.read(db)
    assert (info.pid, info.port, info.url) == (os.getpid(), server.port, server.url)
    assert len(info.token) >= 32
    assert sidecar.sidecar_path(db).stat().st_mode & 0o077 == 0


def test_batches_need_the_write_token(served):
    server, db = served
    body = {"coder_version": VERSION, "docs": [record("a", "Kenya criticized Ethiopia.")]}
    url = server.url + "/store/articles"
    assert httpx.post(url, json=body).status_code == 401
    assert httpx.post(url, json=body, headers={"x-dyads-write-token": "guess"}).status_code == 401
    assert httpx.get(server.url + "/store/writer").status_code == 401
    assert httpx.get(server.url + "/articles.json").json()["articles"] == []
    spec = httpx.get(server.url + "/openapi.json").json()
    assert not [p for p in spec["paths"] if p.startswith("/store")]


def test_open_writer_hands_batches_to_the_server_once(served):
    server, db = served
    docs = [record("a", "Kenya criticized Ethiopia."), record("b", "Chad thanked Niger.")]
    with open_writer(db, wait=0) as writer:
        assert isinstance(writer, RemoteWriter) and writer.url == server.url
        first = writer.add_docs(docs, coder_version=VERSION)
        again = writer.add_docs(docs, coder_version=VERSION)
    assert (first["articles_added"], first["errors"]) == (2, [])
    assert (again["articles_added"], again["articles_unchanged"]) == (0, 2)
    listed = httpx.get(server.url + "/articles.json").json()["articles"]
    assert sorted(a["doc_id"] for a in listed) == ["a", "b"]  # reads see the new rows


def test_bad_records_are_reported_and_the_rest_stored(served):
    server, db = served
    docs = [record("good-1", "Kenya criticized Ethiopia."), {"title": "no doc id"},
            "not a record", record("good-2", "Chad thanked Niger.")]
    with open_writer(db, wait=0) as writer:
        result = writer.add_docs(docs, coder_version=VERSION)
    assert result["articles_added"] == 2 and len(result["errors"]) == 2
    assert any("doc_id" in e for e in result["errors"])
    token = {"x-dyads-write-token": sidecar.read(db).token}
    for bad in (b"{not json", b'{"docs": "x", "coder_version": "1"}', b'{"docs": []}'):
        r = httpx.post(server.url + "/store/articles", content=bad, headers=token)
        assert r.status_code == 422 and r.json()["detail"].startswith("the batch")
    counts = httpx.post(server.url + "/store/articles", headers=token, json={
        "coder_version": VERSION, "docs": [record("good-1", "Kenya criticized Ethiopia.")]})
    assert counts.json()["counts"] == {"new": 0, "duplicate": 1, "replaced": 0, "failed": 0}


def test_a_record_too_large_for_one_batch_is_reported_not_sent(tmp_path):
    db = tmp_path / "small.duckdb"
    port = free_port()
    app = create_app(db, kb_loader=None, own_writer=True,
                     writer=WriterSettings(port=port, max_batch_bytes=4000))
    with LiveServer(app, port=port):
        wait_for(lambda: sidecar.read(db) is not None, "the sidecar")
        with open_writer(db, wait=0) as writer:
            result = writer.add_docs([record("big", "word " * 2000), record("s", "Short.")],
                                     coder_version=VERSION)
    assert result["articles_added"] == 1
    assert len(result["errors"]) == 1 and result["errors"][0].startswith("big:")


def test_clean_shutdown_removes_the_sidecar_and_frees_the_store(tmp_path):
    db = tmp_path / "stop.duckdb"
    with owning_server(db):
        wait_for(lambda: sidecar.read(db) is not None, "the sidecar")
    assert not sidecar.sidecar_path(db).exists()
    with open_writer(db, wait=0) as writer:
        assert isinstance(writer.store, Store)  # opened here (a LocalWriter)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_new_server_replaces_a_stale_sidecar(tmp_path):
    db = tmp_path / "stale.duckdb"
    Store.open(db).close()
    stale = sidecar.ServerInfo(pid=dead_pid(), host="127.0.0.1", port=free_port(),
                               token="old", started="2020-01-01T00:00:00+00:00", db=str(db),
                               max_batch_bytes=1000)
    sidecar.publish(db, stale)
    with owning_server(db) as server:
        wait_for(lambda: sidecar.read(db).token != "old", "the new sidecar")
        assert sidecar.read(db).port == server.port


def test_a_second_server_on_a_served_store_refuses_to_start(served):
    import argparse

    from dyads.cli.serve import check_args

    server, db = served
    args = argparse.Namespace(db=str(db), port=free_port(), host="127.0.0.1", token=None,
                              read_only=True)
    problem = check_args(args)
    assert problem and f"already served at {server.url}" in problem


def test_a_producer_stores_through_the_server_and_stops_with_it(tmp_path):
    db = tmp_path / "produced.duckdb"
    seen = {}

    def producer(writer, stop: threading.Event) -> None:
        seen["result"] = writer.add_docs([record("made", "Kenya criticized Ethiopia.")],
                                         coder_version=VERSION)
        stop.wait()
        seen["stopped"] = True

    with owning_server(db, producer=producer) as server:
        wait_for(lambda: "result" in seen, "the producer's batch")
        listed = httpx.get(server.url + "/articles.json").json()["articles"]
        assert [a["doc_id"] for a in listed] == ["made"]
    assert seen["result"]["articles_added"] == 1 and seen.get("stopped") is True


def test_reads_answer_from_the_last_commit_while_a_batch_is_being_written(served, monkeypatch):
    from dyads.store import merge

    server, db = served
    inside, release = threading.Event(), threading.Event()
    real_merge = merge.merge_pending

    def held_merge(*args, **kwargs):  # runs inside the batch's transaction
        inside.set()
        release.wait(60)
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(merge, "merge_pending", held_merge)
    results = []
    with open_writer(db, wait=0) as writer:
        batch = threading.Thread(target=lambda: results.append(writer.add_docs(
            [record("slow", "Kenya criticized Ethiopia.")], coder_version=VERSION)))
        batch.start()
        try:
            assert inside.wait(60)
            during = [httpx.get(server.url + path, timeout=30) for path in
                      ("/events.json", "/articles.json", "/index.json", "/health")]
        finally:
            release.set()
            batch.join(60)
    assert [r.status_code for r in during] == [200, 200, 200, 200]
    assert during[1].json()["articles"] == []  # the batch is not committed yet
    assert results[0]["articles_added"] == 1
    after = httpx.get(server.url + "/articles.json").json()["articles"]
    assert [a["doc_id"] for a in after] == ["slow"]


def test_a_writer_falls_back_to_the_store_when_the_server_goes_away(tmp_path):
    db = tmp_path / "gone.duckdb"
    with owning_server(db):
        wait_for(lambda: sidecar.read(db) is not None, "the sidecar")
        writer = open_writer(db, wait=0)
        assert isinstance(writer, RemoteWriter)
        assert writer.add_docs([record("one", "Kenya criticized Ethiopia.")],
                               coder_version=VERSION)["articles_added"] == 1
    result = writer.add_docs([record("two", "Chad thanked Niger.")], coder_version=VERSION)
    writer.close()
    assert result["articles_added"] == 1
    with Store.open(db, read_only=True) as store:
        assert sorted(a["doc_id"] for a in store.articles()) == ["one", "two"]


REPO = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from dyads.store import Store
store = Store.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
store.close()
"""


def test_the_server_takes_the_store_once_another_writer_is_done(tmp_path):
    db = tmp_path / "busy.duckdb"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env)
    assert other.stdout.readline().strip() == "holding"
    with owning_server(db) as server:
        try:
            busy = httpx.get(server.url + "/events.json")
            assert busy.status_code == 503 and "once that process is done" in busy.json()["detail"]
            assert sidecar.read(db) is None
        finally:
            other.communicate("done\n", timeout=60)
        wait_for(lambda: sidecar.read(db) is not None, "the server to take the store")
        assert httpx.get(server.url + "/events.json").status_code == 200


INGEST_CALLS = [("known_hashes", "hashes", ["abc"]), ("ingest_state", "keys", ["k"]),
                ("add_copies", "docs", [record("c", "Chad thanked Niger.")]),
                ("record_ingest", "rows", [{"key": "k", "status": "read"}])]


def test_the_ingest_endpoints_need_the_write_token(served):
    import dataclasses

    from dyads.store import StoreError
    from dyads.store.sidecar import INGEST_PATHS

    server, db = served
    for method, key, values in INGEST_CALLS:
        url = server.url + INGEST_PATHS[method]
        assert httpx.post(url, json={key: values}).status_code == 401, method
        assert httpx.post(url, json={key: values},
                          headers={"x-dyads-write-token": "guess"}).status_code == 401, method
    wrong = RemoteWriter(dataclasses.replace(sidecar.read(db), token="guess"))
    with wrong:
        for method, _, values in INGEST_CALLS:
            with pytest.raises(StoreError, match="401"):
                getattr(wrong, method)(values)
    with open_writer(db, wait=0) as right:  # nothing went in
        assert right.ingest_state(["k"]) == {} and right.known_hashes(["abc"]) == {}
    assert httpx.get(server.url + "/articles.json").json()["articles"] == []


def test_remote_writer_answers_as_the_store_does_for_dyads_ingest(served):
    from dyads.store.write import content_hash

    server, db = served
    first = record("first", "Kenya criticized Ethiopia.")
    copy = record("copy", "Kenya criticized Ethiopia.")
    h = content_hash(first)
    with open_writer(db, wait=0) as writer:
        assert isinstance(writer, RemoteWriter)
        assert writer.known_hashes([h]) == {} and writer.ingest_state(["k"]) == {}
        writer.add_docs([first], coder_version=VERSION)
        assert writer.add_copies([copy]) == 1
        assert writer.known_hashes([h, "nothing"]) == {h: {"first", "copy"}}
        writer.record_ingest([{"key": "k", "source": "s", "doc_id": "first",
                               "status": "stored", "content_hash": h}])
        state = writer.ingest_state(["k", "other"])
    assert list(state) == ["k"] and state["k"]["doc_id"] == "first"
    assert state["k"]["status"] == "stored"
    token = {"x-dyads-write-token": sidecar.read(db).token}
    r = httpx.post(server.url + "/store/ingest/record-ingest", headers=token,
                   json={"rows": ["not a row"]})
    assert r.status_code == 422


def test_the_ingest_methods_fall_back_to_the_store_when_the_server_goes_away(tmp_path):
    db = tmp_path / "gone-ingest.duckdb"
    row = {"key": "k", "source": "s", "status": "read"}
    with owning_server(db):
        wait_for(lambda: sidecar.read(db) is not None, "the sidecar")
        writer = open_writer(db, wait=0)
        writer.record_ingest([row])
    assert writer.ingest_state(["k"])["k"]["status"] == "read"  # now from the file itself
    writer.record_ingest([dict(row, key="k2")])
    writer.close()
    with Store.open(db, read_only=True) as store:
        assert sorted(store.ingest_state(["k", "k2"])) == ["k", "k2"]


def test_copies_are_sent_in_chunks_that_fit_the_servers_batch_size(tmp_path):
    db = tmp_path / "chunks.duckdb"
    port = free_port()
    app = create_app(db, kb_loader=None, own_writer=True,
                     writer=WriterSettings(port=port, max_batch_bytes=4000))
    body = "Kenya criticized Ethiopia. " * 50  # about 1,400 bytes a record
    with LiveServer(app, port=port):
        wait_for(lambda: sidecar.read(db) is not None, "the sidecar")
        with open_writer(db, wait=0) as writer:
            writer.add_docs([record("original", body)], coder_version=VERSION)
            added = writer.add_copies([record(f"copy-{n}", body) for n in range(5)])
    assert added == 5
