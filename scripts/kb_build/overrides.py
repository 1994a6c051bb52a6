"""Hand-kept facts (src/dyads/data/kb_overrides.yaml): people, handles, entities and sector
words that win over every other source."""
from __future__ import annotations

from pathlib import Path

import yaml

from dyads.actors.sectors import norm_text

from .entities import PRI_OVERRIDE, Entities
from .people import People, clean_date


def load_overrides(path: Path, people: People, ents: Entities, words: dict) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
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
