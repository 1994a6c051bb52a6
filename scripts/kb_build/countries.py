"""Countries: names, official names, demonyms and capitals (mledoze/countries, ODbL 1.0),
with Wikidata QIDs and GeoNames capital spellings."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from dyads.actors.sectors import entity_key

from .entities import PRI_CAPITAL, PRI_COUNTRY, PRI_DEMONYM, PRI_PHOENIX, Entities
from .geonames import capital_alternates

# Country codes common enough in news copy to stand for the country. Other two- and
# three-letter codes collide with abbreviations and words (EC, IN, IT, ME, OR, TO).
COUNTRY_ABBREVIATIONS = {"us", "usa", "uk", "uae", "drc", "prc", "rok", "dprk", "rsa", "roc"}
# Native spellings that are English words or names ("Island" is Iceland in Icelandic, "Mann"
# the Isle of Man in Manx): "Staten Island" and "Thomas Mann" name no country.
NOT_COUNTRY_NAMES = {"island", "mann"}


def load_countries(src: Path, ents: Entities) -> tuple[list[tuple], dict]:
    """Country rows (iso3, name, official, qid, capital, demonym, independent) + their names."""
    with open(src / "mledoze_countries" / "countries.json", encoding="utf-8") as fh:
        data = json.load(fh)
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


def is_country_alias(name: str) -> bool:
    """Names and spellings of a country; bare codes only when commonly written as names."""
    key = entity_key(name)
    if key in NOT_COUNTRY_NAMES:
        return False
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
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = by_name.get(entity_key(row["country"]))
            if iso3:
                out.setdefault(iso3, row["countryid"])
    return out
