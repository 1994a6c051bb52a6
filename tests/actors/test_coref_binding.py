"""Pronouns: an object pronoun never refers to its own verb's subject."""
import dyads


def test_an_object_pronoun_is_not_its_verbs_subject():
    text = ("Donald Trump spoke on Monday. He attacked Bill Clinton's record after Hillary "
            "Clinton accused him of sexism.")
    pairs = {(e.cameo, e.source.name, e.target.name) for e in dyads.code(text, date="2016-10-10").events}
    assert ("112", "Hillary Clinton", "Donald Trump") in pairs


def test_a_reflexive_pronoun_may_be_its_verbs_subject():
    from dyads.actors.coref import _own_subject
    from dyads.pipeline import load_resources

    doc = load_resources().nlp("Hillary Clinton defended herself and thanked him.")
    herself = next(t for t in doc if t.lower_ == "herself")
    him = next(t for t in doc if t.lower_ == "him")
    assert _own_subject(herself) == set()
    assert {doc[i].text for i in _own_subject(him)} == {"Hillary", "Clinton"}


def test_they_after_a_listed_subject_is_each_of_them():
    import dyads

    text = ("Sens. Tom Carper, Dianne Feinstein and Patrick Leahy criticized James Comey. "
            "They asked the FBI for more details.")
    asked = [e.source.name for e in dyads.code(text, date="2016-10-31").events if e.cameo == "020"]
    assert asked == ["Tom Carper", "Dianne Feinstein", "Patrick Leahy"]


def test_they_after_a_single_subject_is_not_a_list():
    import dyads

    text = "Russia and China criticized the plan. They asked the UN for more details."
    asked = [e.source.name for e in dyads.code(text, date="2016-10-31").events if e.cameo == "020"]
    assert asked == ["Russia", "China"]


def test_they_with_a_nearer_noun_in_its_own_sentence_is_not_the_list_before():
    import dyads

    text = ("France and Germany expelled Russian diplomats. Annalena Baerbock said 40 Russian "
            "staff were declared undesirable because they posed a threat to the country.")
    threats = [e for e in dyads.code(text, date="2022-04-05").events if e.cameo[:2] == "13"]
    assert all(e.source.name not in {"France", "Germany"} for e in threats)


def test_they_after_a_meeting_is_the_two_who_met():
    import dyads

    text = ("Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister "
            "Fumio Kishida in Tokyo on Friday. They signed an agreement on rail investment.")
    signed = {(e.source.code, e.target.code) for e in dyads.code(text, date="2023-03-24").events
              if e.cameo == "057"}
    assert signed == {("INDGOV", "JPNGOV"), ("JPNGOV", "INDGOV")}


def test_they_after_a_meeting_acting_on_a_third_party_is_each_of_the_two():
    import dyads

    text = ("The Kenyan president hosted Ethiopian Prime Minister Abiy Ahmed in Nairobi. They "
            "called on the warring parties in Sudan to lay down their arms.")
    appeals = {e.source.code for e in dyads.code(text, date="2023-06-06").events
               if e.cameo[:2] == "02"}
    assert appeals == {"KENGOV", "ETHGOV"}


def test_met_pair_needs_a_meeting_and_a_partner(resources):
    from dyads.actors.coref import met_pair

    def pair(text):
        doc = resources.nlp(text)
        they = next(t for t in doc if t.lower_ == "they")
        found = met_pair(they)
        return None if found is None else tuple(t.text for t in found)

    assert pair("Olaf Scholz met with Emmanuel Macron. They agreed on a plan.") == ("Scholz",
                                                                                  "Macron")
    assert pair("Olaf Scholz held a rally in Berlin. They cheered him.") is None
    assert pair("Olaf Scholz criticized Emmanuel Macron. They differ on trade.") is None
    assert pair("Olaf Scholz met Emmanuel Macron. The crowds said they were glad.") is None


def test_they_after_a_name_calling_is_not_a_pair(resources):
    from dyads.actors.coref import met_pair

    doc = resources.nlp("Olaf Scholz called Emmanuel Macron a coward. They laughed.")
    assert met_pair(next(t for t in doc if t.lower_ == "they")) is None
