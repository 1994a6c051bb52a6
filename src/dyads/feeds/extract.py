"""A fetched page -> an Article: text, title and date with trafilatura, the feed entry's
title, date and link as fallbacks.

The article id is the page's canonical URL (``<link rel="canonical">`` or og:url), so the
same story reached through two feeds or with tracking parameters is one article; without
one, the feed entry's id, else the URL fetched. The date is the page's own metadata date
(trafilatura, through htmldate, restricted to markup), else the feed entry's date, else
htmldate's wider search of the page text (a guess, hence last), else ``default_date``.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..ingest import make_article
from ..records import Article
from .fetch import Page

HTML_TYPES = ("text/html", "application/xhtml+xml", "")
# Less text than this is a menu or a caption that trafilatura fell back to, not an
# article: the shortest news brief is a sentence with its dateline.
MIN_BODY_CHARS = 40
TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class FeedEntry:
    """What a feed says about one item: the fallback metadata for its page."""

    link: str
    entry_id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    stamp: str | None = None      # the entry's updated (else published) time, ISO, to notice edits
    feed: str | None = None       # the feed's URL


def page_article(page: Page, entry: FeedEntry | None = None,
                 default_date: str | None = None) -> Article:
    """The Article of one page; problems (no text, not HTML) land in its ``errors``."""
    entry = entry or FeedEntry(link=page.url)
    meta = {k: v for k, v in (("feed", entry.feed), ("feed_entry_id", entry.entry_id),
                              ("fetched_url", page.final_url)) if v}
    if page.content_type in TEXT_TYPES:
        text = decode(page.content, page.charset)
        return make_article(entry.entry_id or page.final_url, text, entry.published or default_date,
                            title=entry.title, url=page.final_url, meta=meta)
    if page.content_type not in HTML_TYPES:
        return _failed(page, entry, meta, f"not an HTML page (content type {page.content_type})")
    return _html_article(page, entry, meta, default_date)


def _html_article(page: Page, entry: FeedEntry, meta: dict, default_date: str | None) -> Article:
    import trafilatura

    tree = trafilatura.load_html(page.content)
    if tree is None:
        return _failed(page, entry, meta, "the page could not be read as HTML")
    canonical = canonical_url(tree, page.final_url)
    found = trafilatura.bare_extraction(
        tree, url=page.final_url, with_metadata=True, include_comments=False,
        include_tables=False, date_extraction_params={"extensive_search": False,
                                                      "original_date": True})
    title = (found.title if found else None) or entry.title
    body = article_body(found.text if found else "", title)
    doc_id = canonical or entry.entry_id or page.final_url
    if len(body) < MIN_BODY_CHARS:
        return _failed(page, entry, meta, "no article text found in the page", doc_id)
    if found and found.sitename:
        meta["sitename"] = found.sitename
    published = (found.date if found else None) or entry.published or _guess_date(page) \
        or default_date
    return make_article(doc_id, body, published, title=title, url=canonical or page.final_url,
                        meta=meta)


def article_body(text: str | None, title: str | None) -> str:
    """trafilatura's text as paragraphs; a first line that repeats the headline is dropped
    (the title is stored apart, as the other readers do)."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == " ".join(title.split()).casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def canonical_url(tree, base: str) -> str | None:
    """The page's own name for itself: rel=canonical, else og:url (http/https only)."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            url = urljoin(base, str(value).strip()).split("#", 1)[0]
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname:
                return url
    return None


def _guess_date(page: Page) -> str | None:
    from htmldate import find_date

    try:
        return find_date(page.content, extensive_search=True, original_date=True)
    except Exception:  # htmldate's guess is optional: a failure means "no date"
        return None


def decode(content: bytes, charset: str | None) -> str:
    """Text from bytes: the declared charset, else UTF-8, else charset-normalizer's guess."""
    for encoding in filter(None, (charset, "utf-8")):
        try:
            return content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    return str(best) if best is not None else content.decode("utf-8", errors="replace")


def _failed(page: Page, entry: FeedEntry, meta: dict, reason: str,
            doc_id: str | None = None) -> Article:
    """An article with nothing to code, and only ``reason`` as its error."""
    return Article(doc_id=doc_id or entry.entry_id or page.final_url, body="",
                   published=entry.published, title=entry.title, url=page.final_url,
                   meta=tuple(sorted(meta.items())), errors=(reason,))
