"""CLI: `dyads actors NAME` (what a name resolves to) and `dyads kb info` (KB sources)."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from dyads.actors.kb import KnowledgeBase, composite_code, default_kb


def register(subparsers) -> None:
    actors = subparsers.add_parser("actors", help="show what a name resolves to in the KB")
    actors.add_argument("name", help='a name as written in text, e.g. "Blinken", "the Kremlin"')
    actors.add_argument("--on", help="date (YYYY-MM-DD) the role must be valid on")
    actors.add_argument("--json", action="store_true", help="print JSON")
    actors.add_argument("--kb", help="path to a KB file (default: the shipped one)")
    actors.add_argument("--in", dest="text", metavar="TEXT",
                        help="resolve NAME as it is written in this sentence or article, as "
                             "coding does: titles, party tags, earlier mentions, the story's "
                             "country (with --on as the article's date)")
    actors.set_defaults(func=run_actors)

    kb = subparsers.add_parser("kb", help="knowledge-base commands")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    info = kb_sub.add_parser("info", help="sources, snapshot dates and counts")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.add_argument("--kb", help="path to a KB file (default: the shipped one)")
    info.set_defaults(func=run_kb_info)


def _kb(args) -> KnowledgeBase:
    path = getattr(args, "kb", None)
    return KnowledgeBase.load(path) if path else default_kb()


def resolve(kb: KnowledgeBase, name: str, on: str | None) -> dict:
    """Everything the KB says about a name: handle, person, entity, sector/title word."""
    if name.startswith("@"):
        match = kb.handle(name, on)
        return _person_result("handle", match) if match else {"kind": None, "name": name}
    entity = kb.entity(name)  # names of places and bodies win over surname guesses
    if entity:
        return {"kind": entity.kind, **asdict(entity),
                "reason": "entity name, alias, demonym or metonym"}
    person = kb.person(name, on)
    if person:
        return _person_result("person", person)
    sector = kb.sector(name) or kb.title_sector(name)
    if sector:
        return {"kind": "sector_word", "name": name, "sector": sector, "code": sector,
                "reason": "agent word or title"}
    return {"kind": None, "name": name, "reason": "not in the knowledge base"}


def _person_result(kind: str, match) -> dict:
    out = {"kind": kind, **asdict(match)}
    out["code"] = composite_code(match.country, match.sector)
    return out


def run_actors(args: argparse.Namespace) -> int:
    if args.text is not None:
        from .actors_in_text import run_in_text

        return run_in_text(args, _kb(args))
    result = resolve(_kb(args), args.name, args.on)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(_describe(result, args.on))
    return 0 if result["kind"] else 1


def _describe(result: dict, on: str | None) -> str:
    if not result["kind"]:
        return f"{result['name']!r}: not in the knowledge base"
    lines = [f"{result['name']} [{result['kind']}] code={result.get('code')} "
             f"country={result.get('country')} sector={result.get('sector')}"]
    if result.get("kb_id"):
        lines.append(f"  kb_id: {result['kb_id']}")
    role = result.get("role")
    if role:
        lines.append(f"  role on {on or 'any date'}: {role['title']} "
                     f"({role['start'] or '?'} – {role['end'] or 'open'}, {role['source']})")
    if "confidence" in result:
        lines.append(f"  confidence: {result['confidence']}")
    lines.append(f"  why: {result.get('reason')}")
    return "\n".join(lines)


def run_kb_info(args: argparse.Namespace) -> int:
    info = _kb(args).info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"KB: {info['path']} (built {info['meta'].get('built')})")
    print(f"precedence: {info['meta'].get('precedence')}")
    for src in info["sources"]:
        print(f"  {src['name']:<10} snapshot {src['snapshot']:<10} {src['count']:>7} rows"
              f"  {src['licence']}")
    print("counts: " + ", ".join(f"{k}={v}" for k, v in info["counts"].items()))
    return 0
