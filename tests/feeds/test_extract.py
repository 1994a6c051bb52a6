"""HTML page -> Article: title, date and body from our own pages, the fallbacks, ids."""
from __future__ import annotations

from local_site import PAGES
from dyads.feeds.extract import FeedEntry, article_body, decode, page_article
from dyads.feeds.fetch import Page

BASE = "http://127.0.0.1:8000"


def _page(html: bytes | str, path: str = "/p.html", kind: str = "text/html",
          charset: str | None = "utf-8") -> Page:
    content = html.encode() if isinstance(html, str) else html
    url = BASE + path
    return Page(url, url, 200, content, kind, charset, None, None)


def _file(name: str) -> Page:
    return _page((PAGES / f"{name}.html").read_bytes(), f"/{name}.html")


def test_title_date_and_body_without_the_page_furniture():
    article = page_article(_file("talks"))
    assert article.title == "Kenya and Ethiopia agree to hold border talks"
    assert article.published == "2024-05-14"
    assert article.body.startswith("NAIROBI, May 14 (Lakeside Courier) - Kenya and Ethiopia")
    assert article.body.count("\n\n") == 2  # three paragraphs, the headline line dropped
    for furniture in ("Harbour Rovers", "Subscribe", "Home"):
        assert furniture not in article.body
    assert not article.errors


def test_the_id_is_the_canonical_url_resolved_against_the_page():
    assert page_article(_file("talks")).doc_id == BASE + "/news/kenya-ethiopia-border-talks"
    protest = page_article(_file("protest"))
    assert protest.doc_id == protest.url == "http://news.example.test/news/kampala-protest"
    assert dict(protest.meta)["fetched_url"] == BASE + "/protest.html"


def test_without_a_canonical_url_the_feed_entry_id_then_the_url_name_the_article():
    entry = FeedEntry(link=BASE + "/sanctions.html", entry_id="urn:courier:7")
    assert page_article(_file("sanctions"), entry).doc_id == "urn:courier:7"
    assert page_article(_file("sanctions")).doc_id == BASE + "/sanctions.html"


def test_dates_from_other_markup_are_found():
    assert page_article(_file("protest")).published == "2024-05-15"     # <meta name=date>
    assert page_article(_file("sanctions")).published == "2024-05-16"   # itemprop
    html = "<html><head><title>Talks</title></head><body><article><p>{}</p></article></body></html>"
    text = "Ghana and Togo opened talks on trade on Monday, officials in Accra said. " * 3
    undated = page_article(_page(html.format(text)), FeedEntry(link="x", published="2024-06-03"))
    assert undated.published == "2024-06-03"  # the feed's date when the page has none
    assert page_article(_page(html.format(text)), default_date="2024-01-02").published == "2024-01-02"


def test_the_feed_title_is_the_fallback_title():
    html = "<html><body><div><p>{}</p></div></body></html>".format(
        "Chile and Peru signed a fishing agreement in Lima on Friday, ending a long dispute. " * 3)
    article = page_article(_page(html), FeedEntry(link="x", title="Fishing deal"))
    assert article.title == "Fishing deal" and article.body.startswith("Chile and Peru")


def test_a_page_without_article_text_is_an_error_not_an_empty_article():
    article = page_article(_page("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
    assert article.body == "" and article.errors == ("no article text found in the page",)


def test_other_content_types():
    pdf = page_article(_page(b"%PDF-1.4", kind="application/pdf"))
    assert pdf.errors == ("not an HTML page (content type application/pdf)",)
    text = page_article(_page("Mali closed its border with Niger on Sunday.", kind="text/plain"),
                        FeedEntry(link="x", published="2024-02-04", title="Border"))
    assert text.body.startswith("Mali closed") and text.published == "2024-02-04"


def test_the_declared_charset_then_a_guess_decode_the_bytes():
    assert decode("Müller".encode("latin-1"), "iso-8859-1") == "Müller"
    assert decode("Zürich talks".encode("utf-8"), None) == "Zürich talks"
    assert "rich" in decode("Zürich talks ".encode("cp1252") * 20, None)


def test_article_body_drops_only_a_repeated_headline():
    assert article_body("Talks open\nFirst line.\n\n Second  line.", "Talks  open") == \
        "First line.\n\nSecond line."
    assert article_body("First line.", "Talks open") == "First line."
    assert article_body(None, None) == ""


def test_a_date_only_in_the_text_is_htmldate_s_guess_after_the_feed_date():
    html = ("<html><body><article><h1>Talks</h1><p>Published on 3 June 2024 by staff.</p>"
            "<p>Ghana and Togo opened talks on trade on Monday, officials in Accra said.</p>"
            "</article></body></html>")
    assert page_article(_page(html)).published == "2024-06-03"
    assert page_article(_page(html), FeedEntry(link="x", published="2024-06-04")).published \
        == "2024-06-04"
