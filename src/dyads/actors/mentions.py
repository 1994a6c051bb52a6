"""Actor mentions: the noun phrase around an argument token, resolved against the KB.

Resolution order (see the actor issue): a named person with the role valid on the event
date; else a title with a country modifier; else a country, capital or institution; else a
sector word with the country from its modifiers; else unresolved. Pronouns and definite
descriptions are left to ``coref``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..docview import span_text, view_of
from ..parse import entity_span
from ..records import Actor
from .kb import KnowledgeBase, composite_code
from .names import (article_full_name, backer_only, find_person, name_in, propn_runs,
                    untagged_full_name)
from .phrases import Phrase, phrase_of

PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "we", "i", "his", "their", "its"}
SKIP_HEADS = {"PRON"}
GENERIC_WORDS = {"side", "sides", "leader", "leaders", "country", "countries", "official",
                 "officials", "government", "authorities", "counterpart", "nation",
                 # "the Clinton campaign" names a party actor; "their long campaign" no one
                 "campaign", "campaigns"}


def find_entities(doc, phrase: Phrase, kb: KnowledgeBase):
    """Countries, metonyms and organisations inside the phrase, longest first."""
    found, i, matched_to = [], phrase.left, None
    view = view_of(doc)  # words and window texts without a Token or Span per try
    while i < phrase.right:
        if view.lower[i] != "the" and not kb.could_start_entity(view.words[i]):
            i += 1  # no name in the KB begins with this word
            continue
        for width in range(min(6, phrase.right - i), 0, -1):
            if width == 1 and (view.is_punct[i] or _common_word(doc[i])):
                continue
            entity = kb.entity(view.span_text(i, i + width))
            if entity is not None and i != matched_to and _part_of_other_name(doc, i, entity):
                entity = None
            if entity is not None and _county_name(doc, i + width, entity):
                entity = None
            if entity is not None and _venue_name(view, i + width):
                i += width + 1  # "Bank of America Stadium": a place, and no "America" in it
                matched_to = i
                break
            if entity is not None:
                if not backer_only(doc, i, i + width):
                    found.append((entity, (i, i + width)))
                i += width
                matched_to = i
                break
        else:
            i += 1
    return found


def _part_of_other_name(doc, i: int, entity) -> bool:
    """'Valley' in 'the Galwan Valley', 'American' in 'Latin American': a capital or a
    nationality word that continues a longer name the tagger marks (its first words
    unknown to the KB) is part of that name, as is a group's one-word alias ('Foundation' in
    'the Clinton Foundation' is no gang). Countries stay ('Western Kampuchea')."""
    if i == 0 or doc[i].ent_iob_ != "I" or doc[i - 1].pos_ not in {"PROPN", "ADJ"}:
        return False
    return entity.kind != "country" or doc[i].ent_type_ == "NORP"


COUNTY_WORDS = {"county", "parish", "township", "borough"}


def _county_name(doc, end: int, entity) -> bool:
    """'Nassau County', 'Lagos State': a capital's name before a county word is a county's."""
    return entity.kind == "metonym" and end < len(doc) and doc[end].lower_ in COUNTY_WORDS


# Capitalised words that make a body's or country's name a building's or ground's name.
VENUE_WORDS = {"Stadium", "Arena", "Center", "Centre", "Field", "Park", "Hall", "Tower",
               "Plaza", "Theater", "Theatre", "Coliseum", "Pavilion", "Auditorium", "Ballpark"}


def _venue_name(view, end: int) -> bool:
    """'the Verizon Wireless Arena', 'Bank of America Stadium': a venue named after a body
    (the capitalised words right after the body's name, in its phrase or not, end in a
    venue word)."""
    while end < len(view.words) and view.words[end][:1].isupper():
        if view.words[end] in VENUE_WORDS:
            return True
        end += 1
    return False


def _common_word(token) -> bool:
    """A lower-case stop word or plain noun ('states' in 'African states') is not the
    name it shares a key with ('the States'); lower-case demonyms still count."""
    return token.is_lower and (token.is_stop or token.pos_ == "NOUN")


def resolve_phrase(doc, token, kb: KnowledgeBase, on=None, is_place=None) -> Actor | None:
    """Resolve the actor phrase headed by ``token``; None when nothing in it is an actor.
    ``is_place(name)`` says whether a town or region of that name exists."""
    if token.pos_ in SKIP_HEADS or token.lower_ in PRONOUNS:
        return None
    kin = _kin_of(doc, token, kb, on, is_place)
    if kin is not None:
        return kin
    phrase = _with_split_name(token, phrase_of(token))
    text_span = doc[phrase.left:phrase.right]
    person, name_span = find_person(doc, phrase, kb, on, is_place)
    entities = find_entities(doc, phrase, kb)
    outside = [e for e, (a, b) in entities if (e.country or e.sector == "IGO")
               and not _inside((a, b), name_span)]
    title_words = _title_words(view_of(doc), phrase, name_span)
    title_sector = kb.title_sector(title_words) if title_words else None
    if person is not None:
        return _person_actor(text_span, person, outside, title_sector, doc, name_span)
    # someone the KB does not know: a name the tagger marks, or one it misses ("Elijah Cummings")
    name = (name_in(doc, phrase) if token.ent_type_ == "PERSON" else None) \
        or untagged_full_name(doc, phrase, kb)
    if name is not None:
        # a word of the name is no clue to the country ("Cuban" in "Mark Cuban")
        clues = [(e, (a, b)) for e, (a, b) in entities if not _inside_longer_name(doc, a, b)]
        found = _party_tagged(text_span, _unknown_person(text_span, name, clues, title_sector))
        return _staff_of(doc, phrase, kb, on, found) if found.country is None else found
    named = article_full_name(doc, token.i, token.i + 1, kb) if token.is_title else None
    if named is not None:  # "Cuban" after "Mark Cuban": a person, not a demonym
        return _unknown_person(text_span, named, [], title_sector)
    head_entity = _entity_at_head(entities, token.i)
    if head_entity is not None:
        return _actor(text_span, head_entity.name, head_entity.kb_id, head_entity.country,
                      head_entity.sector, head_entity.kind)
    body = named_organisation(doc, token, phrase, entities)
    if body is not None and body[2] == "IGO":  # "of African States" is no one country's
        return _actor(text_span, body[0], None, None, "IGO", "igo", 0.6)
    own_sector = title_sector or kb.sector(token.lemma_.lower())
    sector = own_sector or modifier_sector(doc, token, phrase, kb)
    # an outlet before a word ("told VOA Taliban fighters") is not the word's country
    countries = [e for e, _ in entities if e.country and e.sector != "MED"] or \
        [e for e, _ in entities if e.country]
    if sector and countries:
        return _actor(text_span, name_in(doc, phrase), None, countries[0].country,
                      staff_sector(countries[0], sector), "title")
    body = body or regional_body(doc, token, phrase)
    if body is not None and not own_sector and all(e.country for e, _ in entities):
        # an unknown body, unless its words name its sector ("the Medical Association")
        # or a known body it belongs to ("the Arab League's council")
        return _actor(text_span, body[0], None, body[1], body[2], body[3], 0.6)
    if entities:
        entity = entities[0][0]
        if _place_modifier(doc, entities[0][1], entity, sector):
            return None  # "the Paris agreement", "a Tokyo summit": a place, not a government
        return _actor(text_span, entity.name, entity.kb_id, entity.country,
                      entity.sector or sector, entity.kind)
    if sector:
        country = located_country(token, kb)  # "rebels in the Ivory Coast"
        if token.lower_ in GENERIC_WORDS and country is None and own_sector:
            return None  # "the authorities" alone names no one; "authorities in Croatia" does
        return _actor(text_span, None, None, country, sector, "title" if country else "sector",
                      0.7 if country else 0.5)
    return None


TITLE_POS = frozenset({"PROPN", "NOUN"})


def _title_words(view, phrase: Phrase, name_span) -> str:
    """The phrase's nouns and proper nouns outside the person's name, read from the
    Doc's view (asked of every actor phrase: a Span walk makes a Token per word)."""
    return " ".join([view.words[i] for i in range(phrase.left, phrase.right)
                     if view.pos[i] in TITLE_POS and not _inside((i, i + 1), name_span)])


