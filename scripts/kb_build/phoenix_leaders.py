"""Dated head-of-state/government spells of CountryInfo leaders in the Phoenix country file
(CC BY-SA 3.0): the lowest-priority people source."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from dyads.actors.sectors import norm_text

from .people import People, match_surname
from .phoenix import parse_phoenix, phoenix_code_parts

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
             or match_surname(people, {"given": given, "surname": surname}, country)
             or f"dyads:phx-{country}-{norm_text(full).replace(' ', '-')}")
    people.add(kb_id, people.names.get(kb_id, full), *names)
    people.add_role(kb_id, title=PHX_LEADER_TITLE, country=country, sector="GOV",
                    start=spell[0], end=spell[1], source="phoenix",
                    snapshot=None if spell[1] else PHX_SNAPSHOT)


def _phx_person_name(text: str) -> str:
    """CARLOS_SAUL_MENEM -> Carlos Saul Menem (Mc/Mac and hyphenated parts kept capitalised)."""
    words = [w for w in text.replace("_", " ").split() if w]
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words)
