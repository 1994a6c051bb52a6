"""Tests for dyads.row_memo: one int per row, bounded, rows past the numbered rests unkept."""
from __future__ import annotations

from dyads.row_memo import RowMemo


def test_rows_with_the_same_word_and_rest_share_a_key_and_others_do_not():
    memo = RowMemo(max_rows=10, rests=4)
    key = memo.key(123, ("NN", "nsubj"))
    assert memo.key(123, ("NN", "nsubj")) == key
    assert len({key, memo.key(123, ("VB", "ROOT")), memo.key(124, ("NN", "nsubj"))}) == 3
    memo.keep(key, "answer")
    assert memo.get(key) == "answer" and memo.get(memo.key(124, ("NN", "nsubj"))) is None


def test_rests_past_the_numbered_ones_are_never_kept():
    memo = RowMemo(max_rows=10, rests=2)
    memo.key(1, ("a",)), memo.key(1, ("b",))
    unkept = memo.key(1, ("c",))
    assert unkept is None
    memo.keep(unkept, "lost")
    assert memo.answers == {} and memo.get(unkept) is None


def test_a_full_memo_starts_afresh_instead_of_growing():
    memo = RowMemo(max_rows=3)
    for word in range(7):
        memo.keep(memo.key(word, ()), word)
    assert 0 < len(memo.answers) <= 3 and memo.get(memo.key(6, ())) == 6
