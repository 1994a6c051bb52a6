"""Phoenix/PETRARCH actor dictionaries (MIT; country part from CountryInfo, CC BY-SA 3.0):
the .actors file format, its composite codes, and the entities they yield."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from dyads.actors.sectors import AGENT_CODES, RELIGION_CODES, entity_key

from .entities import PRI_IGO, PRI_PHOENIX, Entities
from .geonames import city_keys

PHX_CODE = re.compile(r"\[([^\]]*)\]")
# Phoenix prefixes that name a region or an unplaced group rather than a country (KKL marks
# groups the file's coders could not place); such actors get country None.
PHX_REGIONS = {"AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "CRB", "EIN", "EAF", "EEU",
               "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA",
               "SAF", "WAF", "WST", "WEU", "INT", "KKL", "ARB"}
# Older CAMEO/CountryInfo country codes -> ISO3 (successor state for dissolved ones).
PHX_OLD_CODES = {"ANG": "AGO", "ZAI": "COD", "KSV": "UNK", "TMP": "TLS", "DDR": "DEU",
                 "SUN": "RUS", "ROM": "ROU", "BUR": "MMR", "YUG": "SRB", "CSK": "CZE"}


# ---------------------------------------------------------------------------- file format
def parse_phoenix(path: Path) -> list[dict]:
    """Blocks of a Phoenix .actors file: {name, aliases, codes[(code, dates)], note}."""
    blocks, block = [], None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
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


def company_code_parts(code: str, countries: set[str]) -> tuple[str, str] | None:
    """A company with a home country (MNCUSA, MNCJPN, MNCUSAMED) is a business of that
    country, as news and the annotation guide code it (Wells Fargo: USA, BUS; a media
    company MED); None for other codes and for companies of no one country (MNC)."""
    if code[:3] != "MNC" or code[3:6] not in countries:
        return None
    return code[3:6], "MED" if code[6:9] == "MED" else "BUS"


def is_phoenix_person(block: dict) -> bool:
    note = block["note"].lower()
    ranged = any(re.search(r"\d-\d", dates) for _, dates in block["codes"])
    return "countryinfo" in note or "rulers" in note or ranged


# ---------------------------------------------------------------------------- entities
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
            # a city's name stands for a place, not for its country
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
        country, sector = company_code_parts(code, isos) or phoenix_code_parts(code, isos)
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
