"""Within-article coreference: pronouns, definite descriptions and pairs.

The article's actor mentions are collected in text order (``collect_antecedents``); a
pronoun ("he"), a definite description ("the minister", "the State Secretary", "the
Russian side") or a pair ("both sides", "the two leaders") is resolved to actors named
before it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..docview import sentence_bounds, span_text, view_of
from ..events.arguments import prep_object
from ..records import Actor
from .gender import agrees, mention_cue, mention_sex, pronoun_sex
from .kb import KnowledgeBase, composite_code
from .mentions import resolve_phrase
from .phrases import phrase_of
from .names import HONORIFICS, NAME_TITLES
from .sectors import norm_text

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
PAIR_WORDS = {"sides", "leaders", "countries", "nations", "parties", "governments", "ministers",
              "neighbours", "neighbors", "diplomats", "presidents", "officials"}
PERSON_PAIR_WORDS = {"leaders", "ministers", "diplomats", "presidents", "officials"}
PAIR_DETERMINERS = {"both", "two"}
# "both POLITICAL parties", "the two MAJOR parties": the kind of body meant, not two sides
# named before
KIND_MODIFIERS = {"political", "major", "main", "mainstream", "big", "largest", "biggest"}
NOUN_HEAD_POS = {"NOUN", "PROPN"}
NOT_HEAD_DEPS = {"compound", "amod", "flat", "nmod", "poss"}


@dataclass(frozen=True)
class Antecedent:
    token: int          # head token index in the doc
    actor: Actor
    is_person: bool
    title: str          # role title, lowercased, for definite descriptions
    is_subject: bool = False
    sex: str | None = None  # "f", "m" or unknown (gender.py), for he/she agreement


def collect_antecedents(doc, kb: KnowledgeBase, on=None, resolve=None) -> list[Antecedent]:
    """Every resolvable actor phrase in the article, in text order. ``resolve(token, on)``
    lets the caller share its cache of resolved phrases."""
    resolve = resolve or (lambda t, when: resolve_phrase(doc, t, kb, when))
    found: list[Antecedent] = []
    view = view_of(doc)  # labels first: a Token only for the words that may head a phrase
    capitals = _capitals_before(view.words)
    for i, pos in enumerate(view.pos):
        if pos not in NOUN_HEAD_POS or view.dep[i] in NOT_HEAD_DEPS:
            continue
        token = doc[i]
        if _plain_noun(token, capitals):
            continue
        earlier = _surname_antecedent(token, found)  # "Lavrov" after "Sergei Lavrov"
        if earlier is not None:
            found.append(replace(earlier, token=token.i, sex=earlier.sex or mention_cue(doc, i),
                                 is_subject=token.dep_ in {"nsubj", "nsubjpass"}))
            continue
        actor = resolve(token, on)
        described = _described(token, actor, found, kb)
        if described is not None:  # "The Republican nominee" after "Donald Trump"
            found.append(replace(described, token=token.i,
                                 is_subject=token.dep_ in {"nsubj", "nsubjpass"}))
            continue
        if actor is None or actor.resolved_by == "sector":
            continue
        title = ""
        if actor.resolved_by == "person":
            match = kb.person(actor.name or "", on=on)
            title = (match.role.title.lower() if match and match.role else "")
        named = actor.resolved_by == "person" or (actor.resolved_by == "title" and actor.name)
        found.append(Antecedent(token.i, actor, bool(named), title,
                                token.dep_ in {"nsubj", "nsubjpass"},
                                mention_sex(doc, i, actor.name) if named else None))
    return _shared_sexes(found)


def _shared_sexes(found: list[Antecedent]) -> list[Antecedent]:
    """A sex one mention shows ("Mr. Assad") holds for every mention of that person in
    the article; where mentions of one name disagree, each keeps its own."""
    shown: dict[str, set] = {}
    for a in found:
        if a.sex and a.actor.name:
            shown.setdefault(a.actor.name, set()).add(a.sex)
    sexes = {name: next(iter(s)) for name, s in shown.items() if len(s) == 1}
    return [a if (sex := sexes.get(a.actor.name, a.sex)) == a.sex else replace(a, sex=sex)
            for a in found]


def _capitals_before(words: list[str]) -> list[int]:
    """counts[i]: how many of the article's words before i begin with a capital letter."""
    counts = [0]
    for w in words:
        counts.append(counts[-1] + w[:1].isupper())
    return counts


