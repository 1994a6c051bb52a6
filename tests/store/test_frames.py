"""dyads.open(db): events and panels as DataFrames with every row; short reprs."""
from __future__ import annotations

import datetime as dt

import pytest

import dyads
from store_docs import doc, event
from dyads.records import Article, CodedArticle, Event, Actor, Sentence

MANY = 250  # more than any page size the API or the store ever used
FIRST = dt.date(2021, 1, 1)


def _day(n: int) -> str:  # three days apart: no two reports merge into one event
    return (FIRST + dt.timedelta(days=3 * n)).isoformat()


def _docs():
    for n in range(MANY):
        day = _day(n)
        text = f"Report {n}: Moscow criticized Kyiv on Monday."
        source, target = ("RUSGOV", "UKRGOV") if n % 5 else ("RUSGOV", None)
        cameo = "111" if n % 2 else "190"
        yield doc(f"d{n}", text, [event(f"d{n}", 0, source, target, cameo, day, text)],
                  published=day)


@pytest.fixture
def db_file(store):
    store.add_docs(_docs(), "0.1.0")
    path = store.path
    store.close()
    return path


def test_events_to_pandas_has_every_event_and_flat_columns(db_file):
    with dyads.open(db_file) as db:
        events = db.events()
        assert len(events) == db.stats()["events"] == MANY
        df = events.to_pandas()
        assert len(df) == len(events)
        assert {"source_name", "target_country", "cameo", "goldstein", "num_articles"} <= set(df)
        assert df["target_name"].isna().sum() == len([e for e in events if not e["target"]])
        assert len(db.events(cameo="19,11").to_pandas()) == len(events)
        only = db.events(cameo="19", date_from="2022-06-01", date_to="2022-06-30").to_pandas()
        assert set(only["cameo"]) == {"190"}
        assert all("2022-06-01" <= str(d) <= "2022-06-30" for d in only["date"])
        assert len(db.events(limit=7, sort="-date")) == 7


def test_results_print_short(db_file):
    with dyads.open(db_file) as db:
        events = db.events(cameo="19,11")
        text = repr(events)
        assert text.startswith("<Events") and str(len(events)) in text and len(text) < 120
        html = events._repr_html_()
        assert html.count("<tr>") == 11 and "first 10" in html  # header + 10 rows
        assert "<Panel unit=dyad freq=year" in repr(db.panel("dyad", "year"))
        with pytest.raises(TypeError, match="unknown event filter"):
            db.events(colour="red")


def test_panel_to_pandas_matches_the_panel_rows(db_file):
    with dyads.open(db_file) as db:
        panel = db.panel("country", "month")
        df = panel.to_pandas()
        assert list(df["country"].unique()) == ["RUS", "UKR"]
        last = dt.date.fromisoformat(_day(MANY - 1))
        months = (last.year - FIRST.year) * 12 + last.month - FIRST.month + 1
        assert len(df) == 2 * months == 2 * 25
        assert int(df.loc[df["country"] == "RUS", "events"].sum()) == MANY
        assert int(df.loc[df["country"] == "UKR", "events"].sum()) == MANY - MANY // 5
        assert df.to_dict("records")[0]["events"] == panel.to_list()[0]["events"]


def _coded(body: str) -> CodedArticle:
    article = Article(doc_id="long", body=body, published="2022-03-31", title=None)
    start = body.index("Russia")
    ev = Event(event_id="e1", doc_id="long", published="2022-03-31",
               source=Actor(text="Russia", start=start, end=start + 6, name="Russia",
                            country="RUS", code="RUS"),
               target=None, cameo="154", plover="MOBILIZE", plover_mode=None, quad_class=4,
               goldstein=-7.2, modality="asserted", date="2022-03-28", date_precision="day",
               date_text="on Monday", location=None, quote=None,
               sentence=Sentence(0, start, len(body), body[start:]), confidence=0.7,
               coder=(("name", "dyads"), ("version", "test")))
    return CodedArticle(article=article, events=(ev,))


def test_coded_article_repr_is_short_and_to_pandas_takes_a_missing_target():
    body = "Russia mobilized its reserve troops on Monday. " + "Filler words follow. " * 500
    coded = _coded(body)
    text = repr(coded)
    assert len(text) < 160 and "1 events" in text and "Filler words follow. Filler" not in text
    assert "<table>" in coded._repr_html_() and "Russia" in coded._repr_html_()
    df = coded.to_pandas()
    assert df.loc[0, "source_name"] == "Russia" and df.loc[0, "target_name"] is None
    assert df.loc[0, "sentence"].startswith("Russia mobilized")
