"""HTML pages: the paragraph text, the title and the publication date."""
from __future__ import annotations

import html
from html.parser import HTMLParser

from ..records import Article
from .articles import make_article


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


def read_html(raw: str, name: str, default_date: str | None, notes=()) -> Article:
    page = _HTMLText()
    page.feed(raw)
    paragraphs = [" ".join(p.split()) for p in "".join(page.parts).split("\n\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    return make_article(name, html.unescape(body), page.date or default_date, title=page.title,
                        notes=notes)
