"""Sex agreement in coreference: "he" is never a woman named before it, nor "she" a man."""
import re
from importlib import resources

import yaml

import dyads
from dyads.actors import gender
from dyads.actors.coref import collect_antecedents
from dyads.actors.names import article_full_name
from dyads.pipeline import load_resources


def test_the_given_name_table_is_clean():
    text = resources.files("dyads.data").joinpath("given_names.yaml").read_text(encoding="utf-8")
    table = yaml.safe_load(text)
    for sex in ("female", "male"):
        names = table[sex]
        assert names == sorted(set(names)), f"{sex}: sorted, each name once"
        assert all(re.fullmatch(r"[a-z]+(-[a-z]+)?", n) for n in names), sex
    assert not set(table["female"]) & set(table["male"])


def test_cues_words_and_names():
    assert gender.word_sex("Mrs.") == "f" and gender.word_sex("spokesman") == "m"
    assert gender.word_sex("minister") is None
    assert gender.name_sex("Angela Merkel") == "f" and gender.name_sex("Emmanuel Macron") == "m"
    assert gender.name_sex("Jordan Smith") is None  # a name for either sex says nothing
    assert gender.agrees(None, "f") and not gender.agrees("m", "f")


def test_she_and_him_each_find_the_person_of_their_sex():
    text = ("French President Emmanuel Macron met German Chancellor Angela Merkel on Monday. "
            "She criticized him over the budget.")
    events = dyads.code(text, date="2016-10-05").events
    assert [(e.cameo, e.source.name, e.target.name) for e in events if e.cameo == "111"] == \
        [("111", "Angela Merkel", "Emmanuel Macron")]


def test_a_pronoun_with_no_one_of_its_sex_before_it_stays_unresolved():
    text = "Angela Merkel spoke in Berlin on Monday. He criticized the budget."
    assert not [e for e in dyads.code(text, date="2016-10-05").events if e.cameo == "111"]


def test_an_honorific_shows_the_sex_of_every_mention_of_that_person():
    nlp = load_resources().nlp
    kb = load_resources().kb
    doc = nlp("Zorvan Beltik met Theresa May in London. Later Mr. Beltik spoke to reporters.")
    sexes = {(doc[a.token].text, a.sex) for a in collect_antecedents(doc, kb) if a.is_person}
    assert ("Beltik", "m") in sexes and ("May", "f") in sexes
    assert sum(1 for word, sex in sexes if word == "Beltik") == 1  # both mentions say "m"


def test_mr_with_a_surname_is_not_a_woman_named_in_full():
    nlp = load_resources().nlp
    doc = nlp("Bill Clinton and Hillary Clinton spoke. Mr. Clinton smiled. Mrs. Clinton waved.")
    mr = next(t.i for t in doc if t.text == "Clinton" and doc[t.i - 1].text == "Mr.")
    mrs = next(t.i for t in doc if t.text == "Clinton" and doc[t.i - 1].text == "Mrs.")
    assert article_full_name(doc, mr, mr + 1) == "Bill Clinton"
    assert article_full_name(doc, mrs, mrs + 1) == "Hillary Clinton"
    alone = nlp("Hillary Clinton spoke. Mr. Clinton smiled.")
    at = next(t.i for t in alone if t.text == "Clinton" and alone[t.i - 1].text == "Mr.")
    assert article_full_name(alone, at, at + 1) is None
