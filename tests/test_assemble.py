"""Assembly of events within one article: repeated reports merge, distinct deeds do not."""
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


def test_two_pairs_of_people_from_one_country_stay_two_events():
    events = dyads.code("John McCain criticized Barack Obama. Mitt Romney criticized Hillary "
                        "Clinton.", date="2012-10-10").events
    assert sorted((e.source.name, e.target.name) for e in events) == [
        ("John McCain", "Barack Obama"), ("Mitt Romney", "Hillary Clinton")]


def test_a_headline_report_gives_way_to_the_body_report():
    text = ("Obama criticizes Mitt Romney\n\nPresident Barack Obama on Tuesday criticized Mitt "
            "Romney over his tax plan.")
    [event] = dyads.code(text, date="2012-10-10").events
    assert event.sentence.index == 1 and event.mentions == 2 and event.date == "2012-10-09"
