"""American party politics as news writes it, for actors the KB does not know.

"Tom Doe, a Democrat from Ohio", "Republican Jo Doe", "the Democratic nominee", "GOP
lawmakers", "House Republicans": the party word says the actor is American and what kind
of political actor it is. Other countries have Democrats and Republicans too ("the
Republican Guard", "Social Democrats"), so a party word counts only on a people word and
only in a story about the United States (or with a US place in the phrase itself).
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Actor
from .kb import composite_code
from .mentions import phrase_of

PARTY_WORDS = {"democrat", "democrats", "democratic", "republican", "republicans", "gop"}
# Chambers before party members make them legislators: "Senate Democrats".
CHAMBER_WORDS = {"house", "senate", "congressional", "congress"}
# People words a party adjective makes a party's: "the Democratic nominee".
PEOPLE_WORDS = {"nominee", "nominees", "candidate", "candidates", "lawmaker", "lawmakers",
                "legislator", "legislators", "senator", "senators", "congressman",
                "congresswoman", "congressmen", "representative", "representatives",
                "leader", "leaders", "leadership", "official", "officials", "operative",
                "operatives", "strategist", "strategists", "donor", "donors", "challenger",
                "incumbent", "governor", "governors", "mayor", "members", "member",
                "delegates", "establishment", "lawmakers", "activists", "chairman", "chair",
                "presidential", "hopeful", "hopefuls", "rival", "rivals", "colleagues"}
NAMELESS_SECTORS = {None, "ELI"}  # a party member whose title names no office
US_KEY = "dyads_us_story"  # cache slot in Doc.user_data
US_SHARE = 0.5  # the US must be at least this share of the countries the story names


def refine(actor: Actor | None, token, kb, gazetteer=None) -> Actor | None:
    """The actor with the country (USA) and sector a party word in its phrase gives it."""
    if actor is not None and actor.code == "USAPTY" and _chamber_members(token):
        return replace(actor, sector="LEG", code="USALEG")  # "Senate Democrats"
    if actor is None or actor.kb_id or actor.resolved_by not in {"sector", "title", "context"}:
        return actor
    if actor.country not in {None, "USA"}:
        return actor
    doc = token.doc
    phrase = phrase_of(token)
    words = [t for t in doc[phrase.left:phrase.right] if t.lower_ in PARTY_WORDS]
    if not words:
        return actor
    if not _party_person(actor, token, words):
        return actor
    if not (_us_place(doc, phrase, gazetteer) or us_story(doc, kb, gazetteer)):
        return actor
    sector = actor.sector if actor.sector not in NAMELESS_SECTORS else "PTY"
    return replace(actor, country="USA", sector=sector, code=composite_code("USA", sector),
                   resolved_by="title", confidence=max(actor.confidence, 0.6))


def _chamber_members(token) -> bool:
    """'Senate Democrats', 'House Republicans': a chamber's party members legislate."""
    return token.lower_ in {"democrats", "republicans"} and any(
        c.lower_ in CHAMBER_WORDS for c in token.children if c.i < token.i)


def _party_person(actor: Actor, token, words) -> bool:
    """A named person with a party word before the name or in apposition ('Tom Doe, a
    Democrat'), or a people word the party word modifies ('GOP lawmakers')."""
    if actor.name:
        return any(w.i < token.i or w.dep_ == "appos" or w.head.dep_ == "appos" for w in words)
    return token.lower_ in PEOPLE_WORDS and any(w.head.i == token.i for w in words)


def _us_place(doc, phrase, gazetteer) -> bool:
    """'a Democrat from Ohio': an American place named inside the phrase."""
    if gazetteer is None:
        return False
    for ent in doc[phrase.left:phrase.right].ents:
        if ent.label_ == "GPE":
            place = gazetteer.lookup(ent.text)
            if place is not None and place.country == "USA":
                return True
    return False


def us_story(doc, kb, gazetteer=None) -> bool:
    """Whether the article is about the United States: the places and KB people it names
    are American more than anything else (counted once per document)."""
    cached = doc.user_data.get(US_KEY)
    if cached is not None:
        return cached
    counts: dict[str, int] = {}
    for ent in doc.ents:
        country = _ent_country(ent, kb, gazetteer)
        if country:
            counts[country] = counts.get(country, 0) + 1
    total = sum(counts.values())
    found = bool(total) and counts.get("USA", 0) >= US_SHARE * total \
        and counts["USA"] == max(counts.values())
    doc.user_data[US_KEY] = found
    return found


def _ent_country(ent, kb, gazetteer) -> str | None:
    if ent.label_ == "PERSON" and len(ent) > 1:
        match = kb.person(ent.text)
        return match.country if match is not None and match.name_kind != "surname" else None
    if ent.label_ in {"GPE", "NORP", "ORG"}:
        entity = kb.entity(ent.text)
        if entity is not None:
            return entity.country
        if ent.label_ == "GPE" and gazetteer is not None:
            place = gazetteer.lookup(ent.text)
            return place.country if place is not None else None
    return None
