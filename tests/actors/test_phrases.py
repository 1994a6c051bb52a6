"""Actor phrases are made once per token and Doc, and equal a fresh computation."""
from dyads.actors import phrases

TEXT = ("Russian Ambassador to the US Anatoly Antonov, a veteran diplomat, met the Secretary "
        "of State and envoys of the African Union. Senator Jo Marlow of the Finance "
        "Committee said the Iranian and Iraqi delegations would leave on Monday.")


def test_memoised_phrases_equal_fresh_ones_for_every_token(nlp):
    doc = nlp(TEXT)
    first = [phrases.phrase_of(t) for t in doc]
    assert first == [phrases._phrase_of(t) for t in doc]
    assert all(a is b for a, b in zip(first, [phrases.phrase_of(t) for t in doc]))
    assert any(p.right - p.left > 3 for p in first)  # "Russian Ambassador to the US ..."


def test_each_doc_keeps_its_own_phrases(nlp):
    one, other = nlp(TEXT), nlp("The talks ended. " + TEXT)
    for doc in (one, other, one):
        assert [phrases.phrase_of(t) for t in doc] == [phrases._phrase_of(t) for t in doc]
    assert phrases.phrase_of(one[1]) != phrases.phrase_of(other[1])
