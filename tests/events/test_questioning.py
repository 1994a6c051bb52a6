"""Questioning is an investigation step (091) only when investigators do it."""
import dyads


def _coded(text):
    return [(e.cameo, e.source.code, e.target.code) for e in dyads.code(text, date="2016-05-05").events]


def test_police_or_the_fbi_interviewing_someone_investigate():
    assert _coded("The FBI interviewed Hillary Clinton on Saturday.") == [("091", "USACOP", "USAPTY")]
    assert ("091", "USACOP", "USAPTY") in _coded(
        "The report detailed the FBI's interview with Hillary Clinton last month.")


def test_a_journalists_interview_is_no_event():
    assert _coded("CNN interviewed Hillary Clinton on Saturday.") == []
    assert [c for c, _, _ in _coded(
        "In an interview with Fox News, Donald Trump criticized Hillary Clinton.")] == ["111"]


def test_questioned_by_the_agency_named_before_in_a_passive_conjunct():
    import dyads
    text = ("The FBI is investigating the finances of Senator Tom Haverford. "
            "Former Senate aide Bob Lund was granted immunity and has been interviewed by the agency.")
    events = [(e.cameo, e.source.code, e.target.name) for e in
              dyads.code(text, date="2016-05-05").events if e.cameo == "091"]
    assert events == [("091", "USACOP", "Bob Lund")]
