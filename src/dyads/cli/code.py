"""``dyads code`` and ``dyads eval``."""
from __future__ import annotations

import json
import sys
import threading
import time
from contextlib import nullcontext
from pathlib import Path

from .. import __version__
from ..ingest.readers import INPUT_FORMATS
from .args import budget_number, fail, iso_date, positive_int
from .progress import Progress


# With --db, coded articles are stored every 200 articles or FLUSH_SECONDS, whichever
# comes first, so that a server shows them while the run goes on.
FLUSH_SECONDS = 10.0
# The engines, the pipeline and spaCy are imported by the handlers, not here: every
# command's parser is built from this module, and `dyads --help` must not load spaCy.


def register(sub) -> None:
    _register_code(sub)
    _register_eval(sub)


def _register_code(sub) -> None:
    p = sub.add_parser("code", help="code articles into events (JSON Lines)",
                       description="Code articles (files, directories, - for stdin) into events.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text/JSONL/CSV/HTML files, folders, or -")
    p.add_argument("--format", choices=["events", "docs"], default="events",
                   help="one line per event (default) or one line per article")
    p.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                   help="read every input as this kind (default: told by the file suffix "
                        "and the content; standard input is CSV when its first line is a "
                        "header naming a text column)")
    p.add_argument("--out", help="write here instead of standard output")
    p.add_argument("--date", type=iso_date,
                   help="publication date (YYYY-MM-DD) for inputs that lack one")
    p.add_argument("--db", help="also store the coded articles in this DuckDB file (through "
                                "the 'dyads serve' process serving it, when one does)")
    p.add_argument("--skip-stored", action="store_true",
                   help="with --db: leave out articles the store already holds (same id, "
                        "same text) before they are parsed; they are counted as duplicate "
                        "and not written out")
    p.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                   help="with --db: how long to wait while another process holds the store "
                        "(default 60)")
    p.add_argument("--workers", type=positive_int, default=None,
                   help="worker processes (default: all cores, except that an input of at "
                        "most 8 articles is coded in this process, where starting a pool "
                        "costs more than it saves; 1 always codes in this process)")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://HOST:8786) or 'local'")
    p.add_argument("--parquet-out", help="with --scheduler: write Parquet partitions here")
    p.add_argument("--max-article-tokens", type=budget_number, default=200_000, metavar="N",
                   help="an article of more tokens is not coded but reported (default "
                        "200,000, about a million characters; 0: no limit)")
    p.add_argument("--max-article-seconds", type=budget_number, default=120.0, metavar="S",
                   help="an article still being coded after S seconds is ended and reported "
                        "(default 120; 0: no limit)")
    p.add_argument("--progress-every", type=budget_number, default=10.0, metavar="S",
                   help="when stderr is no terminal, a progress line every S seconds "
                        "(default 10) and every 1,000 articles")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    p.add_argument("--show-dropped", action="store_true",
                   help="with --format docs: also list the events the political-relevance "
                        "check dropped (sports, markets, weather, crime), each with its rule "
                        "and reason under \"dropped_by\"")
    p.set_defaults(func=run_code)


def _register_eval(sub) -> None:
    e = sub.add_parser("eval", help="score dyads against a gold file",
                       description="Code a gold file's texts (or read --output) and print accuracy.")
    e.add_argument("gold", nargs="+", help="gold files (seed, eval JSON Lines, examples/gold.jsonl)")
    e.add_argument("--output", help="score this dyads output instead of coding the texts")
    e.add_argument("--strict", action="store_true",
                   help="also score strictly: a match must come from the gold event's sentence "
                        "and carry its date")
    e.add_argument("--same-sentence", action="store_true",
                   help="also score with the sentence condition only (date accuracy then tells "
                        "how often events found in the right sentence are dated right)")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--workers", type=int, default=1)
    e.set_defaults(func=run_eval)


def run_code(args) -> int:
    problem = _option_conflict(args)
    if problem:
        return fail(problem)
    store, problem = _open_store(args.db, args.wait, args.quiet)
    if problem:
        return fail(problem)
    progress = Progress(enabled=not args.quiet, every_seconds=args.progress_every or 10.0)
    totals = {"articles": 0, "coded": 0, "failed": 0, "events": 0, "words": 0, "stored": 0}
    sink = StoreSink(store)
    coded_stream = _coded(args, sink, totals, progress)
    counter = count_in_background(args.paths, progress)
    started, interrupted = time.perf_counter(), False
    try:
        with _output(args.out) as stream, progress:
            for coded in coded_stream:
                _write(stream, coded, args.format)
                _count(totals, coded)
                progress.update(coded.doc_id, totals)
                sink.add(coded)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        counter.join(timeout=1.0)
        coded_stream.close()  # stops the workers before the store is written to
        sink.close()
    _summary(totals, time.perf_counter() - started, args, sink, progress.total, interrupted)
    if interrupted:
        return 130
    return 0 if totals["coded"] or totals["stored"] or not totals["articles"] else 1


def _coded(args, sink: "StoreSink", totals: dict, progress: Progress):
    """The stream of coded articles: inputs read, those stored left out (--skip-stored),
    the rest coded by the chosen engine."""
    from ..engines import run
    from ..ingest import read_inputs
    from ..pipeline import Settings

    settings = Settings(max_article_tokens=int(args.max_article_tokens),
                        max_article_seconds=args.max_article_seconds,
                        keep_dropped=args.show_dropped)
    articles = read_inputs(args.paths, date=args.date, input_format=args.input_format)
    if args.skip_stored:
        articles = _skip_stored(articles, sink, totals, progress)
    engine_opts = {"scheduler": args.scheduler, "parquet_out": args.parquet_out} if args.scheduler else {}
    # workers=None: all cores, or this process for a small input (engines.choose_engine)
    return run(articles, workers=args.workers, settings=settings, **engine_opts)


