"""Helpers shared by the API tests (a module of its own name: every test folder has a
conftest, and `from conftest import` would pick whichever was imported first)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
TEST_TOKEN = "test-token-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fake_coder(text, date, doc_id, title, url):
    """Stands in for the real coder where a test only checks the plumbing."""
    record = {"doc_id": doc_id, "published": date, "title": title, "url": url, "meta": {},
              "events": [], "quotes": [], "errors": [], "words": len(text.split())}
    return record, text.strip()


class LiveServer:
    """uvicorn in a daemon thread on a free localhost port."""

    def __init__(self, app, port: int | None = None):
        import uvicorn

        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
