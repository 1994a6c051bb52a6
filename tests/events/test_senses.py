"""Word senses: questions are not appeals, trips to venues are not visits."""
import pytest

import dyads


def codes(text, date="2022-03-31"):
    return [(e.cameo, e.source and e.source.name, e.target and e.target.name)
            for e in dyads.code(text, date=date).events]


@pytest.mark.parametrize("text", [
    "Joe Biden asked Vladimir Putin whether he would attend the summit.",
    "Joe Biden asked Vladimir Putin if he would attend the summit.",
    "Joe Biden asked Vladimir Putin about the troop build-up.",
    "Joe Biden asked Vladimir Putin a question about the troops.",
])
def test_asking_a_question_is_no_appeal(text):
    assert [c for c in codes(text) if c[0].startswith("02")] == []


def test_asking_someone_to_act_stays_an_appeal():
    assert [c[0][:2] for c in codes("Joe Biden asked Vladimir Putin to withdraw his troops.")] \
        == ["02"]


@pytest.mark.parametrize("text", [
    "Emmanuel Macron headed to the venue after lunch.",
    "Emmanuel Macron went to the rally on Friday.",
])
def test_a_trip_to_a_venue_is_no_visit(text):
    assert [c for c in codes(text) if c[0] == "042"] == []


def test_a_trip_to_a_country_is_a_visit():
    assert ("042", "Emmanuel Macron", "China") in codes("Emmanuel Macron travelled to China on Monday.")


def test_meeting_a_threshold_is_no_meeting():
    assert codes("The Green Party did not meet the polling threshold set by the commission.") == []
