"""Feeds in: fetch RSS/Atom feeds, lists of page URLs and watched folders, and code each
new article once into the store.

    from dyads.feeds.loop import ingest_pass
    from dyads.feeds.settings import IngestSettings
    with Store.open("news.duckdb") as store:
        report = ingest_pass(["https://example.org/feed.xml"], store, IngestSettings())

Modules: ``settings`` (one frozen dataclass, passed in everywhere), ``ratelimit`` (per-host
minimum interval, back-off schedule), ``robots`` (robots.txt per host), ``fetch`` (the
polite HTTP client), ``extract`` (HTML page -> Article with trafilatura), ``sources``
(what a SOURCE argument is and the items it lists), ``loop`` (one pass and the repeating
loop), ``report`` (counts and per-item problems). Nothing here is imported by
``dyads --help``: the CLI imports these modules inside its handler, and they import
httpx, feedparser, trafilatura and the coder only where they are used.
"""
