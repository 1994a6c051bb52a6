"""The per-host interval and the back-off schedule, on a fake clock (nothing waits)."""
from __future__ import annotations

from dyads.feeds.ratelimit import HostLimiter, backoff_delays, retry_after


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_backoff_doubles_from_the_base_up_to_the_cap():
    assert backoff_delays(5, 1.0, 10.0) == [1.0, 2.0, 4.0, 8.0, 10.0]
    assert backoff_delays(3, 0.5, 60) == [0.5, 1.0, 2.0]
    assert backoff_delays(0, 1.0, 10.0) == []


def test_retry_after_in_seconds_is_capped_and_dates_are_ignored():
    assert retry_after("5", 60) == 5.0
    assert retry_after("600", 60) == 60
    assert retry_after("Wed, 21 Oct 2026 07:28:00 GMT", 60) is None
    assert retry_after(None, 60) is None and retry_after("-3", 60) is None


def test_requests_to_one_host_are_spaced_and_other_hosts_are_not_held_up():
    clock = FakeClock()
    limiter = HostLimiter(2.0, clock, clock.sleep)
    assert limiter.wait("a.test") == 0.0          # first request: at once
    assert limiter.wait("b.test") == 0.0          # another host: its own turn
    assert limiter.wait("a.test") == 2.0          # same host: waits the interval
    clock.now += 0.5
    assert limiter.wait("a.test") == 1.5          # only what is left of the interval
    clock.now += 10
    assert limiter.wait("a.test") == 0.0          # long since the last one
    assert clock.slept == [2.0, 1.5]


def test_a_longer_interval_for_one_request_wins_over_the_default():
    clock = FakeClock()
    limiter = HostLimiter(1.0, clock, clock.sleep)
    limiter.wait("a.test")
    assert limiter.wait("a.test", interval=5.0) == 5.0   # e.g. a robots.txt Crawl-delay
    assert limiter.wait("a.test", interval=0.1) == 1.0   # never below the default


def test_a_sleep_that_does_not_advance_the_clock_still_spaces_the_turns():
    # the next turn counts from when this one was due, not from the (stale) clock
    limiter = HostLimiter(3.0, lambda: 0.0, lambda s: None)
    assert [limiter.wait("a.test") for _ in range(3)] == [0.0, 3.0, 6.0]
