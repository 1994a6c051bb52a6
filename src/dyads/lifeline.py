"""Worker processes that end when the process that started them dies.

A pool's workers are children of a fork server, not of the process that codes, so when
that process is killed (``kill -9``, the out-of-memory killer) nothing tells them, and
each would keep a loaded model in memory. ``watch_parent(pid)`` starts a daemon thread in
the worker that checks every ``interval`` seconds whether ``pid`` still runs (a zombie, a
process that died and was not yet reaped, counts as dead) and ends the worker at once
when it does not. It works wherever psutil does, and falls back to ``os.kill(pid, 0)``.
"""
from __future__ import annotations

import os
import threading
import time

CHECK_SECONDS = 1.0


def alive(pid: int, started: float | None = None) -> bool:
    """Whether process ``pid`` runs (and, given its start time, is still that process)."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil is a dependency
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
    try:
        process = psutil.Process(pid)
        if started is not None and abs(process.create_time() - started) > 1.0:
            return False  # the pid was given to another process
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def start_time(pid: int) -> float | None:
    try:
        import psutil

        return psutil.Process(pid).create_time()
    except Exception:
        return None


def watch_parent(pid: int, started: float | None = None,
                 interval: float = CHECK_SECONDS) -> threading.Thread:
    """End this process (exit status 1) soon after process ``pid`` is gone."""
    def watch():
        while alive(pid, started):
            time.sleep(interval)
        os._exit(1)

    thread = threading.Thread(target=watch, name="dyads-lifeline", daemon=True)
    thread.start()
    return thread
