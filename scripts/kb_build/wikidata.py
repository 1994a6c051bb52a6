"""Office spells from the Wikidata officeholders extract (CC0): the main people source."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from dyads.actors.sectors import norm_text

from .people import People, clean_date

# Separatist repos the source maps to the parent state; coded as that state's rebels.
SEPARATIST_REPOS = {"donetsk", "luhansk-ministers", "abkhazia-ministers"}


def load_wikidata(src: Path, people: People) -> dict:
    base = src / "wikidata_officeholders"
    with open(base / "sources.csv", encoding="utf-8") as fh:
        snapshots = {row["github_repo"].split("/")[-1]: row["last_commit_date"]
                     for row in csv.DictReader(fh)}
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


def role_sector(title: str, hint: str | None) -> str | None:
    """Sector for an office: the source hint, but defence ministries count as military."""
    t = norm_text(title)
    if ("defence" in t or "defense" in t) and ("minist" in t or "secretary" in t):
        return "MIL"
    return {"GOVBUS": "GOV"}.get(hint or "", hint or None)


def _safe_date(value) -> str | None:
    """A malformed date in the extract leaves the spell open-ended rather than failing."""
    try:
        return clean_date(value)
    except ValueError:
        return None
