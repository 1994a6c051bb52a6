"""Ingest: read every input kind into ``Article`` records.

Readers never raise for one bad article: they yield an Article whose ``errors`` say what
is wrong, so a batch goes on. Offsets downstream point into ``Article.body``.
``articles`` builds the records, ``encoding`` tells text from binary data and names its
encoding, ``readers`` dispatches a source to the reader for its kind (``rows`` for CSV,
``pages`` for HTML).
"""
from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article
from .articles import (MAX_BODY_CHARS, article_from_record, check_date, find_boilerplate,
                       make_article, parse_seed_layout)
from .readers import INPUT_FORMATS, READABLE_SUFFIXES, read_jsonl, read_stream

__all__ = ["MAX_BODY_CHARS", "INPUT_FORMATS", "article_from_record", "check_date",
           "find_boilerplate", "make_article", "parse_seed_layout", "read_inputs",
           "read_jsonl", "read_source", "read_stream"]


def read_source(raw_bytes: bytes, name: str, suffix: str, default_date: str | None,
                input_format: str | None = None) -> Iterator[Article]:
    """Dispatch one file's (or stdin's) bytes to the reader for its kind."""
    yield from read_stream(io.BytesIO(raw_bytes), name, suffix, default_date, input_format)


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in READABLE_SUFFIXES:
            yield path


def input_files(paths: Iterable[str]) -> list[Path] | None:
    """The files ``read_inputs`` would read, or None when one of the paths is stdin."""
    found: list[Path] = []
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        found += list(_files_under(path)) if path.is_dir() else [path]
    return found


def count_articles(paths: Iterable[str]) -> int | None:
    """About how many articles ``read_inputs`` will yield: a JSON Lines file's non-blank
    lines, a CSV file's rows, one for any other file; None when stdin is among the paths
    (it cannot be read twice) or a file cannot be read."""
    files = input_files(paths)
    if files is None:
        return None
    try:
        return sum(_count_file(path) for path in files)
    except Exception:  # only a count for the progress display: never fatal
        return None


def _count_file(path: Path) -> int:
    if not path.is_file():
        return 1  # reported as missing: one record
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".csv"):
        return 1
    with open(path, "rb") as stream:
        if suffix == ".csv":
            import csv

            csv.field_size_limit(sys.maxsize)
            text = io.TextIOWrapper(stream, encoding="latin-1", newline="")
            return max(1, sum(1 for row in csv.reader(text) if row) - 1)
        return max(1, sum(1 for line in stream if line.strip()))


def read_inputs(paths: Iterable[str], date: str | None = None, stdin=None,
                input_format: str | None = None) -> Iterator[Article]:
    """Articles from files, directories (recursive) and ``-`` (standard input), in order.
    ``input_format`` (csv, jsonl, text, html) overrides what suffixes and contents tell."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "stdin", "", date, input_format)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _files_under(path):
                doc_id = file.relative_to(path).with_suffix("").as_posix()
                yield from _read_file(file, doc_id, date, input_format)
        elif path.is_file():
            yield from _read_file(path, path.stem, date, input_format)
        else:
            yield make_article(path.stem or given, None,
                               extra_errors=[f"{given}: no such file or directory"])


def _read_file(path: Path, doc_id: str, date: str | None,
               input_format: str | None) -> Iterator[Article]:
    try:
        with open(path, "rb") as stream:
            yield from read_stream(stream, doc_id, path.suffix.lower(), date, input_format)
    except OSError as err:  # unreadable (permissions, a device, a vanished file)
        yield make_article(doc_id, None, extra_errors=[f"{path}: cannot be read ({err.strerror})"])
