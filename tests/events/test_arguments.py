"""Argument finding on real parses: fallback target nouns stay inside the event's clause."""
import pytest

from dyads.events import arguments as args


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: nlp(text)


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_fallback_nouns_skip_a_coordinated_clause_with_its_own_subject(parse):
    doc = parse("Chad and Libya agreed to a truce, but local radio said fighting went on.")
    nouns = {t.text for t in args.subtree_nouns(_token(doc, "agreed"))}
    assert "truce" in nouns
    assert "radio" not in nouns


def test_fallback_nouns_skip_the_attribution(parse):
    doc = parse("Rebels killed five soldiers near the border, according to army sources.")
    nouns = {t.text for t in args.subtree_nouns(_token(doc, "killed"))}
    assert "soldiers" in nouns
    assert "sources" not in nouns


def test_fallback_nouns_keep_the_infinitive_content(parse):
    doc = parse("Iran threatened to launch an offensive in its war with Iraq.")
    nouns = {t.text for t in args.subtree_nouns(_token(doc, "threatened"))}
    assert "Iraq" in nouns


def test_subject_of_a_passive_is_its_agent(parse):
    doc = parse("The embassy was attacked by Kenyan students.")
    assert args.subject_of(_token(doc, "attacked")).text == "students"


def test_object_control_gives_the_subject_of_the_infinitive(parse):
    doc = parse("Germany urged Serbia to withdraw its troops.")
    assert args.subject_of(_token(doc, "withdraw")).text == "Serbia"


def test_the_passive_subject_of_an_object_control_verb_does_the_infinitive(parse):
    doc = parse("Kenya was urged by Britain to release the prisoners.")
    assert args.subject_of(_token(doc, "release")).text == "Kenya"


def test_a_place_in_the_doers_own_phrase_is_no_target():
    import dyads
    events = dyads.code("Emmanuel Macron, speaking in Brussels on Thursday, condemned the "
                        "strikes by Russia.", date="2023-03-24").events
    assert [(e.cameo, e.source.name, e.target.name) for e in events] == [
        ("111", "Emmanuel Macron", "Russia")]


def test_with_absolute_gives_the_participle_its_doer():
    import dyads
    got = dyads.code("Democratic candidates went further, with former Maryland Gov. Martin "
                     "O'Malley calling Donald Trump a fascist.", date="2015-12-08").events
    assert [(e.source.name, e.target.name, e.cameo) for e in got] == [
        ("Martin O'Malley", "Donald Trump", "111")]
