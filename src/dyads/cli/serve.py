"""``dyads serve``: the REST API and web explorer over a store file."""
from __future__ import annotations

import argparse
import os
import sys
import threading
import webbrowser
from pathlib import Path

TOKEN_ENV = "DYADS_TOKEN"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the REST API and web explorer over a store",
        description="Serve the JSON API (OpenAPI spec at /openapi.json) and the explorer "
                    "pages over a store. The server opens the store read-write and takes "
                    "the batches of 'dyads code --db' and 'dyads ingest --db' runs on this "
                    "machine, so it keeps answering while they store; the public API "
                    "writes nothing unless --writable.")
    p.add_argument("--db", required=True, help="store file (DuckDB) to serve")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None,
                   help=f"token required by POST /code and writes (default: ${TOKEN_ENV}); "
                        "needed for them when --host is not a loopback address")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--read-only", dest="never_write", action="store_true",
                      help="open the store read-only: nothing writes to it while the "
                           "server runs ('dyads code --db' waits for the server to stop)")
    mode.add_argument("--writable", dest="read_only", action="store_false", default=True,
                      help="also let POST /code save what it codes (body field store=true; "
                           "needs the token beyond localhost)")
    p.add_argument("--max-body", type=int, default=2 * 1024 * 1024, metavar="BYTES",
                   help="largest request body accepted (default 2 MB; larger gets 413)")
    p.add_argument("--open", action="store_true", help="open the explorer in a web browser")
    p.add_argument("--ingest", nargs="+", metavar="SOURCE", default=None,
                   help="while serving, fetch, code and store what these sources hold, as "
                        "'dyads ingest' does (feed URLs, files of page URLs, folders, the "
                        "inputs 'dyads code' reads), and what appears there later")
    p.add_argument("--every", type=float, default=60.0, metavar="SECONDS",
                   help="with --ingest: a pass over the sources this often (default 60; "
                        "0: once)")
    p.set_defaults(func=run)


def check_args(args: argparse.Namespace) -> str | None:
    """A message saying what to fix, or None when the arguments can be served."""
    from dyads.api.security import is_loopback

    if args.read_only and not Path(args.db).exists() and not getattr(args, "ingest", None):
        return (f"dyads serve: no store at {args.db}; create one with "
                f"'dyads code ... --db {args.db}' or pass --writable to start an empty one")
    if not 0 < args.port < 65536:
        return f"dyads serve: --port must be between 1 and 65535, not {args.port}"
    if getattr(args, "ingest", None):
        problem = _check_sources(args)
        if problem:
            return problem
    served = _served_by(args.db)
    if served is not None:
        return (f"dyads serve: {args.db} is already served at {served.url} (pid "
                f"{served.pid}); stop that server first, or open that address")
    if not is_loopback(args.host) and not (args.token or os.environ.get(TOKEN_ENV)):
        print(f"dyads serve: listening on {args.host} without a token: the explorer and "
              f"GET API are open to the network, POST /code is refused. Set --token or "
              f"{TOKEN_ENV} to allow it.", file=sys.stderr)
    return None


def _check_sources(args: argparse.Namespace) -> str | None:
    """What is wrong with --ingest, or None."""
    from dyads.feeds.sources import SourceError, classify

    if getattr(args, "never_write", False):
        return "dyads serve: --ingest stores what it codes: it cannot run with --read-only"
    if "-" in args.ingest:
        return "dyads serve: --ingest cannot read standard input (-); name files or folders"
    try:
        args.ingest_sources = [classify(source) for source in args.ingest]
    except SourceError as exc:
        return f"dyads serve: --ingest: {exc}"
    return None


def _ingest_loop(args: argparse.Namespace):
    """The producer of --ingest (the passes of 'dyads ingest'), or None."""
    if not getattr(args, "ingest", None):
        return None
    from dyads.api.producers import feed_loop

    every = args.every if args.every and args.every > 0 else None
    return feed_loop(getattr(args, "ingest_sources", None) or args.ingest, every)


def _served_by(db: str):
    """The live server already owning the store, if any."""
    from dyads.store import sidecar

    if not sidecar.sidecar_path(db).exists():
        return None
    from dyads.store.remote import probe

    return sidecar.live_server(db, probe)


def browse_url(host: str, port: int) -> str:
    # '::' listens on IPv6 (on Linux often IPv6 only), so the page is at [::1], not 127.0.0.1
    shown = "::1" if host == "::" else "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/index"


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from dyads.api import create_app
    from dyads.api.writer import WriterSettings

    problem = check_args(args)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    token = args.token or os.environ.get(TOKEN_ENV) or None
    own_writer = not getattr(args, "never_write", False)
    app = create_app(args.db, token, host=args.host, read_only=args.read_only,
                     max_body_bytes=args.max_body, own_writer=own_writer,
                     writer=WriterSettings(host=args.host, port=args.port),
                     producer=_ingest_loop(args))
    url = browse_url(args.host, args.port)
    mode = "writable" if not args.read_only else "takes writers' batches" if own_writer \
        else "read-only"
    print(f"dyads explorer on {url} ({mode}; Ctrl-C to stop)", file=sys.stderr)
    if args.open:  # a timer so the browser asks once the server listens; harmless headless
        threading.Timer(1.0, _open_browser, [url]).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _open_browser(url: str) -> None:
    try:
        webbrowser.open(url)
    except webbrowser.Error:
        pass
