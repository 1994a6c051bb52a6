"""Countries for actors that name none themselves, from where and with whom they appear.

"the police", "the opposition", "President Dos Santos" (unknown to the KB), "ethnic
Albanians in south Serbia", "a report released in the Rwandan capital": the phrase names
no country (or the wrong one), so the country comes from the place on the phrase, the
last mention of the same sector, the place where the clause happens, the doer of the deed
done to them, or the article's main country. A mixin of ``ArticleActors``: the methods use
its ``doc``, ``kb``, ``gazetteer``, ``antecedents``, ``at`` and ``_place``.
"""
from __future__ import annotations

from dataclasses import replace

from ..docview import view_of
from ..events.arguments import prep_object, subject_of
from ..parse import entity_span
from ..records import Actor
from . import coref
from .kb import composite_code
from .mentions import located_country

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into"}
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
    view = view_of(token.doc)  # labels first: a Token only for the modifiers
    mods = [token.doc[c] for c in view.children[token.i]
            if view.dep[c] in {"amod", "compound", "nmod", "poss"}]
    return any(t.ent_type_ in {"NORP", "GPE"} and t.lower_ not in RELIGIONS
               for c in mods for t in c.subtree)


PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
VICTIM_DEPS = {"dobj", "nsubjpass", "dative"}
# Doers that strike abroad; rebels, police or protesters mostly act among their own people
# ("Sudanese rebels ... killing 20 people" are Sudanese victims).
CROSS_BORDER_SECTORS = {None, "GOV", "MIL", "SPY"}


# Offices one person holds for a whole country: a bare "the President" names its holder.
BARE_OFFICES = {"president", "chancellor", "king", "queen", "emperor", "premier"}


def _bare_office(token) -> str | None:
    """'president' for 'the President', 'prime minister' for 'the Prime Minister'; None
    for a title with its own country or body ('the Russian president', 'its president')."""
    mods = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]
    word = token.lemma_.lower()
    if word == "minister" and [m.lower_ for m in mods] == ["prime"]:
        return "prime minister"
    return word if word in BARE_OFFICES and not mods else None


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


def named_place(token):
    """'the city of Kisumu' → Kisumu; any other token stands for itself."""
    if token is not None and token.lemma_.lower() in PLACE_NOUNS:
        obj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), None)
        return obj if obj is not None else token
    return token


DOCUMENT_NOUNS = {"report", "study", "statement", "communique", "communiqué", "document",
                  "dossier", "white paper"}
RELEASE_VERBS = {"release", "publish", "issue", "present", "submit", "unveil", "make"}


