"""Police and security-force actions (CAMEO 17x, 18x): sentences written here."""
import pytest

import dyads

DATE = "2024-05-10"


def codes(text):
    return [(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
            for e in dyads.code(text, date=DATE).events]


@pytest.mark.parametrize("text, expected", [
    ("Police lathi-charged protesters in Lucknow on Monday.", ("INDCOP", "INDCVL", "175")),
    ("Police arrested 25 activists in Bhopal.", ("INDCOP", "INDCVL", "173")),
    ("Police booked 50 people for rioting in Meerut.", ("INDCOP", "INDPPL", "173")),
    ("Police picked up three activists in Chennai.", ("INDCOP", "INDCVL", "173")),
    ("Police opened fire on a mob in Karachi, killing two.", ("PAKCOP", "PAKCVL", "175")),
    ("Police fired tear gas at protesters in Srinagar.", ("INDCOP", "INDCVL", "175")),
])
def test_police_actions_on_people_of_the_place(text, expected):
    assert expected in codes(text)


def test_a_lathi_charge_noun_after_resorting_to_it():
    assert [c for _, _, c in codes("Police resorted to a lathi-charge in Patna.")] == ["175"]


def test_soldiers_fighting_soldiers_stay_combat():
    got = codes("Indian soldiers fired on Pakistani troops in Kashmir.")
    assert got and all(c[:2] == "19" for _, _, c in got)


def test_a_storm_is_no_police_action():
    assert codes("The storm killed 12 people in Dhaka.") == []
