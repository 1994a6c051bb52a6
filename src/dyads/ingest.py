"""Ingest: read every input kind into ``Article`` records.

Readers never raise for one bad article: they yield an Article whose ``errors`` say what
is wrong, so a batch goes on. Offsets downstream point into ``Article.body``.
"""
from __future__ import annotations

import codecs
import csv
import html
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from .records import Article, Span

MAX_BODY_CHARS = 1_000_000
HEAD_BYTES = 4096  # read first to tell binary data and the input kind
UTF8_BOM = b"\xef\xbb\xbf"
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | {".csv"}

_HEADER = re.compile(r"\A\s*date\s+(\S+)\s+", re.IGNORECASE)
_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+")
_TWEET_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<author>[^\n()—–]{2,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})")
_CREDIT = re.compile(r"^\s*(Image|Photo|Picture|Video|File photo|Photograph)s?\s*(credit)?\s*:.*$",
                     re.IGNORECASE | re.MULTILINE)


def check_date(value: object) -> tuple[str | None, str | None]:
    """Validate an article date; return (iso date, None) or (None, error message)."""
    if value in (None, ""):
        return None, None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if not match:
        return None, f"date {text!r} is not an ISO date (YYYY-MM-DD)"
    try:
        return date.fromisoformat(match.group(0)).isoformat(), None
    except ValueError:
        return None, f"date {text!r} does not exist in the calendar"


def find_boilerplate(body: str) -> tuple[Span, ...]:
    """Regions that are not news prose: tweet signatures, bare URLs, image credits."""
    spans = [Span(m.start(), m.end(), "url", m.group(0)) for m in _URL.finditer(body)]
    for m in _TWEET_SIGNATURE.finditer(body):
        meta = (("author", m.group("author").strip()), ("handle", m.group("handle")),
                ("date", m.group("date")))
        spans.append(Span(m.start(), m.end(), "tweet_signature", m.group(0), meta))
    spans += [Span(m.start(), m.end(), "credit", m.group(0)) for m in _CREDIT.finditer(body)]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def make_article(doc_id: str, text: object, published: object = None, *, title=None,
                 url=None, meta: dict | None = None, extra_errors=()) -> Article:
    """Build an Article, checking the text and date; problems go into ``errors``."""
    errors = list(extra_errors)  # fatal: the article cannot be coded
    iso, date_error = check_date(published)
    body = text.strip() if isinstance(text, str) else ""
    if not isinstance(text, str):
        errors.append("article has no text field")
    elif not body:
        errors.append("article text is empty")
    elif "\x00" in body:
        errors.append("article text contains NUL bytes (binary file?)")
    elif len(body) > MAX_BODY_CHARS:
        errors.append(f"article text is {len(body):,} characters; the limit is {MAX_BODY_CHARS:,}"
                      " (split it into articles)")
    clean_meta = tuple(sorted((meta or {}).items()))
    body = body if not errors else ""
    # A bad date is reported but the article is still coded, as one with no date.
    notes = errors + ([f"{date_error}; coded as an article with an unknown date"]
                      if date_error else [])
    return Article(doc_id=str(doc_id), body=body, published=iso, title=title, url=url,
                   meta=clean_meta, errors=tuple(notes),
                   boilerplate=find_boilerplate(body) if body else ())


def parse_seed_layout(raw: str, doc_id: str, default_date: str | None) -> Article:
    """A text file, with or without the ``date YYYY-MM-DD`` header."""
    match = _HEADER.match(raw)
    if match:
        return make_article(doc_id, raw[match.end():], match.group(1))
    return make_article(doc_id, raw, default_date)


_KNOWN_KEYS = {"id", "text", "body", "date", "published", "title", "url"}


def article_from_record(record: object, fallback_id: str, default_date: str | None) -> Article:
    """One JSON/CSV record ``{"id", "text", "date"|"published", "title", "url", ...}``."""
    if not isinstance(record, dict):
        return make_article(fallback_id, None, extra_errors=["record is not a JSON object"])
    doc_id = record.get("id") if record.get("id") not in (None, "") else fallback_id
    published = record.get("date") or record.get("published") or default_date
    text = record.get("text") if "text" in record else record.get("body")
    meta = {k: v for k, v in record.items() if k not in _KNOWN_KEYS}
    return make_article(doc_id, text, published, title=record.get("title"),
                        url=record.get("url"), meta=meta)


def read_jsonl(raw: str, name: str, default_date: str | None) -> Iterator[Article]:
    """Articles from JSON text held in memory: one document ({...} or [...]) or JSON Lines."""
    stripped = raw.strip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n" not in stripped):
        try:  # a single JSON document: an object or a list of objects
            value = json.loads(stripped)
            records = value if isinstance(value, list) else [value]
            for n, rec in enumerate(records, 1):
                yield article_from_record(rec, f"{name}:{n}", default_date)
            return
        except json.JSONDecodeError:
            pass
    yield from read_json_lines((line.encode("utf-8") for line in raw.split("\n")),
                               name, default_date)


