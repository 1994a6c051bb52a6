"""Answers remembered per distinct token row, each row kept as one int.

The attribute-rule index and the lemma memo ask the same question of every repeat of a
word in the same setting (its tags, its morphology); most rows recur, so each answer is
worked out once. A row is keyed by its word's hash times ``rests`` plus the number given
to the rest of the row: one int where a tuple would cost a worker megabytes (#17).
"""
from __future__ import annotations

DEFAULT_RESTS = 1 << 12


class RowMemo:
    """Up to ``max_rows`` answers, by ``key(word, rest)``; rows whose rest is not among
    the first ``rests`` distinct ones are not remembered (their key is None)."""

    def __init__(self, max_rows: int, rests: int = DEFAULT_RESTS):
        self.answers: dict[int, object] = {}
        self.max_rows, self.rests = max_rows, rests
        self._rest_numbers: dict[tuple, int] = {}

    def key(self, word: int, rest: tuple) -> int | None:
        number = self._rest_numbers.get(rest)
        if number is None and len(self._rest_numbers) < self.rests:
            number = self._rest_numbers[rest] = len(self._rest_numbers)
        return None if number is None else word * self.rests + number

    def get(self, key: int | None):
        return self.answers.get(key)

    def keep(self, key: int | None, answer) -> None:
        if key is not None:
            if len(self.answers) >= self.max_rows:
                self.answers.clear()  # a fresh start: cheaper than tracking the oldest
            self.answers[key] = answer
