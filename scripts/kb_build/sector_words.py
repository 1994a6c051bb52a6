"""Sector words (agent phrases -> CAMEO agent code) from the Phoenix and PLOVER agents files
(MIT)."""
from __future__ import annotations

import re
from pathlib import Path

from dyads.actors.sectors import AGENT_CODES, norm_text, primary_sector

from .phoenix import PHX_CODE

# PLOVER's agents file reuses MED for medical staff and adds JRN for journalists; the output
# contract follows CAMEO (MED = media, HLH = health), so PLOVER-only phrases are recoded.
PLOVER_RECODE = {"MED": "HLH", "JRN": "MED"}


def load_sector_words(src: Path) -> tuple[dict[str, str], dict]:
    """Agent phrases -> code: the CAMEO-era Phoenix file, plus phrases only PLOVER has."""
    words = dict(parse_agents(src / "petrarch2" / "Phoenix.agents.txt"))
    for phrase, code in parse_agents(src / "ngec_plover_agents" / "PLOVER_agents.txt"):
        head = PLOVER_RECODE.get(code[:3], code[:3])
        if phrase not in words and head in AGENT_CODES:
            words[phrase] = head + code[3:]
    return words, {"name": "agents", "snapshot": "2025-08-01", "count": len(words),
                   "licence": "MIT (Phoenix / PLOVER agents)"}


def parse_agents(path: Path):
    """(phrase key, code) pairs of an agents file, with !macro! lists and {plurals} expanded."""
    macros = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
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
