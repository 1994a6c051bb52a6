"""The work of one pass, item by item: the checks that skip known things early (see
``loop``), then batches of new articles coded and stored, then the ingest log."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from .. import __version__
from ..records import Article, CodedArticle
from . import sources as src
from .extract import page_article
from .fetch import FetchError, PoliteClient, Refused
from .report import IngestReport
from .settings import IngestSettings


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def newer(stamp: str | None, logged: dict) -> bool:
    """Does the feed say the page changed since it was logged? No stamp: no."""
    return bool(stamp) and (not logged.get("stamp") or stamp > logged["stamp"])


class PassWork:
    """Holds one pass's batch of articles to code, copies to alias and log rows."""

    def __init__(self, writer, settings: IngestSettings, client: PoliteClient,
                 coder: Callable[[list[Article]], Iterable[CodedArticle]],
                 log: Callable[[str], None], stop=None) -> None:
        self.writer, self.settings, self.client = writer, settings, client
        self.coder, self.log, self.stop = coder, log, stop  # stop: a threading.Event
        self.report = IngestReport()
        self.batch: list[Article] = []
        self.copies: list[dict] = []
        self.rows: list[dict] = []
        self.in_pass: dict[str, str] = {}  # body hash -> doc id, for bodies not stored yet

    # -- reporting -----------------------------------------------------------------------
    def fail(self, where: str, reason: str) -> None:
        self.report.failed += 1
        self.report.problems.append((where, reason))
        self.log(f"failed: {where}: {reason}")

    def skip(self, where: str, reason: str) -> None:
        self.report.skipped += 1
        self.report.problems.append((where, reason))
        self.log(f"skipped: {where}: {reason}")

    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    # -- items ---------------------------------------------------------------------------
    def source(self, source: src.Source) -> None:
        for item in src.list_items(source, self.client):
            if self.stopped():
                return
            if isinstance(item, src.ItemError):
                (self.skip if item.refused else self.fail)(item.where, item.reason)
                continue
            self.report.items += 1
            where = item.url if isinstance(item, src.PageItem) else str(item.path)
            try:
                self.page(item) if isinstance(item, src.PageItem) else self.file(item)
            except (KeyboardInterrupt, MemoryError):
                raise
            except Exception as exc:  # one item's surprise must not end the pass
                self.fail(where, f"internal error: {type(exc).__name__}: {exc}")

    def page(self, item: src.PageItem) -> None:
        logged = self.writer.ingest_state([item.url]).get(item.url)
        stamp = item.entry.stamp if item.entry else None
        if logged and not newer(stamp, logged):
            self.report.unchanged += 1  # known, and the feed says nothing changed
            return
        try:
            page = self.client.get(item.url, *((logged["etag"], logged["last_modified"])
                                               if logged else ()))
        except Refused as exc:
            return self.skip(item.url, exc.reason)
        except FetchError as exc:
            return self.fail(item.url, exc.reason)
        self.report.fetched += 1
        row = {"key": item.url, "source": item.source, "stamp": stamp, "etag": page.etag,
               "last_modified": page.last_modified}
        if page.status == 304 or (logged and logged["raw_hash"] == sha256(page.content)):
            self.report.unchanged += 1
            self.rows.append(dict(logged, **{k: v for k, v in row.items() if v}, status="unchanged"))
            return
        row["raw_hash"] = sha256(page.content)
        self.article(page_article(page, item.entry, self.settings.default_date), row, item.url)

    def file(self, item: src.FileItem) -> None:
        from ..ingest import read_stream

        if str(item.path) == "-":  # standard input: no log, only the body hashes
            import sys

            for article in read_stream(sys.stdin.buffer, "stdin", "", self.settings.default_date):
                self.article(article, None, "stdin")
            return
        key = "file:" + str(item.path.resolve())
        logged = self.writer.ingest_state([key]).get(key)
        stat = item.path.stat()
        row = {"key": key, "source": item.source, "stamp": f"{stat.st_mtime_ns}:{stat.st_size}"}
        if logged and logged["stamp"] == row["stamp"]:
            self.report.unchanged += 1
            return
        data = item.path.read_bytes()
        row["raw_hash"] = sha256(data)
        if logged and logged["raw_hash"] == row["raw_hash"]:
            self.report.unchanged += 1  # touched, not changed
            self.rows.append(dict(logged, stamp=row["stamp"], status="unchanged"))
            return
        import io

        articles = read_stream(io.BytesIO(data), item.doc_id, item.path.suffix.lower(),
                               self.settings.default_date)
        for article in articles:
            self.article(article, None, str(item.path))
        self.rows.append(dict(row, status="read"))  # after its articles: logged with them

    # -- articles ------------------------------------------------------------------------
    def article(self, article: Article, row: dict | None, where: str) -> None:
        """Code ``article`` unless its body is known; ``row`` (a page's) is logged with it."""
        from ..store.write import content_hash

        if not article.body:
            self.fail(where, "; ".join(article.errors) or "no article text")
            if row is not None and article.errors:
                self.rows.append(dict(row, doc_id=article.doc_id, status="no-text"))
            return
        h = content_hash({"doc_id": article.doc_id, "body": article.body})
        row = dict(row, doc_id=article.doc_id, content_hash=h) if row is not None else None
        owners = set(self.writer.known_hashes([h]).get(h, ()))
        if h in self.in_pass:
            owners.add(self.in_pass[h])
        if article.doc_id in owners:
            self.report.unchanged += 1
            status = "unchanged"
        elif owners:
            self.report.duplicates += 1
            self.copies.append(_record(article))
            self.log(f"duplicate: {where}: same text as {sorted(owners)[0]}")
            status = "duplicate"
        else:
            self.in_pass[h] = article.doc_id
            self.batch.append(article)
            status = "stored"
        if row is not None:
            self.rows.append(dict(row, status=status))
        if len(self.batch) >= self.settings.batch_size:
            self.flush()

    def flush(self) -> None:
        """Code and store the batch, then the copies, then the log rows (in this order, so
        a row never says "stored" of an article that is not)."""
        if self.batch:
            coded = list(self.coder(self.batch))
            result = self.writer.add_docs([_record(c.article, c) for c in coded],
                                          coder_version=__version__)
            self.report.new += result["articles_added"] + result["articles_recoded"]
            self.report.updated += result["articles_recoded"]
            self.report.events += sum(len(c.events) for c in coded)
            for c in coded:
                note = f"; {'; '.join(c.errors)}" if c.errors else ""
                n = len(c.events)
                self.log(f"new: {c.doc_id} ({n} event{'s' * (n != 1)}){note}")
            for error in result.get("errors", ()):
                self.fail("store", error)
            self.batch = []
        if self.copies:
            self.writer.add_copies(self.copies)
            self.copies = []
        if self.rows:
            self.writer.record_ingest(self.rows)
            self.rows = []
        self.in_pass.clear()  # every body of the pass is in the store now


def _record(article: Article, coded: CodedArticle | None = None) -> dict:
    """The docs record the store takes: the coded article's, or an uncoded copy's."""
    if coded is None:
        coded = CodedArticle(article=article)
    return dict(coded.to_dict(), body=article.body)
