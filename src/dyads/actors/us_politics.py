"""American party politics as news writes it, for actors the KB does not know.

"Tom Doe, a Democrat from Ohio", "Republican Jo Doe", "the Democratic nominee", "GOP
lawmakers", "House Republicans": the party word says the actor is American and what kind
of political actor it is. Other countries have Democrats and Republicans too ("the
Republican Guard", "Social Democrats"), so a party word counts only on a people word and
only in a story about the United States (or with a US place in the phrase itself).
"""
from __future__ import annotations

from dataclasses import replace

from ..docview import view_of
from ..places import Place
from ..records import Actor
from .kb import composite_code
from .phrases import phrase_of

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
# Sectors of people words a party adjective may qualify ("Democratic superdelegates"; not
# "Republican Guard" soldiers).
POLITICAL_SECTORS = {"PTY", "LEG", "GOV"}
NAMELESS_SECTORS = {None, "ELI"}  # a party member whose title names no office
US_KEY = "dyads_us_story"  # cache slot in Doc.user_data
US_SHARE = 0.5  # the US must be at least this share of the countries the story names


def refine(actor: Actor | None, token, kb, gazetteer=None) -> Actor | None:
    """The actor with the country (USA) and sector a party word in its phrase gives it."""
    if actor is not None and actor.code == "USAPTY" and _chamber_members(token):
        return replace(actor, sector="LEG", code="USALEG")  # "Senate Democrats"
    if actor is not None and actor.code == "USAPTY" and token.lower_ in PARTY_NOUNS:
        return _local_party(actor, token, kb, gazetteer)
    if actor is None or actor.kb_id or actor.country not in {None, "USA"}:
        return actor
    doc = token.doc
    phrase = phrase_of(token)
    if chamber_body(doc[phrase.left:phrase.right], token) or _chamber_title(actor, token, phrase):
        return _american(actor, "LEG", doc, kb, gazetteer)
    if actor.resolved_by not in {"sector", "title", "context"}:
        return actor
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


def _american(actor: Actor, sector: str, doc, kb, gazetteer) -> Actor:
    """The actor as an American one of ``sector``, in a US story only."""
    if actor.country is None and not us_story(doc, kb, gazetteer):
        return actor
    return replace(actor, country="USA", sector=sector, code=composite_code("USA", sector),
                   # a body stays a body (not a titled person coreference could take)
                   resolved_by={"sector": "title", "ngo": "body"}.get(actor.resolved_by,
                                                                     actor.resolved_by),
                   confidence=max(actor.confidence, 0.6))


BODY_WORDS = {"committee", "subcommittee", "caucus", "panel"}


def chamber_body(span, head) -> bool:
    """'the House Oversight Committee', 'the Senate's ethics panel', 'the Congressional
    Black Caucus': a body of a chamber of Congress (not of the White House) legislates."""
    return head.lemma_.lower() in BODY_WORDS and any(_chamber(t) for t in span)


def _chamber(token) -> bool:
    doc = token.doc
    return token.lower_ in CHAMBER_WORDS and token.text[:1].isupper() and not (
        token.i > 0 and doc[token.i - 1].lower_ == "white")


def _chamber_title(actor: Actor, token, phrase) -> bool:
    """'House Oversight Committee Chairman Jo Doe', 'Senate Majority Leader Jo Doe': an
    unknown person titled by a chamber of Congress is a legislator."""
    if not actor.name or actor.sector not in NAMELESS_SECTORS or actor.resolved_by not in {
            "title", "context"}:
        return False
    return any(_chamber(t) for t in token.doc[phrase.left:token.i] if t.ent_type_ != "PERSON")


PARTY_NOUNS = {"democrats", "republicans"}


