"""Remembered lemmas are the lemmatizer's own, word for word."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyads import lemma_memo
from dyads.row_memo import RowMemo

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
# base forms, irregular forms, words without rules, names, numbers, spaces and symbols
WORDS = ["The ministers were meeting; they had met, and he meets them again.  \n",
         "Better days: 3.5 percent rose, the geese flew, Smith's dogs ran @ 5pm!",
         "She is being sworn in as leaders vowed to keep talks going."]


@pytest.fixture(scope="module")
def unlemmatized(nlp):
    texts = WORDS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


@pytest.fixture(scope="module")
def stock_lookups():
    """The lemmatizer's tables as the model's package loads them (the index as lists)."""
    from dyads.parse import MODEL_PACKAGE

    return __import__(MODEL_PACKAGE).load().get_pipe("lemmatizer").lookups


def stock_lemmatizer(nlp, lookups=None):
    """The model's lemmatizer as spaCy runs it (its own __call__; the package's tables
    when given, else the loaded model's)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    stock = EnglishLemmatizer(nlp.vocab, model=None, name="lemmatizer", mode="rule")
    stock.initialize(lookups=lookups or nlp.get_pipe("lemmatizer").lookups)
    return stock


def test_remembered_lemmas_are_the_lemmatizers(nlp, unlemmatized, stock_lookups):
    stock, memo = stock_lemmatizer(nlp, stock_lookups), lemma_memo.new_memo()
    for doc in unlemmatized:
        expected = [t.lemma_ for t in stock(doc.copy())]
        assert [t.lemma_ for t in lemma_memo.lemmatize_doc(stock, memo, doc.copy())] == expected
        # the loaded model's own lemmatizer: its memo and its index held as sets
        assert [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc.copy())] == expected
    # asked again, the memo answers: the same lemmas
    again = lemma_memo.lemmatize_doc(stock, memo, unlemmatized[0].copy())
    assert [t.lemma_ for t in again] == [t.lemma_ for t in stock(unlemmatized[0].copy())]
    assert len(memo.answers) > 50


def test_lemmas_set_by_the_attribute_rules_stay(nlp):
    doc = nlp("They aren't sure whether he is in.")
    assert [t.lemma_ for t in doc if t.lower_ in ("are", "is", "n't")] == ["be", "not", "be"]


def test_the_loaded_model_remembers_and_still_runs_one_text_at_a_time(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer).__name__ == "MemoEnglishLemmatizer"
    assert [t.lemma_ for t in nlp("Talks were held.")] == ["talk", "be", "hold", "."]
    assert [d[1].lemma_ for d in nlp.pipe(["Two geese flew.", "The mice ran."])] == ["goose", "mouse"]


def test_install_leaves_other_pipelines_alone():
    import spacy

    blank = spacy.blank("en")
    assert lemma_memo.install(blank) is False
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert lemma_memo.install(lookup) is False
    assert type(lookup.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"


def test_pairs_past_the_numbered_ones_are_worked_out_each_time(nlp, unlemmatized, monkeypatch):
    stock, memo = stock_lemmatizer(nlp), RowMemo(lemma_memo.MEMO_TRIPLES, rests=3)
    doc = unlemmatized[1]
    expected = [t.lemma_ for t in stock(doc.copy())]
    assert [t.lemma_ for t in lemma_memo.lemmatize_doc(stock, memo, doc.copy())] == expected
    assert 0 < len(memo.answers) < len(doc)


def test_the_word_index_is_held_as_sets_of_the_same_words(nlp, stock_lookups):
    lists = stock_lookups.get_table("lemma_index")
    sets = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert sorted(lists.keys()) == sorted(sets.keys()) and len(lists) >= 4
    for key, words in lists.items():
        assert isinstance(words, list) and isinstance(sets[key], frozenset)
        assert sets[key] == frozenset(words)
    assert lemma_memo.index_as_sets(nlp.get_pipe("lemmatizer")) == 0  # turned once only
