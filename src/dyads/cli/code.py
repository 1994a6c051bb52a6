"""``dyads code`` and ``dyads eval``."""
from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from .. import __version__
from .progress import Progress

# With --db, coded articles are stored every 200 articles or FLUSH_SECONDS, whichever
# comes first, so that a server shows them while the run goes on.
FLUSH_SECONDS = 10.0
# The engines, the pipeline and spaCy are imported by the handlers, not here: every
# command's parser is built from this module, and `dyads --help` must not load spaCy.


def register(sub) -> None:
    p = sub.add_parser("code", help="code articles into events (JSON Lines)",
                       description="Code articles (files, directories, - for stdin) into events.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text/JSONL/CSV/HTML files, folders, or -")
    p.add_argument("--format", choices=["events", "docs"], default="events",
                   help="one line per event (default) or one line per article")
    p.add_argument("--out", help="write here instead of standard output")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for inputs that lack one")
    p.add_argument("--db", help="also store the coded articles in this DuckDB file (through "
                                "the 'dyads serve' process serving it, when one does)")
    p.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                   help="with --db: how long to wait while another process holds the store "
                        "(default 60)")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes (default: all cores, except that an input of at "
                        "most 8 articles is coded in this process, where starting a pool "
                        "costs more than it saves; 1 always codes in this process)")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://HOST:8786) or 'local'")
    p.add_argument("--parquet-out", help="with --scheduler: write Parquet partitions here")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    p.set_defaults(func=run_code)

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
    from ..engines import run
    from ..ingest import read_inputs

    try:
        store = _open_store(args.db, args.wait, args.quiet)
    except RuntimeError as exc:  # StoreError and kin: held by another process, unreadable
        print(f"dyads code: {exc}", file=sys.stderr)
        return 2
    articles = read_inputs(args.paths, date=args.date)
    engine_opts = {"scheduler": args.scheduler, "parquet_out": args.parquet_out} if args.scheduler else {}
    # workers=None: all cores, or this process for a small input (engines.choose_engine)
    coded_stream = run(articles, workers=args.workers, **engine_opts)
    out = open(args.out, "w", encoding="utf-8") if args.out else nullcontext(sys.stdout)
    totals = {"articles": 0, "coded": 0, "failed": 0, "events": 0, "words": 0}
    started = time.perf_counter()
    with out as stream, Progress(enabled=not args.quiet) as progress:
        pending, flushed = [], time.monotonic()
        for coded in coded_stream:
            _write(stream, coded, args.format)
            _count(totals, coded)
            progress.update(coded.doc_id, totals)
            if store is not None:
                pending.append(dict(coded.to_dict(), body=coded.article.body))
                if len(pending) >= 200 or time.monotonic() - flushed > FLUSH_SECONDS:
                    store.add_docs(pending, coder_version=__version__)
                    pending, flushed = [], time.monotonic()
        if store is not None:
            if pending:
                store.add_docs(pending, coder_version=__version__)
            store.close()
    _summary(totals, time.perf_counter() - started, args)
    return 0 if totals["coded"] or not totals["articles"] else 1


def _open_store(path, wait: float, quiet: bool):
    """The store's writer: the file itself, or the server that owns it (dyads serve)."""
    if not path:
        return None
    from ..store import open_writer

    def say(message: str) -> None:
        print(f"dyads: {message}", file=sys.stderr)

    writer = open_writer(path, wait=wait, on_wait=say)
    if getattr(writer, "url", None) and not quiet:
        say(f"storing through the server at {writer.url}")
    return writer


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


def _summary(totals: dict, seconds: float, args) -> None:
    if args.quiet:
        return
    rate = totals["words"] / seconds if seconds > 0 else 0.0
    print(f"dyads: {totals['articles']} articles ({totals['failed']} not coded), "
          f"{totals['events']} events, {totals['words']:,} words in {seconds:.1f} s "
          f"({rate:,.0f} words/s)", file=sys.stderr)


def run_eval(args) -> int:
    from ..evaluate import evaluate_files, format_report

    reports = evaluate_files([Path(g) for g in args.gold], output=args.output,
                             workers=args.workers, strict=args.strict,
                             same_sentence=args.same_sentence)
    print(json.dumps(reports, indent=1) if args.json else format_report(reports))
    return 0
