"""Deeds someone is kept from are not done; sentences written here."""
import dyads


def events(text, date="2015-05-04"):
    return [(e.cameo, e.trigger.rule) for e in dyads.code(text, date=date).events]


def test_a_prevented_protest_is_a_restriction_not_a_march():
    assert events("Police in Burundi blocked protesters from marching to the city center.") == [
        ("1721", "1721:block/verb+prevented:march")]


def test_a_prevented_deed_is_no_event():
    city = "the Russian city of Belgorod on Monday."
    assert events("Russian air defences prevented Ukrainian forces from shelling " + city) == []
    assert [c[:2] for c, _ in events("Ukrainian forces shelled " + city)] == ["19"]
