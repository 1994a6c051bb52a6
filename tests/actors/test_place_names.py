"""A lone city name the recogniser tags PERSON is retagged a place (actors/place_names.py)."""
import dyads
from dyads.actors.place_names import retag_places


def _labels(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_a_city_tagged_as_a_person_is_retagged_a_place(resources):
    doc = resources.nlp("Russian forces launched missile attacks on Kharkiv on Monday.")
    assert ("Kharkiv", "PERSON") in _labels(doc)  # the small model's reading
    assert retag_places(doc, resources.gazetteer, resources.kb) == 1
    assert ("Kharkiv", "GPE") in _labels(doc)


def test_the_attacked_city_gives_the_target_its_own_country():
    events = dyads.code("Russian forces launched missile attacks on Kharkiv on Monday.",
                        date="2024-05-20").events
    attacks = [e for e in events if e.cameo[:2] == "19"]
    assert attacks and {e.target.country for e in attacks} == {"UKR"}


def test_a_surname_a_given_name_or_a_name_of_the_article_stays_a_person(resources):
    doc = resources.nlp("George Bush met Tony Blair in London. Bush said the talks went well.")
    before = _labels(doc)
    retag_places(doc, resources.gazetteer, resources.kb)
    assert _labels(doc) == before  # "Bush" is a word of "George Bush" (and a KB surname)
    assert resources.kb.is_surname("Austin") and not resources.kb.is_surname("Kharkiv")


def test_no_gazetteer_changes_nothing(resources):
    doc = resources.nlp("Russian forces launched missile attacks on Kharkiv on Monday.")
    assert retag_places(doc, None, resources.kb) == 0
    assert ("Kharkiv", "PERSON") in _labels(doc)
