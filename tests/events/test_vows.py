"""A vow to do a hostile deed is a threat of it; sentences written here."""
import pytest

import dyads

DATE = "2016-10-05"


def events(text):
    return [(e.source.name if e.source else None, e.target.name if e.target else None,
             e.cameo, e.trigger.rule) for e in dyads.code(text, date=DATE).events]


@pytest.mark.parametrize("text,source,code,rule", [
    ("Donald Trump vowed to sue the New York Times.", "Donald Trump", "131",
     "131:vow/verb+vowed:sue"),
    ("Donald Trump swore to deport Mexican migrants.", "Donald Trump", "137",
     "137:swear/verb+vowed:deport"),
    ("Turkey pledged to shell Kurdish militants in Syria.", "Turkey", "138",
     "138:pledge/verb+vowed:shell"),
])
def test_a_vowed_hostile_deed_is_a_threat_and_not_done(text, source, code, rule):
    assert [(s, c, r) for s, _, c, r in events(text)] == [(source, code, rule)]


def test_a_vow_the_lexicon_codes_as_a_threat_keeps_its_code():
    got = events("The rebels vowed to attack Kyiv.")
    assert [(t, c, r) for _, t, c, r in got] == [("Kyiv", "1384", "1384:vow/verb")]


def test_a_vow_to_cooperate_stays_an_intent():
    got = events("Barack Obama pledged to help Ukraine.")
    assert [(s, t, c) for s, t, c, _ in got] == [("Barack Obama", "Ukraine", "033")]
