"""Unknown people and bodies in domestic news (issue 13, second round): titles give a
sector, party tags and places a country, titled lists share their title, unknown
organisations take their place's, namesake's or the article's country."""
import pytest


def _at(resources, text, word, date="2016-06-01", nth=0):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = [t for t in doc if t.text == word][nth]
    return [(a.name, a.code) for a in actors.at(token)]


US = "Donald Trump attacked Hillary Clinton on Monday. "


@pytest.mark.parametrize("text,word,code", [
    (US + "Gov. Dana Brellow criticized Trump.", "Brellow", "USAGOV"),
    (US + "Officer Dana Brellow arrested a protester.", "Brellow", "USACOP"),
    (US + "Billionaire Dana Brellow criticized Trump.", "Brellow", "USABUS"),
    (US + "Conservative talk radio host Dana Brellow criticized Trump.", "Brellow", "USAMED"),
    (US + "Judge Dana Brellow blocked the order.", "Brellow", "USAJUD"),
])
def test_title_gives_the_unknown_person_a_sector(resources, text, word, code):
    assert _at(resources, text, word) == [("Dana Brellow", code)]


def test_party_tag_in_brackets_is_not_a_dateline(resources):
    found = _at(resources, US + "Rep. Dana Brellow (R-Va.) criticized Trump.", "Brellow")
    assert found == [("Dana Brellow", "USALEG")]


def test_titled_list_gives_every_name_the_title(resources):
    text = US + "Sens. Tom Harkwell, Amy Drosk and Lee Penn criticized Trump."
    assert _at(resources, text, "Harkwell") == [
        ("Tom Harkwell", "USALEG"), ("Amy Drosk", "USALEG"), ("Lee Penn", "USALEG")]


def test_titled_list_with_places_keeps_each_place(resources):
    text = "Reps. Tom Harkwell of Maryland and Amy Drosk of Ohio criticized the plan."
    assert _at(resources, text, "Harkwell") == [("Tom Harkwell", "USALEG"),
                                                 ("Amy Drosk", "USALEG")]


def test_surname_that_is_a_demonym_stays_the_persons_when_a_comma_follows(resources):
    text = US + "Mark Cuban, the owner of a basketball team, praised Trump. Cuban said so."
    assert _at(resources, text, "Cuban", nth=1)[0][1].startswith("USA")


@pytest.mark.parametrize("text,word,expected", [
    (US + "The Clinton Foundation denied it.", "Foundation", ("Clinton Foundation", "USANGO")),
    (US + "Judicial Watch sued the State Department.", "Watch", ("Judicial Watch", "USANGO")),
    (US + "Platte River Networks denied it.", "Networks", ("Platte River Networks", "USABUS")),
    (US + "Later, Hofstra University security removed Jill Stein.", "security",
     ("Hofstra University security", "USAEDU")),
])
def test_unknown_body_takes_the_articles_country(resources, text, word, expected):
    assert _at(resources, text, word) == [expected]


def test_unknown_body_in_a_story_about_two_countries_gets_no_country(resources):
    text = ("Russia criticized Ukraine on Monday. Ukraine answered Russia. "
            "The Zorvel Institute denied it.")
    assert _at(resources, text, "Institute") == [] or \
        all(code in {None, "NGO"} for _, code in _at(resources, text, "Institute"))


def test_capital_before_county_is_the_county(resources):
    text = US + "Nassau County police removed Jill Stein."
    assert all(not (code or "").startswith("BHS") for _, code in _at(resources, text, "police"))


def test_party_tag_makes_a_lawmaker_american_in_a_foreign_story(resources):
    text = "Dana Brellow (D-N.Y.) criticized Vladimir Putin on Monday."
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USALEG")]


def test_a_candidates_staff_work_for_the_boss_and_the_party(resources):
    text = US + "Clinton press secretary Dana Brellow denied it."
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USAPTY")]
    text = US + "Trump attorney Dana Brellow denied it."
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USAJUD")]


def test_a_boss_must_be_named_in_full_before_the_title(resources):
    text = "Russia criticized Ukraine. Republican operative Dana Brellow denied it."
    assert not (_at(resources, text, "Brellow")[0][1] or "").startswith("USA")


