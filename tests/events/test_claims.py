"""Hedged claims are the claimant's accusation; messages' participles are the sender's."""
import pytest

import dyads


def codes(text, date="2016-10-25"):
    return [(e.cameo, e.source and (e.source.name or e.source.text),
             e.target and (e.target.name or e.target.text))
            for e in dyads.code(text, date=date).events]


@pytest.mark.parametrize("text", [
    "Jessica Leeds later claimed that Donald Trump had groped her.",
    "Jessica Leeds later claimed Donald Trump had groped her.",
])
def test_a_claimed_deed_is_an_accusation_not_the_deed(text):
    assert codes(text) == [("112", "Jessica Leeds", "Donald Trump")]


def test_what_witnesses_say_others_did_is_their_accusation():
    [(code, _, target)] = codes("Residents said RSF fighters looted shops in Wad Madani, Sudan.",
                                "2023-12-20")
    assert code == "112" and "RSF" in target


@pytest.mark.parametrize("text, expected", [
    ("The Ukrainian military said Russian forces shelled Kharkiv overnight.", "19"),
    ("Police said they arrested 12 protesters in Dhaka.", "17"),
])
def test_authorities_reporting_deeds_report_the_deeds(text, expected):
    assert [c[0][:2] for c in codes(text, "2022-05-02")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Pat Smith delivered an emotional speech blaming Hillary Clinton for her son's death.",
     [("112", "Pat Smith", "Hillary Clinton")]),
    ("Donald Trump posted a video attacking Hillary Clinton.",
     [("111", "Donald Trump", "Hillary Clinton")]),
])
def test_a_message_participle_is_the_senders_act(text, expected):
    assert codes(text) == expected


def test_delivering_a_speech_gives_no_aid():
    events = codes("Barack Obama delivered a speech to the students of Howard University.")
    assert [c for c in events if c[0].startswith("07")] == []


def test_a_deed_told_first_and_attributed_after_stays_the_deed():
    text = "Sudanese soldiers looted shops in Wad Madani on Tuesday, residents said."
    assert [c[0][:2] for c in codes(text, "2023-12-20")] == ["17"]


def test_claiming_ones_own_deed_keeps_the_deed():
    codes_ = codes("The Taliban issued a statement claiming it killed 60 Afghan soldiers in Herat.",
                   "2021-05-02")
    assert [c[0][:2] for c in codes_] == ["19"]


@pytest.mark.parametrize("text, expected", [
    ("Vladimir Putin did not rule out a meeting with Joe Biden.", "014"),
    ("Vladimir Putin did not rule out military action against Ukraine.", "130"),
])
def test_not_ruling_out_considers_or_threatens(text, expected):
    assert [c[0] for c in codes(text, "2021-12-01")] == [expected]


def test_vowing_to_continue_protests_threatens_dissent():
    text = ("Protesters in Bujumbura have vowed to continue street demonstrations until "
            "Pierre Nkurunziza changes his mind.")
    assert [c[0] for c in codes(text, "2015-05-02")] == ["133"]


@pytest.mark.parametrize("text, expected", [
    ("Donald Trump promised to destroy the Islamic State.", "138"),
    ("This followed Donald Trump's threat to sue The New York Times.", "130"),
])
def test_promises_to_destroy_and_threats_to_sue_are_threats_at_their_object(text, expected):
    [(code, _, target)] = codes(text, "2016-11-03")
    assert code == expected and target in {"Islamic State", "New York Times"}


@pytest.mark.parametrize("text, expected", [
    ("Donald Trump repeated his assertion that the media is rigging the polls.",
     [("112", "Donald Trump", "media")]),
    ("Mike Pence repeated his claim that Hillary Clinton lied to Congress.",
     [("112", "Mike Pence", "Hillary Clinton")]),
    ("Jessica Leeds repeated her allegation that Donald Trump groped her on a plane.",
     [("112", "Jessica Leeds", "Donald Trump")]),
])
def test_a_claim_nouns_clause_is_its_owners_accusation(text, expected):
    assert codes(text) == expected


def test_a_deed_in_an_unowned_claim_is_not_asserted():
    found = codes("The claim that Russia hacked the emails was denied by Moscow.")
    assert [c for c in found if c[0].startswith("18")] == []


def test_charging_that_is_alleging_not_a_legal_charge():
    from dyads import code
    got = [(e.source.name if e.source else None, e.cameo, e.trigger.rule) for e in code(
        "The opposition leader Juan Guaido charged that Nicolas Maduro had stolen the election.",
        date="2019-02-05").events]
    assert [c for _, c, _ in got] == ["112"]
    assert got[0][2].startswith("112:charge/verb")