def _inside_longer_name(doc, a: int, b: int) -> bool:
    """'Cuban' in 'Mark Cuban' (a 'Benin' the tagger calls a person stays the country)."""
    while b > a + 1 and doc[b - 1].is_punct:
        b -= 1  # the match may take the comma after the name: "Mark Cuban, the owner"
    person = [doc[i].ent_type_ == "PERSON" for i in range(a, b)]
    before = a > 0 and doc[a - 1].ent_type_ == "PERSON" and doc[a - 1].ent_iob_ != "B" or \
        doc[a].ent_iob_ == "I"
    after = b < len(doc) and doc[b].ent_iob_ == "I" and doc[b].ent_type_ == "PERSON"
    return all(person) and (before or after)


# Things named after the city they were made or held in ("Belgrade radio" is an actor).
THING_HEADS = {"agreement", "accord", "accords", "deal", "process", "treaty", "protocol",
               "declaration", "summit", "conference", "talks", "attack", "bombing",
               "olympics", "games", "marathon", "climate", "pact", "peace", "convention"}


def _place_modifier(doc, span, entity, sector) -> bool:
    """A capital's name before a head noun that names no actor modifies a thing."""
    last = doc[span[1] - 1]
    return entity.kind == "metonym" and sector is None and last.dep_ == "compound" \
        and last.head.lemma_.lower() in THING_HEADS


