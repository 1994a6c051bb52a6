"""The model's lemmatizer with its answers remembered by a token's form, POS and morphology.

spaCy's rule lemmatizer makes a ``Token`` per word and caches only some answers (base forms
and words without rules are worked out again each time): 0.55 s warm, 2.8 s cold, on the
84 PolNeAR test articles. A lemma depends on nothing but the token's ORTH, POS and MORPH
(the lemmatizer's own cache key), so ``lemmatize_doc`` reads those as one array, asks the
lemmatizer once per distinct triple, and writes the lemmas back in one call: the same
lemmas in 0.08 s warm (#17). Tokens that already have a lemma (from the attribute rules)
keep it, as the lemmatizer leaves them unless told to overwrite.
"""
from __future__ import annotations

from .row_memo import RowMemo

# distinct (orth, pos, morph) triples remembered; most words recur
MEMO_TRIPLES = 50_000


def new_memo() -> RowMemo:
    """Lemma hashes by (ORTH, POS, MORPH): the word and its (POS, MORPH) pair."""
    return RowMemo(MEMO_TRIPLES)


def lemmatize_doc(lemmatizer, memo: RowMemo, doc):
    """Set the lemmas ``lemmatizer`` would set, asking it only about triples not in ``memo``."""
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if not len(doc):
        return doc
    rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = rows[:, 3].copy()
    strings, known = doc.vocab.strings, memo.answers
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if lemma == 0 or lemmatizer.overwrite:
            key = memo.key(orth, (pos, morph))
            found = known.get(key)
            if found is None:
                found = strings.add(lemmatizer.lemmatize(doc[i])[0])
                memo.keep(key, found)
            lemmas[i] = found
    doc.from_array([LEMMA], lemmas)
    return doc


def _memo_call(self, doc):
    if not self._validated:
        from spacy.errors import Errors

        self._validate_tables(Errors.E1004)
    try:
        return lemmatize_doc(self, self.dyads_memo, doc)
    except Exception as err:
        return self.get_error_handler()(self.name, self, [doc], err)


def install(nlp) -> bool:
    """Have the pipeline's rule ``lemmatizer`` remember its answers; False (and the
    lemmatizer left as it is) when there is none or it is not in rule mode."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
        return False
    cls = type(lemmatizer)
    # its own class, with only __call__ replaced (a Python special method is looked up on
    # the class, so an instance attribute would not be used by nlp(text))
    lemmatizer.dyads_memo = new_memo()
    lemmatizer.__class__ = type(f"Memo{cls.__name__}", (cls,), {"__call__": _memo_call})
    index_as_sets(lemmatizer)
    return True


def index_as_sets(lemmatizer) -> int:
    """Hold the lemmatizer's word index (its known lemmas, by part of speech) as sets;
    how many lists were turned.

    The rule lemmatizer asks whether each form a rule makes is a known word, and the
    index holds the words as lists (57,528 nouns): a third of a millisecond per new word,
    2.5 s of a fresh process's CPU on the 84 PolNeAR test articles. It only ever asks
    for membership, so a set gives the same lemmas at once."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return 0
    table, turned = lemmatizer.lookups.get_table("lemma_index"), 0
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
            turned += 1
    return turned
