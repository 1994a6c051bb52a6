"""Event dates in news prose: background events at the precision their phrase gives,
undated past deeds without a date, periods and names that are not dates, weekday
statements, and the clause a date phrase belongs to. Sentences written for this suite."""
import pytest

import dyads


def dated(text, published):
    """(CAMEO root, date, precision) of each event, in text order."""
    return [(e.cameo[:2], e.date, e.date_precision)
            for e in dyads.code(text, date=published).events]


def only(text, published):
    [(_, day, precision)] = dated(text, published)
    return day, precision


# --- background events take their own time, at the precision it gives --------------------

@pytest.mark.parametrize("text, published, expected", [
    ("France condemned Iran in July.", "2022-09-30", ("2022-07-01", "month")),
    ("China criticized Japan last month.", "2022-09-30", ("2022-08-01", "month")),
    ("France condemned Iran earlier this month.", "2022-03-31", ("2022-03-01", "month")),
    ("Iran accused Israel of sabotage earlier in the week.", "2022-03-31",
     ("2022-03-01", "month")),
    ("Russia invaded Ukraine in 2014.", "2022-03-31", ("2014-01-01", "year")),
    ("France condemned Iran two decades ago.", "2022-03-31", ("2002-01-01", "year")),
])
def test_background_event_takes_its_own_time_at_its_precision(text, published, expected):
    assert only(text, published) == expected


# --- clearly past deeds with no time get no date; the lead keeps the publication date ----

LEAD = "Germany condemned Iran on Monday.\n\nFrance criticized Iran.\n\n"


def test_lead_event_without_a_time_gets_the_publication_date():
    assert dated(LEAD, "2022-03-31")[1] == ("11", "2022-03-31", "day")


@pytest.mark.parametrize("later", ["Spain has criticized Iran.",
                                   "Spain had accused Iran of lying."])
def test_perfect_told_after_the_lead_is_undated(later):
    assert dated(LEAD + later, "2022-03-31")[-1] == ("11", None, None)


def test_perfect_of_habit_is_vague_background_and_not_coded():
    # the annotation guide: undated vague background ("has long accused") is not coded
    assert dyads.code("Lithuania has long accused Russia of espionage.", date="2022-03-31").events == ()


def test_past_deed_in_a_relative_clause_does_not_take_the_main_clause_date():
    text = "On Friday, a lawyer for the man who accused Iran of torture dropped the lawsuit."
    assert only(text, "2022-04-02") == (None, None)


def test_relative_clause_going_on_with_the_scene_is_not_background():
    text = ("Protesters clashed with police in Paris on Thursday.\n\n"
            "Police, who fired tear gas, arrested twenty protesters.")
    got = dated(text, "2022-04-01")
    assert got[-1] == ("17", "2022-03-31", "day")


def test_pluperfect_reported_by_a_dated_speaker_takes_the_report_date():
    text = "Chile said on Tuesday that Peru had accused Bolivia of spying."
    assert only(text, "2022-03-31") == ("2022-03-29", "day")


# --- periods, deadlines, alternatives and names are not event dates ----------------------

@pytest.mark.parametrize("text", [
    "The European Union extended sanctions on Russia until 2028.",
    "The European Union imposed sanctions on Russia for two years.",
    "The United States has imposed sanctions on Russia since 2014.",
])
def test_period_is_not_the_event_date(text):
    assert only(text, "2022-03-31") == ("2022-03-31", "day")


@pytest.mark.parametrize("deadline", ["by March", "within 30 days"])
def test_deadline_in_a_demand_is_not_the_demand_date(deadline):
    text = f"Germany demanded that Iran release the prisoners {deadline}."
    assert only(text, "2022-01-31") == ("2022-01-31", "day")


def test_date_inside_a_name_is_not_a_date():
    text = "The European Union condemned the September 11 attacks on the United States."
    assert only(text, "2022-09-30") == ("2022-09-30", "day")


def test_either_of_two_months_leaves_the_event_undated():
    mentions = dyads.dates.event_mentions("They met in December 2014 or January 2015.",
                                          "2016-09-07")
    assert [(m.text, m.date) for m in mentions] == [("in December 2014", None),
                                                    ("January 2015", None)]


