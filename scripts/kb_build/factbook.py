"""Leader and ambassador spells from the CIA World Factbook history (public domain)."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from dyads.actors.sectors import norm_text

from .people import People, match_surname

# Factbook texts: "President Joseph R. BIDEN, Jr. (since 20 January 2021)".
FB_HOLDER = re.compile(
    r"(?P<pre>[^;()]*?)\b(?P<surname>(?:(?:Mc|Mac|de|De|van|von|al-|el-|bin|Al-)?[A-Z][A-Z'\-]+"
    r"\s?)+)(?P<suffix>,? (?:Jr\.|Sr\.|II|III))?\s*(?:\([^()]*\)\s*)*?"
    r"\(since (?P<since>\d{1,2} [A-Z][a-z]+ \d{4})\)")
FB_TITLE_WORDS = {"President", "Prime", "Minister", "Chancellor", "King", "Queen", "Emir",
                  "Sultan", "Vice", "Deputy", "First", "General", "Secretary", "Supreme",
                  "Leader", "Ambassador", "Chargé", "d'Affaires", "Premier", "Governor",
                  "Chairman", "Crown", "Prince", "Princess", "Grand", "Duke", "Chief",
                  "Executive", "State", "Council", "Head", "Federal", "Co-prince", "Acting",
                  "Interim", "Transitional", "Pope", "Emperor", "Presidential", "Chairwoman",
                  "Captain", "Regent", "Sovereign", "Amir", "Military", "Junta", "Colonel"}
ROMAN = re.compile(r"[IVX]+")
MONARCH_WORDS = {"King", "Queen", "Emir", "Sultan", "Pope", "Emperor", "Prince", "Duke", "Amir"}
FB_FIELDS = {"chief_of_state": None, "head_of_government": None,
             "chief_of_mission_in_US": "Ambassador to the United States",
             "chief_of_mission_from_US": "US Ambassador"}


def load_factbook(src: Path, people: People, independent: set[str]) -> dict:
    with open(src / "factbook" / "factbook_history_2015_2026.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    snapshot = max(r["first_seen"] for r in rows)
    series = defaultdict(list)
    for row in rows:
        if row["field"] in FB_FIELDS and row["iso3"] in independent \
                and "represented by" not in row["text"]:
            series[(row["iso3"], row["field"])].append(row)
    count = 0
    for (iso3, field), items in series.items():
        items.sort(key=lambda r: r["first_seen"])
        for spell in factbook_spells(items, snapshot):
            spell["snapshot"] = snapshot
            _add_factbook_spell(people, iso3, field, spell)
            count += 1
    return {"name": "factbook", "snapshot": snapshot, "count": count,
            "licence": "public domain (CIA World Factbook)"}


def parse_fb_holders(text: str) -> list[dict]:
    """People named in one Factbook leader/ambassador text, with title and start date."""
    out = []
    for part in text.split(";"):
        m = FB_HOLDER.search(part)
        if not m:
            continue
        pre = m.group("pre").split()
        given = []
        while pre and pre[-1] not in FB_TITLE_WORDS and pre[-1].strip('"“”')[:1].isupper() \
                and len(given) < 3:
            given.insert(0, pre.pop().strip('"“”'))
        surname = " ".join(w if ROMAN.fullmatch(w) else w.capitalize() if w.isupper() else w
                           for w in m.group("surname").split())
        if not given and not (set(pre) & MONARCH_WORDS):
            continue  # a bare surname is too ambiguous to become a person
        surname = re.sub(r"(?<=-)[a-z]", lambda x: x.group().upper(), surname)
        try:
            since = _fb_date(m.group("since"))
        except ValueError:
            continue
        out.append({"title": " ".join(pre).strip(" ,:") or "Leader",
                    "given": " ".join(given), "surname": surname, "start": since})
    return out


def _fb_date(text: str) -> str:
    return datetime.strptime(text, "%d %B %Y").date().isoformat()


def factbook_spells(items: list[dict], snapshot: str) -> list[dict]:
    """Turn successive texts of one field into spells; a holder ends when a text drops them."""
    open_spells: dict[tuple, dict] = {}
    closed = []
    for row in items:
        holders = parse_fb_holders(row["text"])
        current = {(h["surname"], h["title"]): h for h in holders}
        for key in list(open_spells):
            if key not in current:
                spell = open_spells.pop(key)
                later = [h["start"] for h in holders if h["start"] >= spell["start"]]
                spell["end"] = min(later) if later else row["first_seen"]
                closed.append(spell)
        for key, holder in current.items():
            open_spells.setdefault(key, dict(holder, end=None))
    return closed + list(open_spells.values())


def _add_factbook_spell(people: People, iso3: str, field: str, spell: dict) -> None:
    full = f"{spell['given']} {spell['surname']}".strip()
    role_country = "USA" if field == "chief_of_mission_from_US" else iso3
    person_country = role_country
    kb_id = (people.find(full, person_country) or match_surname(people, spell, person_country)
             or people.find(full, "*"))
    if kb_id is None:
        kb_id = f"dyads:fb-{person_country}-{norm_text(full).replace(' ', '-')}"
        people.add(kb_id, full)
    else:
        people.add(kb_id, people.names[kb_id], full)
    title = FB_FIELDS[field] or spell["title"]
    if field == "chief_of_mission_from_US":
        title = f"US Ambassador to {iso3}"
    people.add_role(kb_id, title=title, country=role_country,
                    sector="GOV", start=spell["start"], end=spell["end"], source="factbook",
                    snapshot=None if spell["end"] else spell["snapshot"])