def _plain_noun(token, capitals: list[int] | None = None) -> bool:
    """'the talks', 'weapons': a lower-case noun with no capitalised modifier names no one
    coreference could point back to (bare titles resolve through descriptions instead).
    With ``capitals`` (``_capitals_before`` of its article), a noun with no capital between
    its subtree's edges is known plain without walking the subtree (most nouns)."""
    if not (token.pos_ == "NOUN" and token.is_lower):
        return False
    if capitals is not None and \
            capitals[token.right_edge.i + 1] == capitals[token.left_edge.i]:
        return True
    return not any(t.text[:1].isupper() for t in token.subtree if t.i != token.i)


def _inside_any(char: int, ranges) -> bool:
    return any(lo <= char < hi for lo, hi in ranges)


def _before(antecedents, token_i: int):
    return [a for a in antecedents if a.token < token_i]


def _as_reference(actor: Actor, span) -> Actor:
    """The antecedent's identity at the referring expression's own offsets."""
    return replace(actor, text=span_text(span), start=span.start_char, end=span.end_char,
                   resolved_by="coref", confidence=actor.confidence * 0.9)


def resolve_pronoun(token, antecedents, skip_chars=()) -> Actor | None:
    """The last person (he, she) or group (they, it) named before the pronoun; names
    inside ``skip_chars`` ranges (quotations) are not candidates for a speaker."""
    lower = token.lower_
    earlier = _before(antecedents, token.i)
    if skip_chars:  # each antecedent's offset looked up once, not once per quotation
        idx = view_of(token.doc).idx
        earlier = [a for a in earlier if not _inside_any(idx[a.token], skip_chars)]
    if lower in PERSON_PRONOUNS:
        bound = _own_subject(token)
        # "Doe accused her": not Doe, nor Doe's earlier mentions
        selves = {a.actor.name for a in earlier if a.token in bound and a.actor.name}
        sex = pronoun_sex(lower)  # "he" is never a woman named before it
        people = [a for a in earlier if a.is_person and a.token not in bound
                  and a.actor.name not in selves and agrees(a.sex, sex)]
        if not people:
            return None
        chosen = _inside_subject(token, people) or _salient(people, token)
        return _as_reference(chosen.actor, token.doc[token.i:token.i + 1])
    if lower in GROUP_PRONOUNS or lower in {"it", "its"}:
        groups = [a for a in earlier if not a.is_person]
        return _as_reference(groups[-1].actor, token.doc[token.i:token.i + 1]) if groups else None
    return None


OBJECT_PRONOUNS = {"him", "her", "them"}
OBJECT_DEPS = {"dobj", "attr", "oprd", "dative", "acomp"}


