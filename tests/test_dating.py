"""Event dates inside an article: own phrases, clauses, anchors, inheritance, tweets."""
import pytest

import dyads


def dates(text, date="2022-03-31"):
    return [(e.cameo[:2], e.date, e.date_text) for e in dyads.code(text, date=date).events]


def test_reporting_verb_date_dates_the_reported_deed():
    [(root, day, phrase)] = dates("Ukraine said on Tuesday that Russia shelled Kharkiv.")
    assert (root, day, phrase) == ("19", "2022-03-29", "on Tuesday")


def test_relative_clause_date_does_not_date_the_main_event():
    got = dates("China criticized the Philippines, which brought the case in 2013.", "2016-07-13")
    assert got and got[0][1] == "2016-07-13" and got[0][2] == "published"


@pytest.mark.parametrize("gap, earlier", [("a day", "2022-03-29"), ("two days", "2022-03-28")])
def test_anchor_dates_the_earlier_event_from_the_later_one(gap, earlier):
    # "The talks" names the event "held talks" carries (the verb is the trigger)
    text = ("Russia and Ukraine held talks on Wednesday. "
            f"The talks came {gap} after Russia accused Ukraine of shelling.")
    got = dict((r, d) for r, d, _ in dates(text))
    assert got["04"] == "2022-03-30" and got["11"] == earlier


def test_same_speaker_inherits_the_date_of_its_earlier_statement():
    text = ("Lavrov criticized NATO on Monday. "
            "Lavrov also accused the United States of provocations.")
    assert [d for _, d, _ in dates(text)] == ["2022-03-28", "2022-03-28"]


def test_unrelated_undated_event_takes_the_publication_date():
    text = "Lavrov criticized NATO on Monday. Germany condemned Iran."
    assert dates(text)[-1][1:] == ("2022-03-31", "published")


def test_embedded_tweet_today_is_the_tweet_date():
    text = ("Officials confirmed the call.\n\nToday I spoke with Turkish Foreign Minister "
            "Mevlut Cavusoglu about security. — Dmytro Kuleba (@DmytroKuleba) March 29, 2022")
    got = dyads.code(text, date="2022-03-31")
    assert [e.date for e in got.events] == ["2022-03-29"]


def test_date_hanging_from_a_noun_loses_to_the_reporting_verb():
    text = ("Trudeau told parliament on Monday that Canadian police were investigating "
            "India in the killing of a Sikh activist outside a temple in June.")
    got = dates(text, "2023-09-19")
    assert got and all(d == "2023-09-18" for _, d, _ in got)


def test_closing_attribution_dates_deeds_without_their_own_date():
    text = ("Venezuelan police detained hundreds of protesters during rallies against "
            "Sunday's election, the attorney general said on Tuesday.")
    got = dates(text, "2024-07-31")
    assert got and got[0][1:] == ("2024-07-30", "on Tuesday")


def test_speaker_sentence_without_event_still_dates_the_next_remark():
    text = ("Germany expelled two Iranian diplomats on Monday. "
            "Justin Trudeau said on Tuesday that the situation was serious. "
            "He urged India to cooperate with the investigation.")
    assert dates(text, "2023-09-20")[-1][1:] == ("2023-09-19", "on Tuesday")


def test_person_addressed_in_a_dated_call_replies_on_that_day():
    text = ("Subrahmanyam Jaishankar told Wang Yi in a phone call on Wednesday that China "
            "had planned the clash. Wang Yi accused India of provocations.")
    assert dates(text, "2020-06-18")[-1][1:] == ("2020-06-17", "on Wednesday")


def test_another_official_of_the_same_government_does_not_inherit():
    text = ("Joe Biden threatened Myanmar with sanctions on Monday. "
            "Antony Blinken called on the military to release the detainees.")
    assert dates(text, "2021-02-02")[-1][1:] == ("2021-02-02", "published")


def test_crowd_deed_after_a_dated_protest_belongs_to_that_scene():
    text = ("French police detained 450 people during protests on Thursday. "
            "More than a million people marched in Paris.")
    assert dates(text, "2023-03-24")[-1][1] == "2023-03-23"


def test_hours_before_a_truce_that_began_early_is_the_day_before():
    text = ("A ceasefire between Israel and Hezbollah took effect early on Wednesday. "
            "Hours before the truce began, Israeli jets struck Beirut.")
    got = dates(text, "2024-11-27")
    assert got[-1][1:] == ("2024-11-26", "Hours before")