def test_a_town_before_the_title_gives_the_country(resources):
    text = "Hollywood executive Dana Brellow praised Vladimir Putin."
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USABUS")]


def test_titled_person_takes_the_articles_country_over_a_last_foreign_capital(resources):
    text = (US + "Trump spoke in Ohio. Clinton said the attacks in Paris were terrible. "
            "Trump called on Mayor Dana Brellow to act.")
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USAGOV")]


def test_surname_is_the_person_named_family_name_first_before(resources):
    text = ("Lloyd Austin met his counterpart, Minister of Defense Hamada Yasukazu, in Tokyo. "
            "Austin thanked Minister Hamada for his work.")
    found = _at(resources, text, "Hamada", nth=1)
    assert found and found[0][1].startswith("JPN")


@pytest.mark.parametrize("text,word,code", [
    (US + "Trump spoke in Ohio. Georgia sued the Justice Department.", "Georgia", "USA"),
    ("Russia attacked Georgia on Monday. The United States condemned Russia.", "Georgia", "GEO"),
    ("Rebels in Goma attacked Kinshasa. Congo accused Rwanda on Monday.", "Congo", "COD"),
    ("Congo accused Rwanda on Monday.", "Congo", "COG"),
])
def test_ambiguous_country_name_follows_the_articles_places(resources, text, word, code):
    assert _at(resources, text, word)[0][1][:3] == code


def test_a_name_in_an_apposition_is_not_the_head_persons_name(resources):
    # the head's own name is the actor, not the boss named in "a Clinton ally"
    text = US + "Rep. Dana Brellow, a Democrat from Ohio and a Clinton ally, criticized Trump."
    assert _at(resources, text, "Brellow") == [("Dana Brellow", "USALEG")]


@pytest.mark.parametrize("text", [
    US + "Elijah Cummings and John Conyers said Comey's letter was confusing.",
    US + "Reps. Elijah Cummings of Maryland and John Conyers of Michigan said it was confusing.",
])
def test_a_name_the_tagger_misses_is_a_person_by_its_given_name(resources, text):
    # the parser tags no entity on "Elijah Cummings"; "Elijah" is a given name
    assert [name for name, _ in _at(resources, text, "Cummings")] == ["Elijah Cummings",
                                                                     "John Conyers"]


def test_capitalised_words_without_a_given_name_are_no_person(resources):
    text = US + "Grand Rapids voted on Monday."
    assert all(name != "Grand Rapids" or code != "USA" for name, code in _at(resources, text, "Rapids"))


def test_a_plural_nouns_named_members_are_the_actors_not_the_noun(resources):
    text = ("The two senior members of the Senate Banking Committee, Reps. Jane Holloway of "
            "Ohio and Mark Dunlevy of Iowa, said the plan was reckless.")
    got = _at(resources, text, "members")
    assert [name for name, _ in got] == ["Jane Holloway", "Mark Dunlevy"]
    assert all(code.startswith("USA") for _, code in got)


