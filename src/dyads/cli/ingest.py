"""``dyads ingest``: feeds, URL lists and watched folders into the store, each article once.

A thin layer over ``dyads.feeds``: arguments -> IngestSettings, then ``ingest_pass`` or
``ingest_loop``. Everything heavy (httpx, feedparser, trafilatura, spaCy) is imported by
the handler, never when the parser is built."""
from __future__ import annotations

import signal
import sys

DESCRIPTION = """\
Fetch and code new articles into a store. SOURCE is an RSS/Atom feed URL, a file listing
page URLs (one a line), a folder to watch (files added or changed are read on each pass),
or any input `dyads code` reads (text, JSONL, CSV, HTML files, -). An article whose text
is already stored is not coded again, so a rerun codes only what is new. Pages are fetched
politely: a user agent naming dyads, timeouts, retries with back-off on server errors,
at most one request per --min-interval seconds per host, and robots.txt."""


def register(sub) -> None:
    p = sub.add_parser("ingest", help="fetch feeds and pages (or watch folders) into a store",
                       description=DESCRIPTION)
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="feed URL, file of URLs, folder, or a file dyads code reads")
    p.add_argument("--db", required=True, help="the store to add to (created if missing; "
                                               "through the 'dyads serve' process serving "
                                               "it, when one does)")
    p.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                   help="how long to wait while another process holds the store (default 60)")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--every", type=float, metavar="SECONDS",
                      help="repeat a pass every SECONDS until Ctrl-C")
    when.add_argument("--once", action="store_true", help="one pass (the default)")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for articles without one")
    p.add_argument("--contact", help="a URL or e-mail address put in the user agent, so "
                                     "site operators can reach you (recommended)")
    p.add_argument("--min-interval", type=float, default=1.0, metavar="SECONDS",
                   help="at least this long between two requests to one host (default 1)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="read timeout per request (default 30; connecting: at most 10)")
    p.add_argument("--retries", type=int, default=3,
                   help="attempts after a server error or a timeout (default 3)")
    p.add_argument("--backoff", type=float, default=1.0, metavar="SECONDS",
                   help="first wait before a retry, doubled each time (default 1)")
    p.add_argument("--max-bytes", type=int, default=10_000_000,
                   help="refuse larger responses (default 10,000,000)")
    p.add_argument("--workers", type=int, default=1,
                   help="coding processes (default 1: in this process)")
    p.add_argument("--quiet", action="store_true",
                   help="only failures and the summary on stderr, not each new article")
    p.set_defaults(func=run_ingest)


def _settings(args):
    from ..feeds.settings import IngestSettings, user_agent

    return IngestSettings(
        user_agent=user_agent(args.contact), read_timeout=args.timeout,
        connect_timeout=min(10.0, args.timeout), retries=args.retries,
        backoff_base=args.backoff, min_interval=args.min_interval, max_bytes=args.max_bytes,
        workers=args.workers, default_date=args.date)


def _fail(message: str) -> int:
    print(f"dyads ingest: {message}", file=sys.stderr)
    return 2


def _printer(quiet: bool):
    def log(line: str) -> None:
        if not quiet or line.startswith(("failed:", "skipped:")):
            print(f"dyads: {line}", file=sys.stderr, flush=True)
    return log


def run_ingest(args) -> int:
    from ..feeds import sources
    from ..ingest import check_date
    from ..store import StoreError, StoreSchemaError

    if args.every is not None and args.every <= 0:
        return _fail("--every needs a number of seconds above 0")
    if args.every is not None and "-" in args.sources:
        return _fail("standard input (-) can be read only once; use it without --every")
    if args.date and check_date(args.date)[1]:
        return _fail(f"--date: {check_date(args.date)[1]}")
    try:
        settings = _settings(args)
        parsed = [sources.classify(s) for s in args.sources]
    except (ValueError, sources.SourceError) as exc:
        return _fail(str(exc))
    try:
        store = _open_writer(args.db, args.wait)
    except (StoreError, StoreSchemaError) as exc:
        return _fail(str(exc))
    with store:
        try:
            return _run(parsed, store, settings, args)
        except StoreError as exc:  # e.g. the server owning the store refused a batch
            print(f"dyads ingest: {exc}", file=sys.stderr)
            return 1


def _open_writer(db: str, wait: float):
    """The store opened here, or the running ``dyads serve`` that owns it."""
    from ..store import open_writer

    def say(message: str) -> None:
        print(f"dyads: {message}", file=sys.stderr, flush=True)

    writer = open_writer(db, wait=max(0.0, wait), on_wait=say)
    if getattr(writer, "url", None):
        say(f"storing through the server at {writer.url}")
    return writer


def _run(parsed, store, settings, args) -> int:
    from ..feeds.loop import ingest_loop

    log = _printer(args.quiet)
    # SIGTERM (a service manager stopping us) ends like Ctrl-C: the summary is printed.
    # Only the main thread may set handlers; elsewhere (an embedding program) leave it.
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:
        previous = None

    def on_pass(n: int, report) -> None:
        if args.every is not None:
            print(f"dyads: pass {n}: {report.summary()}", file=sys.stderr, flush=True)

    try:
        total = ingest_loop(parsed, store, settings, args.every or 0.0,
                            passes=None if args.every is not None else 1, log=log,
                            on_pass=on_pass)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    what = f"{total.passes} passes" if args.every is not None else "ingest"
    print(f"dyads: {what}: {total.summary()}", file=sys.stderr, flush=True)
    worked = total.new or total.unchanged or total.duplicates or not total.failed
    return 0 if worked or total.interrupted else 1


def _interrupt(signum, frame):
    raise KeyboardInterrupt
