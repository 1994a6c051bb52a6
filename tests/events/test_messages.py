"""Messages that attack (ads, tweets, statements) are criticism by their sender; sentences written here."""
import pytest

import dyads

DATE = "2016-10-05"


def events(text):
    return [(e.source.name if e.source else None, e.target.name if e.target else None,
             e.cameo, e.trigger.rule) for e in dyads.code(text, date=DATE).events]


@pytest.mark.parametrize("text,rule", [
    ("The Trump campaign released an ad on Thursday attacking Hillary Clinton.",
     "111:attack/verb+message"),
    ("Donald Trump released a new ad on Thursday that attacks Hillary Clinton over her emails.",
     "111:attack/verb+message"),
    ("Donald Trump issued a statement on Thursday slamming Hillary Clinton.",
     "111:slam/verb+message"),
])
def test_a_message_attacking_someone_is_its_senders_criticism(text, rule):
    assert events(text) == [("Donald Trump", "Hillary Clinton", "111", rule)]


def test_a_batch_of_tweets_aimed_at_someone():
    got = events("Senator Elizabeth Warren sent a series of scathing tweets on Thursday "
                 "aimed at Donald Trump.")
    assert got == [("Elizabeth Warren", "Donald Trump", "111", "111:aim/verb+message")]


def test_an_attack_by_forces_stays_an_attack():
    got = events("Israel launched an attack on Gaza on Monday.")
    assert [c for _, _, c, _ in got] == ["190"]


def test_a_message_with_no_sender_named_is_no_event():
    assert events("The new ad attacks Hillary Clinton over her emails.") == []


def test_a_message_praising_someone_is_its_senders_praise():
    got = events("Hillary Clinton sent a flattering email to Barack Obama praising him.")
    assert got == [("Hillary Clinton", "Barack Obama", "051", "051:praise/verb+message")]


def test_tweeting_ones_appreciation_is_praise():
    got = events("Hillary Clinton tweeted her appreciation to Terry McAuliffe on Friday.")
    assert [(s, t, c) for s, t, c, _ in got] == [("Hillary Clinton", "Terry McAuliffe", "051")]


def test_a_message_threatening_an_attack_is_a_threat_not_an_attack():
    got = dyads.code("Following the release of a new video from the militant group threatening "
                     "an attack in New York City, Donald Trump called on Bill de Blasio to act.",
                     date=DATE).events
    assert sorted(e.cameo[:2] for e in got) == ["02", "13"]