class ContextCountries:
    def _with_context(self, actor: Actor | None, token) -> list[Actor]:
        """A sector word or an unknown titled person with no country ("the opposition",
        "police", "President Dos Santos") belongs to the place or country the article is
        about: the town it names ("the mayor of Nablus"), else the country last named with
        the same sector ("Myanmar's military ... the military"), else the article's main one."""
        if actor is None or actor.country or actor.resolved_by not in {"sector", "title"} \
                or (actor.sector in STATELESS_SECTORS and not actor.name) \
                or actor.code not in {None, actor.sector}:
            return [actor] if actor is not None else []
        country = self._modifier_place_country(token)  # "Hollywood executive X"
        if country is None and _names_unknown_nation(token):
            return [actor]
        country = (country or self._located_place_country(token)
                   or self._possessor_country(token)
                   # a named person is the article's country's before a last mention of
                   # the sector ("Mayor X" after "Paris" in a story about New York)
                   or (coref.dominant_country(self.antecedents, token.i) if actor.name else None)
                   or coref.same_sector_country(token, actor.sector, self.antecedents)
                   or self._clause_place_country(token)
                   or self._home_doer_country(token)
                   or coref.context_country(token, actor.sector, self.antecedents,
                                            self._doer_countries(token)))
        if country is None:
            return [actor]
        country = self._office_country(token, actor, country)
        return [replace(actor, country=country, code=composite_code(country, actor.sector),
                        resolved_by="context", confidence=round(actor.confidence * 0.7, 3))]

    def _office_country(self, token, actor: Actor, country: str) -> str:
        """'the President' in a readout about Japan: a bare head-of-state title belongs to
        a country that has the office on the date, the most named such one of the article."""
        office = _bare_office(token)
        if office is None or actor.name or self.kb.has_title(country, office, self.published):
            return country
        named = [a for a in self.antecedents if a.actor.country and a.token != token.i]
        holders = [c for c in coref.countries_by_mentions(named)
                   if self.kb.has_title(c, office, self.published)]
        return holders[0] if holders else country

    def _modifier_place_country(self, token) -> str | None:
        """'Hollywood executive X', 'a Texas sheriff': a town or region before the word."""
        left = min((c.left_edge.i for c in token.children if c.dep_ in {"compound", "amod", "nmod"}
                    and c.i < token.i), default=token.i)
        for mod in token.doc[left:token.i]:
            if mod.ent_type_ in {"GPE", "LOC"} and mod.ent_iob_ == "B":
                place = self._place(mod)
                if place is not None:
                    return place.country
        return None

    def _possessor_country(self, token) -> str | None:
        """'his cabinet', 'her employees': the country of the person the pronoun means."""
        owner = next((c for c in token.children if c.dep_ == "poss"
                      and c.lower_ in coref.PERSON_PRONOUNS | coref.GROUP_PRONOUNS), None)
        actor = coref.resolve_pronoun(owner, self.antecedents) if owner is not None else None
        return actor.country if actor is not None else None

    def _located_place_country(self, token) -> str | None:
        """'the mayor of Nablus', 'police in Lagos': the country of the town named."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "in", "from"}:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                place = self._place(named_place(obj)) if obj is not None else None
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
        return frozenset(a.country for a in self.at(doer) if a.country
                         and a.sector in CROSS_BORDER_SECTORS and a.country not in named_elsewhere)

    def _namesake_town(self, token, actor: Actor | None) -> Actor | None:
        """'militias in Tripoli ... the north Lebanese port': a capital's name placing a
        sector word means the namesake town when the article names that town's country
        elsewhere and never the capital's."""
        if actor is None or actor.resolved_by != "title" or actor.name or self.gazetteer is None:
            return actor
        obj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "from"}
                    for g in c.children if g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTITIES), None)
        span = entity_span(obj) if obj is not None else None
        entity = self.kb.entity(span.text) if span is not None else None
        if entity is None or entity.kind != "metonym" or entity.country != actor.country:
            return actor
        phrase = range(token.left_edge.i, token.right_edge.i + 1)
        named = {a.actor.country for a in self.antecedents if a.actor.country
                 and a.token not in phrase}
        place = self.gazetteer.lookup(span.text, named - {entity.country})
        if actor.country in named or place is None or place.country not in named:
            return actor
        return replace(actor, country=place.country, code=composite_code(place.country, actor.sector),
                       resolved_by="located", confidence=round(actor.confidence * 0.7, 3))

    def _document_author(self, token, actor: Actor | None, on) -> Actor | None:
        """'a report released by X' is X's; 'a report released in the Rwandan capital'
        (a seat of government, not just any town) is that government's."""
        if actor is not None or token.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        verb = next((c for c in token.children if c.dep_ == "acl" and c.lemma_.lower()
                     in RELEASE_VERBS), None)
        if verb is None:
            return None
        author = prep_object(verb, "by")
        if author is not None:
            return next(iter(self.at(author, on)), None)
        seat = prep_object(verb, "in")
        found = [a for a in self.at(seat, on) if a.country and a.sector == "GOV"
                 and a.resolved_by in {"metonym", "title"}] if seat is not None else []
        return replace(found[0], resolved_by="document", confidence=round(
            found[0].confidence * 0.6, 3)) if found else None

    def _home_doer_country(self, token) -> str | None:
        """'Sudanese rebels ... killing about 20 people': the victims of rebels, police or
        militias with a country are that country's people."""
        verb = _clause_verb(token)
        if verb is None or token.dep_ not in VICTIM_DEPS:
            return None
        doer = subject_of(verb)
        if doer is None or doer.i == token.i:
            return None
        return next((a.country for a in self.at(doer) if a.country
                     and a.sector not in CROSS_BORDER_SECTORS | STATELESS_SECTORS), None)

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
        span = entity_span(token)
        entity = self.kb.entity(span.text) if span is not None else None
        if entity is not None and entity.country and entity.kind in {"country", "metonym"}:
            return entity.country
        place = self._place(token)
        return place.country if place is not None else None
