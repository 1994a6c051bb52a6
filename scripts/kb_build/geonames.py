"""City names from the GeoNames cities15000 extract (CC BY 4.0)."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from dyads.actors.sectors import entity_key


def _cities_path(src: Path) -> Path:
    return src / "geonames" / "cities15000_latin.tsv"


def capital_alternates(src: Path) -> dict[str, list[str]]:
    """Latin alternate names of capitals (Kiev for Kyiv), plain-looking ones only."""
    out = defaultdict(list)
    with open(_cities_path(src), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["is_capital"] != "1":
                continue
            alts = [a for a in (row["latin_alternates"] or "").split("|")
                    if re.fullmatch(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?", a)]
            out[row["iso3"]] += [row["name"], *alts]
    return out


def city_keys(src: Path) -> set[str]:
    """Entity keys of cities other than capitals (capitals stand for governments instead)."""
    with open(_cities_path(src), encoding="utf-8") as fh:
        return {entity_key(r["name"]) for r in csv.DictReader(fh, delimiter="\t")
                if r["is_capital"] != "1"}
