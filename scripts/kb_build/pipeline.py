"""The whole build: load every source in precedence-aware order, then write the KB file."""
from __future__ import annotations

from pathlib import Path

from .countries import load_countries
from .entities import Entities
from .factbook import load_factbook
from .overrides import load_overrides
from .people import People
from .phoenix import load_phoenix_entities
from .phoenix_leaders import load_phoenix_leaders
from .sector_words import load_sector_words
from .wikidata import load_wikidata
from .writer import write_kb


def build(sources: Path, out: Path, overrides: Path) -> dict:
    """Build the KB at `out`; returns counts of people, entities and sector words.

    People sources run from most to least trusted (Wikidata, Factbook, Phoenix) because
    each later source attaches its spells to people the earlier ones already know; the
    overrides come last so that their spellings and entries replace what came before.
    """
    if not sources.is_dir():
        raise SystemExit(f"sources folder {sources} not found: pass --sources DIR")
    people, ents = People(), Entities()
    countries, mledoze = load_countries(sources, ents)
    isos = {row[0] for row in countries}
    words, agents = load_sector_words(sources)
    wikidata = load_wikidata(sources, people)
    factbook = load_factbook(sources, people, {r[0] for r in countries if r[6]})
    phoenix = load_phoenix_entities(sources, ents, isos)
    leaders = load_phoenix_leaders(sources, people, isos)
    phoenix["count"] += leaders["count"]
    phoenix["licence"] = "MIT (petrarch2); country and leader part CC BY-SA 3.0 (CountryInfo)"
    over = load_overrides(overrides, people, ents, words)
    write_kb(out, [over, wikidata, factbook, phoenix, mledoze, agents], people, ents,
             countries, words)
    return {"people": len(people.names), "entities": len(ents.rows), "words": len(words)}
