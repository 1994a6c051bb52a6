"""What a SOURCE argument of ``dyads ingest`` is, and the items it lists on each pass.

- ``http(s)://...``: an RSS or Atom feed; each entry's link is a page to fetch.
- a file whose lines are all http(s) URLs (blank lines and ``#`` comments aside): pages.
- a folder: watched; every readable file in it (recursively) is an item, so files added
  or changed between passes are read on the next one.
- any other file, or ``-``: read as ``dyads code`` reads it (text, JSONL, CSV, HTML).
"""
from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..ingest import READABLE_SUFFIXES
from .extract import FeedEntry
from .fetch import FetchError, Page, PoliteClient, Refused

URL_LIST_SUFFIXES = {".txt", ".urls", ".list", ""}
URL_LIST_MAX_BYTES = 50_000_000  # a list of URLs larger than this is surely something else
FEED_HINT = ("to ingest single pages, list their URLs in a file (one a line) and give "
             "that file as SOURCE")


class SourceError(ValueError):
    """A SOURCE argument that is neither a URL nor an existing file or folder."""


@dataclass(frozen=True)
class Source:
    kind: str       # "feed" | "urls" | "folder" | "file" | "stdin"
    location: str   # as given


@dataclass(frozen=True)
class PageItem:
    url: str
    source: str
    entry: FeedEntry | None = None


@dataclass(frozen=True)
class FileItem:
    path: Path
    doc_id: str
    source: str


@dataclass(frozen=True)
class ItemError:
    where: str
    reason: str
    refused: bool = False  # not fetched on purpose (robots.txt): a skip, not a failure


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def classify(arg: str) -> Source:
    if is_url(arg):
        return Source("feed", arg)
    if arg == "-":
        return Source("stdin", arg)
    path = Path(arg)
    if path.is_dir():
        return Source("folder", arg)
    if path.is_file():
        return Source("urls" if looks_like_url_list(path) else "file", arg)
    if "://" in arg:
        raise SourceError(f"{arg}: only http and https feeds are fetched")
    raise SourceError(f"{arg}: no such file or folder, and not an http(s) feed URL")


def url_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def looks_like_url_list(path: Path) -> bool:
    """A small text file in which every line (comments aside) is one http(s) URL."""
    if path.suffix.lower() not in URL_LIST_SUFFIXES or path.stat().st_size > URL_LIST_MAX_BYTES:
        return False
    try:
        lines = url_lines(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, OSError):
        return False
    return bool(lines) and all(is_url(line) and len(line.split()) == 1 for line in lines)


def list_items(source: Source, client: PoliteClient) -> Iterator[PageItem | FileItem | ItemError]:
    """The items of one source on this pass; a feed that fails is one ItemError."""
    if source.kind == "feed":
        yield from _feed_items(source.location, client)
    elif source.kind == "urls":
        try:
            text = Path(source.location).read_text(encoding="utf-8-sig", errors="replace")
        except OSError as exc:  # removed or unreadable since the run started
            yield ItemError(source.location, f"cannot read the list of URLs: {exc.strerror}")
            return
        for url in dict.fromkeys(url_lines(text)):  # a URL listed twice is fetched once
            yield PageItem(url, source.location)
    elif source.kind == "folder":
        root = Path(source.location)
        if not root.is_dir():
            yield ItemError(source.location, "the folder is gone")
            return
        for path in files_under(root):
            yield FileItem(path, path.relative_to(root).with_suffix("").as_posix(), source.location)
    elif source.kind == "file":
        path = Path(source.location)
        if path.is_file():
            yield FileItem(path, path.stem, source.location)
        else:
            yield ItemError(source.location, "the file is gone")
    else:
        yield FileItem(Path("-"), "stdin", source.location)


def files_under(folder: Path) -> list[Path]:
    """Readable input files in ``folder`` and below, in name order (hidden ones left out)."""
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")
            and p.suffix.lower() in READABLE_SUFFIXES]


def _feed_items(url: str, client: PoliteClient) -> Iterator[PageItem | ItemError]:
    try:
        page = client.get(url)
        entries = parse_feed(page)
    except Refused as exc:
        yield ItemError(url, exc.reason, refused=True)
        return
    except FetchError as exc:
        yield ItemError(url, exc.reason)
        return
    seen = set()
    for n, entry in enumerate(entries, 1):
        if entry is None:
            yield ItemError(f"{url} (entry {n})", "the feed entry has no link to a page")
        elif entry.link not in seen:
            seen.add(entry.link)
            yield PageItem(entry.link, url, entry)


def parse_feed(page: Page) -> list[FeedEntry | None]:
    """The entries of an RSS/Atom feed (None for an entry without a link); a page that is
    not a feed raises FetchError with what to do instead."""
    import feedparser

    headers = {"content-type": page.content_type or "application/xml",
               "content-location": page.final_url}
    parsed = feedparser.parse(page.content, response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        head = page.content[:512].lstrip().lower()
        if page.content_type == "text/html" or head.startswith((b"<!doctype html", b"<html")):
            raise FetchError(page.url, "this is an HTML page, not an RSS or Atom feed; "
                                       + FEED_HINT)
        problem = parsed.get("bozo_exception")
        raise FetchError(page.url, "not an RSS or Atom feed"
                         + (f" (XML error: {problem})" if problem else "")
                         + "; check the feed URL")
    return [_entry(e, page.final_url) for e in parsed.entries]


def _entry(entry, feed_url: str) -> FeedEntry | None:
    link = entry.get("link") or (entry.get("id") if is_url(entry.get("id") or "") else None)
    if not link:
        return None
    link = urljoin(feed_url, link)  # a relative link is relative to the feed
    # dict.get: feedparser's own get maps a missing updated_parsed to published_parsed,
    # with a deprecation warning; the two are told apart here
    published = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    changed = dict.get(entry, "updated_parsed") or published
    return FeedEntry(link=link, entry_id=entry.get("id") or None, title=entry.get("title"),
                     published=_iso(published, "%Y-%m-%d"), stamp=_iso(changed, "%Y-%m-%dT%H:%M:%S"),
                     feed=feed_url)


def _iso(parsed: time.struct_time | None, fmt: str) -> str | None:
    """feedparser's times are UTC struct_times; None when the feed gave none."""
    if parsed is None:
        return None
    return time.strftime(fmt, time.gmtime(calendar.timegm(parsed)))