def _local_party(actor: Actor, token, kb, gazetteer) -> Actor:
    """'the Christian Democrats', 'the Sweden Democrats', or 'Democrats' in a story that
    never names the US: another country's party (its country from the name, else from
    the story), not the American one the KB keys the word to. 'Ohio Democrats' and
    'Blue Dog Democrats' in a US story stay American."""
    doc = token.doc
    mods = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}
            and c.i < token.i and c.text[:1].isupper()]
    countries = story_countries(doc, kb, gazetteer)
    named = [e.country for m in mods if (e := kb.entity(m.text)) is not None and e.country]
    if any(_us_state_word(m, gazetteer) for m in mods) or "USA" in named:
        return actor
    if not named and (us_story(doc, kb, gazetteer) or (not mods and countries.get("USA"))):
        return actor
    country = named[0] if named else None
    span = doc[phrase_of(token).left:token.i + 1]
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    return replace(actor, text=span.text, start=span.start_char, end=span.end_char,
                   name=span.text, kb_id=None, country=country, sector="PTY",
                   code=composite_code(country, "PTY"),
                   resolved_by="title" if country else "sector", confidence=0.6)


def _us_state_word(token, gazetteer) -> bool:
    if gazetteer is None or token.ent_type_ != "GPE":
        return False
    place = gazetteer.lookup(token.text)
    return place is not None and place.country == "USA"


def _chamber_members(token) -> bool:
    """'Senate Democrats', 'House Republicans': a chamber's party members legislate."""
    return token.lower_ in {"democrats", "republicans"} and any(
        c.lower_ in CHAMBER_WORDS for c in token.children if c.i < token.i)


def _party_person(actor: Actor, token, words) -> bool:
    """A named person with a party word before the name or in apposition ('Tom Doe, a
    Democrat'), or a people word the party word modifies ('GOP lawmakers')."""
    if actor.name:
        return any(w.i < token.i or w.dep_ == "appos" or w.head.dep_ == "appos" for w in words)
    people = token.lower_ in PEOPLE_WORDS or actor.sector in POLITICAL_SECTORS
    return people and any(w.head.i == token.i for w in words)


def _us_place(doc, phrase, gazetteer) -> bool:
    """'a Democrat from Ohio': an American place named inside the phrase."""
    if gazetteer is None:
        return False
    view = view_of(doc)  # the phrase's entities without a Span per entity of the Doc
    for start, end, label in view.entities_within(phrase.left, phrase.right):
        if label == "GPE":
            place = gazetteer.lookup(view.span_text(start, end))
            if place is not None and place.country == "USA":
                return True
    return False


def us_story(doc, kb, gazetteer=None) -> bool:
    """Whether the article is about the United States: the places and KB people it names
    are American more than anything else."""
    counts = story_countries(doc, kb, gazetteer)
    total = sum(counts.values())
    return bool(total) and counts.get("USA", 0) >= US_SHARE * total \
        and counts["USA"] == max(counts.values())


def story_countries(doc, kb, gazetteer=None) -> dict[str, int]:
    """How often the article names each country through its places and KB people
    (counted once per document)."""
    cached = doc.user_data.get(US_KEY)
    if cached is not None:
        return cached
    counts: dict[str, int] = {}
    for ent in doc.ents:
        country = _ent_country(ent, kb, gazetteer)
        if country:
            counts[country] = counts.get(country, 0) + 1
    doc.user_data[US_KEY] = counts
    return counts


def _ent_country(ent, kb, gazetteer) -> str | None:
    if ent.root.lower_ in PARTY_WORDS:
        return None  # the party words are what the count is to judge
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


# The AP's abbreviations of US states, written after a town: "Gettysburg, Pa.".
AP_STATES = {"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.",
             "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.",
             "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.",
             "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.",
             "W.Va.", "Wis.", "Wyo.", "D.C."}


def ap_state(span) -> Place | None:
    """'Pa.' after 'Gettysburg,' is Pennsylvania, not the town of Pa the gazetteer knows:
    a state abbreviation after a comma and a place name is a US state."""
    doc = span.doc
    if span.text not in AP_STATES or span.start < 2 or doc[span.start - 1].text != "," \
            or not doc[span.start - 2].text[:1].isupper():
        return None
    return Place(name=span.text, country="USA", lat=0.0, lon=0.0, geonames_id=None,
                 population=0, precision="region")


# Bodies news refers back to as "they": "the campaign says they are unwilling".
COLLECTIVE_NOUNS = {"campaign", "committee", "team", "party", "administration", "board",
                    "court", "government", "staff", "council", "commission", "network"}


def collective(token) -> bool:
    """A body named in the singular that a plural pronoun may stand for."""
    return token.lemma_.lower() in COLLECTIVE_NOUNS or (
        token.ent_type_ == "ORG" and token.pos_ == "PROPN")
