"""Tests for dyads.packed_lines: lines read back as written, keyed lines found by bisection."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dyads.packed_lines import PackedLines, SortedKeyedLines

LINE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=12)
KEY = st.text(st.characters(min_codepoint=32, blacklist_categories=("Cs",),
                            blacklist_characters="\t\n"), max_size=8)


@given(st.lists(LINE, min_size=1, max_size=30))
def test_lines_read_back_as_written(lines):
    packed = PackedLines("\n".join(lines))
    assert len(packed) == len(lines)
    assert [packed[i] for i in range(len(packed))] == lines


def test_reading_past_the_end_is_an_index_error():
    with pytest.raises(IndexError):
        PackedLines("a\nb")[2]


@given(st.dictionaries(KEY, LINE, max_size=40), st.lists(KEY, max_size=10))
def test_get_finds_each_key_and_nothing_else(table, probes):
    text = "\n".join(f"{key}\t{value}" for key, value in sorted(table.items()))
    keyed = SortedKeyedLines(text)
    if table:
        assert keyed.is_sorted()
    for key in list(table) + probes:
        assert keyed.get(key) == table.get(key)


def test_a_key_that_prefixes_another_is_told_apart():
    keyed = SortedKeyedLines("new\t1\nnew york\t2\nnewark\t3")
    assert (keyed.get("new"), keyed.get("new york"), keyed.get("newark")) == ("1", "2", "3")
    assert keyed.get("ne") is None and keyed.get("new yor") is None


def test_unsorted_lines_are_reported():
    assert not SortedKeyedLines("b\t1\na\t2").is_sorted()
