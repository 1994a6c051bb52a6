"""The sidecar file a running server publishes next to its store: ``DB.server.json``.

It says that a ``dyads serve`` process owns the store's one DuckDB writer and where to
hand it batches: pid, host, port, a random write token and the start time. The server
writes it atomically (readable by its user only) once it holds the writer, and removes it
on a clean exit. A sidecar left by a crashed server is stale: its pid is dead, or its port
does not answer with the token; writers ignore it and the next server replaces it.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

SUFFIX = ".server.json"
TOKEN_HEADER = "x-dyads-write-token"  # how writers present the token
# The server's internal endpoints for `dyads ingest` (dyads.feeds.loop.Writer's methods
# beyond add_docs), shared by the client (store.remote) and the server (api.routes_store).
INGEST_PATHS = {name: "/store/ingest/" + name.replace("_", "-")
                for name in ("known_hashes", "ingest_state", "add_copies", "record_ingest")}
WILDCARD_HOSTS = ("", "0.0.0.0", "::")


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    host: str
    port: int
    token: str
    started: str  # ISO 8601, UTC
    db: str
    max_batch_bytes: int

    @property
    def url(self) -> str:
        """Where a process on this machine reaches the server."""
        host = self.host
        if host in WILDCARD_HOSTS:
            host = "::1" if host == "::" else "127.0.0.1"
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}"


def sidecar_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + SUFFIX)


def publish(db_path: str | Path, info: ServerInfo) -> Path:
    """Write the sidecar atomically (a temporary file renamed over it), mode 0600."""
    target = sidecar_path(db_path)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(info), fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def read(db_path: str | Path) -> ServerInfo | None:
    """The published server, or None when there is no sidecar or it cannot be read."""
    try:
        data = json.loads(sidecar_path(db_path).read_text(encoding="utf-8"))
        return ServerInfo(**{k: data[k] for k in ServerInfo.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def withdraw(db_path: str | Path, token: str) -> None:
    """Remove the sidecar if it is still ours (same token)."""
    current = read(db_path)
    if current is not None and current.token == token:
        sidecar_path(db_path).unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    except OSError:
        return False
    return True


def live_server(db_path: str | Path, answers: Callable[[ServerInfo], bool]) -> ServerInfo | None:
    """The server that owns the store now, or None (no sidecar, or a stale one).

    ``answers(info)`` asks the server whether it is there and holds this token."""
    info = read(db_path)
    if info is None or not pid_alive(info.pid):
        return None
    return info if answers(info) else None


def held_by(db_path: str | Path) -> str:
    """What to tell someone who cannot open the store because another process holds it."""
    info = read(db_path)
    if info is not None and pid_alive(info.pid):
        return (f"It is served by 'dyads serve' (pid {info.pid}) at {info.url}: read it "
                f"through that server, or stop it; 'dyads code --db' stores through it")
    return "Another process may be writing to it; wait for it or open read_only"


# A server that starts while another process writes the store cannot open it (DuckDB
# allows one writer and no other opener). It leaves this marker, its pid, until it holds
# the store; a local writer that sees it closes the store after its batch in hand and
# stores through the server from then on (dyads.store.handoff.LocalWriter).
WANTED_SUFFIX = ".server-wanted"


def wanted_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + WANTED_SUFFIX)


def want(db_path: str | Path, pid: int) -> None:
    """Say that the server with ``pid`` waits for the store (written atomically)."""
    target = wanted_path(db_path)
    tmp = target.with_name(f"{target.name}.{pid}.tmp")
    tmp.write_text(str(pid), encoding="utf-8")
    os.replace(tmp, target)


def unwant(db_path: str | Path, pid: int) -> None:
    """Remove the marker if it is this server's."""
    if waiting_pid(db_path) == pid:
        wanted_path(db_path).unlink(missing_ok=True)


def waiting_pid(db_path: str | Path) -> int | None:
    try:
        return int(wanted_path(db_path).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def server_waiting(db_path: str | Path) -> bool:
    """A live server waits for the store (a dead one's marker is ignored)."""
    pid = waiting_pid(db_path)
    return pid is not None and pid_alive(pid)
