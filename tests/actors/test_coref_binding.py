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