def _with_split_name(token, phrase: Phrase) -> Phrase:
    """'Barack Obama' parsed as a preposition and its object: the phrase covers the name."""
    if view_of(token.doc).ent_type[token.i] != "PERSON":
        return phrase  # the entity's label is the token's: no Span for other words
    span = entity_span(token)
    if span.root.i != token.i:
        return phrase
    return Phrase(min(phrase.left, span.start), max(phrase.right, span.end), phrase.head)


# People nouns that take their sector from their adjectives: "Islamic fundamentalist
# leaders" are religious, "military leaders" military.
PEOPLE_HEADS = {"leader", "figure", "member", "group", "faction", "elder", "representative",
                "delegate", "personality", "circle", "element"}


def modifier_sector(doc, token, phrase: Phrase, kb: KnowledgeBase) -> str | None:
    """The sector the adjectives before a people noun name, when the noun has none."""
    if token.lemma_.lower() not in PEOPLE_HEADS:
        return None
    words = [t.text for t in doc[phrase.left:token.i] if t.pos_ == "ADJ"]
    return kb.title_sector(" ".join(words)) if words else None


# Regions and scopes that make a body an intergovernmental one: "Europe's leading
# security forum", "the regional bloc", "the world body".
REGION_WORDS = {"europe", "european", "africa", "african", "asia", "asian", "arab", "pacific",
                "atlantic", "transatlantic", "caribbean", "nordic", "baltic", "balkan",
                "latin", "gulf", "eurasian", "continental", "regional", "world", "global",
                "international", "intergovernmental", "multilateral", "pan"}
BODY_NOUNS = {"forum", "organisation", "organization", "body", "bloc", "alliance", "grouping",
              "union", "league", "commission", "club"}


def regional_body(doc, token, phrase: Phrase):
    """(name, country, sector, how) for a lower-case body word with a region or scope
    before it: an IGO with no country."""
    if not token.is_lower or token.lemma_.lower() not in BODY_NOUNS:
        return None
    words = {t.lower_ for t in doc[phrase.left:token.i]}
    return (None, None, "IGO", "igo") if words & REGION_WORDS else None