# --- weekday statements and the verb a date phrase goes with -----------------------------

def test_weekday_statement_is_the_latest_such_day():
    assert only("Poland accused Belarus of provocations on Wednesday.",
                "2022-03-31") == ("2022-03-30", "day")


def test_attribution_date_dates_the_reported_content():
    assert only("Poland said on Wednesday that Belarus was threatening Lithuania.",
                "2022-03-31") == ("2022-03-30", "day")


def test_date_between_subject_and_verb_goes_with_the_verb():
    assert only("The Washington Post on Thursday endorsed Hillary Clinton.",
                "2016-10-12") == ("2016-10-06", "day")


def test_announced_deed_is_dated_by_the_announcement():
    text = "Turkey will host talks with Russia on Friday, the minister said on Tuesday."
    assert only(text, "2022-03-31") == ("2022-03-29", "day")


def test_future_deed_without_a_statement_date_is_the_publication_date():
    assert only("President Biden will visit Poland on Monday.",
                "2022-03-31") == ("2022-03-31", "day")


def test_date_of_an_occasion_after_the_verb_dates_the_verb():
    got = dated("Erdogan urged Putin in a phone call on Sunday to declare a ceasefire.",
                "2022-03-14")
    assert got and all(e[1:] == ("2022-03-13", "day") for e in got)


def test_date_before_another_noun_is_that_noun_date():
    text = "Senators asked the moderator of this year's debate to question Trump."
    assert only(text, "2016-09-26") == ("2016-09-26", "day")


@pytest.mark.parametrize("follow_on, expected", [("The following day", "2022-03-03"),
                                                 ("Two days later", "2022-03-04")])
def test_follow_on_anchor_counts_from_the_last_day_named(follow_on, expected):
    text = f"Russia attacked Ukraine on March 2. {follow_on}, Poland condemned Russia."
    assert dated(text, "2022-03-31")[-1] == ("11", expected, "day")


@pytest.mark.parametrize("when, expected", [("last month", ("2022-02-01", "month")),
                                            ("next month", ("2022-03-31", "day"))])
def test_past_time_on_the_deed_asked_for_dates_the_asking(when, expected):
    # "urged Russia to withdraw ... last month": the parse hangs the phrase on "withdraw"
    assert only(f"Poland urged Russia to withdraw its troops {when}.", "2022-03-31") == expected


def test_since_before_a_day_word_makes_it_a_period_edge():
    mentions = dyads.dates.event_mentions("They have kept at it since yesterday.", "2022-03-31")
    assert mentions == []


def test_perfect_going_on_with_the_last_speaker_is_part_of_that_report():
    text = ("Germany condemned Iran on Monday.\n\nFrance criticized Iran.\n\n"
            "Lavrov criticized NATO on Tuesday. Lavrov had also accused Poland of lying.")
    assert dated(text, "2022-03-31")[-1] == ("11", "2022-03-29", "day")


def test_a_denial_answers_the_deed_and_does_not_take_its_day():
    text = ("Rebel fighters shelled a camp near Goma on Monday, killing 12 civilians. "
            "The rebels denied targeting civilians and accused the army of hiding there.")
    events = dyads.code(text, date="2025-09-04").events
    by_code = {e.cameo[:2]: e.date for e in events}
    assert by_code.get("19") == "2025-09-01"
    assert all(e.date == "2025-09-04" for e in events if e.cameo[:2] in {"01", "11"})


def test_a_participial_scene_dates_the_act_it_hangs_on():
    text = "Emmanuel Macron, speaking in Brussels on Thursday, condemned the strikes by Russia."
    assert only(text, "2023-03-24") == ("2023-03-23", "day")
    # a clause of its own with its own subject keeps its time to itself
    other = "Emmanuel Macron condemned Russia after the police had fired on Thursday."
    assert dated(other, "2023-03-24")[0][1] == "2023-03-24"


