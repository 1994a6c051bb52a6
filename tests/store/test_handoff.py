"""Who writes the store: open_writer opens it locally unless a live server owns it,
ignores stale sidecars, and waits (then gives up cleanly) while another process holds it."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

from dyads.store import Store, StoreLocked, open_writer, sidecar

REPO = Path(__file__).resolve().parents[2]
# Holds the store open read-write in another process until a line arrives on stdin.
HOLDER = """
import sys
from dyads.store import Store
store = Store.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
store.close()
"""


def info(db: Path, pid: int, port: int, token: str = "t0ken") -> sidecar.ServerInfo:
    return sidecar.ServerInfo(pid=pid, host="127.0.0.1", port=port, token=token,
                              started="2024-01-01T00:00:00+00:00", db=str(db),
                              max_batch_bytes=1 << 20)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def holder(db: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def release(proc: subprocess.Popen) -> None:
    proc.stdin.write("done\n")
    proc.stdin.flush()
    proc.wait(timeout=60)


def test_sidecar_round_trip_and_only_its_owner_removes_it(tmp_path):
    db = tmp_path / "s.duckdb"
    path = sidecar.publish(db, info(db, os.getpid(), 8123))
    assert path == tmp_path / "s.duckdb.server.json"
    assert path.stat().st_mode & 0o077 == 0
    assert sidecar.read(db) == info(db, os.getpid(), 8123)
    assert sidecar.read(db).url == "http://127.0.0.1:8123"
    sidecar.withdraw(db, "someone else's")
    assert path.exists()
    sidecar.withdraw(db, "t0ken")
    assert not path.exists() and sidecar.read(db) is None
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_an_unreadable_sidecar_counts_as_none(tmp_path):
    db = tmp_path / "s.duckdb"
    sidecar.sidecar_path(db).write_text("{half")
    assert sidecar.read(db) is None


def test_a_sidecar_of_a_dead_process_is_ignored(tmp_path):
    db = tmp_path / "dead.duckdb"
    sidecar.publish(db, info(db, dead_pid(), closed_port()))
    with open_writer(db, wait=0) as writer:
        assert isinstance(writer.store, Store)  # opened here (a LocalWriter)
        assert writer.add_docs([{"doc_id": "d", "body": "Text."}], "1")["articles_added"] == 1


def test_a_sidecar_whose_port_does_not_answer_is_ignored(tmp_path):
    db = tmp_path / "silent.duckdb"
    sidecar.publish(db, info(db, os.getpid(), closed_port()))  # a live pid, no server
    with open_writer(db, wait=0) as writer:
        assert isinstance(writer.store, Store)  # opened here (a LocalWriter)


def test_the_second_writer_waits_for_the_first_then_proceeds(tmp_path):
    db = tmp_path / "two.duckdb"
    first = holder(db)
    told, finishing = [], threading.Thread(target=release, args=(first,))

    def on_wait(message: str) -> None:
        told.append(message)
        finishing.start()  # told that the second one waits, the first one finishes

    with open_writer(db, wait=120, poll=0.1, on_wait=on_wait) as writer:
        assert isinstance(writer.store, Store)  # opened here (a LocalWriter)
    finishing.join()
    assert len(told) == 1 and "in use by another process (PID " in told[0]
    assert first.returncode == 0


def test_the_second_writer_gives_up_after_wait(tmp_path):
    db = tmp_path / "held.duckdb"
    first = holder(db)
    try:
        try:
            open_writer(db, wait=0.2, poll=0.05)
        except StoreLocked as exc:
            message = str(exc)
        else:
            raise AssertionError("open_writer did not give up")
        assert "still in use by another process (PID " in message
        assert f"dyads serve --db {db}" in message
    finally:
        release(first)


def test_dyads_code_gives_up_with_one_line_and_exit_2(tmp_path):
    db = tmp_path / "held.duckdb"
    text = tmp_path / "one.txt"
    text.write_text("Kenya criticized Ethiopia on Monday.")
    first = holder(db)
    try:
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
        proc = subprocess.run([sys.executable, "-m", "dyads", "code", str(text), "--db", str(db),
                               "--wait", "0.3", "--date", "2024-05-10"],
                              capture_output=True, text=True, env=env, timeout=120)
    finally:
        release(first)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert lines[-1].startswith("dyads: ") and "still in use" in lines[-1]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_a_local_writer_lets_the_store_go_to_a_server_that_waits_for_it(tmp_path):
    from dyads.store import handoff

    db = tmp_path / "asked.duckdb"
    told: list[str] = []
    # answers: any published server counts as live (its port is not asked)
    with handoff.open_writer(db, Store.open, wait=0, on_wait=told.append,
                             answers=lambda info: True) as writer:
        writer.add_docs([{"doc_id": "a", "body": "First text."}], "1")
        sidecar.want(db, dead_pid())  # a crashed server's marker asks nothing
        assert not writer.asked
        writer.add_docs([{"doc_id": "b", "body": "Second text."}], "1")
        assert writer.url is None and isinstance(writer.store, Store)
        sidecar.want(db, os.getpid())  # a live server waits, then publishes
        assert writer.asked
        server = info(db, os.getpid(), closed_port())
        sidecar.publish(db, server)
        writer.add_docs([{"doc_id": "c", "body": "Third text."}], "1")  # stored here, then let go
        assert writer.url == server.url and not writer.asked
        assert told == [f"a server started on {db}: storing through it at {server.url}"]
    sidecar.withdraw(db, server.token)
    with Store.open(db, read_only=True) as store:  # closed by the hand-over, all three kept
        assert store.stats()["articles"] == 3


def test_a_server_that_stops_waiting_leaves_the_store_to_the_writer(tmp_path, monkeypatch):
    from dyads.store import handoff

    monkeypatch.setattr(handoff, "HANDOVER_WAIT", 5.0)
    db = tmp_path / "kept.duckdb"
    with open_writer(db, wait=0) as writer:
        sidecar.want(db, os.getpid())
        # the marker goes before any server publishes (the server gave up): open it again
        threading.Timer(0.3, sidecar.unwant, [db, os.getpid()]).start()
        writer.add_docs([{"doc_id": "a", "body": "First text."}], "1")
        assert writer.url is None and isinstance(writer.store.store, Store)
        writer.add_docs([{"doc_id": "b", "body": "Second text."}], "1")
    with Store.open(db, read_only=True) as store:
        assert store.stats()["articles"] == 2

