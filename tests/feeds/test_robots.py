"""robots.txt: the customary reading of each answer, the cache and Crawl-delay."""
from __future__ import annotations

import pytest

from dyads.feeds.robots import RobotsCache, interpret

RULES = "User-agent: dyads\nDisallow: /private/\nCrawl-delay: 7\n\nUser-agent: *\nDisallow: /\n"


def test_rules_for_our_agent_apply():
    answer = interpret(200, RULES)
    assert answer.rules.can_fetch("dyads", "http://a.test/news/1.html")
    assert not answer.rules.can_fetch("dyads", "http://a.test/private/x.html")
    assert not answer.rules.can_fetch("otherbot", "http://a.test/news/1.html")


@pytest.mark.parametrize("status, allowed, closed", [(404, True, False), (403, True, False),
                                                     (500, False, True), (503, False, True)])
def test_4xx_allows_everything_and_5xx_closes_the_site(status, allowed, closed):
    answer = interpret(status, "User-agent: *\nDisallow: /\n")
    assert answer.rules.can_fetch("dyads", "http://a.test/x") is allowed
    assert answer.closed is closed


def test_an_unreachable_robots_txt_allows_everything():
    def fetch(url):
        raise ConnectionError("refused")

    cache = RobotsCache(fetch, "dyads", ttl=100, error_ttl=10)
    assert cache.refusal("http://a.test/x") is None
    assert "unreachable" in cache.answer("http://a.test/x").note


def test_one_fetch_per_host_until_the_entry_expires():
    asked, now = [], [0.0]

    def fetch(url):
        asked.append(url)
        return 200, RULES

    cache = RobotsCache(fetch, "dyads", ttl=100, error_ttl=10, clock=lambda: now[0])
    assert cache.refusal("http://a.test/private/1") == "disallowed by robots.txt"
    assert cache.refusal("http://a.test/news/2") is None
    assert cache.refusal("http://b.test/news/2") is None
    assert asked == ["http://a.test/robots.txt", "http://b.test/robots.txt"]
    now[0] = 101.0
    cache.refusal("http://a.test/news/3")
    assert asked[-1] == "http://a.test/robots.txt" and len(asked) == 3


def test_a_failing_robots_txt_is_asked_again_sooner():
    answers, now = [(503, ""), (200, "User-agent: *\nAllow: /\n")], [0.0]
    cache = RobotsCache(lambda url: answers.pop(0), "dyads", ttl=1000, error_ttl=10,
                        clock=lambda: now[0])
    assert "closed for now" in cache.refusal("http://a.test/x")
    now[0] = 11.0
    assert cache.refusal("http://a.test/x") is None


def test_crawl_delay_is_read_and_capped():
    cache = RobotsCache(lambda url: (200, RULES), "dyads", ttl=100, error_ttl=10)
    assert cache.crawl_delay("http://a.test/x", cap=60) == 7.0
    assert cache.crawl_delay("http://a.test/x", cap=2) == 2.0
    plain = RobotsCache(lambda url: (200, "User-agent: *\nAllow: /\n"), "dyads", 100, 10)
    assert plain.crawl_delay("http://a.test/x", cap=60) is None