def test_second_anchor_of_a_sentence_dates_its_own_clause():
    text = ("Armenia and Azerbaijan signed a deal on Tuesday. The deal came two days after "
            "Azerbaijani forces captured Shusha, and a day after Azerbaijan shot down a "
            "Russian helicopter.")
    got = [d for r, d, t in dates(text, "2020-11-10") if t == "a day after"]
    assert got == ["2020-11-09"]


def test_undated_deed_in_an_embedded_tweet_takes_the_tweet_date():
    text = ("Officials confirmed the call.\n\nDiscussed with FM @DmytroKuleba the grain "
            "corridor. — Mevlut Cavusoglu (@MevlutCavusoglu) October 5, 2022")
    got = dyads.code(text, date="2022-10-06")
    assert [e.date for e in got.events] == ["2022-10-05"]


def test_quotation_attribution_in_the_next_sentence_dates_the_statement():
    text = ("Aleksandar Vucic accused Croatia of financing the protests. "
            '"They will not succeed," he said in a televised address late on Saturday.')
    got = dates(text, "2025-03-16")
    assert got and got[0][1:] == ("2025-03-15", "late on Saturday")


def test_event_noun_takes_the_date_of_its_own_relative_clause():
    text = ("Iran fired missiles at Iraqi bases early on Wednesday in retaliation for the "
            "American drone strike that killed Qassem Soleimani in Baghdad last Friday.")
    events = dyads.code(text, date="2020-01-08").events
    by_us = [e.date for e in events if e.source and e.source.country == "USA"]
    by_iran = [e.date for e in events if e.source and e.source.country == "IRN"]
    assert by_iran == ["2020-01-08"] and by_us and set(by_us) == {"2020-01-03"}


def test_a_weekday_told_in_the_past_tense_dates_the_appeal_not_the_deed_asked_for():
    import dyads
    [event] = dyads.code("Senator Elizabeth Warren called on President Barack Obama to "
                         "replace the head of the agency on Friday.", date="2016-10-15").events
    assert (event.cameo[:2], event.date, event.date_text) == ("02", "2016-10-14", "on Friday")


def test_undated_clause_takes_the_day_of_its_sentence_main_clause():
    text = ("Minutes published on Monday showed a dispute over the budget, "
            "and British officials deny any deal took place.")
    assert dates(text) == [("01", "2022-03-28", "on Monday")]


def test_a_year_on_the_main_clause_does_not_date_a_present_tense_clause():
    text = ("Minutes published in 1990 showed a dispute over the budget, "
            "and British officials deny any deal took place.")
    assert [(r, d) for r, d, _ in dates(text)] == [("01", "2022-03-31")]


def test_a_person_unknown_to_the_kb_named_again_inherits_the_earlier_date():
    text = ("Donald Trump spoke on Monday. Rep. Dana Brellow criticized Donald Trump on "
            'Saturday. "We are writing to request that the FBI release the files," Brellow '
            "wrote.")
    got = [(e.cameo, e.date) for e in dyads.code(text, date="2016-10-31").events]
    assert ("020", "2016-10-29") in got


def test_two_people_of_one_country_with_different_names_do_not_share_a_date():
    from dyads.occasions import _same_named_person
    from dyads.records import Actor

    def person(name, code):
        return Actor(text=name, start=0, end=1, name=name, kb_id=None, country="USA",
                     sector=code[3:] or None, code=code, resolved_by="title", confidence=0.5)

    assert _same_named_person(person("Dana Brellow", "USALEG"), person("Dana Brellow", "USA"))
    assert not _same_named_person(person("Dana Brellow", "USALEG"), person("Jo Marrick", "USALEG"))


def test_later_with_no_time_of_its_own_leaves_the_deed_undated():
    text = ("In March, Hillary Clinton attacked Donald Trump on March 12. "
            "Donald Trump later denied the report.")
    got = dates(text, "2016-10-13")
    assert got[-1][:2] == ("01", None)


def test_month_day_without_a_year_is_in_the_year_the_story_just_wrote_out():
    text = ("On March 2, 2015, the newspaper revealed the private account. "
            "On March 25, Obama criticized Putin. On Tuesday, Obama criticized Assad.")
    got = dates(text, "2016-09-07")
    assert ("11", "2015-03-25", "On March 25") in got
    assert ("11", "2016-09-06", "On Tuesday") in got


@pytest.mark.parametrize("before", [
    "In 2015, the newspaper revealed the private account.",      # a year alone
    "On March 2, 2016, the newspaper revealed the private account.",  # the article's year
    "On March 2, 2015, the paper wrote. The account was closed. The server was moved.",
])
def test_month_day_keeps_the_year_before_the_article_date_otherwise(before):
    got = dates(before + " On March 25, Obama criticized Putin.", "2016-09-07")
    assert ("11", "2016-03-25", "On March 25") in got
