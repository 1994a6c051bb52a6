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
    """Latin alternate names of capitals (Kiev for Kyiv), plain-looking ones only. A name
    that a bigger city of another country bears (Philadelphia, an old name of Amman; the
    Seychelles' Victoria) stands for that city, not for a government."""
    with open(_cities_path(src), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    biggest = _biggest_by_name(rows)
    out = defaultdict(list)
    for row in rows:
        if row["is_capital"] != "1":
            continue
        alts = [a for a in (row["latin_alternates"] or "").split("|")
                if re.fullmatch(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?", a)]
        for name in [row["name"], *alts]:
            owner = biggest.get(entity_key(name))
            if owner is None or owner["iso3"] == row["iso3"] or owner is row:
                out[row["iso3"]].append(name)
    return out


def _biggest_by_name(rows: list[dict]) -> dict[str, dict]:
    """The most populous city bearing each primary name."""
    out: dict[str, dict] = {}
    for row in rows:
        key = entity_key(row["name"])
        if key not in out or _population(row) > _population(out[key]):
            out[key] = row
    return out


def _population(row: dict) -> int:
    return int(row["population"] or 0)


def city_keys(src: Path) -> set[str]:
    """Entity keys of cities other than capitals (capitals stand for governments instead)."""
    with open(_cities_path(src), encoding="utf-8") as fh:
        return {entity_key(r["name"]) for r in csv.DictReader(fh, delimiter="\t")
                if r["is_capital"] != "1"}
