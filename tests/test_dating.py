"""Event dates inside an article: own phrases, clauses, anchors, inheritance, tweets."""
import dyads


def dates(text, date="2022-03-31"):
    return [(e.cameo[:2], e.date, e.date_text) for e in dyads.code(text, date=date).events]


def test_reporting_verb_date_dates_the_reported_deed():
    [(root, day, phrase)] = dates("Ukraine said on Tuesday that Russia shelled Kharkiv.")
    assert (root, day, phrase) == ("19", "2022-03-29", "on Tuesday")


def test_relative_clause_date_does_not_date_the_main_event():
    got = dates("China criticized the Philippines, which brought the case in 2013.", "2016-07-13")
    assert got and got[0][1] == "2016-07-13" and got[0][2] == "published"


def test_anchor_dates_the_earlier_event_from_the_later_one():
    text = ("Russia and Ukraine held talks on Wednesday. "
            "The talks came a day after Russia accused Ukraine of shelling.")
    got = dict((r, d) for r, d, _ in dates(text))
    assert got["04"] == "2022-03-30" and got["11"] == "2022-03-29"


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


def test_anchor_finds_the_event_named_by_the_object_of_its_verb():
    text = ("Russia and Ukraine held talks on Wednesday. "
            "The talks came two days after Russia accused Ukraine of shelling.")
    got = dict((r, d) for r, d, _ in dates(text))
    assert got["04"] == "2022-03-30" and got["11"] == "2022-03-28"
