"""``dyads demo``: the README's main job. Code the bundled sample articles into a store,
print who did what to whom, and open the explorer on them."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__

REPO_ROOT = Path(__file__).resolve().parents[3]


def default_articles() -> Path:
    for candidate in (REPO_ROOT / "examples" / "articles", Path.cwd() / "examples" / "articles"):
        if candidate.is_dir():
            return candidate
    return REPO_ROOT / "examples" / "articles"


def register(sub) -> None:
    p = sub.add_parser("demo", help="code the sample articles, store them, open the explorer",
                       description="Code the bundled sample articles into a store, print a "
                                   "summary of who did what to whom, then serve the explorer.")
    p.add_argument("--articles", type=Path, default=None, help="folder of articles to code "
                   "(default: the repo's examples/articles)")
    p.add_argument("--db", default="dyads-demo.duckdb", help="store file (default: dyads-demo.duckdb)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores; a small input in this process)")
    p.add_argument("--no-serve", action="store_true", help="stop after the summary")
    p.add_argument("--port", type=int, default=8000, help="explorer port (default 8000)")
    p.add_argument("--top", type=int, default=15, help="how many events to list")
    p.set_defaults(func=run_demo)


def run_demo(args) -> int:
    from ..engines import run
    from ..ingest import read_inputs
    from ..store import EventFilter, Store

    folder = args.articles or default_articles()
    if not folder.is_dir():
        print(f"dyads demo: no articles at {folder}; pass --articles DIR", file=sys.stderr)
        return 2
    coded = list(run(read_inputs([str(folder)]), workers=args.workers))
    docs = [dict(c.to_dict(), body=c.article.body) for c in coded]
    with Store.open(args.db) as store:
        report = store.add_docs(docs, coder_version=__version__)
        print(summary(store, len(coded), report, args.top, EventFilter))
    if args.no_serve:
        return 0
    from .serve import run as serve

    return serve(argparse.Namespace(db=args.db, host="127.0.0.1", port=args.port, token=None,
                                    read_only=True, max_body=2 * 1024 * 1024, open=True))


def summary(store, n_articles: int, report: dict, top: int, EventFilter) -> str:
    """A plain-text 'who did what to whom' from the store's merged events."""
    stats = store.stats()
    lines = [f"dyads {__version__}: coded {n_articles} articles -> "
             f"{stats.get('mentions', '?')} event mentions, {stats.get('events', '?')} merged events "
             f"(stored in the store; {report.get('articles_added', 0)} new articles)", ""]
    lines.append(f"{'date':<11} {'source':<28} {'event':<34} {'target':<28}")
    for e in store.events(EventFilter(limit=top)):
        lines.append(f"{str(e.get('date') or ''):<11} {_who(e.get('source')):<28} "
                     f"{_what(e):<34} {_who(e.get('target')):<28}")
    lines += ["", "most active country dyads (merged events, mean Goldstein):"]
    for (a, b), scores in top_dyads(store.events(EventFilter(limit=100_000)))[:10]:
        lines.append(f"  {a} -> {b}  {len(scores):>3} events  {sum(scores) / len(scores):+.1f}")
    return "\n".join(lines)


def top_dyads(events: list[dict]) -> list:
    """Country dyads by number of merged events (both countries known)."""
    by_dyad: dict[tuple[str, str], list[float]] = {}
    for e in events:
        a, b = ((e.get(k) or {}).get("country") for k in ("source", "target"))
        if a and b and a != b:
            by_dyad.setdefault((a, b), []).append(float(e.get("goldstein") or 0.0))
    return sorted(by_dyad.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _who(actor) -> str:
    if not actor:
        return "-"
    label = actor.get("name") or actor.get("text") or ""
    return f"{label[:18]} ({actor.get('code') or '?'})"[:28]


def _what(event) -> str:
    from ..events.codes import cameo_code

    try:
        name = cameo_code(event["cameo"]).name
    except KeyError:
        name = ""
    return f"{event['cameo']} {name}"[:34]
