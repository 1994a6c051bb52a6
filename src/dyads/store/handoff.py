"""Who writes the store: the one writer DuckDB allows, or the server that owns it.

``open_writer`` (re-exported as ``dyads.store.open_writer``) returns the store opened
read-write when no live ``dyads serve`` owns it, or a ``RemoteWriter`` handing batches to
that server (found through the sidecar file, see ``dyads.store.sidecar``). While another
process that is not a server holds the file, it waits, asking again every ``poll``
seconds, up to ``wait`` seconds, then raises ``StoreLocked``.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from dyads.store import sidecar
from dyads.store.errors import StoreLocked

DEFAULT_WAIT = 60.0
DEFAULT_POLL = 0.5


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
    deadline, told = time.monotonic() + max(0.0, wait), False
    while True:
        info = _server(path, answers)
        if info is not None:
            reopen = lambda: open_writer(path, opener, wait=wait, poll=poll,  # noqa: E731
                                         on_wait=on_wait, answers=answers, timeout=timeout)
            return RemoteWriter(info, timeout=timeout, fallback=reopen)
        try:
            return opener(path)
        except StoreLocked as exc:
            left = deadline - time.monotonic()
            if left <= 0:
                raise StoreLocked(_gave_up(path, wait, exc)) from exc
            if on_wait is not None and not told:
                on_wait(f"{path} is in use by another process{_holder(exc)}; waiting up to "
                        f"{wait:g} s for it (--wait)")
                told = True
            time.sleep(min(poll, left))


def _holder(exc: BaseException) -> str:
    """' (PID n)' from DuckDB's lock message, when it names one."""
    text = str(exc)
    start = text.find("(PID ")
    return " " + text[start:text.find(")", start) + 1] if start >= 0 else ""


def _gave_up(path: Path, wait: float, exc: BaseException) -> str:
    return (f"{path} is still in use by another process{_holder(exc)} after {wait:g} s: "
            f"let it finish, or run 'dyads serve --db {path}', which takes writes while "
            f"it serves")
