"""Ambiguous country names chosen by the article (issue 13): 'Korea' is the South unless
the story names only the North, 'Guinea' the Guinea the story is about, 'Washington' the
state only when written as one or listed with other US states."""
import pytest


def _at(resources, text, word, date="2019-05-01", nth=0):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = [t for t in doc if t.text == word][nth]
    return [(a.name, a.code) for a in actors.at(token)]


@pytest.mark.parametrize("first,code", [
    ("Seoul and Tokyo held talks on Monday.", "KOR"),
    ("Pyongyang fired a missile on Monday.", "PRK"),
    ("North Korea fired a missile on Monday.", "PRK"),
])
def test_korea_alone_by_the_story(resources, first, code):
    found = _at(resources, first + " Korea condemned China.", "Korea", nth=-1)
    assert [c for _, c in found] == [code]


@pytest.mark.parametrize("first,code", [
    ("Soldiers in Conakry arrested the minister on Monday.", "GIN"),
    ("Guinea-Bissau's president met the army chief in Bissau on Monday.", "GNB"),
    ("Equatorial Guinea's president visited Malabo on Monday.", "GNQ"),
])
def test_guinea_alone_by_the_story(resources, first, code):
    found = _at(resources, first + " Guinea accused Senegal of meddling.", "Guinea", nth=-1)
    assert [c for _, c in found] == [code]


def test_washington_listed_with_us_states_is_the_state(resources):
    text = ("Voters in Ohio and Texas rallied on Monday. "
            "Oregon and Washington sued the Trump administration on Tuesday.")
    assert _at(resources, text, "Washington") == [("Washington (state)", "USA")]


@pytest.mark.parametrize("text", [
    "Russia criticized Washington on Tuesday.",
    "Officials in Ohio and Texas criticized Washington on Tuesday.",
])
def test_washington_otherwise_is_the_us_government(resources, text):
    assert [c for _, c in _at(resources, text, "Washington")] == ["USAGOV"]


def test_bissau_guinean_is_guinea_bissau(resources):
    text = "Bissau-Guinean soldiers arrested the minister on Monday."
    assert [c for _, c in _at(resources, text, "soldiers")] == ["GNBMIL"]