# Last words of organisation names: "the Association of ...", "the ... Federation".
ORG_NAME_HEADS = {"association", "union", "forum", "federation", "council", "league",
                  "society", "foundation", "confederation", "alliance", "organisation",
                  "organization", "network", "syndicate", "assembly", "coalition",
                  "committee", "commission"}
STATE_WORDS = {"states", "nations", "countries", "governments", "intergovernmental",
               "interparliamentary"}  # "of African States": a body of states
PARTY_WORDS = {"party", "conservatives", "democrats", "socialists", "liberals",
               "republicans", "greens", "communists", "labour", "labor"}


def named_organisation(doc, token, phrase: Phrase, entities):
    """(name, country, sector, how) for an organisation's name the KB does not know: a
    party when its name says so, an IGO when it gathers states, else an NGO; its country
    only when the name holds exactly one country's name or adjective."""
    if token.pos_ != "PROPN" or token.lower_ not in ORG_NAME_HEADS:
        return None
    span = doc[phrase.left:phrase.right]
    words = {t.lower_ for t in span if not _in_country_name(t, entities)}
    countries = {e.country for e, _ in entities if e.country}
    country = countries.pop() if len(countries) == 1 else None
    name = (span[1:] if span[0].lower_ == "the" else span).text
    if words & PARTY_WORDS:
        return name, country, "PTY", "title" if country else "sector"
    if words & STATE_WORDS:
        return name, None, "IGO", "igo"
    return name, country, "NGO", "ngo"


def _in_country_name(token, entities) -> bool:
    """'States' in 'the United States', not the bare 'States' of 'African States'."""
    return any(e.country and a <= token.i < b and (b - a > 1 or token.lower_ != "states")
               for e, (a, b) in entities)


def located_country(token, kb: KnowledgeBase) -> str | None:
    """The country of an 'in X' / 'of X' phrase on a sector word."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "of", "from"}:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                phrase = Phrase(obj.left_edge.i, obj.right_edge.i + 1, obj.i)
                found = [e for e, _ in find_entities(token.doc, phrase, kb) if e.country]
                if found:
                    return found[0].country
    return None


def _unknown_person(span, name, entities, title_sector) -> Actor:
    """'ICC prosecutor Karim Khan': a named person with the title's body and sector."""
    igo = next((e for e, _ in entities if e.sector in {"IGO", "NGO"}), None)
    body = next((e for e, _ in entities if e.country), None)
    country = body.country if body is not None else None
    if igo is not None and country is None:
        return _actor(span, name, None, None, igo.sector, "title", 0.7, code=igo.code)
    return _actor(span, name, None, country, staff_sector(body, title_sector), "title",
                  0.7 if country else 0.5)


COMPANY_SECTORS = {"BUS", "MED"}


def staff_sector(body, title_sector: str | None) -> str | None:
    """A title held in a company or an outlet is of its sector: 'CNN president X' is
    media, 'Wells Fargo's chief executive' business, not government."""
    if body is not None and body.kind == "institution" and body.sector in COMPANY_SECTORS:
        return body.sector
    return title_sector


# "(R-Va.)", "(D-N.Y.)", ", I-Vt.,": the party-and-state tag of an American lawmaker.
PARTY_TAG = re.compile(r"[(,]\s*[RDI]\s*[-–]\s*[A-Z][A-Za-z.]*")


def _party_tagged(span, actor: Actor) -> Actor:
    """'Rep. Jo Doe (R-Va.)' is an American lawmaker whatever else the article names."""
    if actor.country or not PARTY_TAG.search(span.text):
        return actor
    sector = actor.sector or "LEG"
    return replace(actor, country="USA", sector=sector, code=composite_code("USA", sector),
                   confidence=0.7)


