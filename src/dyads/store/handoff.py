"""Who writes the store: the one writer DuckDB allows, or the server that owns it.

``open_writer`` (re-exported as ``dyads.store.open_writer``) returns the store opened
read-write when no live ``dyads serve`` owns it, or a ``RemoteWriter`` handing batches to
that server (found through the sidecar file, see ``dyads.store.sidecar``). While another
process that is not a server holds the file, it waits, asking again every ``poll``
seconds, up to ``wait`` seconds, then raises ``StoreLocked``.

The store opened here comes wrapped in a ``LocalWriter``: when a server starts while this
process writes (it leaves the sidecar's "wanted" marker and waits for the file), the
writer closes the store after the write in hand, waits for the server to take it and
publish its sidecar, and hands every later batch to it, so the server answers reads
from then on instead of waiting for the whole run.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from dyads.store import sidecar
from dyads.store.errors import StoreLocked

DEFAULT_WAIT = 60.0
DEFAULT_POLL = 0.5
HANDOVER_WAIT = 30.0  # how long a writer that let go waits for the server to take over
WRITES = frozenset({"add_docs", "add_copies", "record_ingest"})


def _server(path: Path, answers):
    """The live server owning the store, or None; imports the HTTP client only when a
    sidecar is there."""
    if not sidecar.sidecar_path(path).exists():
        return None
    if answers is None:
        from dyads.store.remote import probe as answers
    return sidecar.live_server(path, answers)


def open_writer(db_path: str | Path, opener: Callable, *, wait: float = DEFAULT_WAIT,
                poll: float = DEFAULT_POLL, on_wait: Callable[[str], None] | None = None,
                answers: Callable | None = None, timeout: float = 600.0):
    """A writer for the store at ``db_path``: ``opener(path)`` (a local Store) or a
    RemoteWriter; see the module docstring. ``on_wait(message)`` is told once when it
    starts waiting; ``answers(info)`` checks a published server (default: an HTTP probe).
    """
    from dyads.store.remote import RemoteWriter

    path = Path(db_path)
    reopen = lambda: open_writer(path, opener, wait=wait, poll=poll,  # noqa: E731
                                 on_wait=on_wait, answers=answers, timeout=timeout)
    deadline, told = time.monotonic() + max(0.0, wait), False
    while True:
        info = _server(path, answers)
        if info is not None:
            return RemoteWriter(info, timeout=timeout, fallback=reopen)
        try:
            return LocalWriter(path, opener(path),
                               lambda: _after_handover(path, answers, poll, timeout, reopen,
                                                       on_wait))
        except StoreLocked as exc:
            left = deadline - time.monotonic()
            if left <= 0:
                raise StoreLocked(_gave_up(path, wait, exc)) from exc
            if on_wait is not None and not told:
                on_wait(f"{path} is in use by another process{_holder(exc)}; waiting up to "
                        f"{wait:g} s for it (--wait)")
                told = True
            time.sleep(min(poll, left))


def _after_handover(path: Path, answers, poll: float, timeout: float, reopen: Callable,
                    say: Callable[[str], None] | None = None):
    """The writer once the store is let go: the server that took it, or, if none takes
    over within HANDOVER_WAIT (it stopped, or gave up), whatever ``reopen`` finds."""
    from dyads.store.remote import RemoteWriter

    deadline = time.monotonic() + HANDOVER_WAIT
    while time.monotonic() < deadline:
        info = _server(path, answers)
        if info is not None:
            if say is not None:
                say(f"a server started on {path}: storing through it at {info.url}")
            return RemoteWriter(info, timeout=timeout, fallback=reopen)
        if not sidecar.server_waiting(path):
            break
        time.sleep(min(poll, 0.2))
    return reopen()


class LocalWriter:
    """The store opened in this process, with the Store's methods; after each write it
    lets the store go to a server that waits for it (see the module docstring)."""

    def __init__(self, path: Path, store, hand_over: Callable[[], object]) -> None:
        self.path = path
        self.store = store  # the Store; after a hand-over, the writer that replaced it
        self._hand_over = hand_over
        self.handed_over = False

    def __getattr__(self, name: str):
        attr = getattr(self.store, name)
        if name not in WRITES or self.handed_over:
            return attr

        def write(*args, **kwargs):
            result = attr(*args, **kwargs)
            if sidecar.server_waiting(self.path):
                self.store.close()
                self.handed_over = True  # set first: a failing hand-over is not retried
                self.store = self._hand_over()
            return result
        return write

    @property
    def asked(self) -> bool:
        """A server waits for this store: the next write lets it go."""
        return not self.handed_over and sidecar.server_waiting(self.path)

    @property
    def url(self) -> str | None:
        """Where batches go once handed over to a server (None while stored here)."""
        return getattr(self.store, "url", None)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "LocalWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _holder(exc: BaseException) -> str:
    """' (PID n)' from DuckDB's lock message, when it names one."""
    text = str(exc)
    start = text.find("(PID ")
    return " " + text[start:text.find(")", start) + 1] if start >= 0 else ""


def _gave_up(path: Path, wait: float, exc: BaseException) -> str:
    return (f"{path} is still in use by another process{_holder(exc)} after {wait:g} s: "
            f"let it finish, or run 'dyads serve --db {path}', which takes writes while "
            f"it serves")
