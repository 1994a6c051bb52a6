"""POST /code: who may call it (the bind address and the token) and how much it codes."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import TEST_TOKEN, fake_coder
from dyads.api import create_app, routes_code
from dyads.windows import time_budget_error

BODY = {"text": "Ministers met on Monday.", "date": "2023-01-02"}


def _client(db_path, coder=fake_coder, **options) -> TestClient:
    return TestClient(create_app(db_path, coder=coder, kb_loader=None, **options))


@pytest.mark.parametrize("host", ["0.0.0.0", "", "::", "example.org", "192.168.1.4"])
def test_beyond_loopback_post_code_needs_a_token(db_path, host):
    with _client(db_path, host=host) as client:
        r = client.post("/code", json=BODY)
        assert r.status_code == 403 and "--token" in r.json()["detail"]
        assert client.get("/health").status_code == 200  # reading stays open
    with _client(db_path, token=TEST_TOKEN, host=host) as client:
        r = client.post("/code", json=BODY, headers={"Authorization": f"Bearer {TEST_TOKEN}"})
        assert r.status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_loopback_needs_no_token(db_path, host):
    with _client(db_path, host=host) as client:
        assert client.post("/code", json=BODY).status_code == 200


def test_the_explorer_address_shown_for_each_host_is_one_that_answers():
    """'::' listens on IPv6 (on Linux often IPv6 only): its page is at [::1]."""
    from dyads.cli.serve import browse_url

    assert browse_url("::", 8000) == "http://[::1]:8000/index"
    assert browse_url("0.0.0.0", 8000) == browse_url("", 8000) == "http://127.0.0.1:8000/index"
    assert browse_url("example.org", 8000) == "http://example.org:8000/index"


def test_text_over_the_token_budget_is_413(db_path, monkeypatch):
    monkeypatch.setattr(routes_code, "MAX_CODE_TOKENS", 50)
    with _client(db_path) as client:
        r = client.post("/code", json={"text": "Police arrested protesters. " * 20})
        assert r.status_code == 413
        assert "over the per-article budget of 50 of POST /code" in r.json()["detail"]
        assert client.post("/code", json={"text": "Police arrested protesters."}).status_code == 200


def test_text_not_coded_in_time_is_503_with_retry_after(db_path):
    def slow_coder(text, date, doc_id, title, url):
        record, body = fake_coder(text, date, doc_id, title, url)
        return dict(record, errors=[time_budget_error(routes_code.CODE_SECONDS)]), body

    with _client(db_path, coder=slow_coder) as client:
        r = client.post("/code", json=BODY)
        assert r.status_code == 503 and r.headers["retry-after"] == "120"
        assert "could not be coded within" in r.json()["detail"]


def test_a_coder_that_overruns_its_budget_is_answered_503_in_time(db_path, monkeypatch):
    """The coder checks its deadline only between windows; the request does not wait
    for it past the budget and its grace."""
    import threading
    import time

    monkeypatch.setattr(routes_code, "CODE_SECONDS", 0.3)
    monkeypatch.setattr(routes_code, "ANSWER_GRACE", 0.2)
    release = threading.Event()

    def stuck_coder(text, date, doc_id, title, url):
        release.wait(30)  # a window that takes far longer than the budget
        return fake_coder(text, date, doc_id, title, url)

    try:
        with _client(db_path, coder=stuck_coder) as client:
            started = time.monotonic()
            r = client.post("/code", json=BODY)
            took = time.monotonic() - started
            assert r.status_code == 503 and r.headers["retry-after"] == "120"
            assert took < 10, took
            assert client.get("/health").status_code == 200  # the server still answers
    finally:
        release.set()