def test_a_second_lawmaker_hung_on_the_first_ones_home_state_is_listed(resources):
    from spacy.tokens import Doc

    from dyads.actors.phrases import phrase_of, place_conjuncts

    # the parse the tagger gives some such lists: Dunlevy a conjunct of Ohio
    words = ["Jane", "Holloway", "of", "Ohio", "and", "Mark", "Dunlevy", "said", "so"]
    doc = Doc(resources.nlp.vocab, words=words, heads=[1, 7, 1, 2, 3, 6, 3, 7, 7],
              deps=["compound", "nsubj", "prep", "pobj", "cc", "compound", "conj", "ROOT",
                    "advmod"],
              pos=["PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "ADV"],
              ents=["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [t.text for t in place_conjuncts(doc[1])] == ["Dunlevy"]
    phrase = phrase_of(doc[1])
    assert doc[phrase.left:phrase.right].text == "Jane Holloway of Ohio"


def test_countries_named_as_the_members_of_a_plural_noun(resources):
    got = _at(resources, "The two countries, France and Germany, condemned the vote.", "countries")
    assert got == [("France", "FRA"), ("Germany", "DEU")]


def test_two_titles_joined_before_one_name_are_that_persons(resources):
    from spacy.tokens import Doc

    from dyads.actors.phrases import conjuncts

    # the parse the tagger gives "Fox News Chairman and CEO Roger Ailes has spoken"
    words = ["Acme", "News", "Chairman", "and", "CEO", "Dana", "Whitlock", "spoke"]
    doc = Doc(resources.nlp.vocab, words=words, heads=[1, 2, 7, 2, 6, 6, 2, 7],
              deps=["compound", "compound", "nsubj", "cc", "compound", "compound", "conj",
                    "ROOT"],
              pos=["PROPN"] * 7 + ["VERB"],
              ents=["B-ORG", "I-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert [t.text for t in conjuncts(doc[2])] == ["Whitlock"]
    # one title before a name may be someone else's ("the chairman and Dana Whitlock")
    other = Doc(resources.nlp.vocab, words=["Chairman", "and", "Dana", "Whitlock", "spoke"],
                heads=[4, 0, 3, 0, 4], deps=["nsubj", "cc", "compound", "conj", "ROOT"],
                pos=["PROPN", "CCONJ", "PROPN", "PROPN", "VERB"],
                ents=["O", "O", "B-PERSON", "I-PERSON", "O"])
    assert [t.text for t in conjuncts(other[0])] == ["Chairman", "Whitlock"]


def test_social_media_is_a_channel_not_an_actor(resources):
    text = "The minister warned his followers on social media about the storm."
    assert _at(resources, text, "media") == []
    assert _at(resources, "State media criticized the minister.", "media") != []


@pytest.mark.parametrize("outlet", ["ABC News", "CBS News", "NBC News", "NPR"])
def test_each_network_is_its_own_outlet(resources, outlet):
    entity = resources.kb.entity(outlet)
    assert (entity.name, entity.code) == (outlet, "USAMED")


def test_a_named_persons_relative_is_a_civilian_of_that_persons_country(resources):
    got = _at(resources, US + "The widow of Antonin Scalia praised Donald Trump.", "widow")
    assert got == [(None, "USACVL")]
    assert _at(resources, "The widow of the late king spoke.", "widow") == []


def test_her_campaign_is_the_named_candidates_own_side(resources):
    text = "Hillary Clinton spoke in Ohio. Voters in Ohio cheered her campaign."
    assert _at(resources, text, "campaign") == [("Hillary Clinton", "USAPTY")]
    assert _at(resources, "The rebels regrouped. Their campaign failed.", "campaign") == []


def test_a_bare_president_belongs_to_a_country_with_a_president(resources):
    text = ("The US defense secretary met Japan's defense minister in Tokyo. Japan and the "
            "United States agreed on drills. Japan's navy will join. The President will visit "
            "Japan in May.")
    assert _at(resources, text, "President", date="2023-04-01") == [(None, "USAGOV")]
    # where the story's country has the office, it keeps it
    text = "French officials met in Paris. France and Germany talked. The President spoke."
    assert _at(resources, text, "President", date="2023-04-01") == [(None, "FRAGOV")]


def test_the_office_someone_runs_for_is_no_actor(resources):
    text = "Hillary Clinton spoke. Mark Cuban refused to run for president."
    assert _at(resources, text, "president") == []
    assert _at(resources, "Hillary Clinton spoke. The president spoke.", "president") != []


@pytest.mark.parametrize("text,word,code", [
    ("CNN president Dana Brellow criticized the senator.", "Brellow", "USAMED"),
    ("Boeing spokesman Dana Brellow criticized the senator.", "Brellow", "USABUS"),
    ("Toyota chairman Dana Brellow praised Japan.", "Brellow", "JPNBUS"),
])
def test_a_title_in_a_company_or_outlet_is_of_its_sector(resources, text, word, code):
    assert _at(resources, text, word) == [("Dana Brellow", code)]


def test_a_company_chief_named_by_role_is_the_companys_business(resources):
    found = _at(resources, "Warren called on Wells Fargo's chief executive to resign.",
                "executive")
    assert [code for _, code in found] == ["USABUS"]


@pytest.mark.parametrize("text,word", [
    ("Protesters marched around Bank of America Stadium.", "America"),
    ("Trump will hold a rally at the Verizon Wireless Arena.", "Verizon"),
])
def test_a_venue_named_after_a_body_is_not_the_body(resources, text, word):
    assert _at(resources, text, word) == []
