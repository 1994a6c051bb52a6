"""American party politics as news writes it (issue 13): party tags, party words in
apposition or before a name, party adjectives on people words and chambers' party members
give unknown actors the USA and a sector, in US stories only."""
import pytest

US = "Donald Trump attacked Hillary Clinton on Monday. "


def _at(resources, text, word, date="2016-10-01", nth=0):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = [t for t in doc if t.text == word][nth]
    return [(a.name, a.code) for a in actors.at(token)]


@pytest.mark.parametrize("text,word,expected", [
    (US + "Tom Harkwell, a Democrat from Ohio, criticized Trump.", "Harkwell",
     ("Tom Harkwell", "USAPTY")),
    (US + "Tom Harkwell, a Republican, criticized Trump.", "Harkwell",
     ("Tom Harkwell", "USAPTY")),
    (US + "Republican Tom Harkwell criticized Trump.", "Harkwell", ("Tom Harkwell", "USAPTY")),
    (US + "Democrat Tom Harkwell criticized Trump.", "Harkwell", ("Tom Harkwell", "USAPTY")),
    (US + "Tom Harkwell, the Republican candidate for governor, criticized Clinton.",
     "Harkwell", ("Tom Harkwell", "USAGOV")),
])
def test_party_word_makes_an_unknown_person_american(resources, text, word, expected):
    assert _at(resources, text, word) == [expected]


@pytest.mark.parametrize("text,word,code", [
    (US + "The Democratic nominee criticized Trump.", "nominee", "USAPTY"),
    (US + "Republican legislators criticized Clinton.", "legislators", "USALEG"),
    (US + "GOP lawmakers criticized Clinton.", "lawmakers", "USALEG"),
    (US + "House Republicans criticized Clinton.", "Republicans", "USALEG"),
    (US + "Senate Democrats criticized Trump.", "Democrats", "USALEG"),
])
def test_party_adjective_on_a_people_word(resources, text, word, code):
    assert [c for _, c in _at(resources, text, word)] == [code]


def test_party_and_state_tag_after_a_comma(resources):
    text = US + "Rep. Tom Harkwell, R-Wis., criticized Trump."
    assert _at(resources, text, "Harkwell") == [("Tom Harkwell", "USALEG")]


def test_party_word_outside_a_us_story_gives_no_usa(resources):
    text = ("Prime Minister Shinzo Abe met President Moon Jae-in in Tokyo on Monday. "
            "Tom Harkwell, a Democrat, criticized Abe.")
    found = _at(resources, text, "Harkwell", date="2018-05-01")
    assert all(code is None or not code.startswith("USA") for _, code in found)


def test_republican_guard_is_no_american_party(resources):
    text = ("Syrian President Bashar al-Assad visited Damascus on Monday. "
            "Republican Guard commanders shelled the town.")
    found = _at(resources, text, "commanders", date="2014-05-01")
    assert all(code is None or not code.startswith("USA") for _, code in found)


def test_named_election_board_is_a_government_body(resources):
    text = US + "The Ohio Board of Elections rejected Trump's request."
    assert [c for _, c in _at(resources, text, "Board")] == ["USAGOV"]


def test_us_story_counts_named_people_and_places(resources):
    from dyads.actors.us_politics import us_story

    assert us_story(resources.nlp(US + "Ohio voted."), resources.kb, resources.gazetteer)
    assert not us_story(resources.nlp("Vladimir Putin visited Moscow and Kazan."),
                        resources.kb, resources.gazetteer)


@pytest.mark.parametrize("text,word", [
    (US + "The House Oversight Committee criticized Clinton.", "Committee"),
    (US + "The Senate Judiciary Committee criticized Clinton.", "Committee"),
    (US + "The Congressional Black Caucus criticized Trump.", "Caucus"),
])
def test_committee_of_a_chamber_legislates(resources, text, word):
    assert [c for _, c in _at(resources, text, word)] == ["USALEG"]


def test_pronoun_after_a_chamber_committee_is_the_committee(resources):
    text = US + ("Tom Harkwell, who chairs the House's Homeland Security Committee, "
                 "criticized Clinton. Its members agreed.")
    assert [c for _, c in _at(resources, text, "Its")] == ["USALEG"]


def test_white_house_panel_is_no_chamber(resources):
    text = US + "The White House Council of Economic Advisers criticized Trump."
    assert "USALEG" not in [c for _, c in _at(resources, text, "Council")]


