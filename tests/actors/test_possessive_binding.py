"""A possessive pronoun in a verb's object is bound by the person inside a subject that is
a thing ('Letters written by X revealed his doubts' → X), not by the person named last
before the sentence (issue 13)."""
import pytest

US = "Donald Trump attacked Hillary Clinton on Monday. "


def _pronoun(resources, text, word="his", date="2016-10-01"):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = next(t for t in doc if t.lower_ == word)
    return [a.name for a in actors.at(token)]


@pytest.mark.parametrize("text,name", [
    (US + "Letters written by former Senator Tom Harkwell revealed his doubts about Trump.",
     "Tom Harkwell"),
    (US + "Emails belonging to former Secretary of State Colin Powell exposed his "
     "criticisms of Trump.", "Colin Powell"),
    (US + "A memo from Gov. Dana Brellow outlined her plan for the state.", "Dana Brellow"),
])
def test_possessive_is_bound_by_the_person_inside_a_thing_subject(resources, text, name):
    assert _pronoun(resources, text, "her" if "her " in text else "his") == [name]


def test_subject_with_no_person_inside_keeps_the_salient_person(resources):
    text = US + "The speech repeated his criticism of Clinton."
    assert _pronoun(resources, text) == ["Donald Trump"]


def test_person_subject_binds_as_before(resources):
    text = US + "Tom Harkwell repeated his criticism of Clinton."
    assert _pronoun(resources, text) == ["Tom Harkwell"]


@pytest.mark.parametrize("text,word,name", [
    (US + "The Clinton campaign says they are unwilling to debate Trump.", "they",
     "Hillary Clinton"),
    ("Donald Trump attacked the Justice Department on Monday. "
     "The Justice Department said they would not comment.", "they", "Justice Department"),
])
def test_body_reporting_a_clause_is_its_plural_subject(resources, text, word, name):
    assert _pronoun(resources, text, word) == [name]


def test_object_pronoun_is_not_its_subjects_earlier_mention(resources):
    text = ("Hillary Clinton attacked Donald Trump on Monday. "
            "Sen. Tom Harkwell criticized Clinton. Harkwell accused her of lying.")
    assert _pronoun(resources, text, "her") != ["Tom Harkwell"]
