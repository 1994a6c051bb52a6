"""CSV rows into Articles: a header row, then one article per row.

A row with more fields than the header names (an unquoted comma, most often) is not
coded: which field is the text cannot be told. It is reported with the line it starts on,
and so is a row the CSV reader cannot split, a row with fewer fields than the header (its
missing fields are empty) and one with no text; the next rows are read on.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from ..records import Article
from .articles import article_from_record, make_article
from .encoding import replaced_note

TEXT_COLUMNS = {"text", "body"}


class _Counted:
    """Feeds the csv reader text lines; keeps the bytes replaced on each line (1-based)."""

    def __init__(self, lines: Iterable[tuple[str, int]]):
        self._lines = iter(lines)
        self.replaced: dict[int, int] = {}
        self.line = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        text, replaced = next(self._lines)
        self.line += 1
        if replaced:
            self.replaced[self.line] = replaced
        return text

    def replaced_between(self, first: int, last: int) -> int:
        return sum(n for line, n in self.replaced.items() if first <= line <= last)


def csv_articles(lines: Iterable[tuple[str, int]], name: str, default_date: str | None,
                 notice: str | None = None) -> Iterator[Article]:
    source = _Counted(lines)
    reader = csv.reader(source)
    try:
        header = next(reader, None)
    except csv.Error as err:
        yield make_article(name, None, extra_errors=[f"{name}: the CSV header cannot be read: {err}"])
        return
    if not header:
        yield make_article(name, "", default_date)
        return
    if not TEXT_COLUMNS & set(header):
        yield make_article(name, None, extra_errors=[
            f"{name}: the CSV header has no 'text' or 'body' column (it has {', '.join(header)})"])
        return
    yield from _rows(reader, source, header, name, default_date, notice)


def _rows(reader, source: _Counted, header: list[str], name: str, default_date: str | None,
          notice: str | None) -> Iterator[Article]:
    n = 1  # rows so far, the header included: a row's fallback id is name:n
    while True:
        first = source.line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            n += 1
            yield make_article(f"{name}:{n}", None, extra_errors=[f"CSV error: {err}"],
                               where=f"line {first}")
            continue
        if not row:
            continue  # a blank line
        n += 1
        notes = [notice] if notice else []
        notice = None
        replaced = source.replaced_between(first, source.line)
        notes += [replaced_note(replaced)] if replaced else []
        yield _row_article(row, header, f"{name}:{n}", default_date, notes, f"line {first}")


def _row_article(row: list[str], header: list[str], fallback_id: str, default_date: str | None,
                 notes: list[str], where: str) -> Article:
    if len(row) > len(header):
        return make_article(fallback_id, None, notes=notes, where=where, extra_errors=[
            f"the row has {len(row)} fields but the header names {len(header)} (an unquoted "
            "comma or quote?); the row is not coded"])
    if len(row) < len(header):
        notes = notes + [f"the row has {len(row)} fields but the header names "
                         f"{len(header)}; the missing ones are taken as empty"]
    record = dict(zip(header, row + [None] * (len(header) - len(row))))
    return article_from_record(record, fallback_id, default_date, notes=notes, where=where)
