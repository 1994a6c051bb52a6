"""`dyads serve` as a user runs it: a subprocess on a free localhost port."""
from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest
from api_support import free_port

from dyads.cli import main

pytestmark = pytest.mark.slow


def test_serve_answers_and_stops(db_path):
    port = free_port()
    cmd = [sys.executable, "-c", "import sys; from dyads.cli import main; sys.exit(main())",
           "serve", "--db", str(db_path), "--port", str(port)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        deadline, status = time.monotonic() + 30, None
        while time.monotonic() < deadline and status is None:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code
            except httpx.HTTPError:
                time.sleep(0.2)
        assert status == 200
        assert httpx.get(f"http://127.0.0.1:{port}/events.json").json()["total"] == 9
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_without_a_store_says_how_to_make_one(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "dyads code" in capsys.readouterr().err
