"""Article records from what the readers found: the text, the date and the boilerplate.

``make_article`` never raises: a problem goes into the Article's ``errors``. A fatal one
(no text, an empty or oversized text) empties the body, so the article is reported and
not coded; a note (a bad date, replaced bytes) leaves the body to be coded.
"""
from __future__ import annotations

import re
from datetime import date

from ..records import Article, Span

MAX_BODY_CHARS = 1_000_000

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
                 url=None, meta: dict | None = None, extra_errors=(), notes=(),
                 where: str = "") -> Article:
    """Build an Article, checking the text and date; problems go into ``errors``.
    ``extra_errors`` are fatal (the article is not coded), ``notes`` are not; ``where``
    ("line 7") starts every message."""
    errors = list(extra_errors)  # fatal: the article cannot be coded
    notes = list(notes)
    iso, date_error = check_date(published)
    body = text.strip() if isinstance(text, str) else ""
    if "\x00" in body:  # a stray NUL (binary data is turned away before this)
        notes.append(f"{body.count(chr(0))} NUL characters removed from the text")
        body = body.replace("\x00", "").strip()
    if not isinstance(text, str):
        errors += [] if errors else ["article has no text field"]
    elif not body:
        errors.append("article text is empty")
    elif len(body) > MAX_BODY_CHARS:
        errors.append(f"article text is {len(body):,} characters; the limit is {MAX_BODY_CHARS:,}"
                      " (split it into articles)")
    clean_meta = tuple(sorted((str(k), v) for k, v in (meta or {}).items()))
    body = body if not errors else ""
    # A bad date is reported but the article is still coded, as one with no date.
    notes = [f"{where}: {n}" for n in errors + notes] if where else errors + notes
    notes += [f"{date_error}; coded as an article with an unknown date"] if date_error else []
    return Article(doc_id=str(doc_id), body=body, published=iso, title=title, url=url,
                   meta=clean_meta, errors=tuple(notes),
                   boilerplate=find_boilerplate(body) if body else ())


def parse_seed_layout(raw: str, doc_id: str, default_date: str | None, notes=()) -> Article:
    """A text file, with or without the ``date YYYY-MM-DD`` header."""
    match = _HEADER.match(raw)
    if match:
        return make_article(doc_id, raw[match.end():], match.group(1), notes=notes)
    return make_article(doc_id, raw, default_date, notes=notes)


_KNOWN_KEYS = {"id", "text", "body", "date", "published", "title", "url"}


def article_from_record(record: object, fallback_id: str, default_date: str | None,
                        notes=(), where: str = "") -> Article:
    """One JSON/CSV record ``{"id", "text", "date"|"published", "title", "url", ...}``."""
    if not isinstance(record, dict):
        return make_article(fallback_id, None, extra_errors=["record is not a JSON object"],
                            where=where)
    doc_id = record.get("id") if record.get("id") not in (None, "") else fallback_id
    published = record.get("date") or record.get("published") or default_date
    text = record.get("text") if "text" in record else record.get("body")
    meta = {k: v for k, v in record.items() if k not in _KNOWN_KEYS}
    return make_article(doc_id, text, published, title=_text_or_none(record.get("title")),
                        url=_text_or_none(record.get("url")), meta=meta, notes=notes, where=where)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) or value is None else str(value)