def test_person_titled_by_a_chamber_is_a_legislator(resources):
    text = US + "House Oversight Committee Chairman Tom Harkwell criticized Clinton."
    assert _at(resources, text, "Harkwell") == [("Tom Harkwell", "USALEG")]


def test_state_abbreviation_after_a_town_is_a_us_state(resources):
    text = ("At a rally in Gettysburg, Pa., on Saturday, Donald Trump attacked the women "
            "who accused him.")
    assert [c for _, c in _at(resources, text, "women")] == ["USACVL"]


def test_third_party_candidates_staff_work_for_the_campaign(resources):
    text = ("Jill Stein attacked Hillary Clinton on Monday. "
            "Stein press secretary Dana Brellow criticized Clinton.")
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USAOPP")]


def test_treasury_is_a_government_body(resources):
    text = US + "Rep. Tom Harkwell criticized the plan. Harkwell later attacked the Treasury."
    assert [c for _, c in _at(resources, text, "Treasury")] == ["USAGOV"]


@pytest.mark.parametrize("text,code", [
    ("Chancellor Olaf Scholz met Emmanuel Macron in Berlin on Monday. "
     "The Christian Democrats criticized Scholz.", "DEUPTY"),
    ("Prime Minister Ulf Kristersson met Olaf Scholz on Monday. "
     "The Sweden Democrats criticized Kristersson.", "SWEPTY"),
])
def test_another_countrys_democrats_are_not_american(resources, text, code):
    assert [c for _, c in _at(resources, text, "Democrats", date="2023-05-01")] == [code]


@pytest.mark.parametrize("text", [
    US + "Ohio Democrats criticized Trump.",
    US + "Blue Dog Democrats criticized Trump.",
    US + "Democrats criticized Trump.",
])
def test_american_democrats_stay_american(resources, text):
    assert [c for _, c in _at(resources, text, "Democrats")] == ["USAPTY"]


@pytest.mark.parametrize("text,word", [
    (US + "Trump surrogates criticized Clinton.", "surrogates"),
    (US + "The Republican candidate criticized Clinton.", "candidate"),
    (US + "Democratic superdelegates criticized Trump.", "superdelegates"),
])
def test_campaign_people_are_party_actors(resources, text, word):
    assert [c for _, c in _at(resources, text, word)] == ["USAPTY"]


@pytest.mark.parametrize("text,word,name", [
    ("Rep. Tom Harkwell, R-Wis., criticized the plan.", "Harkwell", "Tom Harkwell"),
    ("Sen. Dana Brellow, D-N.Y., criticized the plan on Monday.", "Brellow", "Dana Brellow"),
])
def test_party_tag_after_a_comma_at_the_start_is_not_a_dateline(resources, text, word, name):
    assert _at(resources, text, word) == [(name, "USALEG")]


def test_real_dateline_still_names_no_actor(resources):
    text = "WASHINGTON, D.C. — Donald Trump attacked Hillary Clinton on Monday."
    assert _at(resources, text, "WASHINGTON") == []


@pytest.mark.parametrize("text,word,code", [
    ("The Treasury Department sanctioned Iran on Monday.", "Department", "USAGOV"),
    ("The SEC fined the bank on Monday.", "SEC", "USAGOV"),
    ("The Secret Service arrested a man on Monday.", "Service", "USACOP"),
])
def test_federal_agencies_named_without_us(resources, text, word, code):
    assert [c for _, c in _at(resources, text, word)] == [code]


def test_lower_case_acronym_word_is_no_agency(resources):
    assert resources.kb.entity("ice") is None


@pytest.mark.parametrize("text,name", [
    (US + "The Democratic nominee criticized Trump.", "Hillary Clinton"),
    ("Hillary Clinton attacked Donald Trump on Monday. The Republican nominee criticized "
     "Clinton.", "Donald Trump"),
    ("Hillary Clinton attacked Donald Trump on Monday. The GOP nominee criticized Clinton.",
     "Donald Trump"),
])
def test_party_nominee_refers_back_to_that_partys_candidate(resources, text, name):
    assert [n for n, _ in _at(resources, text, "nominee")] == [name]


def test_pronoun_after_a_party_description_is_that_candidate(resources):
    from dyads.actors.resolve import ArticleActors

    text = ("Donald Trump attacked Hillary Clinton on Monday. The Republican nominee has "
            "praised Putin, but has denied he has any ties to the Kremlin.")
    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, "2016-10-01", resources.gazetteer)
    he = next(t for t in doc if t.lower_ == "he")
    assert [a.name for a in actors.at(he)] == ["Donald Trump"]