def test_words_reported_from_a_dated_message_take_its_day():
    text = ("The reply answered letters Democrats sent Saturday. Tom Carper said he found "
            "James Comey's letter troubling.")
    assert dated(text, "2016-10-31") == [("11", "2016-10-29", "day")]
    # a message dated in the same sentence dates what it says
    same = "In a statement released Tuesday, Mike Pence accused Hillary Clinton of corruption."
    assert dated(same, "2016-10-31") == [("11", "2016-10-25", "day")]
    # with no dated message before, the report is of the publication day
    plain = "The reply came on Monday. Tom Carper criticized James Comey."
    assert dated(plain, "2016-10-31") == [("11", "2016-10-31", "day")]


def test_a_dated_message_dates_words_reported_a_few_sentences_on():
    # the letters are named, the reply to them told, then the letters' words reported
    text = ("The reply answered letters Democrats sent Saturday. The FBI got a warrant on "
            "Sunday. Officials declined to comment. Tom Carper said he found James Comey's "
            "letter troubling.")
    assert ("11", "2016-10-29", "day") in dated(text, "2016-10-31")


def test_the_speakers_own_message_dated_next_dates_the_words():
    text = ("Mike Pence accused Hillary Clinton of corruption. Pence's statement, released by "
            "the campaign Tuesday afternoon, came after a news report.")
    assert dated(text, "2016-10-31")[0] == ("11", "2016-10-25", "day")


def test_a_deed_told_as_earlier_has_no_date_of_its_own():
    text = ("Jason Chaffetz spoke to reporters on Tuesday. Chaffetz earlier asked the Justice "
            "Department to investigate Hillary Clinton.")
    assert dated(text, "2016-09-07")[-1] == ("02", None, None)


def test_a_lead_deed_takes_the_day_the_article_names_it_again():
    text = ("The army has confirmed it carried out deadly airstrikes on a village in Sagaing.\n\n"
            "A spokesman said Wednesday the attack in the Sagaing area on Tuesday was conducted "
            "during a ceremony.\n\nAs many as 100 people may have been killed in Tuesday's attack.")
    got = [(e.cameo[:2], e.date) for e in dyads.code(text, date="2023-04-12").events]
    assert ("19", "2023-04-11") in got


def test_a_similar_deed_named_later_does_not_date_the_lead():
    text = ("The army carried out deadly airstrikes on a village in Sagaing.\n\n"
            "A similar attack on Tuesday last October killed 50 people in Kachin.")
    got = [(e.cameo[:2], e.date) for e in dyads.code(text, date="2023-04-12").events]
    assert ("19", "2023-04-11") not in got


def test_lead_words_take_the_day_of_the_next_sentence_that_names_them():
    text = ("Senator Smith has endorsed Hillary Clinton for president.\n\n"
            "The announcement came in a letter his office sent out Friday.")
    assert dated(text, "2016-01-10")[0] == ("05", "2016-01-08", "day")


@pytest.mark.parametrize("after", [
    "An announcement came in a letter his office sent out Friday.",      # not named again
    "The announcement came Friday, a week after the Tuesday debate.",   # two days
    "Reporters asked him about it. The announcement came Friday.",      # not the next sentence
])
def test_lead_words_keep_the_publication_date_otherwise(after):
    text = "Senator Smith has endorsed Hillary Clinton for president.\n\n" + after
    assert dated(text, "2016-01-10")[0] == ("05", "2016-01-10", "day")


SPEAKER_DATED = "In 2019, Emmanuel Macron criticized Iran.\n\n"


def test_a_time_clause_is_of_its_main_clause_time_not_its_speakers_earlier_one():
    # "after Macron accused it" times Germany's act, told today; the speaker's 2019
    # sentence does not date it, while a main clause of his still goes on with it
    events = dyads.code(SPEAKER_DATED + "Germany condemned Iran after Macron accused it of "
                        "lying.\n\nMacron accused Iran of lying.", date="2022-03-31").events
    assert [(e.cameo[:2], e.date) for e in events] == [
        ("11", "2019-01-01"), ("11", "2022-03-31"), ("11", "2022-03-31"), ("11", "2019-01-01")]
