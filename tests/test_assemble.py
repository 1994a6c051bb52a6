"""Assembly of events within one article: repeated reports merge, distinct deeds do not."""
import pytest

import dyads


def _events(text):
    return dyads.code(text, date="2022-03-31").events


def test_two_deeds_told_in_one_sentence_stay_two_events():
    got = _events("Turkish Foreign Minister Mevlut Cavusoglu visited Beirut on Monday and "
                  "held talks with Lebanese leaders.")
    assert sorted(e.cameo for e in got) == ["042", "046"]


def test_the_same_deed_reported_twice_is_one_event_with_two_mentions():
    got = _events("Russia attacked Ukraine on Monday. Russia also attacked Ukraine later on Monday.")
    assert [(e.cameo, e.source.code, e.target.code, e.mentions) for e in got] == \
        [("190", "RUSGOV", "UKRGOV", 2)]


def test_two_deeds_of_one_root_with_different_codes_stay_two_events():
    got = _events("Russia criticized Ukraine on Monday. Russia also blamed Ukraine on Monday "
                  "for the blast.")
    assert sorted(e.cameo for e in got) == ["111", "112"]


def test_a_general_code_and_a_finer_one_of_its_root_still_merge():
    got = _events("Putin spoke with Erdogan on Monday. Putin held a phone call with Erdogan "
                  "on Monday.")
    assert [(e.cameo, e.mentions) for e in got] == [("041", 2)]


def test_two_pairs_of_people_from_one_country_stay_two_events():
    events = dyads.code("John McCain criticized Barack Obama. Mitt Romney criticized Hillary "
                        "Clinton.", date="2012-10-10").events
    assert sorted((e.source.name, e.target.name) for e in events) == [
        ("John McCain", "Barack Obama"), ("Mitt Romney", "Hillary Clinton")]


def test_a_mention_with_its_own_date_words_is_the_fuller_one():
    text = ("Barack Obama criticized Mitt Romney. Obama criticized Romney on Tuesday over "
            "his tax plan.")
    [event] = dyads.code(text, date="2012-10-10").events
    assert (event.sentence.index, event.date, event.date_text) == (1, "2012-10-09", "on Tuesday")


def test_a_headline_report_gives_way_to_the_body_report():
    text = ("Obama criticizes Mitt Romney\n\nPresident Barack Obama on Tuesday criticized Mitt "
            "Romney over his tax plan.")
    [event] = dyads.code(text, date="2012-10-10").events
    assert event.sentence.index == 1 and event.mentions == 2 and event.date == "2012-10-09"


def test_undated_reports_in_an_undated_article_stay_apart():
    text = ("Taliban fighters attacked an army post in Herat province, killing four soldiers. "
            "Separately, Taliban fighters attacked an army base in Kunduz province.")
    events = dyads.code(text, date=None).events
    attacks = [e for e in events if e.cameo_root == "19"]
    assert {e.sentence.index for e in attacks} == {0, 1} and len(attacks) == 2
    # the attack and its killing are one deed of the first sentence; the second stays apart
    assert sorted((e.sentence.index, e.mentions) for e in attacks) == [(0, 2), (1, 1)]
    assert all(e.date is None for e in attacks)


def test_a_country_and_a_person_of_it_are_two_sides():
    text = ("Lloyd Austin praised Japan's defence budget on Thursday. Austin also praised "
            "Japanese Defence Minister Yasukazu Hamada on Thursday.")
    events = dyads.code(text, date="2023-06-01").events
    assert sorted((e.cameo_root, e.target.name) for e in events) == [
        ("05", "Japan"), ("05", "Yasukazu Hamada")]


def test_a_restated_event_takes_the_finer_code():
    text = ("Narendra Modi spoke with Joe Biden on Tuesday. "
            "Modi and Biden held a phone call on Tuesday, the White House said.")
    [event] = [e for e in dyads.code(text, date="2022-03-31").events if e.cameo_root == "04"]
    # three reports: the first sentence's, and the call told from each side in the second
    assert (event.cameo, event.mentions, event.date) == ("041", 3, "2022-03-29")


def test_words_with_no_speaker_make_no_event():
    assert dyads.code("We supported the rebels against the regime, the text read.",
                      date="2022-03-31").events == ()


