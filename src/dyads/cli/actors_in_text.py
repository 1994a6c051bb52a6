"""CLI: `dyads actors NAME --in TEXT`: what NAME resolves to where a text writes it.

The KB alone cannot say what "Rep. Bob Goodlatte, R-Va." or "the Democratic nominee" is;
the article resolver can (titles, party tags, earlier mentions, the story's country). This
runs it over TEXT and explains each actor by its ``resolved_by``.
"""
from __future__ import annotations

import argparse
import json

from .args import fail

# Why an actor resolved as it did, by its ``resolved_by`` (docs/fields.md).
WHY = {
    "person": "a person in the KB, with the role held on that date",
    "title": "a title or party tag in the text ('Sen.', 'a Democrat from Ohio', 'R-Wis.')",
    "country": "a country's name, demonym or adjective", "metonym": "a capital for its government",
    "coref": "a reference back to an earlier mention in the text",
    "context": "a word of a sector given the country the story is about",
    "sector": "a sector word with no country in the text",
    "body": "a named body (ministry, agency, party, campaign) of a country",
    "located": "people or a body of the place named on the phrase ('residents of Goma')",
    "owner": "a body of the actor its 'of' phrase names", "place": "a place standing in for its country",
    "followers": "supporters of the actor named", "document": "the author of a document",
    "handle": "a social-media handle in the KB", "implied": "the doer the deed implies",
}


def run_in_text(args: argparse.Namespace, kb) -> int:
    from ..actors.resolve import ArticleActors
    from ..pipeline import load_resources

    start = args.text.find(args.name)
    if start < 0:
        return fail(f"{args.name!r} is not written in the text given with --in")
    resources = load_resources()
    doc = resources.nlp(args.text)
    span = doc.char_span(start, start + len(args.name), alignment_mode="expand")
    found = ArticleActors(doc, kb, args.on, resources.gazetteer).at(span.root) if span else []
    rows = [{**a.to_dict(), "why": WHY.get(a.resolved_by or "", "resolved in the text")}
            for a in found]
    if args.json:
        print(json.dumps({"name": args.name, "actors": rows}, ensure_ascii=False))
    elif not rows:
        print(f"{args.name!r}: no actor where the text writes it")
    else:
        for r in rows:
            print(f"{r['text']} → {r.get('name')} code={r.get('code')} country={r.get('country')} "
                  f"sector={r.get('sector')} [{r.get('resolved_by')}]\n  why: {r['why']}")
    return 0 if rows else 1
