"""Generic phrases name no actor (issue 13): a common noun under 'any' is no one yet."""
import pytest

US = "Donald Trump attacked Hillary Clinton on Monday. "


def _at(resources, text, word, date="2016-10-01"):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = next(t for t in doc if t.text == word)
    return [(a.name, a.code) for a in actors.at(token)]


@pytest.mark.parametrize("text,word", [
    (US + "Can the media destroy any conservative candidate?", "candidate"),
    (US + "Trump vowed to sue any newspaper that printed the claims.", "newspaper"),
])
def test_common_noun_under_any_is_no_actor(resources, text, word):
    assert _at(resources, text, word) == []


def test_the_same_noun_without_any_is_an_actor(resources):
    text = US + "The media attacked the conservative candidate."
    assert [c for _, c in _at(resources, text, "candidate")] == ["USAPTY"]
