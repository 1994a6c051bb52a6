"""Country names that news uses for two places: 'Georgia' (the US state or the country),
'Congo' (either Congo), 'Sudan' (in a story about South Sudan), 'Niger' (the Niger Delta
of Nigeria), 'Korea' (South unless the story is about the North), 'Guinea' (in a story
about Guinea-Bissau or Equatorial Guinea), 'Washington' (the US government, or the state
in a story about US states). The KB gives each name one country; the article's other
places and actors choose another when they name it and never name the KB's country by
other words.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Actor
from . import coref
from .kb import composite_code

# KB name → (the other countries, in order of preference; whether that country must be the
# article's main one). A US story names the US throughout, but so may a story about the
# country of Georgia; the state needs the US to lead the article.
ALTERNATIVES = {"Georgia": (("USA",), True), "Congo": (("COD",), False),
                "DR Congo": (("COG",), False), "Sudan": (("SSD",), False),
                "Niger": (("NGA",), False), "Korea": (("PRK",), False),
                "Guinea": (("GNB", "GNQ", "PNG"), False)}


def disambiguated(actor: Actor | None, token_i: int, antecedents) -> Actor | None:
    """The actor with the other country of its ambiguous name when the article says so."""
    if actor is None or actor.name not in ALTERNATIVES or actor.resolved_by != "country":
        return actor
    others, must_lead = ALTERNATIVES[actor.name]
    rest = [a for a in antecedents if a.actor.name != actor.name and a.token != token_i]
    named = {a.actor.country for a in rest if a.actor.country}
    other = next((c for c in others if c in named), None)
    if actor.country in named or other is None:
        return actor
    if must_lead and coref.dominant_country(rest, token_i) != other:
        return actor
    return replace(actor, country=other, kb_id=None, code=composite_code(other, actor.sector))


STATE_WORDS = {"state", "state's"}
MIN_STATES = 2  # US states a story names besides Washington before it is about states


def washington_state(actor: Actor | None, token, gazetteer) -> Actor | None:
    """'Washington state', 'the state of Washington', or 'Oregon and Washington' in a story
    naming other US states: the state, a place in the US, not the federal government."""
    if actor is None or actor.name != "Washington" or actor.resolved_by != "metonym" \
            or gazetteer is None:
        return actor
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    state_of = token.i >= 2 and doc[token.i - 1].lower_ == "of" and \
        doc[token.i - 2].lower_ == "state"
    written_as_state = state_of or (after is not None and after.lower_ in STATE_WORDS)
    listed = any(_us_state(c.text, gazetteer) for c in list(token.children) + [token.head]
                 if c.dep_ == "conj" or (token.dep_ == "conj" and c.i == token.head.i))
    if not (written_as_state or (listed and _states_named(doc, gazetteer) >= MIN_STATES)):
        return actor
    return replace(actor, name="Washington (state)", kb_id=None, sector=None, code="USA",
                   resolved_by="place", confidence=round(actor.confidence * 0.7, 3))


def _us_state(name: str, gazetteer) -> bool:
    if name == "Washington":
        return False
    place = gazetteer.lookup(name)
    return place is not None and place.country == "USA" and place.precision == "region"


def _states_named(doc, gazetteer) -> int:
    """How many different US states (other than Washington) the article names."""
    return len({e.text for e in doc.ents if e.label_ == "GPE" and _us_state(e.text, gazetteer)})
