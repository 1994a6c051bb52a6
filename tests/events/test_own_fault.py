"""Owning up to one's own fault is an apology (055) with no one attacked."""
import dyads


def _coded(text):
    return [(e.cameo, e.source.name, e.target.name if e.target else None)
            for e in dyads.code(text, date="2016-05-26").events]


def test_a_fault_word_about_what_the_speaker_did_is_an_apology():
    text = "Hillary Clinton told reporters that what she did with the server was a mistake."
    assert _coded(text) == [("055", "Hillary Clinton", None)]


def test_a_fault_word_about_the_speakers_own_decision_is_an_apology():
    text = "Hillary Clinton said her decision to use a private server was a mistake."
    assert _coded(text) == [("055", "Hillary Clinton", None)]


def test_a_fault_word_about_someone_elses_plan_is_criticism():
    text = "Hillary Clinton said Donald Trump's plan was a mistake."
    assert [c for c, _, _ in _coded(text)] == ["111"]
