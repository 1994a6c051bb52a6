"""Country names that news uses for two places: 'Georgia' (the US state or the country),
'Congo' (either Congo), 'Sudan' (in a story about South Sudan), 'Niger' (the Niger Delta
of Nigeria). The KB gives each name one country; the article's other places and actors
choose the other one when they name it and never name the KB's country by other words.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Actor
from . import coref
from .kb import composite_code

# KB name → (the other country, whether that country must be the article's main one). A
# US story names the US throughout, but so may a story about the country of Georgia; the
# state needs the US to lead the article.
ALTERNATIVES = {"Georgia": ("USA", True), "Congo": ("COD", False), "DR Congo": ("COG", False),
                "Sudan": ("SSD", False), "Niger": ("NGA", False)}


def disambiguated(actor: Actor | None, token_i: int, antecedents) -> Actor | None:
    """The actor with the other country of its ambiguous name when the article says so."""
    if actor is None or actor.name not in ALTERNATIVES or actor.resolved_by != "country":
        return actor
    other, must_lead = ALTERNATIVES[actor.name]
    rest = [a for a in antecedents if a.actor.name != actor.name and a.token != token_i]
    named = {a.actor.country for a in rest if a.actor.country}
    if actor.country in named or other not in named:
        return actor
    if must_lead and coref.dominant_country(rest, token_i) != other:
        return actor
    return replace(actor, country=other, kb_id=None, code=composite_code(other, actor.sector))
