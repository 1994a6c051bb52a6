"""Resolve an argument token of an event to the actor(s) it names.

One entry point for the events stage: ``ArticleActors.at(token, on)`` tries, in order,
handles, pairs ("both sides"), pronouns, "the Russian side", the phrase itself (people,
titles, countries, organisations, sector words) and definite descriptions; coordinated
phrases ("Russia and Ukraine") give one actor per conjunct.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Actor
from . import coref
from .kb import KnowledgeBase, composite_code
from .mentions import PRONOUNS, listed_appos, resolve_phrase


class ArticleActors:
    """Actor resolution for one article; antecedents are collected once."""

    def __init__(self, doc, kb: KnowledgeBase, published: str | None, gazetteer=None):
        self.doc = doc
        self.kb = kb
        self.published = published
        self.gazetteer = gazetteer  # places as targets: "shelled Kharkiv" → UKR
        self._cache: dict[tuple[int, str | None], list[Actor]] = {}
        self._phrases: dict[tuple[int, str | None], Actor | None] = {}
        self.antecedents = coref.collect_antecedents(doc, kb, published, self.phrase)

    def phrase(self, token, on=None) -> Actor | None:
        """``resolve_phrase`` once per token and date (coreference and events share it)."""
        key = (token.i, on)
        if key not in self._phrases:
            self._phrases[key] = resolve_phrase(self.doc, token, self.kb, on)
        return self._phrases[key]

    def at(self, token, on: str | None = None, places: bool = False,
           coordinated: bool = True) -> list[Actor]:
        """Actors named by the phrase headed at ``token`` (its conjuncts too, unless not
        ``coordinated``); with ``places``, a named town stands for its country."""
        key = (token.i, on, places, coordinated)
        if key not in self._cache:
            actors = []
            for t in (conjuncts(token) if coordinated else [token]):
                actors += self._single(t, on or self.published, places)
            self._cache[key] = _distinct(actors)
        return self._cache[key]

    def _single(self, token, on, places: bool = False) -> list[Actor]:
        if token.text.startswith("@"):
            handle = self._handle(token, on)
            return [handle] if handle else []
        pair = coref.resolve_pair(token, self.antecedents)
        if pair:
            return pair
        if token.lower_ in PRONOUNS:
            speaker = self._reporting_subject(token, on)
            if speaker:
                return speaker
            actor = coref.resolve_pronoun(token, self.antecedents)
            return [actor] if actor else []
        side = coref.country_side(token, self.kb)
        if side:
            return [side]
        # "the minister", "the State Secretary": someone named earlier, before a bare title.
        described = coref.resolve_description(token, self.antecedents, self.kb)
        if described is not None:
            return [described]
        named = coref.resolve_surname(token, self.antecedents)
        if named is not None:  # "Wang" after "Foreign Minister Wang Yi"
            return [named]
        actor = self.phrase(token, on)
        paired = self._coordinated_modifiers(token, actor, on)
        if paired:
            return paired
        in_place = token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS
        place_noun = actor is not None and actor.resolved_by == "sector" and \
            token.lemma_.lower() in PLACE_NOUNS  # "the city of Kisumu"
        if places and (actor is None or place_noun or (in_place and actor.resolved_by == "metonym")):
            place = self._place(_named_place(token) if place_noun else token)
            if place is not None:  # "protested in Athens": a place, not the government
                return [place]
        if actor is None or actor.country is None:
            inner = _of_object(token)  # "thousands of students", "a group of rebels"
            if inner is not None:
                return self._single(inner, on, places) or self._with_context(actor, token)
        return self._with_context(actor, token)

    def _with_context(self, actor: Actor | None, token) -> list[Actor]:
        """A sector word or an unknown titled person with no country ("the opposition",
        "police", "President Dos Santos") belongs to the place or country the article is
        about: the town it names ("the mayor of Nablus"), else the country last named with
        the same sector ("Myanmar's military ... the military"), else the article's main one."""
        if actor is None or actor.country or actor.resolved_by not in {"sector", "title"} \
                or (actor.sector in STATELESS_SECTORS and not actor.name) \
                or actor.code not in {None, actor.sector} \
                or _names_unknown_nation(token):
            return [actor] if actor is not None else []
        country = self._located_place_country(token) or coref.context_country(
            token, actor.sector, self.antecedents)
        if country is None:
            return [actor]
        return [replace(actor, country=country, code=composite_code(country, actor.sector),
                        resolved_by="context", confidence=round(actor.confidence * 0.7, 3))]

    def _located_place_country(self, token) -> str | None:
        """'the mayor of Nablus', 'police in Lagos': the country of the town named."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "from"}:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                place = self._place(_named_place(obj)) if obj is not None else None
                if place is not None:
                    return place.country
        return None

    def _reporting_subject(self, token, on) -> list[Actor]:
        """'Israel announced it would free ...': a subject pronoun of a reported clause is
        the reporter ('it' → Israel), when the reporter is named in the same sentence."""
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ != "ccomp":
            return []
        reporter = next((c for c in token.head.head.children if c.dep_ == "nsubj"), None)
        if reporter is None or reporter.lower_ in PRONOUNS or reporter.i > token.i:
            return []
        plural = token.lower_ in {"they", "them", "their"}
        found = self.at(reporter, on)
        if plural != (len(found) > 1 or reporter.tag_ in {"NNS", "NNPS"}):
            return [] if not found or token.lower_ not in {"it", "its"} else found
        return [replace(a, resolved_by="coref") for a in found]

    def _coordinated_modifiers(self, token, actor, on) -> list[Actor]:
        """'the Turkish and Greek sides' → one actor per country adjective."""
        mods = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}
                and any(g.dep_ == "conj" for g in c.children)]
        if not mods or actor is None:
            return []
        out = []
        for mod in [mods[0]] + [g for g in mods[0].children if g.dep_ == "conj"]:
            entity = self.kb.entity(mod.text)
            if entity is not None and entity.country:
                out.append(replace(actor, country=entity.country, name=entity.name,
                                   code=composite_code(entity.country, actor.sector)))
        return out if len(out) > 1 else []

    def _place(self, token) -> Actor | None:
        """A named town or region stands for its country when it is what a deed targets."""
        if self.gazetteer is None or token.ent_type_ not in {"GPE", "LOC", "FAC"}:
            return None
        span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        place = self.gazetteer.lookup(span.text) if span is not None else None
        if place is None or not place.country:
            return None
        return Actor(text=span.text, start=span.start_char, end=span.end_char,
                     name=place.name, kb_id=None, country=place.country, sector=None,
                     code=place.country, resolved_by="place", confidence=0.6)

    def _handle(self, token, on) -> Actor | None:
        match = self.kb.handle(token.text, on=on)
        if match is None:
            return None
        return Actor(text=token.text, start=token.idx, end=token.idx + len(token.text),
                     name=match.name, kb_id=match.kb_id, country=match.country,
                     sector=match.sector, code=composite_code(match.country, match.sector),
                     resolved_by="handle", confidence=match.confidence)

    def rebind(self, actor: Actor, on: str | None) -> Actor:
        """The same person with the role valid on the event date (dates bind late)."""
        if actor.kb_id is None or actor.name is None or on is None or on == self.published:
            return actor
        match = self.kb.person(actor.name, on=on)
        if match is None or match.kb_id != actor.kb_id:
            return actor
        return replace(actor, country=match.country or actor.country,
                       sector=match.sector or actor.sector,
                       code=composite_code(match.country or actor.country,
                                           match.sector or actor.sector))


PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into"}
QUANTITY_HEADS = {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group",
                  "groups", "number", "members", "member", "some", "many", "most", "all", "one",
                  "two", "three", "several", "crowd", "crowds", "delegation", "team", "unit",
                  "units", "contingent", "convoy", "column", "band", "gang",
                  # people who stand for a body: "leaders of the opposition coalition"
                  "leaders", "leader", "supporters", "supporter", "followers", "inhabitants",
                  "residents", "representatives", "delegates", "loyalists",
                  "republic", "kingdom"}  # "the republic of Slovenia"
# Generic place nouns whose "of" phrase names the place: "the town of Cizre".
PLACE_NOUNS = {"city", "town", "village", "capital", "region", "province", "district", "area",
               "state", "island", "port", "suburb", "neighbourhood", "neighborhood"}
# Sectors that do not belong to one country.
STATELESS_SECTORS = {"IGO", "NGO", "IMG", "MNC", None}


RELIGIONS = {"christian", "muslim", "moslem", "jewish", "sunni", "shiite", "shia", "catholic",
             "protestant", "orthodox", "hindu", "buddhist", "islamist", "islamic"}


def _names_unknown_nation(token) -> bool:
    """'Congolese refugees' with 'Congolese' unknown to the KB: a nation is named, so the
    article's main country must not stand in for it."""
    mods = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod", "poss"}]
    return any(t.ent_type_ in {"NORP", "GPE"} and t.lower_ not in RELIGIONS
               for c in mods for t in c.subtree)


def _named_place(token):
    """'the city of Kisumu' → Kisumu; any other token stands for itself."""
    if token is not None and token.lemma_.lower() in PLACE_NOUNS:
        obj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), None)
        return obj if obj is not None else token
    return token


def _of_object(token):
    if token.lower_ not in QUANTITY_HEADS and token.pos_ != "NUM":
        return None
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def conjuncts(token) -> list:
    """'Russia and Ukraine' → [Russia, Ukraine]; a token without conjuncts → [token]."""
    out, stack = [], [token]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack += [c for c in t.children if (c.dep_ == "conj" or listed_appos(c))
                  and c.pos_ in {"NOUN", "PROPN", "PRON"}]
    return out



def _distinct(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.kb_id or a.code or a.text, a.start)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
