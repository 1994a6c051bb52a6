"""The model's attribute rules matched through an index, with the same matches.

spaCy's ``attribute_ruler`` (tag -> POS and morphology, and its word exceptions) runs a
``Matcher`` that tries each of its ~180 patterns at every token: 3.5 s of CPU for the 76k
tokens of the 84 PolNeAR test articles, a sixth of the whole parse (#17). Its patterns are
all fixed-length runs of single-token tests (a value, IN / NOT_IN a list, a regex, a
flag), so each can be filed under a value its first token must have (its LOWER or TAG),
and a token need only be tried against the patterns filed under its own values. ``RuleIndex.match`` returns
exactly the ``AttributeRuler.match`` list (key, match id, start, end), sorted as it sorts
it; the ruler then sets the attributes as before. A ruler with patterns of any other kind
(operators, other predicates, other attributes) keeps its own matcher.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .row_memo import DEFAULT_RESTS, RowMemo

# token attributes the index can test, and those it may file a pattern under (most
# selective first)
TESTED = ("LOWER", "TAG", "DEP", "IS_SPACE")
FILED_UNDER = ("LOWER", "TAG")


@dataclass(frozen=True)
class TokenTest:
    """One token's conditions: (attribute column, kind, values); kind '=', 'IN' or 'NOT_IN'
    with a set of value ids, or 'REGEX' with a compiled expression searched in the value."""

    conditions: tuple[tuple[int, str, object], ...]

    def holds(self, row, strings) -> bool:
        for column, kind, values in self.conditions:
            if kind == "REGEX":
                if not values.search(strings[row[column]]):
                    return False
            elif (row[column] in values) != (kind != "NOT_IN"):
                return False
        return True


@dataclass(frozen=True)
class IndexedPattern:
    key: int  # the ruler's rule number (its match key is that number as a string)
    match_id: int
    tests: tuple[TokenTest, ...]


class RuleIndex:
    """A ruler's patterns filed by a value their first token must have."""

    # distinct token rows remembered (their first-token hits); most words recur
    MEMO_ROWS = 50_000
    RESTS = DEFAULT_RESTS  # distinct (TAG, DEP, IS_SPACE) rests a row may have to be kept

    def __init__(self, patterns: list[IndexedPattern], filed: dict, unfiled: list):
        self.patterns = patterns
        self._filed = filed  # (column, value id) -> patterns
        self._unfiled = unfiled
        # by a row's LOWER and the rest of it (TAG, DEP, IS_SPACE)
        self._first_hits = RowMemo(self.MEMO_ROWS, self.RESTS)
        self._hit_sets: dict[tuple, tuple] = {}  # one object per distinct answer

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        strings = doc.vocab.strings
        found = set()
        for start, row in enumerate(rows):
            singles, longer = self._hits_on(row, strings)
            found.update((key, match_id, start, start + 1) for key, match_id in singles)
            for pattern in longer:
                end = start + len(pattern.tests)
                if end <= len(rows) and all(pattern.tests[k].holds(rows[start + k], strings)
                                            for k in range(1, len(pattern.tests))):
                    found.add((pattern.key, pattern.match_id, start, end))
        return sorted(found)

    def _hits_on(self, row: list, strings) -> tuple[tuple, tuple]:
        """Of the patterns whose first token test this token row passes: the (key, match
        id) of the one-token ones, and the longer ones."""
        memo_key = self._first_hits.key(row[0], (row[1], row[2], row[3]))
        hits = self._first_hits.get(memo_key)
        if hits is None:
            hits = self._first_hits_uncached(row, strings)
            self._first_hits.keep(memo_key, hits)
        return hits

    def _first_hits_uncached(self, row: list, strings) -> tuple[tuple, tuple]:
        tried = self._unfiled + self._filed.get((0, row[0]), []) + self._filed.get(
            (1, row[1]), [])
        passed = [p for p in tried if p.tests[0].holds(row, strings)]
        hits = (tuple((p.key, p.match_id) for p in passed if len(p.tests) == 1),
                tuple(p for p in passed if len(p.tests) > 1))
        return self._hit_sets.setdefault(hits, hits)


def index_rules(ruler) -> RuleIndex | None:
    """The index of an ``AttributeRuler``'s patterns, or None when one is of a kind it
    cannot test."""
    strings = ruler.vocab.strings
    patterns, filed, unfiled = [], {}, []
    for number, rule in enumerate(ruler.patterns):  # the ruler keys rule i as str(i)
        for token_patterns in rule["patterns"]:
            tests = [_token_test(spec, strings) for spec in token_patterns]
            if not tests or None in tests:
                return None
            pattern = IndexedPattern(number, strings[str(number)], tuple(tests))
            patterns.append(pattern)
            slots = _filing(pattern.tests[0])
            for slot in slots:
                filed.setdefault(slot, []).append(pattern)
            if not slots:
                unfiled.append(pattern)
    return RuleIndex(patterns, filed, unfiled)


def _token_test(spec: dict, strings) -> TokenTest | None:
    """A token spec as the Matcher reads it (values hashed, flags as 0/1), or None."""
    conditions = []
    for attr, value in spec.items():
        attr = attr.upper() if isinstance(attr, str) else attr
        if attr not in TESTED:
            return None
        column = TESTED.index(attr)
        if isinstance(value, dict):
            if not value or not all(_known_predicate(k, v) for k, v in value.items()):
                return None
            conditions += [(column, kind, re.compile(v) if kind == "REGEX"
                            else frozenset(strings.add(x) for x in v))
                           for kind, v in value.items()]
        elif isinstance(value, (bool, int, str)):
            as_id = strings.add(value) if isinstance(value, str) else int(value)
            conditions.append((column, "=", frozenset((as_id,))))
        else:
            return None
    return TokenTest(tuple(conditions))


def _known_predicate(kind: str, value) -> bool:
    if kind == "REGEX":
        return isinstance(value, str)
    return kind in ("IN", "NOT_IN") and isinstance(value, list) and all(
        isinstance(x, str) for x in value)


def _filing(test: TokenTest) -> list[tuple[int, int]]:
    """(column, value) slots a first token must fill one of, on the most selective column
    that has them; [] when no LOWER or TAG condition pins it."""
    for attr in FILED_UNDER:
        column = TESTED.index(attr)
        for at, kind, values in test.conditions:
            if at == column and kind in ("=", "IN"):
                return [(column, value) for value in sorted(values)]
    return []


def install(nlp) -> bool:
    """Match the pipeline's ``attribute_ruler`` through an index; False (and the ruler
    left as it is) when there is none or its patterns cannot be indexed."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    index = index_rules(ruler)
    if index is None:
        return False
    ruler.match = index.match  # AttributeRuler.__call__ asks self.match for the matches
    return True
