"""Fixtures of the store tests; the docs builders live in store_docs.py."""
from __future__ import annotations

import pytest

from dyads.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "test.duckdb") as s:
        yield s
