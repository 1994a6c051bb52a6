"""'the agency', 'the party' refer back to the last body named of a fitting sector."""


def _at(resources, text, word, nth=0, date="2016-05-05"):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = [t for t in doc if t.text == word][nth]
    return [(a.name, a.code) for a in actors.at(token)]


def test_the_agency_is_the_investigating_body_named_before(resources):
    text = ("The FBI opened an inquiry into the senator's finances in March. "
            "His former aide has been questioned by the agency twice.")
    assert _at(resources, text, "agency") == [("Federal Bureau Of Investigation", "USACOP")]


def test_a_body_word_of_another_sector_or_with_its_own_modifier_finds_no_one(resources):
    text = ("The FBI opened an inquiry into the senator's finances in March. "
            "The ministry said a state agency had questioned him.")
    assert ("Federal Bureau Of Investigation", "USACOP") not in _at(resources, text, "ministry")
    assert ("Federal Bureau Of Investigation", "USACOP") not in _at(resources, text, "agency")


def test_the_terrorist_group_is_the_armed_group_named_before(resources):
    text = ("Islamic State claimed the attack in Paris. "
            "A new video from the terrorist group threatened another city.")
    assert _at(resources, text, "group", date="2015-11-19") == [("Islamic State", "IMG")]


def test_the_investigators_are_the_investigating_body_named_before(resources):
    text = ("The FBI opened an inquiry into the senator's finances in March. "
            "She said she would sit down with the investigators.")
    assert _at(resources, text, "investigators") == [("Federal Bureau Of Investigation", "USACOP")]


def test_the_first_words_of_a_body_named_before_are_that_body(resources):
    text = ("The White House and Secretary of State John Kerry asked Harbor Point Networks for its records. "
            "On Monday, Harbor Point, which hosted the mayor's files, met the county's auditors.")
    assert _at(resources, text, "Networks") == [("Harbor Point Networks", "USABUS")]
    assert _at(resources, text, "Point", nth=1) == [("Harbor Point Networks", "USABUS")]


def test_one_first_word_of_a_body_is_not_that_body(resources):
    text = ("The White House and Secretary of State John Kerry asked Harbor Point Networks for its records. "
            "Harbor said on Monday that the files were safe.")
    assert _at(resources, text, "Networks") == [("Harbor Point Networks", "USABUS")]
    assert ("Harbor Point Networks", "USABUS") not in _at(resources, text, "Harbor", nth=1)
