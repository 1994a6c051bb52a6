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
from ..events.arguments import subject_of
from .kb import KnowledgeBase, composite_code
from .mentions import PRONOUNS, located_country, listed_appos, resolve_phrase


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
            self._phrases[key] = resolve_phrase(self.doc, token, self.kb, on, self._is_place)
        return self._phrases[key]

    def _is_place(self, name: str) -> bool:
        return self.gazetteer is not None and self.gazetteer.lookup(name) is not None

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
        actor = self._residence(token, self.phrase(token, on))
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
        country = (self._located_place_country(token)
                   or coref.same_sector_country(token, actor.sector, self.antecedents)
                   or self._clause_place_country(token)
                   or coref.context_country(token, actor.sector, self.antecedents,
                                            self._doer_countries(token)))
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

    def _residence(self, token, actor: Actor | None) -> Actor | None:
        """'ethnic Albanians in south Serbia', 'the Albanians of southern Serbia': a people
        named as a minority is coded by the country it lives in: the place on the phrase,
        else where its clause happens, else (for 'ethnic ...') another country the sentence
        names; with none of these it keeps its nation."""
        if actor is None or actor.resolved_by != "country" or not actor.country:
            return actor
        ethnic = any(c.lower_ == "ethnic" for c in token.children)
        if not ethnic and token.tag_ != "NNPS":
            return actor
        country = self._located_place_country(token) or located_country(token, self.kb)
        if ethnic and country is None:
            country = self._clause_place_country(token) or self._other_country(token, actor.country)
        if country is None or country == actor.country:
            return actor
        return replace(actor, country=country, code=composite_code(country, actor.sector),
                       resolved_by="located", confidence=round(actor.confidence * 0.7, 3))

    def _other_country(self, token, nation: str) -> str | None:
        """The first country its sentence names other than the people's own nation."""
        sent = token.sent
        return next((a.actor.country for a in self.antecedents if sent.start <= a.token < sent.end
                     and a.actor.country and a.actor.country != nation and a.token != token.i), None)

    def _doer_countries(self, token) -> frozenset[str]:
        """For the victim or object of a deed, the doer's countries when the article names
        them nowhere but in the doer: 'four children were killed in an Israeli air strike,
        Palestinian medics said' are not Israelis; 'Myanmar's military detained ...' in an
        article about Myanmar still detains Myanmar's citizens."""
        verb = _clause_verb(token)
        if verb is None or token.dep_ not in VICTIM_DEPS:
            return frozenset()
        doer = subject_of(verb)
        if doer is None or doer.i == token.i:
            return frozenset()
        phrase = doer.head if doer.dep_ in {"amod", "compound", "nmod", "poss"} else doer
        inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)
        named_elsewhere = {a.actor.country for a in self.antecedents if a.token not in inside}
        return frozenset(a.country for a in self.at(doer)
                         if a.country and a.country not in named_elsewhere)

    def _clause_place_country(self, token) -> str | None:
        """'killed in an air strike in Gaza', 'protesters marched in Athens': people with no
        nationality of their own belong to the place where their clause happens."""
        verb = _clause_verb(token)
        if verb is None:
            return None
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS or \
                    prep.left_edge.i <= token.i <= prep.right_edge.i:
                continue
            for t in prep.subtree:
                country = self._place_country(t) if t.ent_type_ in PLACE_ENTITIES else None
                if country:
                    return country
        return None

    def _place_country(self, token) -> str | None:
        """The country of a named place: a country or capital in the KB, else a town."""
        span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        entity = self.kb.entity(span.text) if span is not None else None
        if entity is not None and entity.country and entity.kind in {"country", "metonym"}:
            return entity.country
        place = self._place(token)
        return place.country if place is not None else None

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
        place = self.gazetteer.lookup(span.text, self._named_countries(span)) \
            if span is not None else None
        if place is None or not place.country:
            return None
        return Actor(text=span.text, start=span.start_char, end=span.end_char,
                     name=place.name, kb_id=None, country=place.country, sector=None,
                     code=place.country, resolved_by="place", confidence=0.6)

    def _named_countries(self, span) -> set[str]:
        """Countries the article names outside ``span``: 'Tripoli ... the Lebanese port' is
        the Lebanese Tripoli."""
        return {a.actor.country for a in self.antecedents
                if a.actor.country and not span.start <= a.token < span.end}

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


PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
VICTIM_DEPS = {"dobj", "nsubjpass", "dative"}


def _clause_verb(token, max_steps: int = 4):
    """The verb whose clause a noun belongs to."""
    cur = token
    for _ in range(max_steps):
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


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