def _inside_subject(token, people: list[Antecedent]) -> Antecedent | None:
    """'Emails belonging to Jo Doe exposed his doubts': a possessive in the object of a
    verb whose subject is a thing that holds a person is bound by that person, not by
    whoever was named last before the sentence."""
    noun = token.head
    while noun.dep_ in {"pobj", "prep"} and noun.head is not noun:
        noun = noun.head  # "the text of his letter"
    if token.dep_ != "poss" or noun.dep_ not in OBJECT_DEPS:
        return None
    subject = next((c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
        return None
    inside = range(subject.left_edge.i, subject.right_edge.i + 1)
    if any(a.token == subject.i for a in people):
        return None  # the subject is a person: the usual salience finds it
    held = [a for a in people if a.token in inside]
    return held[-1] if held else None


def _own_subject(token) -> set[int]:
    """'Clinton accused him of sexism': an object pronoun is never its own verb's subject
    (reflexives are: 'accused himself')."""
    if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in {"dobj", "pobj", "dative"}:
        return set()
    verb = token.head.head if token.dep_ == "pobj" else token.head
    # "defended herself and thanked him", "sent an email praising him": a conjunct or a
    # participle shares its head's subject
    for _ in range(3):
        found = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        if found or verb.dep_ not in {"conj", "advcl", "xcomp", "acl"}:
            return found
        verb = verb.head.head if verb.dep_ == "acl" else verb.head  # "sent an email praising him"
    return set()


def _salient(people: list[Antecedent], token) -> Antecedent:
    """The last subject among the people of this and the previous sentence, else the last
    person: 'Cavusoglu said he had spoken with Kuleba ... "...," he said' → Cavusoglu."""
    doc = token.doc
    start = sentence_bounds(doc, token.i)[0]
    for _ in range(3):  # this sentence and up to three before it (quotes span sentences)
        start = sentence_bounds(doc, start - 1)[0] if start > 0 else start
    near = [a for a in people if a.token >= start]
    subjects = [a for a in near if a.is_subject]
    return subjects[-1] if subjects else people[-1]


# Words news uses for one another in a title ("the Democratic nominee" is the Democratic
# presidential candidate), and the party a description's adjective names.
TITLE_SYNONYMS = {"candidate": ("nominee",), "nominee": ("candidate",)}
PARTY_ADJECTIVES = {"democratic": "democratic", "democrat": "democratic",
                    "republican": "republican", "gop": "republican"}


def _described(token, actor, found, kb: KnowledgeBase) -> Antecedent | None:
    """The earlier person a nameless party description refers back to, as a mention of
    that person (so 'he' after 'The Republican nominee said' finds the nominee). Only
    party ones: counting every 'the Secretary' as a mention would tilt the article's main
    country in a two-country story."""
    if actor is not None and (actor.name or actor.kb_id):
        return None
    phrase = phrase_of(token)
    if not any(t.lower_ in PARTY_ADJECTIVES for t in token.doc[phrase.left:token.i]):
        return None
    match = _description_match(token, found, kb)
    return match[0] if match is not None else None


DEFINITE = frozenset({"the", "this", "that"})


def resolve_description(token, antecedents, kb: KnowledgeBase) -> Actor | None:
    """'the minister', 'the State Secretary', 'the Russian minister' → the last such person."""
    match = _description_match(token, antecedents, kb)
    return _as_reference(match[0].actor, match[1]) if match is not None else None


def _description_match(token, antecedents, kb: KnowledgeBase):
    """(antecedent, span) of the last person the description's words fit, or None."""
    view, phrase = view_of(token.doc), phrase_of(token)
    at = range(phrase.left, phrase.right)  # the phrase's words from the view, no Span walks
    if view.lower[phrase.left] not in DEFINITE or any(
            view.pos[i] == "PROPN" and view.ent_type[i] == "PERSON" for i in at):
        return None
    words = {view.lower[i] for i in at
             if view.pos[i] in NOUN_HEAD_POS and kb.entity(view.words[i]) is None}
    sector = kb.title_sector(" ".join(view.words[phrase.left + 1:phrase.right]))
    countries = {e.country for i in at if (e := kb.entity(view.words[i])) and e.country}
    party = {PARTY_ADJECTIVES[view.lower[i]] for i in at if view.lower[i] in PARTY_ADJECTIVES}
    for ante in reversed(_before(antecedents, token.i)):
        if not ante.is_person or (countries and ante.actor.country not in countries):
            continue
        title_words = set(ante.title.replace("-", " ").split())
        title_words |= {s for w in title_words for s in TITLE_SYNONYMS.get(w, ())}
        if party - title_words:
            continue  # "the Republican nominee" is not the Democratic candidate
        if words and words <= title_words or (sector and ante.actor.sector == sector and token.lower_ in title_words):
            return ante, token.doc[phrase.left:phrase.right]
    return None


BLOC_WORDS = {"bloc", "alliance", "organisation", "organization"}


def resolve_bloc(token, antecedents) -> Antecedent | None:
    """'the bloc', 'the alliance's members': the last intergovernmental body named
    before (a bare 'the bloc' names no one by itself)."""
    if token.lower_ not in BLOC_WORDS or not any(c.lower_ == "the" for c in token.children):
        return None
    return next((a for a in reversed(_before(antecedents, token.i))
                 if a.actor.sector == "IGO" and a.actor.code), None)


# A bare "the agency" points back to the last body named of a sector the word fits ("the
# investigators" to the investigating body: its people, for coding, the body).
BODY_REFERENCE_SECTORS = {
    "agency": {"COP", "SPY", "GOV"}, "bureau": {"COP", "SPY", "GOV"},
    "ministry": {"GOV"}, "department": {"GOV", "COP"}, "party": {"PTY"},
    "group": {"IMG", "REB", "INS"}, "organization": {"IMG", "REB", "INS"},
    "investigator": {"COP", "SPY"}, "prosecutor": {"JUD"},
}


def resolve_body_word(token, antecedents) -> Actor | None:
    """'the FBI ... interviewed by the agency', 'Islamic State ... the terrorist group':
    the last named body (not a person) of a fitting sector; only the word with 'the' and
    plain adjectives (a name or a compound would make it another body)."""
    sectors = BODY_REFERENCE_SECTORS.get(token.lemma_.lower())
    if sectors is None or token.pos_ != "NOUN":
        return None
    kids = [c for c in token.children if c.dep_ not in {"prep", "punct", "relcl", "acl"}]
    if not kids or kids[0].lower_ != "the" or any(
            c.dep_ != "amod" or c.pos_ != "ADJ" or c.ent_type_ for c in kids[1:]):
        return None
    body = next((a for a in reversed(_before(antecedents, token.i))
                 if not a.is_person and a.actor.sector in sectors and a.actor.code
                 and a.actor.resolved_by != "coref"), None)
    return _as_reference(body.actor, token.doc[kids[0].i:token.i + 1]) if body else None


def resolve_pair(token, antecedents) -> list[Actor]:
    """'both sides', 'the two leaders' → the last two distinct actors named before."""
    if token.lower_ not in PAIR_WORDS:
        return []
    if not any(c.lower_ in PAIR_DETERMINERS for c in token.children):
        return []
    if any(c.dep_ in NOT_HEAD_DEPS and c.text[:1].isupper() for c in token.children):
        return []  # "both State and FBI officials" names its two sides itself
    if any(c.dep_ == "amod" and c.lower_ in KIND_MODIFIERS for c in token.children):
        return []
    people_only = token.lower_ in PERSON_PAIR_WORDS
    before = [a for a in _before(antecedents, token.i) if not (people_only and not a.is_person)
              and not _not_a_side(token.doc[a.token], token)]
    distinct = _named_together(before, token) or _last_two(before)
    span = token.doc[phrase_of(token).left:phrase_of(token).right]
    return [_as_reference(a, span) for a in distinct] if len(distinct) == 2 else []


def _side_key(actor: Actor):
    return actor.country or actor.code


def _last_two(antecedents) -> list[Actor]:
    """The last two actors named before, of two countries (or codes), in text order."""
    distinct: list[Actor] = []
    for ante in reversed(antecedents):
        key = _side_key(ante.actor)
        if key and all(_side_key(a) != key for a in distinct):
            distinct.append(ante.actor)
        if len(distinct) == 2:
            break
    return list(reversed(distinct))


def _named_together(antecedents, token) -> list[Actor]:
    """'a ceasefire between Israel and Hezbollah ... Biden announced that both sides': the
    last two actors of two countries named as a pair ('A and B') in the pair word's own
    sentence or the one before, whoever was named since."""
    doc = token.doc
    earliest = doc[token.sent.start - 1].sent.start if token.sent.start else token.sent.start
    by_token = {a.token: a for a in antecedents}
    for ante in reversed(antecedents):
        word = doc[ante.token]
        if ante.token < earliest:
            break
        first = by_token.get(word.head.i) if word.dep_ == "conj" else None
        if first is not None and _side_key(first.actor) and _side_key(ante.actor) \
                and _side_key(first.actor) != _side_key(ante.actor):
            return [first.actor, ante.actor]
    return []


def _not_a_side(name, token) -> bool:
    """A name before the pair word that is not one of the two sides: the place things
    happen in ('their summit IN HANOI'), or the source the pair's own sentence is told
    by ('ACCORDING TO spokesperson X, both leaders ...'). Who says 'both sides' may be
    one of them ('the Russian minister claimed both sides were making progress')."""
    head = name.head
    if name.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
        return True
    if name.sent.start != token.sent.start:
        return False
    return head.lower_ == "to" and head.head.lower_ == "according"


PLACE_PREPS = {"in", "at", "near", "inside", "across", "throughout"}


def country_side(token, kb: KnowledgeBase) -> Actor | None:
    """'the Russian side' → RUS GOV (a country's side in talks is its government)."""
    if token.lower_ not in {"side", "camp", "delegation"}:
        return None
    phrase = phrase_of(token)
    span = token.doc[phrase.left:phrase.right]
    for t in span:
        entity = kb.entity(t.text)
        if entity is not None and entity.country:
            return Actor(text=span.text, start=span.start_char, end=span.end_char,
                         name=entity.name, kb_id=entity.kb_id, country=entity.country,
                         sector="GOV", code=composite_code(entity.country, "GOV"),
                         resolved_by="country")
    return None


def _surname_antecedent(token, antecedents) -> Antecedent | None:
    people = _surname_people(token, antecedents)
    return people[0] if people else None


@lru_cache(maxsize=8192)  # asked of every earlier person at each lone name word
def _name_words(name: str) -> tuple[str, ...]:
    """'Jan Novák', 'al-Thani' → ('jan', 'novak'), ('al', 'thani'): accents folded."""
    return tuple(norm_text(name.replace("-", " ")).split())


TITLE_WORDS = frozenset(HONORIFICS | NAME_TITLES)
NAME_MODIFIER_DEPS = frozenset({"compound", "flat", "amod"})


def resolve_surname(token, antecedents) -> Actor | None:
    """'Wang' after 'Foreign Minister Wang Yi': a lone name word that is part of a person
    named earlier in the article is that person, not a namesake from the KB."""
    # people the KB knows first: a tagger's "person" may be a building ("Trump Tower")
    named = sorted(_surname_people(token, antecedents), key=lambda a: a.actor.kb_id is None)
    return _as_reference(named[0].actor, token.doc[token.i:token.i + 1]) if named else None


def _surname_people(token, antecedents) -> list[Antecedent]:
    """The people named in full before a lone name word that it may stand for, the last
    named first; of the sex its title shows, if it has one ("Mr. Clinton")."""
    view, i = view_of(token.doc), token.i  # asked of every noun head: no Token walks
    if view.pos[i] != "PROPN" or not view.is_title[i] or any(
            view.dep[c] in NAME_MODIFIER_DEPS and view.lower[c].rstrip(".") not in TITLE_WORDS
            for c in view.children[i]):
        return []  # "Minister Hamada" still is the Hamada named before
    if view.dep[i] in {"compound", "flat"}:
        return []
    word, sex = norm_text(view.words[i]), mention_cue(token.doc, i)
    named = [a for a in reversed(_before(antecedents, i)) if a.is_person
             and a.token != i and a.actor.name and word in (words := _name_words(a.actor.name))
             and len(words) > 1]
    agreeing = [a for a in named if agrees(a.sex, sex)]
    if len(agreeing) < len(named):  # "Mr. Obama" after Michelle Obama: a person the KB knows
        agreeing = [a for a in agreeing if a.actor.kb_id is not None]
    return agreeing


def same_sector_country(token, sector: str | None, antecedents) -> str | None:
    """The last country named with the same sector before the token ("Myanmar's military
    ... the military")."""
    same = [a for a in _before(antecedents, token.i) if a.actor.country and a.actor.sector == sector]
    return same[-1].actor.country if same else None


def context_country(token, sector: str | None, antecedents, avoid=frozenset()) -> str | None:
    """The country a bare sector word most likely belongs to: the last country named with
    the same sector before it, else the country the rest of the article names most (first
    on ties), else the one its own sentence names most. Countries in ``avoid`` (the doer's,
    for a victim) count only when no other country is named."""
    same = same_sector_country(token, sector, antecedents)
    if same:
        return same
    if avoid:
        others = [a for a in antecedents if a.actor.country not in avoid]
        return context_country(token, sector, others) or context_country(token, sector, antecedents)
    start, end = sentence_bounds(token.doc, token.i)
    named = [a for a in antecedents if a.actor.country and a.token != token.i]
    elsewhere = [a for a in named if not start <= a.token < end]
    return _most_named(elsewhere) or _most_named(named)


def _most_named(antecedents) -> str | None:
    ranked = countries_by_mentions(antecedents)
    return ranked[0] if ranked else None


def countries_by_mentions(antecedents) -> list:
    """The antecedents' countries, most named first (first named first on ties)."""
    counts: dict[str, int] = {}
    for ante in antecedents:
        counts[ante.actor.country] = counts.get(ante.actor.country, 0) + 1
    return sorted(counts, key=counts.get, reverse=True)


def dominant_country(antecedents, token_i: int, share: float = 0.6) -> str | None:
    """The country an article is about when one clearly leads: named at least twice and
    in at least ``share`` of all country mentions (a two-country story has none)."""
    counts: dict[str, int] = {}
    for ante in antecedents:
        if ante.actor.country and ante.token != token_i:
            counts[ante.actor.country] = counts.get(ante.actor.country, 0) + 1
    if not counts:
        return None
    top = max(counts, key=counts.get)
    return top if counts[top] >= 2 and counts[top] >= share * sum(counts.values()) else None


PLURAL_PRONOUNS = {"they", "them", "their"}


# "A met B. They agreed ...": verbs whose subject and partner are the pair "they" refers to
# ("called" is left out: "A called B a liar" is no meeting)
MEETING_VERBS = {"meet", "host", "receive", "welcome", "visit", "phone", "talk", "speak",
                 "confer", "hold"}
MEETING_NOUNS = {"talk", "talks", "meeting", "discussions", "call", "conversation",
                 "consultations"}


def met_pair(token):
    """'A met B on Monday. They agreed ...': the subject and partner of the sentence
    before the plural pronoun's own, when that sentence's main verb is a meeting (met,
    hosted, spoke with, held talks with); None otherwise."""
    if token.lower_ not in PLURAL_PRONOUNS or token.sent.start == 0:
        return None
    if any(t.pos_ in {"NOUN", "PROPN"} for t in token.doc[token.sent.start:token.i]):
        return None
    root = token.doc[token.sent.start - 1].sent.root
    if root.lemma_.lower() not in MEETING_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    partner = _meeting_partner(root)
    return (subject, partner) if subject is not None and partner is not None else None


def _meeting_partner(verb):
    """B in 'met B', 'met with B', 'held talks with B' (None for 'held a rally')."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lemma_.lower() == "hold":
        if obj is None or obj.lemma_.lower() not in MEETING_NOUNS:
            return None
        return prep_object(obj, "with")
    if obj is not None and obj.pos_ in {"PROPN", "NOUN"} and \
            obj.lemma_.lower() not in MEETING_NOUNS:
        return obj
    return prep_object(verb, "with") or (prep_object(obj, "with") if obj is not None else None)


def listed_subject(token):
    """'Sens. A, B and C said ... . They asked ...': the coordinated subject of the last
    sentence before the plural pronoun's own (None when that subject is no list)."""
    if token.lower_ not in PLURAL_PRONOUNS or token.sent.start == 0:
        return None
    if any(t.pos_ in {"NOUN", "PROPN"} for t in token.doc[token.sent.start:token.i]):
        return None  # "said 40 staff were expelled because they posed ...": bound nearer
    previous = token.doc[token.sent.start - 1].sent
    subject = next((c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # a list, or names in apposition ("Sens. A, B and C" parses B as A's apposition)
    if subject is None or not any(c.dep_ in {"conj", "appos"} for c in subject.children):
        return None
    return subject
