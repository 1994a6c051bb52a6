"""Resolve an argument token of an event to the actor(s) it names.

One entry point for the events stage: ``ArticleActors.at(token, on)`` tries, in order,
handles, pairs ("both sides"), pronouns, "the Russian side", the phrase itself (people,
titles, countries, organisations, sector words) and definite descriptions; coordinated
phrases ("Russia and Ukraine") give one actor per conjunct.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from ..docview import view_of
from ..parse import entity_span
from ..records import Actor
from . import coref, us_politics
from .ambiguous import disambiguated, washington_state
from .us_politics import collective
from .bodies import NamedBodies
from .context import (
    PLACE_NOUNS,
    PLACE_PREPS,
    STATELESS_SECTORS,
    ContextCountries,
    named_place,
)
from .kb import KnowledgeBase, composite_code
from .names import name_head
from .mentions import COUNTY_WORDS, PRONOUNS, resolve_phrase
from .phrases import conjuncts, phrase_of
from .not_actors import (channel, dateline_sibling, hypothetical, in_dateline, office_sought,
                         thing_pronoun, title_object)


# How an actor resolves when it is a KB person named here or referred back to.
PERSON_RESOLUTIONS = {"person", "coref", "title"}

class ArticleActors(ContextCountries, NamedBodies):
    """Actor resolution for one article; antecedents are collected once."""

    def __init__(self, doc, kb: KnowledgeBase, published: str | None, gazetteer=None):
        self.doc = doc
        self.kb = kb
        self.published = published
        self.gazetteer = gazetteer  # places as targets: "shelled Kharkiv" → UKR
        self._cache: dict[tuple[int, str | None], list[Actor]] = {}
        self._phrases: dict[tuple[int, str | None], Actor | None] = {}
        self._grounding: set[int] = set()  # first mentions being resolved by _grounded
        self.antecedents = coref.collect_antecedents(doc, kb, published, self.phrase)

    @cached_property
    def person_tokens(self) -> frozenset[int]:
        """Where the article names a person (antecedents are fixed once collected)."""
        return frozenset(a.token for a in self.antecedents if a.is_person)

    def phrase(self, token, on=None) -> Actor | None:
        """``resolve_phrase`` once per token and date (coreference and events share it)."""
        key = (token.i, on)
        if key not in self._phrases:
            actor = resolve_phrase(self.doc, token, self.kb, on, self._is_place)
            self._phrases[key] = us_politics.refine(actor, token, self.kb, self.gazetteer)
        return self._phrases[key]

    def _is_place(self, name: str) -> bool:
        return self.gazetteer is not None and self.gazetteer.lookup(name) is not None

    def at(self, token, on: str | None = None, places: bool = False,
           coordinated: bool = True) -> list[Actor]:
        """Actors named by the phrase headed at ``token`` (its conjuncts too, unless not
        ``coordinated``); with ``places``, a named town stands for its country."""
        key = (token.i, on, places, coordinated)
        if key not in self._cache:
            actors, title = [], None
            for t in (conjuncts(token) if coordinated else [token]):
                found = self._single(t, on or self.published, places)
                word = list_title(t)
                title = title or (self.kb.title_sector(word) if word else None)
                actors += [_with_title(a, title) for a in found]
            self._cache[key] = _distinct(actors)
        return self._cache[key]

    def is_person(self, token) -> bool:
        """The token names one KB person (directly or by reference back)."""
        return token.pos_ == "PROPN" and any(
            a.kb_id and a.resolved_by in PERSON_RESOLUTIONS
            for a in self.at(token, coordinated=False))

    def _single(self, token, on, places: bool = False) -> list[Actor]:
        if in_dateline(token):  # "WASHINGTON (Reuters) -" says where the story was filed
            real = dateline_sibling(token)
            return self._single(real, on, places) if real is not None else []
        if title_object(token) or hypothetical(token) or channel(token) or office_sought(token):
            return []  # "state" in "secretary of state"; "any candidate" is no one yet
        token = name_head(token)
        if token.text.startswith("@"):
            handle = self._handle(token, on)
            return [handle] if handle else []
        pair = coref.resolve_pair(token, self.antecedents)
        if pair:
            return pair
        if token.lower_ in PRONOUNS:
            speaker = self._reporting_subject(token, on) or self._listed_before(token, on)
            if speaker:
                return speaker
            if thing_pronoun(token, self._last_body(token)):
                return []  # "win it", "it is", or nothing named close before
            actor = coref.resolve_pronoun(token, self.antecedents)
            return [self._grounded(actor, token, on)] if actor else []
        campaign = self._candidate_campaign(token, on)
        if campaign is not None:
            return [campaign]
        side = coref.country_side(token, self.kb)
        if side:
            return [side]
        # "the minister", "the State Secretary": someone named earlier, before a bare title.
        described = coref.resolve_description(token, self.antecedents, self.kb)
        if described is not None:
            return [self._grounded(described, token, on)]
        named = coref.resolve_surname(token, self.antecedents)
        if named is not None:  # "Wang" after "Foreign Minister Wang Yi"
            return [self._grounded(named, token, on)]
        bloc = self._bloc_reference(token, on) or coref.resolve_body_word(token, self.antecedents)
        if bloc is not None:  # "the bloc's commissioner", "the alliance", "the agency"
            return [bloc]
        actor = self._namesake_town(token, self._residence(token, self.phrase(token, on)))
        actor = disambiguated(actor, token.i, self.antecedents)  # "Georgia" in a US story
        actor = washington_state(actor, token, self.gazetteer)
        if actor is not None and token.lower_ in FOLLOWER_HEADS:
            actor = _follower(actor)  # "Supporters of President X" (capitalised: a title)
        paired = self._coordinated_modifiers(token, actor, on)
        if paired:
            return paired
        in_place = token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS
        place_noun = actor is not None and actor.resolved_by == "sector" and \
            token.lemma_.lower() in PLACE_NOUNS  # "the city of Kisumu"
        if places and (actor is None or place_noun or (in_place and actor.resolved_by == "metonym")):
            place = self._place(named_place(token) if place_noun else token)
            if place is not None:  # "protested in Athens": a place, not the government
                return [place]
        if actor is None or actor.country is None:
            inner = _of_object(token)  # "thousands of students", "a group of rebels"
            if inner is not None:
                found = [_follower(a) if token.lower_ in FOLLOWER_HEADS else a
                         for t in conjuncts(inner) for a in self._single(t, on, places)]
                return found or self._with_context(actor, token)
            owned = self._owner(token, actor, on) or self._document_author(token, actor, on)
            if owned is not None:
                return [owned]
        if actor is not None and actor.resolved_by == "title" and actor.name:
            actor = self._grounded(actor, token, on)  # "Minister Hamada" after his full title
        if actor is None:  # "Platte River" after "Platte River Networks"
            actor = self._short_name(token, on)
        actor = self._named_body(token, actor)  # "the Clinton Foundation" in a US story
        return self._with_context(actor, token)

    def _last_body(self, token) -> int | None:
        """Where the last body (not a person) was named before the token."""
        return next((a.token for a in reversed(self.antecedents)
                     if a.token < token.i and not a.is_person), None)

    def _grounded(self, actor: Actor, token, on) -> Actor:
        """A person the KB does not know gets a country (or a bloc) only from context
        ('Interior Minister X said' in a French story, 'the bloc's commissioner X'); a
        later 'X' or 'he' takes it from the first mention rather than staying stateless.
        Officials of blocs keep no country."""
        if actor.country is not None or not actor.name or actor.sector == "IGO":
            return actor
        first = next((a for a in self.antecedents if a.token < token.i and a.is_person
                      and a.actor.name == actor.name), None)
        if first is None or first.token in self._grounding:
            return actor  # already resolving that mention (an "of" phrase inside it)
        self._grounding.add(first.token)
        try:
            found = next(iter(self.at(self.doc[first.token], on)), None)
        finally:
            self._grounding.discard(first.token)
        if found is None or found.name != actor.name:
            return actor
        if found.sector == "IGO" and actor.sector is None:
            return replace(actor, sector="IGO", code=found.code)
        if found.country is None or actor.sector in STATELESS_SECTORS - {None}:
            return actor
        return replace(actor, country=found.country,
                       code=composite_code(found.country, actor.sector))

    def _bloc_reference(self, token, on) -> Actor | None:
        """'the alliance' is the body named before; 'the bloc's commissioner X' and 'the
        alliance's members' belong to it, not to a country guessed from context."""
        body = coref.resolve_bloc(token, self.antecedents)
        if body is not None:
            span = self.doc[phrase_of(token).left:phrase_of(token).right]
            return coref._as_reference(body.actor, span)
        phrase, deps = phrase_of(token), view_of(self.doc).dep  # asked of every phrase
        owner = next((i for i in range(phrase.left, token.i) if deps[i] == "poss"), None)
        body = coref.resolve_bloc(self.doc[owner], self.antecedents) if owner is not None \
            else None
        actor = self.phrase(token, on) if body is not None else None
        if body is None or (actor is not None and (actor.country or actor.kb_id)):
            return None
        span = self.doc[phrase.left:phrase.right]
        return Actor(text=span.text, start=span.start_char, end=span.end_char,
                     name=actor.name if actor is not None else None, kb_id=None, country=None,
                     sector="IGO", code=body.actor.code, resolved_by="coref",
                     confidence=round(body.actor.confidence * 0.8, 3))

    def _candidate_campaign(self, token, on) -> Actor | None:
        """'Clinton and her campaign': a named person's own campaign is that person's
        side, as 'Trump's campaign' is; 'their long campaign' of no one named stays no one."""
        poss = next((c for c in token.children if c.dep_ == "poss"), None) \
            if token.lemma_.lower() == "campaign" else None  # the word first: every phrase asks
        if poss is None or poss.lower_ not in {"his", "her"}:
            return None
        person = next((a for a in self._single(poss, on) if a.kb_id and a.country), None)
        if person is None:
            return None
        span = self.doc[poss.i:token.i + 1]
        return replace(person, text=span.text, start=span.start_char, end=span.end_char,
                       confidence=round(person.confidence * 0.8, 3))

    def _owner(self, token, actor: Actor | None, on) -> Actor | None:
        """'the military government of President X', 'the army of the junta': a body's
        word whose 'of' phrase names an actor belongs to that actor's country."""
        sector = actor.sector if actor is not None else self.kb.sector(token.lemma_.lower())
        if sector is None or sector in STATELESS_SECTORS or token.pos_ != "NOUN":
            return None
        obj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), None)
        owner = next((a for a in self._single(obj, on) if a.country), None) \
            if obj is not None else None
        if owner is None:
            return None
        span = self.doc[token.left_edge.i:token.i + 1]
        if span[0].lower_ in {"the", "a", "an"} and len(span) > 1:
            span = span[1:]
        return Actor(text=span.text, start=span.start_char, end=span.end_char, name=None,
                     kb_id=None, country=owner.country, sector=sector,
                     code=composite_code(owner.country, sector), resolved_by="owner",
                     confidence=round(owner.confidence * 0.8, 3))

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
        # "the campaign says they ...": a body may be "they"
        many = len(found) > 1 or reporter.tag_ in {"NNS", "NNPS"} or collective(reporter)
        if plural != many:
            return [] if not found or token.lower_ not in {"it", "its"} else found
        return [replace(a, resolved_by="coref") for a in found]

    def _listed_before(self, token, on) -> list[Actor]:
        """'Sens. A, B and C criticized Comey. They asked ...': each of them; 'A met B.
        They agreed ...': the two who met."""
        subject = coref.listed_subject(token)
        found = self.at(subject, on) if subject is not None else []
        if len(found) < 2:
            found = self._met_before(token, on)
        return [replace(a, resolved_by="coref") for a in found] if len(found) > 1 else []

    def _met_before(self, token, on) -> list[Actor]:
        pair = coref.met_pair(token)
        if pair is None:
            return []
        first, second = (self.at(t, on, coordinated=False) for t in pair)
        if len(first) != 1 or len(second) != 1:
            return []
        a, b = first[0], second[0]
        if (a.kb_id, a.code) == (b.kb_id, b.code):
            return []  # no telling the two apart
        return [a, b]

    def _as_state(self, actor: Actor) -> Actor:
        """'Iran fired', 'China's support': a country's proper name as an event's actor is
        coded as its government (GOV); its adjective or people ('Israeli jets', 'the
        Palestinians') keep no sector. Applied only to the finished event's actors: the
        matching stage tells a whole country from its government by the missing sector."""
        if actor.resolved_by != "country" or actor.sector is not None or not actor.country:
            return actor
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None or not any(t.tag_ in {"NNP", "NNPS"} and t.ent_type_ != "NORP" for t in span):
            return actor
        return replace(actor, sector="GOV", code=composite_code(actor.country, "GOV"))

    def _coordinated_modifiers(self, token, actor, on) -> list[Actor]:
        """'the Turkish and Greek sides' → one actor per country adjective."""
        kids, deps = view_of(self.doc).children, view_of(self.doc).dep  # every phrase asks
        mods = [self.doc[c] for c in kids[token.i] if deps[c] in {"amod", "compound", "nmod"}
                and any(deps[g] == "conj" for g in kids[c])] if actor is not None else []
        if not mods:
            return []
        out = []
        for mod in [mods[0]] + [g for g in mods[0].children if g.dep_ == "conj"]:
            entity = self.kb.entity(_modifier_text(mod))
            if entity is not None and entity.country:
                out.append(replace(actor, country=entity.country, name=entity.name,
                                   code=composite_code(entity.country, actor.sector)))
        return out if len(out) > 1 else []

    def _place(self, token) -> Actor | None:
        """A named town or region stands for its country when it is what a deed targets."""
        if self.gazetteer is None or token.ent_type_ not in {"GPE", "LOC", "FAC"}:
            return None
        span = entity_span(token)
        place = None if span is None else us_politics.ap_state(span) or \
            self.gazetteer.lookup(span.text, self._named_countries(span))
        if place is None or not place.country or _other_county(span, place):
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
        """The same person with the role valid on the event date (dates bind late); a
        country named as a whole is, in the record, its government."""
        actor = self._as_state(actor)
        if actor.kb_id is None or actor.name is None or on is None or on == self.published:
            return actor
        match = self.kb.person(actor.name, on=on)
        if match is None or match.kb_id != actor.kb_id:
            return actor
        return replace(actor, country=match.country or actor.country,
                       sector=match.sector or actor.sector,
                       code=composite_code(match.country or actor.country,
                                           match.sector or actor.sector))


