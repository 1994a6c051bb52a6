"""A given name alone, or inside a longer person's name, is never a different KB person
whose name it is only part of (issue 13): 'Elizabeth' in 'Elizabeth Warren' is not
Elizabeth II, 'Barack' is no spelling of Barak."""
import pytest


def _at(resources, text, word, date="2016-10-01", nth=0):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = [t for t in doc if t.text == word][nth]
    return [(a.name, a.code) for a in actors.at(token)]


@pytest.mark.parametrize("word", ["Elizabeth", "Warren"])
def test_first_name_inside_a_longer_name_is_the_whole_name(resources, word):
    text = "Sen. Elizabeth Warren criticized the banks on Monday."
    assert _at(resources, text, word) == [("Elizabeth Warren", "LEG")]


def test_first_name_of_a_known_person_is_that_person(resources):
    text = "Barack Obama met Vladimir Putin on Monday."
    assert _at(resources, text, "Barack") == [("Barack Obama", "USAGOV")]
    assert _at(resources, text, "Vladimir") == [("Vladimir Putin", "RUSGOV")]


def test_middle_name_is_the_whole_name(resources):
    text = "Sen. Tom Harkwell criticized Mary Jo Brellow on Monday."
    assert [n for n, _ in _at(resources, text, "Jo")] == ["Mary Jo Brellow"]


def test_bare_common_given_name_is_no_monarch(resources):
    assert resources.kb.person("Elizabeth", on="2016-10-01") is None
    assert resources.kb.person("Elizabeth II", on="2016-10-01").country == "GBR"


def test_given_name_is_no_spelling_variant_of_a_surname(resources):
    assert resources.kb.person("Barack", on="2016-10-01") is None
    assert resources.kb.person("Barak", on="2016-10-01").name == "Ehud Barak"
    # transliteration variants of a surname still match
    assert resources.kb.person("Zelenskiy", on="2023-01-01").name == "Volodymyr Zelensky"


def test_bare_given_name_after_the_full_name_is_that_person(resources):
    text = ("Hillary Clinton attacked Donald Trump on Monday. "
            "Later Hillary criticized the Republican nominee.")
    assert _at(resources, text, "Hillary", nth=1) == [("Hillary Clinton", "USAPTY")]


def test_bare_given_name_of_no_one_named_takes_no_kb_person(resources):
    text = "Donald Trump attacked Hillary Clinton on Monday. Elizabeth criticized Trump."
    found = _at(resources, text, "Elizabeth")
    assert all(code is None or not code.startswith("GBR") for _, code in found)


@pytest.mark.parametrize("text,word", [
    ("Queen Elizabeth met Theresa May in London on Monday.", "Elizabeth"),
    ("Queen Elizabeth II met Theresa May in London on Monday. Elizabeth praised May.",
     "Elizabeth"),
])
def test_titled_queen_and_her_later_given_name_are_elizabeth_ii(resources, text, word):
    assert _at(resources, text, word, nth=-1) == [("Elizabeth II", "GBRGOV")]
