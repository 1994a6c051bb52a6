"""Readers: one file's (or standard input's) bytes into Articles, whatever their kind.

JSON Lines and CSV are read line by line, so a large feed is never held in memory whole;
JSON documents, HTML pages and text files (single articles) are read whole. A broken line
or row becomes one Article whose ``errors`` name its line number; the rest is read on.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..records import Article
from .articles import article_from_record, make_article, parse_seed_layout
from .encoding import SAMPLE_BYTES, Encoding, decode, replaced_note, sniff
from .pages import read_html

HEAD_BYTES = 4096  # read first to tell binary data, the encoding and the input kind
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | {".csv"}
INPUT_FORMATS = ("csv", "jsonl", "text", "html")
TEXT_COLUMNS = {"text", "body"}

Lines = Iterable[tuple[str, int]]  # (a line's text, bytes replaced in it)


def read_stream(stream: BinaryIO, name: str, suffix: str, default_date: str | None,
                input_format: str | None = None) -> Iterator[Article]:
    """Dispatch a binary stream to the reader for its kind: ``input_format`` (one of
    INPUT_FORMATS) if given, else told by the suffix and the first bytes."""
    head = _read_head(stream)
    encoding = sniff(head)
    if encoding.binary:
        yield make_article(name, None, extra_errors=[f"{name}: {encoding.binary}"])
        return
    start = decode(head, encoding)[0].lstrip().lstrip("\ufeff").lstrip()
    if not start:
        yield make_article(name, "", default_date)
        return
    kind = input_kind(suffix, start, input_format)
    notice = f"input {encoding.notice}" if encoding.notice else None
    if kind == "jsonl":
        yield from read_json_lines(text_lines(head, stream, encoding), name, default_date, notice)
    elif kind == "csv":
        yield from read_csv(text_lines(head, stream, encoding), name, default_date, notice)
    else:
        yield from read_whole(head + stream.read(), name, kind, default_date)


def input_kind(suffix: str, start: str, input_format: str | None = None) -> str:
    """'jsonl' or 'csv' (read line by line), or 'json', 'html' or 'text' (read at once)."""
    if input_format in ("csv", "html", "text"):
        return input_format
    array = start.startswith("[")
    if input_format == "jsonl":
        return "json" if array else "jsonl"
    looks_json = start[:1] in ("{", "[")
    if suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_json):
        return "json" if array else "jsonl"
    if suffix == ".csv" or (suffix == "" and looks_like_csv(start)):
        return "csv"
    if suffix in HTML_SUFFIXES or start[:15].lower().startswith(("<!doctype", "<html")):
        return "html"
    return "text"


def looks_like_csv(start: str) -> bool:
    """A first line that is a CSV header naming a text column: 'id,text,date'."""
    first = start.split("\n", 1)[0]
    try:
        fields = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return False
    names = [f.strip().lower() for f in fields]
    return len(names) >= 2 and bool(TEXT_COLUMNS & set(names)) and all(
        len(n) <= 40 for n in names)


def read_whole(data: bytes, name: str, kind: str, default_date: str | None) -> Iterator[Article]:
    """A source read at once: a JSON document, an HTML page or a text file."""
    encoding = sniff(data[:SAMPLE_BYTES])
    if encoding.binary:
        yield make_article(name, None, extra_errors=[f"{name}: {encoding.binary}"])
        return
    raw, replaced = decode(data, encoding)
    raw = raw.removeprefix("\ufeff")
    notes = ([f"input {encoding.notice}"] if encoding.notice else []) + (
        [replaced_note(replaced)] if replaced else [])
    if kind == "json":
        yield from read_jsonl(raw, name, default_date, notes)
    elif kind == "html":
        yield read_html(raw, name, default_date, notes)
    else:
        yield parse_seed_layout(raw, name, default_date, notes)


def read_jsonl(raw: str, name: str, default_date: str | None, notes=()) -> Iterator[Article]:
    """Articles from JSON text held in memory: one document ({...} or [...]) or JSON Lines."""
    stripped = raw.strip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n" not in stripped):
        try:  # a single JSON document: an object or a list of objects
            value = json.loads(stripped)
        except json.JSONDecodeError:
            value = None
        if value is not None:
            records = value if isinstance(value, list) else [value]
            for n, rec in enumerate(records, 1):
                yield article_from_record(rec, f"{name}:{n}", default_date,
                                          notes=notes if n == 1 else ())
            return
    lines = ((line, 0) for line in raw.split("\n"))
    yield from read_json_lines(lines, name, default_date, "; ".join(notes) or None)


def read_json_lines(lines: Lines, name: str, default_date: str | None,
                    notice: str | None = None) -> Iterator[Article]:
    """One article per JSON line, read as the lines come (a line ``{...}`` on its own is
    also a single-document file); a broken line becomes an article naming its number.
    ``notice`` (the encoding read) goes with the first article."""
    for n, (line, replaced) in enumerate(lines, 1):
        if not line.strip():
            continue
        notes = [notice] if notice else []
        notes += [replaced_note(replaced)] if replaced else []
        notice = None
        where = f"line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield make_article(f"{name}:{n}", None, extra_errors=[f"not valid JSON: {err.msg}"],
                               notes=notes, where=where)
            continue
        yield article_from_record(record, f"{name}:{n}", default_date, notes=notes, where=where)


def read_csv(lines: Lines, name: str, default_date: str | None,
             notice: str | None = None) -> Iterator[Article]:
    """Articles from CSV lines (line endings kept), one per row after the header; a
    malformed row is reported with its line number and the next rows are read on."""
    from .rows import csv_articles

    csv.field_size_limit(sys.maxsize)
    yield from csv_articles(lines, name, default_date, notice)


def text_lines(head: bytes, stream: BinaryIO, encoding: Encoding) -> Iterator[tuple[str, int]]:
    """The stream's lines as text, ``head`` (already read from it) first, each with the
    count of bytes that could not be decoded in it (replaced, on that line only)."""
    if encoding.codec.startswith(("utf-16", "utf-32")):  # b"\n" is no line end there
        wrapped = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, stream)),
                                   encoding=encoding.codec, errors="replace", newline="")
        for line in wrapped:
            yield line, line.count("\ufffd")
        return
    for n, line in enumerate(_lines(head, stream)):
        text, replaced = _decode_line(line, encoding)
        yield (text.removeprefix("\ufeff") if n == 0 else text), replaced


def _decode_line(line: bytes, encoding: Encoding) -> tuple[str, int]:
    """A line in the source's encoding; in a legacy-encoded source, a line that is valid
    UTF-8 is read as UTF-8 (the encoding was judged from the first block only, and legacy
    text hardly ever forms valid UTF-8 sequences by chance)."""
    if not encoding.is_utf8:
        try:
            return line.decode("utf-8"), 0
        except UnicodeDecodeError:
            pass
    return decode(line, encoding)


class _Prefixed(io.RawIOBase):
    """A raw byte stream: ``head``, then what is left of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _read_head(stream: BinaryIO) -> bytes:
    """The first HEAD_BYTES of the stream, and more while it is only white space."""
    head = stream.read(HEAD_BYTES)
    while head and not head.strip():
        more = stream.read(HEAD_BYTES)
        if not more:
            break
        head += more
    return head


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The stream's lines (split at b"\\n" only, as file iteration does), ``head`` (already
    read from it) first."""
    yield from io.BytesIO(head + stream.readline())
    yield from stream
