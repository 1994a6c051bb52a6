"""Name lookups kept with a Doc answer as a fresh lookup does."""
from dyads.actors import names

TEXT = ("Hillary Clinton met Foreign Minister Hamada Yasukazu and Jo Marlow in Tokyo. "
        "Clinton said Marlow had spoken with Minister Hamada, and Secretary Clinton left. "
        "Reps. Tom Harkwell and Ann Bell of the Trump campaign wrote to Trump.")


def test_memoised_full_names_equal_fresh_ones_for_every_one_and_two_word_range(resources):
    doc = resources.nlp(TEXT)
    for kb in (None, resources.kb):
        for start in range(len(doc)):
            for end in (start + 1, start + 2):
                fresh = names._article_full_name(doc, start, min(end, len(doc)), kb)
                assert names.article_full_name(doc, start, min(end, len(doc)), kb) == fresh
                assert names.article_full_name(doc, start, min(end, len(doc)), kb) == fresh
    clinton = next(t.i for t in doc if t.text == "Clinton" and t.i > 3)
    assert names.article_full_name(doc, clinton, clinton + 1, resources.kb) == "Hillary Clinton"


def test_memoised_name_runs_equal_fresh_ones_and_are_the_callers_own(nlp):
    doc = nlp(TEXT)
    for left in range(len(doc)):
        for right in range(left, min(len(doc), left + 8) + 1):
            runs = names.propn_runs(doc, left, right)
            assert runs == names._propn_runs(doc, left, right)
            runs.append((-1, -1))  # a caller's change stays its own
            assert names.propn_runs(doc, left, right) == names._propn_runs(doc, left, right)
    assert names.propn_runs(doc, 0, 2) == [(0, 2)]


def test_same_text_finds_the_tokens_written_so(nlp):
    doc = nlp(TEXT)
    for token in doc:
        assert names._same_text(doc, token) == [t.i for t in doc if t.orth == token.orth]
