"""Long articles coded in windows: offsets stay true to the body, budgets end an article."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dyads import windows
from dyads.ingest import make_article
from dyads.pipeline import Settings, code_article, code_articles

PARAGRAPHS = [
    "Russia and Ukraine held talks in Istanbul on Tuesday, officials said.",
    "Germany urged Russia to withdraw its troops from Ukraine on Wednesday.",
    "Police in Kenya arrested 12 protesters in Nairobi on Monday.",
    '"We will not accept this," the French foreign minister said of the Iranian missile test.',
    "China criticized Japan over its defence budget on Thursday.",
]


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(10, 80))
def test_windows_cover_the_body_in_order(body, size):
    bounds = windows.split_windows(body, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(body)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert all(0 < end - start <= size for start, end in bounds) or body == ""


def test_windows_are_cut_at_paragraph_breaks():
    body = "\n\n".join(PARAGRAPHS * 4)
    for start, end in windows.split_windows(body, 300)[:-1]:
        assert body[end - 2:end] == "\n\n"


@pytest.fixture()
def small_windows(monkeypatch):
    monkeypatch.setattr(windows, "WINDOW_CHARS", 300)


def test_windowed_events_point_into_the_whole_body(small_windows):
    article = make_article("long", "\n\n".join(PARAGRAPHS * 3), "2022-03-31")
    coded = code_article(article)
    body = article.body
    assert coded.events and not coded.errors
    for e in coded.events:
        assert body[e.trigger.start:e.trigger.end] == e.trigger.text
        assert body[e.sentence.start:e.sentence.end] == e.sentence.text
        for actor in (e.source, e.target):
            assert actor is None or body[actor.start:actor.end] == actor.text
    for q in coded.quotes:
        assert body[q.start:q.end] == q.quote
    assert len({e.event_id for e in coded.events}) == len(coded.events)


def test_windows_find_what_the_whole_text_finds(small_windows, monkeypatch):
    """Paragraphs that each name their actors: the same records, ids, offsets and merged
    reports (each paragraph told three times) as when the text is coded whole."""
    article = make_article("long", "\n\n".join(PARAGRAPHS * 3), "2022-03-31")
    windowed = code_article(article)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 10_000)
    whole = code_article(article)
    assert len(windows.split_windows(article.body)) == 1
    assert windowed.events and [e.to_dict() for e in windowed.events] == \
        [e.to_dict() for e in whole.events]
    assert [q.to_dict() for q in windowed.quotes] == [q.to_dict() for q in whole.quotes]


def test_an_article_over_the_time_budget_is_ended_and_the_batch_goes_on(small_windows, monkeypatch):
    class AfterOneWindow:
        def __init__(self, seconds):
            self.seconds, self.checks = seconds, 0

        def expired(self):
            self.checks += 1
            return self.checks > 1

    monkeypatch.setattr(windows, "Deadline", AfterOneWindow)
    long = make_article("long", "\n\n".join(PARAGRAPHS * 3), "2022-03-31")
    short = make_article("short", PARAGRAPHS[0], "2022-03-31")
    coded = list(code_articles([long, short], settings=Settings(max_article_seconds=5)))
    assert coded[0].events == () and "per-article time budget" in coded[0].errors[-1]
    assert coded[1].events and not coded[1].errors


def test_token_budget():
    assert windows.token_budget_error("Police arrested 12 protesters.", 5) is None
    error = windows.token_budget_error("Police arrested 12 protesters, witnesses said.", 5)
    assert error.startswith("article has 8 tokens, over the per-article budget of 5")
    assert windows.token_budget_error("word " * 100, 0) is None