QUANTITY_HEADS = {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group",
                  "groups", "number", "members", "member", "some", "many", "most", "all", "one",
                  "two", "three", "several", "crowd", "crowds", "delegation", "team", "unit",
                  "units", "contingent", "convoy", "column", "band", "gang",
                  # people who stand for a body: "leaders of the opposition coalition"
                  "leaders", "leader", "supporters", "supporter", "followers", "inhabitants",
                  "residents", "representatives", "delegates", "loyalists",
                  "republic", "kingdom"}  # "the republic of Slovenia"


def _other_county(span, place) -> bool:
    """'Nassau County' is not the town of Nassau the gazetteer finds for it."""
    return span[-1].lower_ in COUNTY_WORDS and span[-1].lower_ not in place.name.lower()


def _modifier_text(mod) -> str:
    """'Sierra Leonean' in 'Sierra Leonean and Liberian refugees': the modifier with the
    name words before it, not its conjuncts."""
    start = mod.i
    while start > 0 and mod.doc[start - 1].dep_ == "compound" and mod.doc[start - 1].head.i == mod.i:
        start -= 1
    return mod.doc[start:mod.i + 1].text


FOLLOWER_HEADS = {"supporters", "supporter", "followers", "loyalists", "partisans"}


PLURAL_TITLES = {"sens", "reps", "senators", "representatives", "govs", "governors"}


