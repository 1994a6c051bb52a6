"""What a SOURCE is, and feeds parsed into entries (RSS, Atom, broken, HTML)."""
from __future__ import annotations

import pytest

from local_site import atom, rss
from dyads.feeds.fetch import FetchError, Page
from dyads.feeds.sources import SourceError, classify, files_under, parse_feed


def _page(route, url="http://127.0.0.1:9/feed.xml") -> Page:
    kind = route.content_type.split(";")[0]
    return Page(url, url, 200, route.body, kind, None, None, None)


def test_kinds_of_source(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("# pages\nhttp://a.test/1.html\n\nhttps://b.test/2.html\n")
    article = tmp_path / "note.txt"
    article.write_text("date 2024-05-01\n\nKenya criticized Ethiopia. See http://a.test/x\n")
    assert classify("https://a.test/feed.xml").kind == "feed"
    assert classify(str(urls)).kind == "urls"
    assert classify(str(article)).kind == "file"
    assert classify(str(tmp_path)).kind == "folder"
    assert classify("-").kind == "stdin"


@pytest.mark.parametrize("arg, message", [("ftp://a.test/feed", "only http and https"),
                                          ("/no/such/place", "no such file or folder")])
def test_a_source_that_is_nothing_says_so(arg, message):
    with pytest.raises(SourceError, match=message):
        classify(arg)


def test_a_folder_lists_readable_files_only(tmp_path):
    for name in ("a.txt", "b.jsonl", "sub/c.html", ".hidden.txt", "d.pdf"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in files_under(tmp_path)] == \
        ["a.txt", "b.jsonl", "sub/c.html"]


def test_rss_entries_carry_link_title_date_and_id():
    route = rss([("http://a.test/1.html", "One", "Tue, 14 May 2024 08:30:00 GMT"),
                 ("/2.html", "Two", "Wed, 15 May 2024 23:30:00 -0200")])
    one, two = parse_feed(_page(route))
    assert (one.link, one.title, one.published, one.entry_id) == \
        ("http://a.test/1.html", "One", "2024-05-14", "http://a.test/1.html")
    assert one.stamp == "2024-05-14T08:30:00" and one.feed == "http://127.0.0.1:9/feed.xml"
    assert two.link == "http://127.0.0.1:9/2.html"      # relative to the feed
    assert two.published == "2024-05-16"                # in UTC


def test_atom_entries():
    (entry,) = parse_feed(_page(atom([("http://a.test/3.html", "Three", "2024-05-16T10:00:00Z")])))
    assert (entry.link, entry.entry_id, entry.published) == \
        ("http://a.test/3.html", "urn:courier:0", "2024-05-16")


def test_a_broken_feed_is_an_error_naming_the_problem():
    page = Page("http://a.test/feed.xml", "http://a.test/feed.xml", 200,
                b"this is <not> an &xml; feed <<<", "application/rss+xml", None, None, None)
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        parse_feed(page)


def test_an_html_page_given_as_a_feed_says_what_to_do():
    page = Page("http://a.test/", "http://a.test/", 200, b"<!DOCTYPE html><html><body><p>Hi"
                b"</p></body></html>", "text/html", None, None, None)
    with pytest.raises(FetchError, match="HTML page, not an RSS or Atom feed.*list their URLs"):
        parse_feed(page)
