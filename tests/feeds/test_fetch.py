"""The polite client against a real server on 127.0.0.1: user agent, retries and their
waits (recorded, not slept), no retry on 4xx, robots.txt, size cap, schemes, redirects,
conditional requests."""
from __future__ import annotations

import pytest

from local_site import Route
from dyads.feeds.fetch import FetchError, PoliteClient, Refused
from dyads.feeds.settings import IngestSettings, user_agent

FAST = IngestSettings(min_interval=0.0, retries=3, backoff_base=0.5, backoff_max=1.5)


@pytest.fixture
def client():
    waits: list[float] = []
    with PoliteClient(FAST, sleep=waits.append) as c:
        c.waits = waits
        yield c


def test_a_page_is_fetched_with_our_user_agent(site, client):
    page = client.get(site.url("/talks.html"))
    assert page.status == 200 and page.content_type == "text/html" and page.charset == "utf-8"
    assert b"Kenya and Ethiopia" in page.content
    agents = {headers.get("User-Agent") for _, headers in site.requests}
    assert agents == {FAST.user_agent}
    assert FAST.user_agent.startswith("dyads/") and "(+" in FAST.user_agent
    assert "mailto:me@example.test" in user_agent("mailto:me@example.test")


def test_a_5xx_is_retried_with_growing_waits_then_reported(site, client):
    site.routes["/down.html"] = Route(b"oops", 500)
    with pytest.raises(FetchError) as err:
        client.get(site.url("/down.html"))
    assert site.hits("/down.html") == 4                 # 1 + 3 retries
    assert client.waits == [0.5, 1.0, 1.5]              # doubled, capped at backoff_max
    assert err.value.reason == "HTTP 500 after 4 attempts" and err.value.status == 500


def test_a_server_that_recovers_gives_the_page(site, client):
    site.routes["/flaky.html"] = [Route(b"busy", 503), Route(b"<p>ok</p>")]
    page = client.get(site.url("/flaky.html"))
    assert page.content == b"<p>ok</p>" and page.attempts == 2 and client.waits == [0.5]


def test_retry_after_lengthens_a_wait(site, client):
    site.routes["/busy.html"] = [Route(b"", 503, headers={"Retry-After": "1"}), Route(b"ok")]
    client.get(site.url("/busy.html"))
    assert client.waits == [1.0]


@pytest.mark.parametrize("status", [404, 403, 410, 429])
def test_a_4xx_is_not_retried(site, client, status):
    site.routes["/gone.html"] = Route(b"no", status)
    with pytest.raises(FetchError) as err:
        client.get(site.url("/gone.html"))
    assert site.hits("/gone.html") == 1 and client.waits == []
    assert err.value.status == status and f"HTTP {status}" in err.value.reason


def test_a_read_timeout_is_retried_then_reported(site):
    site.routes["/slow.html"] = Route(b"late", delay=0.5)
    settings = IngestSettings(min_interval=0.0, retries=1, backoff_base=0.0, read_timeout=0.1)
    with PoliteClient(settings) as client, pytest.raises(FetchError) as err:
        client.get(site.url("/slow.html"))
    assert "timeout" in err.value.reason and "2 attempts" in err.value.reason
    assert site.hits("/slow.html") == 2


def test_robots_txt_is_asked_once_and_a_disallowed_page_is_never_requested(site, client):
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                       content_type="text/plain")
    site.routes["/private/memo.html"] = Route(b"secret")
    with pytest.raises(Refused, match="disallowed by robots.txt"):
        client.get(site.url("/private/memo.html"))
    client.get(site.url("/talks.html"))
    client.get(site.url("/protest.html"))
    assert site.hits("/private/memo.html") == 0 and site.hits("/robots.txt") == 1


def test_a_robots_txt_answering_5xx_closes_the_site_and_404_opens_it(site, client):
    site.routes["/robots.txt"] = Route(b"", 503)
    with pytest.raises(Refused, match="treated as closed"):
        client.get(site.url("/talks.html"))
    assert site.hits("/talks.html") == 0 and site.hits("/robots.txt") == 1  # not retried
    site.routes["/robots.txt"] = Route(b"", 404)
    with PoliteClient(FAST) as fresh:
        assert fresh.get(site.url("/talks.html")).status == 200


def test_a_response_over_the_size_limit_is_refused(site):
    site.routes["/huge.html"] = Route(b"x" * 5000)
    with PoliteClient(IngestSettings(min_interval=0.0, max_bytes=1000)) as client:
        with pytest.raises(FetchError, match="larger than the limit"):
            client.get(site.url("/huge.html"))
    assert site.hits("/huge.html") == 1  # a size refusal is not retried


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "http:///x"])
def test_only_http_and_https_urls_are_fetched(client, url):
    with pytest.raises(Refused):
        client.get(url)


def test_redirects_are_followed_and_each_hop_is_checked(site, client):
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                       content_type="text/plain")
    site.routes["/old.html"] = Route(b"", 301, headers={"Location": "/talks.html"})
    site.routes["/sneaky.html"] = Route(b"", 302, headers={"Location": "/private/x.html"})
    site.routes["/ftp.html"] = Route(b"", 302, headers={"Location": "ftp://127.0.0.1/x"})
    page = client.get(site.url("/old.html"))
    assert page.final_url == site.url("/talks.html") and page.url == site.url("/old.html")
    with pytest.raises(Refused, match="robots"):
        client.get(site.url("/sneaky.html"))
    with pytest.raises(Refused, match="only http and https"):
        client.get(site.url("/ftp.html"))
    site.routes["/loop.html"] = Route(b"", 302, headers={"Location": "/loop.html"})
    with pytest.raises(FetchError, match="redirects"):
        client.get(site.url("/loop.html"))


def test_etag_and_last_modified_are_sent_back(site, client):
    site.routes["/e.html"] = [Route(b"<p>v1</p>", headers={"ETag": '"v1"'}), Route(b"", 304)]
    first = client.get(site.url("/e.html"))
    second = client.get(site.url("/e.html"), etag=first.etag, last_modified="Tue, 14 May 2024 08:30:00 GMT")
    assert first.etag == '"v1"' and second.status == 304
    sent = site.requests[-1][1]
    assert sent.get("If-None-Match") == '"v1"' and sent.get("If-Modified-Since")