def list_title(token) -> str | None:
    """'Sens. A, B and C', 'Reps. A of X and B of Y': a title for every name listed. The
    title may stand just before the phrase, cut off by its abbreviation's stop."""
    view, left = view_of(token.doc), phrase_of(token).left  # asked of every conjunct
    words = [view.lower[i].rstrip(".") for i in range(left, token.i)]
    if left >= 2 and view.words[left - 1] == "." and view.words[left - 2][:1].isupper():
        words.append(view.lower[left - 2])  # "Sens" + "." read as a sentence's end
    return next((w for w in words if w in PLURAL_TITLES), None)


def _with_title(actor: Actor, sector: str | None) -> Actor:
    """A name of a titled list takes the list's title sector."""
    if sector is None or actor.kb_id or not actor.name or actor.sector:
        return actor
    return replace(actor, sector=sector, code=composite_code(actor.country, sector))


def _follower(actor: Actor) -> Actor:
    """'supporters of former President X' are civilians of X's country, not X."""
    if actor.resolved_by not in {"person", "title"} or not actor.name or not actor.country:
        return actor
    return replace(actor, name=None, kb_id=None, sector="CVL",
                   code=composite_code(actor.country, "CVL"), resolved_by="followers",
                   confidence=round(actor.confidence * 0.8, 3))


def _of_object(token):
    if token.lower_ not in QUANTITY_HEADS and token.pos_ != "NUM":
        return None
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.kb_id or a.code or a.text, a.start)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
