"""The indexed attribute rules give the model's own ruler matches, token for token."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyads import rule_index

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
# words the ruler has exceptions for: contractions its regexes catch ("nothin'", "ain't",
# "y'all"), two-word runs ("gonna", "let's", "there is"), 'that' and 'whether' as
# subordinators, spaces and line breaks
EXCEPTIONAL = [
    "We don't know, and nothin' was said. Y'all ain't gonna go; let's see. There is more.",
    "She said that it is whether they're ready, because I'm not.  \n\n  Gonna see.",
    "Y'all ain't heard nuthin' yet; he'd've gone if 't were so, 'cause he's there.",
]


@pytest.fixture(scope="module")
def bare_docs(nlp):
    """Docs parsed up to the ruler (tags and dependencies set, the ruler not yet run)."""
    texts = EXCEPTIONAL + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def stock_ruler(nlp):
    """A ruler with the model's patterns and spaCy's own Matcher."""
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(nlp.get_pipe("attribute_ruler").patterns)
    return ruler


def test_index_finds_the_matchers_matches(nlp, bare_docs):
    ruler = stock_ruler(nlp)
    index = rule_index.index_rules(ruler)
    assert index is not None and len(index.patterns) >= len(ruler.patterns)
    for doc in bare_docs:
        assert index.match(doc) == ruler.match(doc)


def test_loaded_model_uses_the_index_with_the_same_attributes(nlp, bare_docs):
    from spacy.attrs import LEMMA, MORPH, POS, TAG

    ruler, loaded = stock_ruler(nlp), nlp.get_pipe("attribute_ruler")
    assert loaded.match != ruler.match and loaded.match.__self__.__class__ is rule_index.RuleIndex
    for doc in bare_docs:
        stock, indexed = ruler(doc.copy()), loaded(doc.copy())
        columns = [POS, TAG, MORPH, LEMMA]
        assert (stock.to_array(columns) == indexed.to_array(columns)).all()


def test_two_token_and_regex_rules_apply(nlp, bare_docs):
    index, doc = rule_index.index_rules(stock_ruler(nlp)), bare_docs[0]
    spans = {doc[s:e].text for _, _, s, e in index.match(doc) if e - s > 1}
    assert {"ain't", "gonna", "let's", "There is"} <= spans
    words = {doc[s].text for _, _, s, _ in index.match(doc)}
    assert "nothin'" in words


def test_a_ruler_with_other_patterns_keeps_its_matcher(nlp):
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert rule_index.index_rules(ruler) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LEMMA": "go"}]], {"POS": "VERB"})
    assert rule_index.index_rules(ruler) is None


def test_install_without_a_ruler_changes_nothing():
    import spacy

    blank = spacy.blank("en")
    assert rule_index.install(blank) is False and blank.pipe_names == []


def test_rows_past_the_numbered_rests_are_matched_unremembered(nlp, bare_docs, monkeypatch):
    monkeypatch.setattr(rule_index.RuleIndex, "RESTS", 4)
    ruler = stock_ruler(nlp)
    index = rule_index.index_rules(ruler)
    for doc in bare_docs[:3]:
        assert index.match(doc) == ruler.match(doc)
    assert len(index._first_hits._rest_numbers) == 4
    assert len(index._first_hits.answers) < sum(len(d) for d in bare_docs[:3])
