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