STAFF_SECTORS = {None, "GOV"}  # a candidate's (PTY; OPP: third party) aide works for the party


KIN_NOUNS = frozenset({"daughter", "son", "wife", "husband", "widow", "widower", "mother",
                       "father", "brother", "sister", "niece", "nephew", "grandson",
                       "granddaughter", "parent", "child"})


def _kin_of(doc, token, kb: KnowledgeBase, on, is_place) -> Actor | None:
    """'the daughter of Eric Garner', 'the widow of a slain soldier': a named person's
    relative, unnamed, is a civilian of that person's country."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in KIN_NOUNS:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.ent_type_ != "PERSON":
        return None
    relative = resolve_phrase(doc, obj, kb, on, is_place)
    if relative is None:
        return None
    span = doc[token.left_edge.i:obj.right_edge.i + 1]
    # a relative of someone the KB does not know takes the story's country, as titles do
    how = "kin" if relative.country else "title"
    return _actor(span, None, None, relative.country, "CVL", how, 0.6)


def _staff_of(doc, phrase: Phrase, kb: KnowledgeBase, on, actor: Actor) -> Actor:
    """'Clinton press secretary Jo Doe', 'Trump attorney Jo Doe': a known person's name
    before the title gives the unknown person the boss's country; a candidate's staff
    are the party's."""
    runs = propn_runs(doc, phrase.left, phrase.right)
    # the tagger may read a boss's surname before a title as a noun ("Trump attorney")
    words = [t for t in doc[phrase.left:runs[-1][0]] if t.is_title and t.is_alpha] if runs else []
    # only people the article names in full: a title word may be some namesake's surname
    names = [n for t in words if (n := article_full_name(doc, t.i, t.i + 1, kb))]
    boss = next((m for n in names if (m := kb.person(n, on=on)) is not None and m.country), None)
    if boss is None:
        return actor
    sector = boss.sector if boss.sector in {"PTY", "OPP"} and actor.sector in STAFF_SECTORS \
        else actor.sector
    return Actor(text=actor.text, start=actor.start, end=actor.end, name=actor.name, kb_id=None,
                 country=boss.country, sector=sector, code=composite_code(boss.country, sector),
                 resolved_by="title", confidence=0.6)


def _inside(span, outer) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _person_actor(span, person, outside, title_sector, doc, name_span) -> Actor:
    """A known name; the text's own country and title win over a namesake in the KB
    ('British Defence Secretary Tom King' is not another country's Tom King)."""
    countries = {e.country for e in outside}
    if countries and person.country and person.country not in countries:
        name = doc[name_span[0]:name_span[1]].text if name_span else None
        first = outside[0]
        if first.sector == "IGO":  # "Kenzo Oshima, the UN relief coordinator"
            return _actor(span, name, None, None, "IGO", "title", 0.7, code=first.code)
        return _actor(span, name, None, first.country, title_sector, "title", 0.7)
    country = person.country or next((e.country for e in outside if e.country), None)
    sector = person.sector
    if title_sector and (sector in {None, "ELI"}):
        sector = title_sector  # the text names a current office the KB lacks
    return _actor(span, person.name, person.kb_id, country, sector, "person", person.confidence)


def _entity_at_head(entities, head_i: int):
    for entity, (a, b) in entities:
        if a <= head_i < b:
            return entity
    return None


def _actor(span, name, kb_id, country, sector, how, confidence=1.0, code=None) -> Actor:
    if len(span) > 1 and span[0].lower_ in {"the", "a", "an"}:
        span = span[1:]  # the phrase, not its article: "the Russian side" → "Russian side"
    # the text from the Doc's view: Span.text makes a Token per word
    return Actor(text=span_text(span), start=span.start_char, end=span.end_char, name=name,
                 kb_id=kb_id, country=country, sector=sector,
                 code=code or composite_code(country, sector), resolved_by=how,
                 confidence=confidence)