def test_an_arrest_with_no_doer_named_is_made_by_the_police_of_the_place():
    [event] = dyads.code("Opposition leader Kizza Besigye was arrested in Kampala on Monday.",
                         date="2022-03-31").events
    assert (event.cameo, event.source.name, event.source.code, event.source.resolved_by,
            event.source.text, event.target.country) == ("173", "police", "UGACOP", "implied",
                                                         "", "UGA")


def test_people_of_no_place_do_nothing_but_crowds_and_counted_people_do():
    assert dyads.code("People are blaming Barack Obama for the deficit, she said.",
                      date="2016-10-10").events == ()
    rally = dyads.code("Tens of thousands of people rallied in central Belgrade on Saturday "
                       "against President Aleksandar Vucic.", date="2025-03-16").events
    assert [(e.source.sector, e.target.name) for e in rally] == [("PPL", "Aleksandar Vučić")]


def test_telling_the_press_is_no_interaction():
    events = dyads.code("The Burundian Red Cross confirmed the three deaths to Voice of America.",
                        date="2015-05-04").events
    assert all(e.target is None or e.target.sector != "MED" for e in events)


def test_we_in_a_quote_of_two_speakers_is_each_of_them():
    import dyads
    text = ('Rep. Elijah Cummings and Rep. John Conyers criticized James Comey on Saturday. '
            '"We are writing to request that the FBI issue a more complete accounting," '
            'Cummings and Conyers wrote.')
    events = dyads.code(text, date="2016-10-29").events
    appeals = sorted(e.source.name for e in events if e.cameo.startswith("02"))
    assert appeals == ["Elijah Cummings", "John Conyers"]


def test_deaths_with_no_doer_and_no_named_attack_are_no_event():
    import dyads
    gone = dyads.code("At least 15 people have been killed in more than a week of protests "
                      "in Bujumbura, Burundi.", date="2015-05-04").events
    assert [e for e in gone if e.cameo.startswith(("18", "19", "20"))] == []
    named = dyads.code("At least three Iraqi civilians have been killed in a car bombing in "
                       "Baghdad.", date="2015-05-04").events
    assert [(e.source, e.target.country) for e in named] == [(None, "IRQ")]


def test_two_people_the_kb_does_not_know_stay_two_sides():
    # both are American and unknown to the KB: their names, not their country, tell them apart
    text = ("Donald Trump attacked Hillary Clinton on Monday. Rep. Dana Brellow said she "
            "never sent the files. Rep. Jo Marrick said he never sent the files either.")
    got = dyads.code(text, date="2016-10-10").events
    assert sorted(e.source.name for e in got if e.cameo == "016") == ["Dana Brellow", "Jo Marrick"]


@pytest.mark.parametrize("text", ["Mitt Romney sent a letter to Barack Obama on Monday.",
                                  "Mitt Romney did not announce which donors had paid Barack Obama.",
                                  "Mitt Romney announced that Barack Obama would be in Ohio.",
                                  "Mitt Romney confirmed that Barack Obama was in Ohio."])
def test_a_bare_statement_with_nothing_said_is_no_event(text):
    from dyads.pipeline import Settings

    assert not dyads.code(text, date="2012-10-10").events
    kept = dyads.code(text, date="2012-10-10", settings=Settings(plain_reporting=True)).events
    assert [e.cameo for e in kept] == ["010"]


def test_a_claim_with_a_clause_of_its_own_stays_a_statement():
    got = dyads.code("Russia claimed that Ukraine was making progress toward a deal.",
                     date="2022-03-31").events
    assert [(e.source.code, e.cameo) for e in got] == [("RUSGOV", "010")]


def test_one_deed_told_by_two_verbs_is_one_event():
    import dyads
    events = dyads.code("Police in Burundi shot and killed three protesters in Bujumbura.",
                        date="2015-05-04").events
    assert [e.cameo[:2] for e in events].count("17") + [e.cameo[:2] for e in events].count("19") == 1
    assert events[0].mentions == 2


def test_a_quoted_we_asking_two_bodies_is_the_speaker_asking_each():
    text = '"We ask the FBI and the Justice Department to release the files," Senator Ted Cruz said.'
    got = dyads.code(text, date="2016-10-05").events
    assert sorted((e.cameo, e.source.name, e.target.name) for e in got) == [
        ("0214", "Ted Cruz", "Federal Bureau Of Investigation"),
        ("0214", "Ted Cruz", "Justice Department")]