def _option_conflict(args) -> str | None:
    if args.skip_stored and not args.db:
        return "--skip-stored leaves out what the store holds, so it needs --db"
    if args.show_dropped and args.format != "docs":
        return ("--show-dropped lists what each article's relevance check dropped, "
                "so it needs --format docs")
    return None


def _skip_stored(articles, sink, totals: dict, progress: Progress):
    """The articles the store does not hold yet; the others counted as done."""
    from ..store.skip import unstored

    def skipped(article) -> None:
        totals["articles"] += 1
        totals["stored"] += 1
        sink.counts["duplicate"] += 1
        progress.update(article.doc_id, totals)

    return unstored(articles, sink.store, skipped)


def _output(path):
    return open(path, "w", encoding="utf-8") if path else nullcontext(sys.stdout)


def count_in_background(paths, progress: Progress) -> threading.Thread:
    """Count the articles of the inputs (cheaply: lines of JSON Lines, rows of CSV, one per
    other file) while coding starts; standard input is never counted."""
    from ..ingest import count_articles

    def work():
        progress.total = count_articles(paths)

    thread = threading.Thread(target=work, name="dyads-count", daemon=True)
    thread.start()
    return thread


class StoreSink:
    """The coded articles handed to the store (or the server owning it) in batches of 200
    or every FLUSH_SECONDS, and what it made of them."""

    BATCH = 200

    def __init__(self, store):
        self.store = store
        self.pending: list[dict] = []
        self.flushed = time.monotonic()
        self.counts = {"new": 0, "duplicate": 0, "replaced": 0, "failed": 0}

    def add(self, coded) -> None:
        if self.store is None:
            return
        self.pending.append(dict(coded.to_dict(), body=coded.article.body))
        # A server waiting for the store (LocalWriter.asked) gets it after this article.
        if (len(self.pending) >= self.BATCH or time.monotonic() - self.flushed > FLUSH_SECONDS
                or getattr(self.store, "asked", False)):
            self.flush()

    def flush(self) -> None:
        self.flushed = time.monotonic()
        if self.pending:
            result = self.store.add_docs(self.pending, coder_version=__version__)
            self.pending = []
            for key, field in (("new", "articles_added"), ("duplicate", "articles_unchanged"),
                               ("replaced", "articles_recoded")):
                self.counts[key] += result.get(field, 0)
            self.counts["failed"] += len(result.get("errors") or ())
            for error in result.get("errors") or ():
                print(f"dyads: store: {error}", file=sys.stderr)

    def close(self) -> None:
        if self.store is not None:
            try:
                self.flush()
            finally:
                self.store.close()


def _open_store(path, wait: float, quiet: bool):
    """(The store's writer: the file itself, or the server that owns it (dyads serve);
    why it cannot be opened, or None). Without ``path`` the store package (DuckDB and
    Arrow: 0.4 s and 70 MB) is not even imported."""
    if not path:
        return None, None
    from ..store import StoreError, open_writer

    def say(message: str) -> None:
        print(f"dyads: {message}", file=sys.stderr)

    try:
        writer = open_writer(path, wait=wait, on_wait=say)
    except StoreError as exc:
        return None, str(exc)
    if getattr(writer, "url", None) and not quiet:
        say(f"storing through the server at {writer.url}")
    return writer, None


def _write(stream, coded, fmt: str) -> None:
    if fmt == "docs":
        stream.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
    else:
        for event in coded.events:
            stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    for error in coded.errors:
        print(f"dyads: {coded.doc_id}: {error}", file=sys.stderr)


def _count(totals: dict, coded) -> None:
    totals["articles"] += 1
    fatal = bool(coded.errors) and not coded.article.body or (coded.errors and not coded.words)
    totals["failed" if fatal else "coded"] += 1
    totals["events"] += len(coded.events)
    totals["words"] += coded.words


def _summary(totals: dict, seconds: float, args, sink: StoreSink, total: int | None,
             interrupted: bool) -> None:
    if args.quiet:
        return
    rate = totals["words"] / seconds if seconds > 0 else 0.0
    done = f"{totals['articles']} of {total}" if interrupted and total else str(totals["articles"])
    line = (f"dyads: {'interrupted after ' if interrupted else ''}{done} articles "
            f"({totals['failed']} not coded{_stored_before(totals)}), "
            f"{totals['events']} events, "
            f"{totals['words']:,} words in {seconds:.1f} s ({rate:,.0f} words/s)")
    if sink.store is not None:
        c = sink.counts
        line += (f"; store {args.db}: {c['new']} new, {c['duplicate']} duplicate, "
                 f"{c['replaced']} replaced, {c['failed']} failed")
    print(line, file=sys.stderr)


def _stored_before(totals: dict) -> str:
    n = totals.get("stored", 0)
    return f", {n} already stored" if n else ""


def run_eval(args) -> int:
    from ..evaluate import evaluate_files, format_report

    missing = [g for g in args.gold + ([args.output] if args.output else [])
               if not Path(g).is_file()]
    if missing:
        return fail(f"eval: no such file: {', '.join(missing)}")
    reports = evaluate_files([Path(g) for g in args.gold], output=args.output,
                             workers=args.workers, strict=args.strict,
                             same_sentence=args.same_sentence)
    print(json.dumps(reports, indent=1) if args.json else format_report(reports))
    return 0
