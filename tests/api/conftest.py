"""Fixtures: a small store built from hand-made records, and a live uvicorn server on it."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from api_docs import all_docs
from api_support import LiveServer, fake_coder


@pytest.fixture(scope="session")
def db_path(tmp_path_factory) -> Path:
    from dyads.store import Store

    path = tmp_path_factory.mktemp("api") / "news.duckdb"
    with Store.open(path) as store:
        result = store.add_docs(all_docs(), coder_version="0.0.test")
    assert not result["errors"], result["errors"]
    return path


@pytest.fixture(scope="session")
def live(db_path):
    from dyads.api import create_app

    app = create_app(db_path, coder=fake_coder, kb_loader=None)
    with LiveServer(app) as server:
        yield server


@pytest.fixture()
def client(live):
    with httpx.Client(base_url=live.url, timeout=10) as c:
        yield c
