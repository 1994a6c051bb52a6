#!/usr/bin/env python
"""Build the shipped actor knowledge base (src/dyads/data/kb.sqlite) from the raw sources.

Usage: python scripts/build_kb.py [--sources DIR] [--out FILE] [--overrides FILE]

Sources (see ../shared/kb-sources/README.md), by precedence when they disagree:
project overrides (src/dyads/data/kb_overrides.yaml) > Wikidata officeholders >
CIA World Factbook history > Phoenix / CountryInfo dictionaries.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dyads.actors.sectors import (AGENT_CODES, RELIGION_CODES, entity_key,  # noqa: E402
                                  loose_key, norm_text, person_key, primary_sector)

DEFAULT_SOURCES = REPO.parent / "shared" / "kb-sources"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "kb.sqlite"
DEFAULT_OVERRIDES = REPO / "src" / "dyads" / "data" / "kb_overrides.yaml"

# Entity priorities: lower wins when two sources claim the same key.
KNOWN_SECTORS = AGENT_CODES
PRI_OVERRIDE, PRI_COUNTRY, PRI_DEMONYM, PRI_IGO, PRI_CAPITAL, PRI_PHOENIX = 0, 1, 2, 3, 4, 5
HEAD_TITLES = {"president", "prime minister", "national leader", "chancellor", "federal chancellor", "king",
               "queen", "emir", "supreme leader", "first lord of the treasury", "taoiseach",
               "president of the republic", "sultan", "amir", "head of state",
               "general secretary of the chinese communist party", "premier",
               "secretary general of the united nations", "secretary general of nato",
               "president of the european commission", "director general of the iaea",
               "director general of the world health organization"}
# Cabinet posts that make the news most: foreign, defence, interior, finance ministers.
KEY_OFFICE = re.compile(
    r"(?:(?:minister|secretary)(?: of state)?(?: of| for)?(?: the)? (?:national )?"
    r"(?:foreign(?: affairs)?|external affairs|foreign and commonwealth affairs|defen[cs]e|"
    r"interior|internal affairs|home affairs|finance|the treasury)"
    r"|(?:foreign|defen[cs]e|interior|finance|home) (?:minister|secretary))")
MINOR_TITLE_WORDS = ("first lady", "first gentleman", "mayor", "governor of", "member of",
                     "lieutenant governor", "spouse", "premier of")
# Separatist repos the source maps to the parent state; coded as that state's rebels.
SEPARATIST_REPOS = {"donetsk", "luhansk-ministers", "abkhazia-ministers"}


def title_rank(title: str) -> float:
    """How notable an office is, for choosing between people and between roles."""
    t = norm_text(title)
    if t in HEAD_TITLES:
        return 3.0
    if any(w in t for w in MINOR_TITLE_WORDS):
        return 0.5
    if t in {"vice president", "deputy prime minister", "secretary of state",
             "foreign secretary", "chief of the general staff", "home secretary"}:
        return 2.0
    if KEY_OFFICE.fullmatch(t):
        return 2.0
    if "minister" in t or "secretary" in t or "ambassador" in t or "spokes" in t:
        return 1.2
    return 1.0


def role_sector(title: str, hint: str | None) -> str | None:
    """Sector for an office: the source hint, but defence ministries count as military."""
    t = norm_text(title)
    if ("defence" in t or "defense" in t) and ("minist" in t or "secretary" in t):
        return "MIL"
    return {"GOVBUS": "GOV"}.get(hint or "", hint or None)


def clean_date(value) -> str | None:
    """ISO date or partial date (YYYY, YYYY-MM) from YAML/CSV values; None when blank."""
    if value in (None, ""):
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ValueError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


# ---------------------------------------------------------------------------- people
class People:
    """Accumulates people, their names and roles across sources (keyed by kb id)."""

    def __init__(self):
        self.names: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.roles: dict[str, list[dict]] = defaultdict(list)
        self.handles: list[tuple[str, str, str | None, str | None]] = []
        self.by_name: dict[tuple[str, str | None], str] = {}

    def add(self, kb_id: str, name: str, *aliases: str) -> None:
        self.names.setdefault(kb_id, name)
        countries = {r["country"] for r in self.roles.get(kb_id, [])}
        for alias in (name, *aliases):
            if alias and alias not in self.aliases[kb_id]:
                self.aliases[kb_id].add(alias)
                self._index(kb_id, alias, countries | {"*"})

    def add_role(self, kb_id: str, **role) -> None:
        role["rank"] = title_rank(role["title"])
        self.roles[kb_id].append(role)
        for alias in self.aliases[kb_id]:
            self._index(kb_id, alias, {role["country"]})

    def _index(self, kb_id: str, alias: str, countries: set) -> None:
        for country in countries:
            self.by_name.setdefault((person_key(alias), country), kb_id)

    def surname_index(self) -> dict:
        """(country, surname key) -> {(kb id, first name)} over people known so far."""
        if not hasattr(self, "_surnames"):
            self._surnames = defaultdict(set)
            for kb_id, roles in self.roles.items():
                for alias in self.aliases[kb_id]:
                    words = person_key(alias).split()
                    for country in {r["country"] for r in roles} if len(words) > 1 else ():
                        self._surnames[(country, words[-1])].add((kb_id, words[0]))
        return self._surnames

    def find(self, name: str, country: str | None) -> str | None:
        """A known person with this name and a role in `country` ('*': any country)."""
        return self.by_name.get((person_key(name), country))


def load_wikidata(src: Path, people: People) -> dict:
    base = src / "wikidata_officeholders"
    snapshots = {row["github_repo"].split("/")[-1]: row["last_commit_date"]
                 for row in csv.DictReader(open(base / "sources.csv", encoding="utf-8"))}
    count = 0
    with open(base / "officeholders_2022.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            qid, repo = row["person_qid"].strip(), row["source_repo"]
            if not qid.startswith("Q") or not row["person"]:
                continue
            enwiki = re.sub(r"\s*\(.*\)$", "", row.get("enwiki") or "")
            people.add(qid, row["person"], enwiki)
            country = None if row["iso3"] == "IGO" else row["iso3"]
            sector = "REB" if repo in SEPARATIST_REPOS else role_sector(
                row["position"], row["sector_hint"])
            people.add_role(qid, title=row["position"], country=country, sector=sector,
                            start=_safe_date(row["start"]), end=_safe_date(row["end"]),
                            source="wikidata", snapshot=snapshots.get(repo))
            count += 1
    return {"name": "wikidata", "snapshot": max(snapshots.values()), "count": count,
            "licence": "CC0 1.0 (Wikidata)"}


def _safe_date(value) -> str | None:
    try:
        return clean_date(value)
    except ValueError:
        return None


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
    from datetime import datetime
    return datetime.strptime(text, "%d %B %Y").date().isoformat()


def load_factbook(src: Path, people: People, independent: set[str]) -> dict:
    rows = list(csv.DictReader(open(src / "factbook" / "factbook_history_2015_2026.csv",
                                    encoding="utf-8")))
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
    kb_id = (people.find(full, person_country) or _match_surname(people, spell, person_country)
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


def _match_surname(people: People, spell: dict, country: str) -> str | None:
    """A Wikidata person of the same country whose name ends with this surname."""
    index = people.surname_index()
    given = person_key(spell["given"])
    hits = {(kb, first) for kb, first in index.get((country, person_key(spell["surname"])), ())
            if not given or first[:1] == given[:1]}
    if len(hits) > 1:  # Joseph vs Joe and Jill Biden: compare the first two letters
        hits = {(kb, first) for kb, first in hits if first[:2] == given[:2]}
    return hits.pop()[0] if len(hits) == 1 else None


# ---------------------------------------------------------------------------- phoenix
PHX_CODE = re.compile(r"\[([^\]]*)\]")
PHX_LEADER_TITLE = "National Leader"  # CountryInfo lists heads of state and government
PHX_SNAPSHOT = "2014-01-30"  # CountryInfo.140130, the file the Phoenix leaders come from


def load_phoenix_leaders(src: Path, people: People, isos: set[str]) -> dict:
    """Dated GOV spells of CountryInfo leaders (heads of state/government, 1960-2014).

    The lowest-priority people source: it fills leaders the Wikidata extract lacks (Menem,
    Lebanon's presidents) and adds spells to the same person when the name matches.
    """
    count = 0
    for block in parse_phoenix(src / "petrarch2" / "Phoenix.Countries.actors.txt"):
        if "countryinfo" not in block["note"].lower() or " " not in block["name"].strip():
            continue  # single names (monarchs' regnal names) are too ambiguous as keys
        for code, dates in block["codes"]:
            country, sector = phoenix_code_parts(code, isos)
            spell = phoenix_spell(dates)
            if country and sector == "GOV" and spell:
                _add_phoenix_spell(people, block, country, spell)
                count += 1
    return {"name": "phoenix", "snapshot": "2019-03-18", "count": count,
            "licence": "MIT (petrarch2); leaders CC BY-SA 3.0 (CountryInfo)"}


def phoenix_spell(dates: str) -> tuple[str, str | None] | None:
    """(start, end) from '890708-991210' or '>080525'; None for undated or odd ranges."""
    text = dates.replace(" ", "")
    m = re.fullmatch(r"(\d{6}|\d{8})-(\d{6}|\d{8})|>(\d{6}|\d{8})", text)
    if not m:
        return None
    start = _phx_date(m.group(1) or m.group(3))
    end = _phx_date(m.group(2)) if m.group(2) else None
    if start is None or (m.group(2) and end is None):
        return None
    return start, end


def _phx_date(digits: str) -> str | None:
    """YYMMDD (years up to 14 are 20xx: the file dates from 2014) or YYYYMMDD -> ISO date."""
    if len(digits) == 6:
        year = int(digits[:2])
        digits = str(2000 + year if year <= 14 else 1900 + year) + digits[2:]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


def _add_phoenix_spell(people: People, block: dict, country: str, spell: tuple) -> None:
    names = [_phx_person_name(n) for n in [block["name"], *block["aliases"]]]
    full = names[0]
    given, _, surname = full.rpartition(" ")
    kb_id = (people.find(full, country)
             or _match_surname(people, {"given": given, "surname": surname}, country)
             or f"dyads:phx-{country}-{norm_text(full).replace(' ', '-')}")
    people.add(kb_id, people.names.get(kb_id, full), *names)
    people.add_role(kb_id, title=PHX_LEADER_TITLE, country=country, sector="GOV",
                    start=spell[0], end=spell[1], source="phoenix",
                    snapshot=None if spell[1] else PHX_SNAPSHOT)


def _phx_person_name(text: str) -> str:
    """CARLOS_SAUL_MENEM -> Carlos Saul Menem (Mc/Mac and hyphenated parts kept capitalised)."""
    words = [w for w in text.replace("_", " ").split() if w]
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words)


def parse_phoenix(path: Path) -> list[dict]:
    """Blocks of a Phoenix .actors file: {name, aliases, codes[(code, dates)], note}."""
    blocks, block = [], None
    for raw in open(path, encoding="utf-8", errors="replace"):
        line, _, note = raw.rstrip("\n").partition("#")
        if not line.strip():
            if block and note and not block["codes"]:
                block["note"] += note
            continue
        if line[0] in " \t" and block:
            block["codes"] += _phx_codes(line)
            block["note"] += note
        elif line.startswith("+") and block:
            block["aliases"].append(_phx_name(line[1:]))
            block["codes"] += _phx_codes(line)
        else:
            block = {"name": _phx_name(line), "aliases": [], "codes": _phx_codes(line),
                     "note": note}
            blocks.append(block)
    return [b for b in blocks if b["name"]]


def _phx_name(text: str) -> str:
    name = PHX_CODE.sub("", text).strip()
    name = re.sub(r"\{.*?\}", "", name)
    return name.replace("_", " ").strip()


def _phx_codes(text: str) -> list[tuple[str, str]]:
    out = []
    for inner in PHX_CODE.findall(text):
        parts = inner.split()
        if parts and parts[0] != "---":
            out.append((parts[0].lstrip("~"), " ".join(parts[1:])))
    return out


# Phoenix prefixes that name a region or an unplaced group rather than a country (KKL marks
# groups the file's coders could not place); such actors get country None.
PHX_REGIONS = {"AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "CRB", "EIN", "EAF", "EEU",
               "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA",
               "SAF", "WAF", "WST", "WEU", "INT", "KKL", "ARB"}
# Older CAMEO/CountryInfo country codes -> ISO3 (successor state for dissolved ones).
PHX_OLD_CODES = {"ANG": "AGO", "ZAI": "COD", "KSV": "UNK", "TMP": "TLS", "DDR": "DEU",
                 "SUN": "RUS", "ROM": "ROU", "BUR": "MMR", "YUG": "SRB", "CSK": "CZE"}


def phoenix_code_parts(code: str, countries: set[str]) -> tuple[str | None, str | None]:
    """(country, sector) of a Phoenix code: country an ISO3 or None, sector an agent code.

    GOVLEG-style institutions keep the specific sector; a religion sub-code yields to a
    later role code (BUDREB -> REB) and otherwise means REL.
    """
    head = PHX_OLD_CODES.get(code[:3], code[:3])
    country = head if head in countries else None
    skip = 3 if country or code[:3] in PHX_REGIONS else 0
    if country and code[3:6] in countries and code[3:6] not in AGENT_CODES:
        country, skip = code[3:6], 6  # GBRVGBGOV: a territory's own government
    chunks = [c for c in (code[i:i + 3] for i in range(skip, len(code), 3)) if c in AGENT_CODES]
    if not chunks:
        return country, None
    roles = [c for c in chunks if c not in RELIGION_CODES]
    if not roles:
        return country, "REL"
    if roles[0] == "GOV" and len(roles) > 1 and roles[1] in {"LEG", "JUD", "MIL", "COP", "SPY"}:
        return country, roles[1]
    return country, roles[0]


def is_phoenix_person(block: dict) -> bool:
    note = block["note"].lower()
    ranged = any(re.search(r"\d-\d", dates) for _, dates in block["codes"])
    return "countryinfo" in note or "rulers" in note or ranged


# ---------------------------------------------------------------------------- entities
class Entities:
    """Keyed entity rows; the lowest priority number wins a contested key.

    A key that two different actors claim at the same priority (an alias several groups
    share) is ambiguous: it is dropped rather than given to whichever came first, unless a
    stronger source (an override) settles it.
    """

    def __init__(self):
        self._rows: dict[str, tuple] = {}
        self._contested: dict[str, int] = {}

    @property
    def rows(self) -> dict[str, tuple]:
        return {k: row for k, row in self._rows.items() if self._contested.get(k) != row[0]}

    def contested(self) -> list[str]:
        return sorted(k for k in self._rows if self._contested.get(k) == self._rows[k][0])

    def add(self, text: str, priority: int, name: str, kb_id, country, sector, code, kind,
            group: str | None = None):
        key = entity_key(text)
        if len(key) < 2 or not code:
            return
        # Short all-capital forms (WHO, US, AU) only match when written in capitals. Phoenix
        # writes every name in capitals, so there only very short names count as acronyms.
        limit = 4 if priority == PRI_PHOENIX or priority == PRI_IGO else 5
        acronym = int(text.replace(".", "").isupper() and len(key) <= limit and " " not in key)
        row = (priority, name, kb_id, country, sector, code, kind, acronym, group or name)
        old = self._rows.get(key)
        if old is None or priority < old[0]:
            self._rows[key] = row
        elif priority == old[0] and _identity(old) != _identity(row) and old[8] != row[8]:
            self._contested[key] = priority


def _identity(row: tuple) -> tuple:
    """What a lookup would return for a row: two claims alike in this are no conflict."""
    return row[3], row[4], row[5], row[6]


def load_countries(src: Path, ents: Entities) -> tuple[list[tuple], dict]:
    data = json.load(open(src / "mledoze_countries" / "countries.json", encoding="utf-8"))
    qids = country_qids(src, data)
    rows, cities = [], capital_alternates(src)
    for c in data:
        iso3, common = c["cca3"], c["name"]["common"]
        demonym = c.get("demonyms", {}).get("eng", {})
        capital = (c.get("capital") or [""])[0]
        rows.append((iso3, common, c["name"]["official"], qids.get(iso3), capital,
                     demonym.get("m"), bool(c.get("independent"))))
        shift = 0 if c.get("independent") else PRI_PHOENIX  # territories lose shared names
        for name in (common, c["name"]["official"], *c.get("altSpellings", [])):
            if is_country_alias(name):
                ents.add(name, PRI_COUNTRY + shift, common, qids.get(iso3), iso3, None, iso3,
                         "country")
        for form in demonym_forms(demonym):
            ents.add(form, PRI_DEMONYM + shift, common, qids.get(iso3), iso3, None, iso3,
                     "country")
        for name in [capital, *cities.get(iso3, [])]:
            if name and entity_key(name) not in {"male"}:  # Malé = a common word
                ents.add(name, PRI_CAPITAL, name, None, iso3, "GOV", iso3 + "GOV", "metonym")
    return rows, {"name": "mledoze", "snapshot": "2026-04-27", "count": len(rows),
                  "licence": "ODbL 1.0 (mledoze/countries)"}


# Country codes common enough in news copy to stand for the country. Other two- and
# three-letter codes collide with abbreviations and words (EC, IN, IT, ME, OR, TO).
COUNTRY_ABBREVIATIONS = {"us", "usa", "uk", "uae", "drc", "prc", "rok", "dprk", "rsa", "roc"}


def is_country_alias(name: str) -> bool:
    """Names and spellings of a country; bare codes only when commonly written as names."""
    key = entity_key(name)
    is_code = name.replace(".", "").isupper() and len(key) <= 4 and " " not in key
    return (len(key) > 2 and not is_code) or key in COUNTRY_ABBREVIATIONS


def demonym_forms(demonym: dict) -> set[str]:
    """Demonyms and their plurals as nouns (Afghans, Iraqis); "Bosnian, Herzegovinian" splits."""
    forms = {f.strip() for v in (demonym.get("m"), demonym.get("f")) if v for f in v.split(",")}
    return forms | {plural for f in forms if (plural := demonym_plural(f))}


def demonym_plural(word: str) -> str | None:
    """Plural of a demonym used as a noun; None for forms with no plural (Chinese, French)."""
    if " " in word or not word or word.endswith(("ese", "ch", "sh", "s", "x", "z")):
        return None
    return word + "s"


def country_qids(src: Path, data: list[dict]) -> dict[str, str]:
    """Country QIDs from the Wikidata heads-of-state file, matched on the common name."""
    by_name = {entity_key(c["name"]["common"]): c["cca3"] for c in data}
    by_name.update({entity_key(c["name"]["official"]): c["cca3"] for c in data})
    out = {}
    path = src / "wikidata_officeholders" / "heads_of_state_gov_2021_2022.csv"
    for row in csv.DictReader(open(path, encoding="utf-8")):
        iso3 = by_name.get(entity_key(row["country"]))
        if iso3:
            out.setdefault(iso3, row["countryid"])
    return out


def capital_alternates(src: Path) -> dict[str, list[str]]:
    """Latin alternate names of capitals (Kiev for Kyiv), plain-looking ones only."""
    out = defaultdict(list)
    with open(src / "geonames" / "cities15000_latin.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["is_capital"] != "1":
                continue
            alts = [a for a in (row["latin_alternates"] or "").split("|")
                    if re.fullmatch(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?", a)]
            out[row["iso3"]] += [row["name"], *alts]
    return out


def city_keys(src: Path) -> set[str]:
    with open(src / "geonames" / "cities15000_latin.tsv", encoding="utf-8") as fh:
        return {entity_key(r["name"]) for r in csv.DictReader(fh, delimiter="\t")
                if r["is_capital"] != "1"}


def load_phoenix_entities(src: Path, ents: Entities, isos: set[str]) -> dict:
    base, cities, count = src / "petrarch2", city_keys(src), 0
    for block in parse_phoenix(base / "Phoenix.Countries.actors.txt"):
        if is_phoenix_person(block) or not block["codes"]:
            continue
        code = block["codes"][-1][0]
        country, sector = phoenix_code_parts(code, isos)
        if not country:
            continue
        kind = "country" if sector is None else "institution"
        for name in [block["name"], *block["aliases"]]:
            if kind == "institution" or entity_key(name) not in cities:
                ents.add(name, PRI_PHOENIX, block["name"].title(), None, country, sector,
                         country + (sector or ""), kind)
                count += 1
    count += _phoenix_orgs(base / "Phoenix.International.actors.txt", ents, isos, "igo")
    count += _phoenix_orgs(base / "Phoenix.MilNonState.actors.txt", ents, isos, "armed_group")
    return {"name": "phoenix", "snapshot": "2019-03-18", "count": count,
            "licence": "MIT (petrarch2); country part CC BY-SA 3.0 (CountryInfo)"}


def _phoenix_orgs(path: Path, ents: Entities, isos: set[str], default_kind: str) -> int:
    count = 0
    blocks = [b for b in parse_phoenix(path) if not is_phoenix_person(b) and b["codes"]]
    tails = name_tails(blocks)
    for block in blocks:
        block["aliases"] = [a for a in block["aliases"]
                            if len(tails.get(entity_key(a), set()) - {block["name"]}) < 2]
        code = block["codes"][-1][0]
        country, sector = phoenix_code_parts(code, isos)
        kind = {"IGO": "igo", "NGO": "ngo", "MNC": "institution"}.get(code[:3], default_kind)
        composite = code if country is None else country + (sector or "")
        names = [block["name"], *block["aliases"]]
        for name in names:
            ents.add(name, PRI_IGO if kind == "igo" else PRI_PHOENIX, block["name"].title(),
                     None, country, sector, composite, kind, group=names[0])
            count += 1
    return count


def name_tails(blocks: list[dict]) -> dict[str, set[str]]:
    """Trailing word runs of each main name -> the names ending so ("islamic jihad" ends
    "palestinian islamic jihad"). An alias that ends two or more other groups' names is a
    generic label (Islamic Jihad, Youth), not one group's name."""
    out: dict[str, set[str]] = defaultdict(set)
    for block in blocks:
        words = entity_key(block["name"]).split()
        for i in range(1, len(words)):
            out[" ".join(words[i:])].add(block["name"])
    return out


# ---------------------------------------------------------------------------- sectors
# PLOVER's agents file reuses MED for medical staff and adds JRN for journalists; the output
# contract follows CAMEO (MED = media, HLH = health), so PLOVER-only phrases are recoded.
PLOVER_RECODE = {"MED": "HLH", "JRN": "MED"}


def load_sector_words(src: Path) -> tuple[dict[str, str], dict]:
    """Agent phrases -> code: the CAMEO-era Phoenix file, plus phrases only PLOVER has."""
    words = dict(parse_agents(src / "petrarch2" / "Phoenix.agents.txt"))
    for phrase, code in parse_agents(src / "ngec_plover_agents" / "PLOVER_agents.txt"):
        head = PLOVER_RECODE.get(code[:3], code[:3])
        if phrase not in words and head in KNOWN_SECTORS:
            words[phrase] = head + code[3:]
    return words, {"name": "agents", "snapshot": "2025-08-01", "count": len(words),
                   "licence": "MIT (Phoenix / PLOVER agents)"}


def parse_agents(path: Path):
    macros = {}
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        code = PHX_CODE.search(line)
        if not code or not primary_sector(code.group(1)):
            continue
        head = line[:code.start()]
        plurals = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        for phrase in [*_expand(head, macros), *plurals]:
            key = norm_text(phrase.replace("_", " "))
            if key:
                yield key, code.group(1).lstrip("~")


def _expand(head: str, macros: dict) -> list[str]:
    m = re.search(r"!\w+!", head)
    if not m or m.group() not in macros:
        return [head]
    return [x for word in macros[m.group()]
            for x in _expand(head[:m.start()] + word + head[m.end():], macros)]


# ---------------------------------------------------------------------------- overrides
def load_overrides(path: Path, people: People, ents: Entities, words: dict) -> dict:
    data = yaml.safe_load(open(path, encoding="utf-8"))
    snapshot = clean_date(data["snapshot"])
    for entry in data.get("people", []):
        _override_person(people, entry, snapshot)
    for entry in data.get("handles", []):
        kb_id = _override_target(people, entry["person"])
        people.handles.append((entry["handle"], kb_id, clean_date(entry.get("start")),
                               clean_date(entry.get("end"))))
    for entry in data.get("entities", []):
        code = entry.get("code") or (entry.get("country") or "") + (entry.get("sector") or "")
        for name in [entry["name"], *entry.get("aliases", [])]:
            ents.add(name, PRI_OVERRIDE, entry["name"], entry.get("qid"), entry.get("country"),
                     entry.get("sector"), code, entry["kind"])
    for word, code in (data.get("sector_words") or {}).items():
        words[norm_text(word)] = code
    return {"name": "overrides", "snapshot": snapshot, "count": len(data.get("people", [])),
            "licence": "project-maintained (facts)"}


def _override_person(people: People, entry: dict, snapshot: str) -> None:
    roles = entry.get("roles", [])
    first_country = roles[0].get("country") if roles else None
    kb_id = entry.get("qid") or people.find(entry["name"], first_country) or \
        "dyads:" + norm_text(entry["name"]).replace(" ", "-")
    people.names[kb_id] = entry["name"]  # the override's spelling becomes canonical
    people.add(kb_id, entry["name"], *entry.get("aliases", []))
    for role in roles:
        people.add_role(kb_id, title=role["title"], country=role.get("country"),
                        sector=role.get("sector"), start=clean_date(role.get("start")),
                        end=clean_date(role.get("end")), source="overrides", snapshot=snapshot)


def _override_target(people: People, ref: str) -> str:
    if ref in people.names:
        return ref
    for kb_id, name in people.names.items():
        if name == ref:
            return kb_id
    raise ValueError(f"override handle points at unknown person {ref!r}: add them under people")


# ---------------------------------------------------------------------------- merging
def merge_roles(roles: list[dict]) -> list[dict]:
    """Drop duplicate spells (same title, starts within 60 days): precedence wins, ends fill.

    Spells that end before they start (source errors) are dropped.
    """
    rank = {"overrides": 4, "wikidata": 3, "factbook": 2, "phoenix": 1}
    kept: list[dict] = []
    roles = [r for r in roles if not (r["start"] and r["end"] and r["end"] < r["start"])]
    for role in sorted(roles, key=lambda r: -rank[r["source"]]):
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


def spacy_stop_words() -> set[str]:
    """English function words ("will", "may", "even") never stand alone for a surname."""
    from spacy.lang.en.stop_words import STOP_WORDS
    return {norm_text(w) for w in STOP_WORDS}


def person_keys(names: set[str], canonical: str, blocked: set[str]):
    """(key, kind) pairs for one person: full names, first+last, initial+last, surname."""
    out: dict[str, str] = {}
    weight = {"full": 4, "alias": 3, "short": 2, "nsurname": 1}
    for name in names:
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


# ---------------------------------------------------------------------------- writing
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources (name TEXT PRIMARY KEY, snapshot TEXT, count INTEGER, licence TEXT);
CREATE TABLE people (pid INTEGER PRIMARY KEY, kb_id TEXT, name TEXT, prominence REAL);
-- kind: f(ull name) a(lias) s(hort: first+last, initial+last) n (surname only)
CREATE TABLE person_keys (key TEXT, pid INTEGER, kind TEXT,
                          PRIMARY KEY (key, pid)) WITHOUT ROWID;
CREATE TABLE titles (tid INTEGER PRIMARY KEY, title TEXT, rank REAL);
CREATE TABLE roles (pid INTEGER, n INTEGER, tid INTEGER, country TEXT, sector TEXT, start TEXT,
                    end TEXT, source TEXT, snapshot TEXT, PRIMARY KEY (pid, n)) WITHOUT ROWID;
-- roles.source: o(verrides) w(ikidata) f(actbook) p(hoenix); snapshot only for open spells
CREATE TABLE handles (key TEXT, pid INTEGER, start TEXT, end TEXT);
CREATE TABLE entities (key TEXT PRIMARY KEY, name TEXT, kb_id TEXT, country TEXT, sector TEXT,
                       code TEXT, kind TEXT, acronym INTEGER, priority INTEGER) WITHOUT ROWID;
CREATE TABLE countries (iso3 TEXT PRIMARY KEY, name TEXT, official TEXT, qid TEXT,
                        capital TEXT, demonym TEXT, independent INTEGER);
CREATE TABLE sector_words (key TEXT PRIMARY KEY, code TEXT) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX handles_key ON handles(key);
"""


def write_people(db: sqlite3.Connection, people: People, blocked: set[str]) -> None:
    pids, titles = {}, {}
    for pid, kb_id in enumerate(sorted(people.names), start=1):
        roles = merge_roles(people.roles.get(kb_id, []))
        if not roles and not kb_id.startswith("dyads:"):
            continue
        pids[kb_id] = pid
        prominence = max((r["rank"] for r in roles), default=0) + 0.1 * min(len(roles), 10)
        if any(r["source"] == "overrides" for r in roles):
            prominence += 1.5  # curated because they are in the news
        db.execute("INSERT INTO people VALUES (?,?,?,?)",
                   (pid, kb_id, people.names[kb_id], round(prominence, 2)))
        for r in roles:
            titles.setdefault(r["title"], (len(titles) + 1, r["rank"]))
        db.executemany("INSERT INTO roles VALUES (?,?,?,?,?,?,?,?,?)", [
            (pid, n, titles[r["title"]][0], r["country"], r["sector"], r["start"], r["end"],
             r["source"][0], None if r["end"] else r["snapshot"]) for n, r in enumerate(roles)])
        db.executemany("INSERT OR IGNORE INTO person_keys VALUES (?,?,?)",
                       key_rows(pid, people.aliases[kb_id], people.names[kb_id], blocked))
    db.executemany("INSERT INTO titles VALUES (?,?,?)",
                   [(tid, title, rank) for title, (tid, rank) in titles.items()])
    db.executemany("INSERT INTO handles VALUES (?,?,?,?)", [
        ("@" + norm_text(h).lstrip("@").replace(" ", "_"), pids[kb], s, e)
        for h, kb, s, e in people.handles])


def key_rows(pid: int, names: set[str], canonical: str, blocked: set[str]) -> list[tuple]:
    """Exact keys first, then loose spellings (stored under the same column) if new."""
    rows = [(key, pid, kind[0]) for key, kind in person_keys(names, canonical, blocked)]
    exact = {key for key, _, _ in rows}
    rows += [(loose_key(key), pid, kind) for key, _, kind in rows
             if loose_key(key) not in exact]
    return rows


def write_kb(out: Path, sources: list[dict], people: People, ents: Entities,
             countries: list[tuple], words: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    blocked = STOP_SURNAMES | set(ents.rows) | set(words) | spacy_stop_words()
    write_people(db, people, blocked)
    db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
                   [(k, *row[1:8], row[0]) for k, row in ents.rows.items()])
    db.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?)", countries)
    db.executemany("INSERT INTO sector_words VALUES (?,?)", sorted(words.items()))
    db.executemany("INSERT INTO sources VALUES (?,?,?,?)",
                   [(s["name"], s["snapshot"], s["count"], s["licence"]) for s in sources])
    db.executemany("INSERT INTO meta VALUES (?,?)", [
        ("built", date.today().isoformat()), ("schema", "1"),
        ("precedence", "overrides > wikidata > factbook > phoenix")])
    db.executescript(INDEXES)
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)


def build(sources: Path, out: Path, overrides: Path) -> dict:
    if not sources.is_dir():
        raise SystemExit(f"sources folder {sources} not found: pass --sources DIR")
    people, ents = People(), Entities()
    countries, mledoze = load_countries(sources, ents)
    isos = {row[0] for row in countries}
    words, agents = load_sector_words(sources)
    wikidata = load_wikidata(sources, people)
    factbook = load_factbook(sources, people, {r[0] for r in countries if r[6]})
    phoenix = load_phoenix_entities(sources, ents, isos)
    leaders = load_phoenix_leaders(sources, people, isos)
    phoenix["count"] += leaders["count"]
    phoenix["licence"] = "MIT (petrarch2); country and leader part CC BY-SA 3.0 (CountryInfo)"
    over = load_overrides(overrides, people, ents, words)
    write_kb(out, [over, wikidata, factbook, phoenix, mledoze, agents], people, ents,
             countries, words)
    return {"people": len(people.names), "entities": len(ents.rows), "words": len(words)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--overrides", type=Path, default=DEFAULT_OVERRIDES)
    args = parser.parse_args(argv)
    counts = build(args.sources, args.out, args.overrides)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
