"""Turning gathered people into stored rows: merged role spells and the name keys they are
looked up by."""
from __future__ import annotations

from datetime import date

from dyads.actors.sectors import loose_key, norm_text, person_key

# Roles of the same office from several sources: the more trusted source's spell is kept.
SOURCE_TRUST = {"overrides": 4, "wikidata": 3, "factbook": 2, "phoenix": 1}
STOP_SURNAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december", "monday", "tuesday",
                 "wednesday", "thursday", "friday", "saturday", "sunday", "will", "can",
                 "said", "says", "the", "and", "new", "news", "state", "states", "president",
                 "minister", "general", "court", "house", "office", "people", "party",
                 # everyday English words that are also surnames in the sources
                 "long", "young", "green", "white", "black", "brown", "little", "hill", "field",
                 "hope", "strong", "power", "moon", "stone", "wood", "street", "church", "love",
                 "best", "small", "short", "sharp", "rich", "poor", "gold", "silver", "well",
                 "wells", "north", "south", "west", "east", "chance", "fair", "free", "good",
                 "bright", "friend", "guard", "chief", "deputy", "prime", "foreign", "security",
                 "council", "today", "army", "navy", "police", "both", "also", "even", "every",
                 "meanwhile", "following", "according"}


def merge_roles(roles: list[dict]) -> list[dict]:
    """Drop duplicate spells (same title, starts within 60 days): precedence wins, ends fill.

    Spells that end before they start (source errors) are dropped.
    """
    kept: list[dict] = []
    roles = [r for r in roles if not (r["start"] and r["end"] and r["end"] < r["start"])]
    for role in sorted(roles, key=lambda r: -SOURCE_TRUST[r["source"]]):
        twin = next((k for k in kept if _same_spell(k, role)), None)
        if twin is None:
            kept.append(dict(role))
        elif not twin["end"] and role["end"] and role["end"] >= (twin["start"] or ""):
            twin["end"] = role["end"]
    return kept


def _same_spell(a: dict, b: dict) -> bool:
    if norm_text(a["title"]) != norm_text(b["title"]) or a["country"] != b["country"]:
        return False
    if not a["start"] or not b["start"]:
        return a["start"] == b["start"]
    da = date.fromisoformat(_pad_low(a["start"]))
    db = date.fromisoformat(_pad_low(b["start"]))
    return abs((da - db).days) <= 60


def _pad_low(day: str) -> str:
    return day + {4: "-01-01", 7: "-01"}.get(len(day), "")


def spacy_stop_words() -> set[str]:
    """English function words ("will", "may", "even") never stand alone for a surname."""
    from spacy.lang.en.stop_words import STOP_WORDS  # only the build needs spaCy's list
    return {norm_text(w) for w in STOP_WORDS}


def person_keys(names: set[str], canonical: str, blocked: set[str]):
    """(key, kind) pairs for one person: full names, first+last, initial+last, surname."""
    out: dict[str, str] = {}
    weight = {"full": 4, "alias": 3, "short": 2, "nsurname": 1}
    for name in sorted(names):  # sorted: when two names give one key, the same one wins each build
        key = person_key(name)
        words = key.split()
        if not words:
            continue
        found = [(key, "full" if name == canonical else "alias")]
        if len(words) >= 2:
            found += [(f"{words[0]} {words[-1]}", "short"), (f"{words[0][0]} {words[-1]}", "short")]
            last = person_key(name.split()[-1])
            if len(last) >= 3 and last not in blocked and " " not in last:
                found.append((last, "nsurname"))
        for k, kind in found:
            if weight[kind] > weight.get(out.get(k, ""), 0):
                out[k] = kind
    return out.items()


def key_rows(pid: int, names: set[str], canonical: str, blocked: set[str]) -> list[tuple]:
    """Exact keys first, then loose spellings (stored under the same column) if new."""
    rows = [(key, pid, kind[0]) for key, kind in person_keys(names, canonical, blocked)]
    exact = {key for key, _, _ in rows}
    rows += [(loose_key(key), pid, kind) for key, _, kind in rows
             if loose_key(key) not in exact]
    return rows