def read_json_lines(lines: Iterable[bytes], name: str, default_date: str | None) -> Iterator[Article]:
    """One article per JSON line, read as the lines come (a line ``{...}`` on its own is
    also a single-document file); a broken line becomes an article naming its number."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield make_article(f"{name}:{n}", None,
                               extra_errors=[f"line {n} is not UTF-8 text"])
            continue
        except json.JSONDecodeError as err:
            yield make_article(f"{name}:{n}", None,
                               extra_errors=[f"line {n} is not valid JSON: {err.msg}"])
            continue
        yield article_from_record(record, f"{name}:{n}", default_date)


def read_csv(raw: str | Iterable[str], name: str, default_date: str | None) -> Iterator[Article]:
    """Articles from CSV text, or from an iterable of its lines (line endings kept)."""
    csv.field_size_limit(sys.maxsize)
    rows = csv.DictReader(io.StringIO(raw) if isinstance(raw, str) else raw)
    for n, row in enumerate(rows, 2):
        yield article_from_record(dict(row), f"{name}:{n}", default_date)


class _HTMLText(HTMLParser):
    """Collects paragraph text, the title and date metadata from an HTML page."""

    SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside"}
    DATE_KEYS = {"article:published_time", "date", "pubdate", "dc.date", "datepublished"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self.date: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in self.DATE_KEYS and attrs.get("content") and not self.date:
                self.date = attrs["content"][:10]
        elif tag == "time" and attrs.get("datetime") and not self.date:
            self.date = attrs["datetime"][:10]
        elif tag in {"p", "br", "div", "h1", "h2", "h3", "li"}:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skip:
            self.parts.append(data)


def read_html(raw: str, name: str, default_date: str | None) -> Article:
    page = _HTMLText()
    page.feed(raw)
    paragraphs = [" ".join(p.split()) for p in "".join(page.parts).split("\n\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    return make_article(name, html.unescape(body), page.date or default_date, title=page.title)


def decode_bytes(data: bytes, partial: bool = False) -> str | None:
    """UTF-8 text (with or without BOM); None for binary data. ``partial``: ``data`` is
    the start of a stream, so a character cut at its end is no error."""
    if b"\x00" in data[:HEAD_BYTES]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        cut_at_end = partial and err.reason == "unexpected end of data"
        return data[:err.start].decode("utf-8-sig") if cut_at_end else None


def read_source(raw_bytes: bytes, name: str, suffix: str, default_date: str | None) -> Iterator[Article]:
    """Dispatch one file's (or stdin's) bytes to the reader for its kind."""
    yield from read_stream(io.BytesIO(raw_bytes), name, suffix, default_date)


def read_stream(stream: BinaryIO, name: str, suffix: str, default_date: str | None) -> Iterator[Article]:
    """Dispatch a binary stream to the reader for its kind. JSON Lines and CSV are read
    line by line, so a large feed is never held in memory whole; JSON arrays, HTML and
    text files (single articles) are read whole."""
    head = _read_head(stream)
    if decode_bytes(head, partial=True) is None:
        yield make_article(name, None, extra_errors=[f"{name}: not UTF-8 text (binary file?)"])
        return
    start = head.lstrip().removeprefix(UTF8_BOM).lstrip()
    if not start:
        yield make_article(name, "", default_date)
        return
    first = start[:1]
    looks_json = first in (b"{", b"[")
    if (suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_json)) and first != b"[":
        yield from read_json_lines(_lines(head, stream), name, default_date)
    elif suffix == ".csv":
        lines = codecs.iterdecode(_lines(head, stream), "utf-8-sig", errors="replace")
        yield from read_csv(lines, name, default_date)
    else:
        yield from _read_whole(head + stream.read(), name, suffix, default_date)


def _read_whole(raw_bytes: bytes, name: str, suffix: str, default_date: str | None) -> Iterator[Article]:
    """A source read at once: a JSON document, an HTML page or a text file."""
    raw = decode_bytes(raw_bytes)
    if raw is None:
        yield make_article(name, None, extra_errors=[f"{name}: not UTF-8 text (binary file?)"])
        return
    looks_json = raw.lstrip().startswith(("{", "["))
    if suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_json):
        yield from read_jsonl(raw, name, default_date)
    elif suffix in HTML_SUFFIXES or raw.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        yield read_html(raw, name, default_date)
    else:
        yield parse_seed_layout(raw, name, default_date)


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


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in READABLE_SUFFIXES:
            yield path


def read_inputs(paths: Iterable[str], date: str | None = None, stdin=None) -> Iterator[Article]:
    """Articles from files, directories (recursive) and ``-`` (standard input), in order."""
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "stdin", "", date)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _files_under(path):
                doc_id = file.relative_to(path).with_suffix("").as_posix()
                yield from _read_file(file, doc_id, date)
        elif path.is_file():
            yield from _read_file(path, path.stem, date)
        else:
            yield make_article(path.stem or given, None,
                               extra_errors=[f"{given}: no such file or directory"])


def _read_file(path: Path, doc_id: str, date: str | None) -> Iterator[Article]:
    with open(path, "rb") as stream:
        yield from read_stream(stream, doc_id, path.suffix.lower(), date)
