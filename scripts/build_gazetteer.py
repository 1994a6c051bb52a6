"""Build the shipped gazetteer, src/dyads/data/gazetteer.tsv.gz, from the raw place sources.

Sources (in ../shared/kb-sources, see /work/notes/licenses-places.md):
- geonames/cities15000_latin.tsv: 34k places with population >= 15,000 (GeoNames, CC BY 4.0)
- geonames/countries.json: ISO codes, names, capitals (GeoNames, CC BY 4.0)
- mledoze_countries/countries.json: common/official names, alternate spellings and a
  representative point (lat/lng) per country (ODbL 1.0)

Output: a gzipped TSV in two sections. First a header and one row per place:
    kind  geonames_id  name  iso3  admin1  population  lat  lon  capital
(kind is country | region | city). Then a line "#keys" and one row per lookup key
(dyads.places.normalize of a name or Latin alternate name):
    key  postings
where postings are comma-separated place row numbers, suffixed "a" when the key comes
from an alternate name. The index is precomputed so that loading stays fast.

Regions: the sources carry no admin1 names, so only US states (names written here,
postal codes = GeoNames admin1 codes; point = mean of the state's cities) and a short
hand-kept list of conflict regions anchored at their main city are included.

Usage: python scripts/build_gazetteer.py [--sources DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import unicodedata
from pathlib import Path

from dyads.places import normalize

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = REPO.parent / "shared" / "kb-sources"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "gazetteer.tsv.gz"
COLUMNS = ("kind", "geonames_id", "name", "iso3", "admin1", "population", "lat", "lon",
           "capital")

# Short names in common news use that neither country source spells out.
EXTRA_COUNTRY_NAMES = {
    "GBR": ["Britain", "Great Britain", "England", "Scotland", "Wales", "U.K."],
    "USA": ["America", "U.S.", "U.S.A.", "United States"],
    "BIH": ["Bosnia", "Bosnia-Hercegovina"], "CZE": ["Czech Republic"],
    "PSE": ["Palestinian Territories", "Palestinian territories"],
    "COD": ["Democratic Republic of the Congo", "Congo-Kinshasa", "Zaire"],
    "MKD": ["Macedonia", "FYROM"], "ARE": ["UAE", "Emirates"], "VAT": ["Holy See"],
    "TLS": ["East Timor"], "CIV": ["Ivory Coast"], "MMR": ["Burma"],
}
# Short all-caps alternate spellings worth keeping (others, like "IN" or "GB", are noise).
KEEP_CODES = {"UK", "US", "USA", "UAE", "DRC", "DPRK", "PRC", "ROK"}

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida",
    "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
    "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
    "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
    "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
    "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

# Regions often named in conflict news: (name, aliases, ISO3, anchor city name in GeoNames).
# The point is the anchor city's, so it is approximate (precision "region").
ANCHORED_REGIONS = [
    ("West Bank", [], "PSE", "Ramallah"),
    ("Gaza Strip", [], "PSE", "Gaza"),
    ("Crimea", ["Crimean Peninsula"], "UKR", "Simferopol"),
    ("Donbas", ["Donbass"], "UKR", "Donetsk"),
    ("Kashmir", [], "IND", "Srinagar"),
    ("Iraqi Kurdistan", ["Kurdistan"], "IRQ", "Erbil"),
    ("Darfur", [], "SDN", "El Fasher"),
    ("Tigray", [], "ETH", "Mek'ele"),
    ("Chechnya", [], "RUS", "Grozny"),
    ("Xinjiang", [], "CHN", "Ürümqi"),
    ("Tibet", [], "CHN", "Lhasa"),
    ("Sinai", ["Sinai Peninsula"], "EGY", "Arīsh"),
    ("Balochistan", ["Baluchistan"], "PAK", "Quetta"),
    ("Kurdistan Region", [], "IRQ", "Erbil"),
]


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (drops Cyrillic, Korean, ... spellings)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def keep_alternate(alt: str) -> bool:
    """Keep capitalised Latin names; drop airport codes and lower-case transliterations."""
    if len(alt) < 3 or not alt[0].isupper() or not is_latin(alt):
        return False
    return not (alt.replace(".", "").isupper() and alt not in KEEP_CODES)


def read_cities(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [{
        "kind": "city", "geonames_id": r["geonameid"], "name": r["name"], "iso3": r["iso3"],
        "admin1": r["admin1"], "population": int(r["population"] or 0),
        "lat": float(r["lat"]), "lon": float(r["lon"]), "capital": r["is_capital"],
        "aliases": [a for a in r["latin_alternates"].split("|") if a and keep_alternate(a)],
    } for r in rows]


def country_rows(geonames: dict, mledoze: list[dict], cities: list[dict]) -> list[dict]:
    """One row per GeoNames country; point from mledoze, else the capital city."""
    by_iso3 = {c["cca3"]: c for c in mledoze}
    capitals = {c["iso3"]: c for c in cities if c["capital"] == "1"}
    rows = []
    for info in geonames.values():
        iso3 = info["iso3"]
        other = by_iso3.get(iso3, {})
        point = other.get("latlng") or []
        if len(point) != 2 and iso3 in capitals:
            point = [capitals[iso3]["lat"], capitals[iso3]["lon"]]
        if len(point) != 2:
            continue  # no coordinates at all (a few uninhabited territories)
        rows.append({
            "kind": "country", "geonames_id": info["geonameid"], "name": info["name"].strip(),
            "iso3": iso3, "admin1": "", "population": int(info.get("population") or 0),
            "lat": float(point[0]), "lon": float(point[1]), "capital": "0",
            "aliases": country_aliases(info, other),
        })
    return rows


def country_aliases(info: dict, other: dict) -> list[str]:
    names = [other.get("name", {}).get("common", ""), other.get("name", {}).get("official", "")]
    names += other.get("altSpellings", []) + EXTRA_COUNTRY_NAMES.get(info["iso3"], [])
    kept = [n for n in names if n and n != info["name"] and is_latin(n)
            and (not n.replace(".", "").isupper() or n in KEEP_CODES or "." in n)]
    return sorted(set(kept))


def us_state_rows(cities: list[dict]) -> list[dict]:
    rows = []
    for code, name in US_STATES.items():
        members = [c for c in cities if c["iso3"] == "USA" and c["admin1"] == code]
        if not members:
            continue
        rows.append({
            "kind": "region", "geonames_id": "", "name": name, "iso3": "USA", "admin1": code,
            "population": sum(c["population"] for c in members),
            "lat": round(sum(c["lat"] for c in members) / len(members), 4),
            "lon": round(sum(c["lon"] for c in members) / len(members), 4),
            "capital": "0", "aliases": [],
        })
    return rows


def anchored_region_rows(cities: list[dict]) -> list[dict]:
    rows = []
    for name, aliases, iso3, anchor in ANCHORED_REGIONS:
        found = [c for c in cities if c["iso3"] == iso3 and c["name"] == anchor]
        if not found:
            print(f"warning: anchor city {anchor!r} ({iso3}) not found; {name} skipped")
            continue
        city = max(found, key=lambda c: c["population"])
        rows.append({
            "kind": "region", "geonames_id": "", "name": name, "iso3": iso3,
            "admin1": city["admin1"], "population": city["population"], "lat": city["lat"],
            "lon": city["lon"], "capital": "0", "aliases": aliases,
        })
    return rows


def lookup_keys(name: str, aliases: list[str]) -> list[str]:
    """Normalized name first, then the distinct normalized alternates."""
    keys = [normalize(name)]
    for alias in aliases:
        key = normalize(alias)
        if key and key not in keys:
            keys.append(key)
    return keys


def key_postings(rows: list[dict]) -> dict[str, list[str]]:
    postings: dict[str, list[str]] = {}
    for number, row in enumerate(rows):
        keys = lookup_keys(row["name"], row["aliases"])
        postings.setdefault(keys[0], []).append(str(number))
        for key in keys[1:]:
            postings.setdefault(key, []).append(f"{number}a")
    return postings


def write_rows(rows: list[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same sources.
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(str(r[c]).replace("\t", " ") for c in COLUMNS) + "\n")
        fh.write("#keys\n")
        for key, numbers in sorted(key_postings(rows).items()):
            fh.write(f"{key}\t{','.join(numbers)}\n")


def build(sources: Path, out: Path) -> int:
    cities = read_cities(sources / "geonames" / "cities15000_latin.tsv")
    geonames = json.loads((sources / "geonames" / "countries.json").read_text("utf-8"))
    mledoze = json.loads((sources / "mledoze_countries" / "countries.json").read_text("utf-8"))
    rows = (country_rows(geonames, mledoze, cities) + us_state_rows(cities)
            + anchored_region_rows(cities) + cities)
    write_rows(rows, out)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    count = build(args.sources, args.out)
    print(f"wrote {count} places to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
