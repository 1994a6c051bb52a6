"""One ingest pass and its reruns through the library (``ingest_pass``), with a stand-in
coder that records what it was given: what must not be coded again never reaches it."""
from __future__ import annotations

import os

import pytest

from local_site import ARTICLES, DATES, Route, atom, page, rss
from dyads.feeds import items
from dyads.feeds.fetch import PoliteClient
from dyads.feeds.loop import ingest_loop, ingest_pass
from dyads.feeds.settings import IngestSettings
from dyads.records import CodedArticle
from dyads.store import Store

SETTINGS = IngestSettings(min_interval=0.0, retries=2, backoff_base=0.25)


class Coder:
    """Codes nothing; remembers every article it was handed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles):
        self.seen += [a.doc_id for a in articles]
        return [CodedArticle(article=a) for a in articles]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "news.duckdb") as s:
        yield s


def run(sources, store, coder=None, settings=SETTINGS, waits=None):
    lines = []
    sleep = (waits.append if waits is not None else lambda s: None)
    with PoliteClient(settings, sleep=sleep) as client:
        report = ingest_pass(sources, store, settings, client=client, coder=coder or Coder(),
                             log=lines.append)
    report.lines = lines
    return report


def test_a_rerun_fetches_and_codes_nothing(site, store):
    coder = Coder()
    first = run([site.url("/feed.xml")], store, coder)
    assert (first.items, first.fetched, first.new, first.failed) == (3, 3, 3, 0)
    assert store.stats()["articles"] == 3 and len(coder.seen) == 3
    requests = len(site.requests)
    again = run([site.url("/feed.xml")], store, coder)
    assert (again.new, again.unchanged, again.fetched) == (0, 3, 0) and again.nothing_new
    assert len(coder.seen) == 3 and store.stats()["articles"] == 3
    assert [p for p, _ in site.requests[requests:]] == ["/robots.txt", "/feed.xml"]


def test_a_body_seen_before_is_not_coded_even_when_fetched_again(site, store):
    coder = Coder()
    run([site.url("/feed.xml")], store, coder)
    # the feed now says every entry changed: pages are fetched, but their bytes are the same
    site.routes["/feed.xml"] = rss([(site.url(f"/{n}.html"), n, "Fri, 17 May 2024 08:00:00 GMT")
                                    for n in ARTICLES])
    again = run([site.url("/feed.xml")], store, coder)
    assert (again.fetched, again.unchanged, again.new) == (3, 3, 0) and len(coder.seen) == 3
    # same text in new markup: extracted, then known by its body hash, still not coded
    for name in ARTICLES:
        site.routes[f"/{name}.html"] = Route(page(name).body.replace(b"<footer>", b"<footer>New "))
    site.routes["/feed.xml"] = rss([(site.url(f"/{n}.html"), n, "Sat, 18 May 2024 08:00:00 GMT")
                                    for n in ARTICLES])
    third = run([site.url("/feed.xml")], store, coder)
    assert (third.fetched, third.unchanged, third.new) == (3, 3, 0) and len(coder.seen) == 3


def test_an_edited_article_is_coded_again_as_an_update(site, store):
    coder = Coder()
    run([site.url("/feed.xml")], store, coder)
    edited = page("sanctions").body.replace(b"six officials", b"seven officials")
    site.routes["/sanctions.html"] = Route(edited)
    site.routes["/feed.xml"] = rss([(site.url("/sanctions.html"), "S", "Fri, 17 May 2024 08:00:00 GMT")])
    again = run([site.url("/feed.xml")], store, coder)
    assert (again.new, again.updated) == (1, 1) and coder.seen[-1].endswith("/sanctions.html")
    assert "seven officials" in store.article(coder.seen[-1])["body"]
    assert store.stats()["articles"] == 3


def test_robots_500_and_404_are_reported_per_item_and_the_rest_is_stored(site, store):
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /protest.html\n",
                                       content_type="text/plain")
    site.routes["/sanctions.html"] = Route(b"broken", 500)
    site.routes["/feed.xml"] = rss([(site.url(f"/{n}.html"), n, d) for n, d in
                                    zip(ARTICLES + ("missing",), DATES + (DATES[0],))])
    waits: list[float] = []
    report = run([site.url("/feed.xml")], store, waits=waits)
    assert (report.new, report.skipped, report.failed) == (1, 1, 2)
    assert site.hits("/protest.html") == 0                       # robots.txt obeyed
    assert site.hits("/sanctions.html") == 3 and waits == [0.25, 0.5]  # retried, backed off
    assert site.hits("/missing.html") == 1                       # 404: not retried
    lines = "\n".join(report.lines)
    assert f"skipped: {site.url('/protest.html')}: disallowed by robots.txt" in lines
    assert f"failed: {site.url('/sanctions.html')}: HTTP 500 after 3 attempts" in lines
    assert f"failed: {site.url('/missing.html')}: HTTP 404" in lines
    assert store.stats()["articles"] == 1
    # the failures left no trace in the log: the next pass tries them again
    site.routes["/sanctions.html"] = page("sanctions")
    assert run([site.url("/feed.xml")], store).new == 1


def test_an_atom_feed(site, store):
    site.routes["/atom.xml"] = atom([(site.url("/sanctions.html"), "Sanctions", "2024-05-16T10:00:00Z"),
                                     (site.url("/talks.html"), "Talks", "2024-05-14T08:30:00Z")])
    report = run([site.url("/atom.xml")], store)
    assert report.new == 2
    # the sanctions page names no canonical URL: the Atom entry's id names the article
    assert store.article(site.url("/sanctions.html")) is None
    stored = store.article("urn:courier:0")
    assert stored["title"] == "Canada imposes sanctions on Belarus officials"
    assert stored["published"] == "2024-05-16"


def test_a_file_of_urls(site, store, tmp_path):
    listing = tmp_path / "pages.txt"
    listing.write_text(f"# today\n{site.url('/talks.html')}\n{site.url('/sport.html')}\n"
                       f"{site.url('/talks.html')}\n")
    report = run([str(listing)], store)
    assert (report.items, report.new) == (2, 2) and site.hits("/talks.html") == 1
    assert run([str(listing)], store).nothing_new


def test_a_watched_folder_codes_only_the_file_added_between_passes(store, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-05-01\n\nKenya criticized Ethiopia on Monday.")
    (folder / "b.jsonl").write_text('{"id": "b1", "text": "Chad closed its border.", '
                                    '"date": "2024-05-02"}\n')
    coder = Coder()
    settings = IngestSettings(min_interval=0.0)
    added = []

    def between(n, report):
        if n == 1:
            (folder / "c.txt").write_text("date 2024-05-03\n\nMali expelled a French envoy.")
            added.append(report)

    total = ingest_loop([str(folder)], store, settings, every=0.0, passes=2,
                        on_pass=between, sleep=lambda s: None, coder=coder)
    assert added[0].new == 2 and total.passes == 2
    assert coder.seen == ["a", "b1", "c"]  # c alone on the second pass
    assert total.new == 3 and total.unchanged == 2  # a.txt and b.jsonl not even read again
    assert {a["doc_id"] for a in store.articles()} == {"a", "b1", "c"}


def test_a_changed_file_codes_only_its_new_articles(store, tmp_path):
    feed = tmp_path / "wire.jsonl"
    line = '{{"id": "w{0}", "text": "Peru recalled its ambassador number {0}.", "date": "2024-05-0{0}"}}\n'
    feed.write_text(line.format(1) + line.format(2))
    coder = Coder()
    run([str(feed)], store, coder)
    with feed.open("a") as fh:
        fh.write(line.format(3))
    report = run([str(feed)], store, coder)
    assert coder.seen == ["w1", "w2", "w3"] and (report.new, report.unchanged) == (1, 2)
    os.utime(feed, ns=(1, 1))  # touched, not changed
    assert run([str(feed)], store, coder).unchanged == 1 and len(coder.seen) == 3


def test_the_same_body_under_another_url_is_a_copy_not_coded_again(site, store, tmp_path):
    site.routes["/mirror/talks.html"] = Route(page("talks").body.replace(
        b'<link rel="canonical" href="/news/kenya-ethiopia-border-talks">', b""))
    listing = tmp_path / "pages.txt"
    listing.write_text(f"{site.url('/talks.html')}\n{site.url('/mirror/talks.html')}\n")
    coder = Coder()
    report = run([str(listing)], store, coder)
    assert (report.new, report.duplicates) == (1, 1) and len(coder.seen) == 1
    aliases = store._con.execute("SELECT alias_doc_id, doc_id FROM doc_aliases").fetchall()
    assert aliases == [(site.url("/mirror/talks.html"), site.url("/news/kenya-ethiopia-border-talks"))]


def test_a_broken_feed_is_one_clear_failure_and_the_other_sources_go_on(site, store):
    site.routes["/bad.xml"] = Route(b"<<< definitely not xml", content_type="application/xml")
    report = run([site.url("/bad.xml"), site.url("/nofeed.xml"), site.url("/feed.xml")], store)
    assert report.new == 3 and report.failed == 2
    (bad, reason), (missing, why) = report.problems
    assert bad == site.url("/bad.xml") and reason.startswith("not an RSS or Atom feed")
    assert missing == site.url("/nofeed.xml") and "404" in why


def test_one_item_that_breaks_the_code_is_reported_and_the_pass_goes_on(site, store, monkeypatch):
    real = items.page_article

    def flaky(page, entry, default_date):
        if page.url.endswith("/protest.html"):
            raise RuntimeError("surprise")
        return real(page, entry, default_date)

    monkeypatch.setattr(items, "page_article", flaky)
    report = run([site.url("/feed.xml")], store)
    assert report.new == 2 and report.problems == [
        (site.url("/protest.html"), "internal error: RuntimeError: surprise")]


def test_a_feed_disallowed_by_robots_is_skipped_and_a_vanished_list_is_reported(site, store,
                                                                               tmp_path):
    site.routes["/robots.txt"] = Route(b"User-agent: dyads\nDisallow: /feed.xml\n",
                                       content_type="text/plain")
    listing = tmp_path / "pages.txt"
    listing.write_text(site.url("/talks.html") + "\n")
    from dyads.feeds.sources import classify

    sources = [classify(site.url("/feed.xml")), classify(str(listing))]
    listing.unlink()
    report = run(sources, store)
    assert (report.skipped, report.failed, site.hits("/feed.xml")) == (1, 1, 0)
    assert report.problems[0] == (site.url("/feed.xml"), "disallowed by robots.txt")
    assert report.problems[1][1].startswith("cannot read the list of URLs")



class StopOnFirstItem:
    """The store, setting ``stop`` when the pass asks about its first item."""

    def __init__(self, store, stop) -> None:
        self.store, self.stop = store, stop

    def ingest_state(self, keys):
        self.stop.set()
        return self.store.ingest_state(keys)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_a_set_stop_ends_the_pass_after_the_item_in_hand_and_the_loop_with_it(site, store):
    import threading

    stop, coder = threading.Event(), Coder()
    with PoliteClient(SETTINGS) as client:
        report = ingest_pass([site.url("/feed.xml")], StopOnFirstItem(store, stop), SETTINGS,
                             client=client, coder=coder, stop=stop)
    assert report.fetched == 1 and coder.seen == []  # its batch is left for the next pass
    assert store.stats()["articles"] == 0 and store.ingest_state([site.url("/talks.html")]) == {}
    stop.clear()
    with PoliteClient(SETTINGS) as client:
        total = ingest_loop([site.url("/feed.xml")], store, SETTINGS, 3600.0, client=client,
                            coder=coder, stop=stop, on_pass=lambda n, report: stop.set())
    assert total.passes == 1 and total.new == 3  # and no wait of an hour once stop was set
