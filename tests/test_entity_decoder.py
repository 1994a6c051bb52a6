"""The array decoder finds exactly the entities spaCy's own recogniser finds."""
from __future__ import annotations

import json

import numpy
import pytest
import spacy
from spacy.tokens import Span

from dyads import entity_decoder
from dyads.entity_decoder import BEGIN, IN, LAST, OUT, UNIT

TEXTS = [
    "Foreign Minister Amara Okonkwo of Nigeria met the European Union's envoy in "
    "Brussels on Tuesday.\n\nThe two discussed a $40 million aid package for the Sahel.",
    "  Police in Lagos arrested 12 people after protests near the National Assembly.  ",
    "Kenya",
    "Talks resumed in Geneva.\nThe United Nations Security Council will vote on Friday "
    "on a resolution drafted by France and the United Kingdom",
    "Shares of Northwind Traders fell 3 percent in Tokyo trading; the Nikkei 225 closed "
    "lower.   Heavy rain is forecast for Osaka over the weekend.",
    "",
    "The World Cup qualifier between Brazil and Argentina ended 1-1 at the Maracana.",
]


def entities(docs):
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


def iob(docs):
    return [[t.ent_iob_ for t in doc] for doc in docs]


@pytest.fixture(scope="module")
def decoder(nlp):
    component = nlp.get_pipe("ner")
    assert isinstance(component, entity_decoder.EntityDecoder)
    return component


@pytest.fixture(scope="module")
def unrecognised(nlp):
    """The texts parsed by every component but the recogniser."""
    with nlp.select_pipes(disable=["ner"]):
        return list(nlp.pipe(TEXTS))


def spacy_entities(decoder, docs):
    copies = [doc.copy() for doc in docs]
    return list(decoder.recogniser.pipe(copies, batch_size=4))


def test_the_decoder_finds_what_spacys_recogniser_finds(decoder, unrecognised):
    expected = spacy_entities(decoder, unrecognised)
    found = list(decoder.pipe([doc.copy() for doc in unrecognised], batch_size=8))
    assert entities(found) == entities(expected)
    assert iob(found) == iob(expected)
    assert any(len(doc.ents) >= 4 for doc in found)  # the texts do have entities


def test_an_article_gets_the_same_entities_alone_or_in_a_batch(decoder, unrecognised):
    together = decode_all(decoder, unrecognised)
    alone = [decode_all(decoder, [doc])[0] for doc in unrecognised]
    assert together == alone


def decode_all(decoder, docs):
    return entity_decoder.decode(decoder.networks, decoder.table, docs)


def test_the_loaded_pipeline_decodes_here_and_keeps_the_recognisers_labels(nlp, decoder):
    assert decoder.labels == decoder.recogniser.labels
    assert "PERSON" in decoder.labels
    text = "President John Smith visited Nairobi on Monday."
    doc = nlp(text)  # through nlp's own pipe
    with nlp.select_pipes(disable=["ner"]):
        expected = spacy_entities(decoder, [nlp(text)])[0]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in expected.ents]
    assert ("Nairobi", "GPE") in [(e.text, e.label_) for e in doc.ents]
    assert entity_decoder.install(nlp) is True  # a second install changes nothing
    assert nlp.get_pipe("ner") is decoder


def test_entities_set_before_the_recogniser_bind_it_as_they_bind_spacys(decoder, unrecognised):
    def preset(doc):
        doc = doc.copy()
        doc.set_ents([Span(doc, 0, 2, label="ORG")], default="unmodified")
        return doc

    docs = [preset(unrecognised[0])]
    found = list(decoder.pipe([d.copy() for d in docs]))
    expected = spacy_entities(decoder, docs)
    assert entities(found) == entities(expected)
    assert found[0].ents[0].label_ == "ORG" and found[0].ents[0].end == 2


def test_move_table_lists_each_kind_of_states_valid_moves():
    table = entity_decoder.move_table(["B-ORG", "B-GPE", "I-ORG", "I-GPE", "L-ORG", "L-GPE",
                                       "U-ORG", "U-GPE", "U-", "O"])
    assert table.label_names == ("ORG", "GPE")
    assert table.kinds.tolist() == [BEGIN, BEGIN, IN, IN, LAST, LAST, UNIT, UNIT, UNIT, OUT]
    assert table.labels.tolist() == [0, 1, 0, 1, 0, 1, 0, 1, -1, -1]
    names = lambda row: [n for n, ok in zip("BO BG IO IG LO LG UO UG U- O".split(), row) if ok]
    assert names(table.valid[0]) == ["O"]  # white space: no entity starts
    assert names(table.valid[1]) == ["UO", "UG", "O"]  # a last token may only be a unit
    assert names(table.valid[2]) == ["BO", "BG", "UO", "UG", "O"]
    assert names(table.valid[4 + 2 * 1]) == ["LG"]  # an open GPE that must end here
    assert names(table.valid[5 + 2 * 0]) == ["IO", "LO"]


def test_a_move_of_another_kind_leaves_the_recogniser_to_spacy():
    assert entity_decoder.move_table(["B-ORG", "L-ORG", "M-ORG", "O"]) is None


def test_the_decoder_survives_a_copy(decoder):
    import copy

    twin = copy.copy(decoder)
    assert twin.recogniser is decoder.recogniser and twin.labels == decoder.labels


def test_state_rows_follow_spacys_validity_rules():
    open_label = numpy.array([-1, -1, -1, 0, 1, 1])
    may_go_on = numpy.array([True, False, True, True, False, True])
    is_space = numpy.array([False, False, True, True, True, False])
    assert entity_decoder.state_rows(open_label, may_go_on, is_space).tolist() == [2, 1, 0, 5,
                                                                                   6, 7]


def test_batch_facts_mark_where_an_entity_cannot_run_on(nlp, unrecognised):
    docs = [unrecognised[2], unrecognised[5], unrecognised[3]]  # one word, empty, two lines
    batch = entity_decoder.batch_of(docs)
    assert batch.starts.tolist() == [0, 1, 1] and batch.stops.tolist() == [1, 1, 1 + len(docs[2])]
    assert not batch.may_go_on[0]  # the last token of its article
    second = docs[2]
    for token in second[:-1]:
        assert batch.may_go_on[1 + token.i] == (not second[token.i + 1].is_sent_start)
    assert not batch.may_go_on[-1]
    assert batch.is_space[1:].tolist() == [t.is_space for t in second]


def test_a_recogniser_of_another_shape_is_left_to_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("beam_ner")
    nlp.initialize()
    assert entity_decoder.networks_of(nlp.get_pipe("beam_ner")) is None
    assert entity_decoder.install(nlp, "beam_ner") is False
    assert entity_decoder.install(nlp, "ner") is False  # there is none


def test_real_articles_get_spacys_entities(decoder, nlp, shared_dir):
    path = shared_dir / "corpus" / "polnear_unlabelled.jsonl"
    if not path.is_file():
        pytest.skip("the unlabelled corpus is not in ../shared")
    lines = path.read_text(encoding="utf-8").splitlines()[::60]
    texts = [json.loads(line).get("text") or "" for line in lines]
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(texts))
    found = list(decoder.pipe([d.copy() for d in docs], batch_size=16))
    expected = spacy_entities(decoder, docs)
    assert sum(len(doc.ents) for doc in found) > 100
    assert entities(found) == entities(expected)
