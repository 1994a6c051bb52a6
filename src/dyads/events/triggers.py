"""Triggers: which tokens of a sentence carry an event, and which lexicon entry types them.

The most specific entry whose constraints the parse satisfies wins. Event nouns that are a
verb's topic ("discussed the cooperation") or the content of an appeal, demand, intent or
refusal ("called for SANCTIONS") are not events of their own. A verb and its event-noun
object ("launched air strikes", "offered military aid") make one event: see
``combine``, which finds a sentence's triggers and combines them.
"""
from __future__ import annotations

from dataclasses import replace

from ..docview import doc_memo, is_root, view_of
from . import arguments as args
from .lemmas import verb_lemma
from .lexicon import ANY_PREDICATE, LexEntry, Lexicon
from .modality import is_refusal
from .roots import CONTAINER_ROOTS


# The trigger tests below read children's labels, words and lemmas from the Doc's view and
# make a Token only where one is needed: they run for every candidate entry of every word.
PARTICLE_DEPS = frozenset({"prt", "advmod", "prep"})


def _has_particle(verb, particle: str) -> bool:
    """A particle follows its verb: in "ON Twitter, Bush called Trump ..." no one calls on."""
    view, i = view_of(verb.doc), verb.i
    return any(view.lower[c] == particle and view.dep[c] in PARTICLE_DEPS and c > i
               and not _dates(verb.doc[c]) for c in view.children[i]) \
        or _for_to_clause(verb, particle) is not None


TIME_ENTITIES = {"DATE", "TIME"}


def _dates(prep) -> bool:
    """'called Netanyahu ON SUNDAY': a preposition dating the deed is no particle."""
    obj = args.child(prep, "pobj")
    return obj is not None and obj.ent_type_ in TIME_ENTITIES


def _for_to_clause(verb, particle: str):
    """'called FOR Putin to be tried': the parser hangs "for" on the infinitive clause as
    its marker; the clause is then what the particle introduces."""
    if particle != "for":
        return None
    view, i = view_of(verb.doc), verb.i
    return next((verb.doc[c] for c in view.children[i] if view.dep[c] in CLAUSE_DEPS and c > i
                 and any(view.dep[m] == "mark" and view.lower[m] == "for"
                         and _next_word(view, i, m) for m in view.children[c])), None)


CLAUSE_DEPS = frozenset({"advcl", "ccomp"})


def _next_word(view, verb: int, word: int) -> bool:
    """Token ``word`` follows token ``verb`` with at most adverbs between: 'called AGAIN for'."""
    return word > verb and all(view.pos[k] == "ADV" for k in range(verb + 1, word))


def _lemma_of(token) -> str | None:
    return joined_lemma(token) if token is not None else None


def joined_lemma(token) -> str:
    """The lemma with a hyphenated first part joined on: 'cease-fire' → 'ceasefire'."""
    view, i = view_of(token.doc), token.i
    lemma = view.lemma_lower[i].replace("-", "")  # words kept whole: "lathi-charge"
    if view.pos[i] == "VERB":
        lemma = verb_lemma(token).replace("-", "")
    if i >= 2 and view.words[i - 1] == "-" and (
            view.head[i - 2] == i or view.lower[i - 2] in JOINED_PREFIXES):
        return view.lemma_lower[i - 2] + lemma
    return lemma


# Prefixes the parser splits off and misattaches: "re-examine", "co-operate", "counter-attack",
# "lathi-charge" (a police baton charge in South Asian English).
JOINED_PREFIXES = {"re", "co", "counter", "lathi", "baton", "cane"}


def _constrained_object(token, entry: LexEntry):
    """The object an entry constrains: the particle's object when the particle is a
    preposition ("call for TALKS", "accuse of ESPIONAGE"), else the direct object. Found
    once per token and particle: a word's candidate entries (seven on average) ask alike."""
    memo = doc_memo(token.doc, CONSTRAINED_KEY)
    key = (token.i, entry.particle)
    if key not in memo:
        obj = _find_constrained_object(token, entry.particle)
        memo[key] = obj.i if obj is not None else None
    return token.doc[memo[key]] if memo[key] is not None else None


# Doc.user_data slot: (token, particle) -> the object's index. Indices, not Tokens: a Token
# kept in the Doc's own user_data would make a reference cycle that only the garbage
# collector frees, holding the whole parse in memory until it runs.
CONSTRAINED_KEY = "dyads_constrained_objects"


def _find_constrained_object(token, particle: str | None):
    if particle:
        obj = args.prep_object(token, particle)
        if obj is not None:
            return obj
    obj = args.child(token, "dobj") or args.passive_target(token) or _infinitive_subject(token)
    if obj is not None and (obj.lemma_.lower() in QUANTITY_NOUNS or obj.tag_ == "$"):
        # "handed over 700 KG OF medicine", "pledged $85 million IN assistance"
        return args.prep_object(obj, "of") or args.prep_object(obj, "in") or obj
    return obj


# Objects that only measure out what is given or cut: "700 kg OF MEDICINE", "part of the aid".
QUANTITY_NOUNS = {"kg", "kilogram", "kilo", "ton", "tonne", "tons", "lot", "amount", "shipment",
                  "batch", "consignment", "part", "portion", "share", "million", "billion",
                  "quantity", "load", "planeload", "truckload", "dozen", "hundred", "thousand",
                  "most", "some", "all", "half", "majority", "bulk", "rest", "much"}


def _infinitive_subject(verb):
    """'allowed refugees to return' parsed as a clause: its subject is the verb's object."""
    clause = infinitive_of(verb)
    return args.child(clause, "nsubj") if clause is not None and clause.dep_ == "ccomp" else None


def _object_lemmas(obj) -> frozenset[str]:
    """The object's lemma; for a carrier noun also its compound ("mediation EFFORTS",
    "aid PROGRAMME"), which names what the object really is. Made once per object token."""
    memo = doc_memo(obj.doc, OBJECT_LEMMAS_KEY)
    lemmas = memo.get(obj.i)
    if lemmas is None:
        lemmas = memo[obj.i] = frozenset(_find_object_lemmas(obj))
    return lemmas


OBJECT_LEMMAS_KEY = "dyads_object_lemmas"  # Doc.user_data slot: token -> lemmas


def _find_object_lemmas(obj) -> set[str]:
    lemmas = {_lemma_of(obj)}
    if obj.lemma_.lower() in OBJECT_CARRIERS:
        lemmas |= {_lemma_of(c) for c in obj.children if c.dep_ == "compound"}
    if obj.pos_ == "PROPN":  # "summoned Ambassador Nicholas BURNS": the title says who
        lemmas |= {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
    if obj.lemma_.lower() in KIND_CARRIERS:
        lemmas |= {_lemma_of(c) for c in obj.children if c.dep_ in {"compound", "amod", "nmod"}}
    return lemmas


def _object_fits(obj, objects) -> bool:
    """The object's lemma is listed; "person" in the list also admits a named person."""
    if obj is None:
        return False
    return not _object_lemmas(obj).isdisjoint(objects) or (
        "person" in objects and obj.ent_type_ == "PERSON")


MODIFIER_CHILD_DEPS = {"compound", "amod", "nmod", "advmod"}  # "HUNGER strike", "SEXUALLY abused"


def entry_fits(token, entry: LexEntry) -> bool:
    """Does the parse around ``token`` satisfy the entry's constraints? A verb entry's
    source preposition must be there ("received arms FROM X": X is the giver)."""
    if entry.particle and not _has_particle(token, entry.particle):
        return False
    if entry.pos == "verb" and entry.source_prep and verb_source(token, entry) is None:
        return False
    if entry.modifiers and not _has_modifier(token, entry.modifiers):
        return False
    if entry.pos == "noun":
        of_obj = args.prep_object(token, "of")
        return not entry.objects or _lemma_of(of_obj) in entry.objects
    if entry.objects and not _object_fits(_constrained_object(token, entry), entry.objects):
        return False
    if entry.predicates and not _predicate_fits(token, entry.predicates):
        return False
    if entry.xcomp:
        xcomp = infinitive_of(token)
        if _lemma_of(xcomp) not in entry.xcomp:
            return False
        if entry.xcomp_objects and _lemma_of(args.child(xcomp, "dobj")) not in entry.xcomp_objects:
            return False
    return True


def _has_modifier(token, modifiers) -> bool:
    view = view_of(token.doc)
    return any(view.lemma_lower[c] in modifiers for c in view.children[token.i]
               if view.dep[c] in MODIFIER_CHILD_DEPS)


def _predicate_fits(verb, predicates) -> bool:
    """'called the visit a reckless PROVOCATION': the object predicate or a word on it."""
    view = view_of(verb.doc)
    preds = [c for c in view.children[verb.i] if view.dep[c] == "oprd"]
    pred = preds[-1] if preds else None  # of two, the first is the object
    if pred is None or view.pos[pred] == "PROPN":  # "called Scholz": a misparsed object, a name
        return False
    words = {view.lemma_lower[pred]} | {view.lemma_lower[c] for c in view.children[pred]}
    return ANY_PREDICATE in predicates or bool(words & set(predicates))


def _names_a_relative(verb) -> bool:
    """'to strike WHAT HE CALLED military infrastructure': a name given in passing."""
    obj = args.child(verb, "dobj")
    return (obj is not None and obj.tag_ in {"WP", "WDT"}
            and args.child(verb, "oprd") is not None)


def verb_source(verb, entry: LexEntry):
    """The giver in 'received arms FROM X', the preposition hung on the verb or its object."""
    found = args.prep_object(verb, entry.source_prep)
    obj = args.child(verb, "dobj")
    if found is None and obj is not None:
        found = args.prep_object(obj, entry.source_prep)
    return found


def infinitive_of(verb):
    """The verb's to-infinitive: its xcomp, or a to-clause parsed as an adverbial
    ("have sworn TO FIGHT until ...") or as a clause with its own subject ("allowed
    refugees TO RETURN")."""
    xcomp = args.child(verb, "xcomp")
    if xcomp is not None:
        return xcomp
    view, i = view_of(verb.doc), verb.i
    return next((verb.doc[c] for c in view.children[i] if view.dep[c] in CLAUSE_DEPS
                 and view.tag[c] == "VB" and c > i
                 and any(view.dep[a] == "aux" and view.lower[a] == "to" for a in view.children[c])),
                None)


MODIFIER_DEPS = {"amod", "compound", "acl", "npadvmod"}  # "US-led war", "athletes killed at"
MEDIATION_CODES = {"045", "039", "108"}
# Verbs whose object noun is the event itself: "launched air strikes", "held talks".
LIGHT_VERBS = {"undertake", "launch", "begin", "start", "conduct", "hold", "stage", "carry",
               "make", "resume", "continue", "mount", "wage", "step", "initiate", "intensify",
               "escalate", "pursue", "open", "give", "extend", "organize", "organise", "lead"}
# Nouns that carry another event noun as their modifier: "a mediation MISSION between ...".
LIGHT_NOUNS = {"mission", "effort", "efforts", "bid", "initiative", "push", "attempt", "process",
               "campaign", "operation", "drive", "offensive", "deal", "agreement", "talks"}
# Objects named by their compound: "ended mediation EFFORTS", "cut the aid PROGRAMME".
OBJECT_CARRIERS = LIGHT_NOUNS | {"program", "programme", "package", "scheme", "plan", "access",
                                 "service"}  # also "INTERNET access"
# Groups named by their kind: "a MEDICAL team", "a field HOSPITAL and medical team".
KIND_CARRIERS = {"team", "crew", "convoy", "unit"}
# Nouns whose to-infinitive is the act itself: "an attempt TO ASSASSINATE", "a bid to free".
PURPOSE_NOUNS = {"attempt", "bid", "effort", "plot", "move", "decision", "drive", "campaign",
                 "operation", "mission", "initiative"}
# Deeds whose doer alone is news (no target needed): a light verb carries their noun so
# that the event keeps the verb's subject, tense and objects ("staged a protest").
DOER_ROOTS = {"14", "15", "18", "19", "20"}
CONTAINER_SHIFT = {"03": "future", "13": "future", "10": "demand", "12": "refusal", "02": "demand"}


# Documents whose participle says what they do: "a statement DEMANDING that ...".
MESSAGE_NOUNS = args.MESSAGE_NOUNS


def _message_participle(token) -> bool:
    """'issued a declaration DEMANDING that ...': the document's participle is the act,
    also where the parser hangs it on the sender ('a video from the group THREATENING')."""
    if token.dep_ != "acl" or token.tag_ != "VBG":
        return False
    noun = token.head
    if noun.dep_ == "pobj" and noun.head.lower_ in {"from", "by"}:
        noun = noun.head.head
    return noun.lemma_.lower() in MESSAGE_NOUNS


def _purpose_infinitive(token) -> bool:
    """'an attempt TO ASSASSINATE him': the infinitive of a purpose noun is an event."""
    return (token.dep_ == "acl" and token.head.lemma_.lower() in PURPOSE_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _selection_key(token, entry: LexEntry) -> tuple:
    """Most constraints first; among equals an object constraint says more than a particle,
    and an entry whose target preposition is present locates its target."""
    has_prep = bool(entry.target_prep and args.prep_object(token, entry.target_prep))
    return (entry.specificity, bool(entry.objects or entry.xcomp_objects), has_prep)


def best_entry(token, lexicon: Lexicon) -> LexEntry | None:
    view = view_of(token.doc)
    tag = view.pos[token.i]
    pos = "verb" if tag == "VERB" else "noun" if tag == "NOUN" else None
    # most words have no entry: look the lemma up before the (side-effect free) parse tests
    candidates = lexicon.entries_for(joined_lemma(token), pos) if pos is not None else ()
    if not candidates or (pos == "verb" and token.dep_ in MODIFIER_DEPS and not (
            _purpose_infinitive(token) or _message_participle(token) or accord_content(token)
            or _finite_acl(token))):
        return None
    if pos == "verb" and _names_a_relative(token):
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() not in LIGHT_NOUNS:
        return None
    entries = [e for e in candidates if entry_fits(token, e)]
    if pos == "noun" and is_medium(token) and not any(e.code[:2] == CONSULT_ROOT for e in entries):
        entries = _as_conversation(token, lexicon) or entries
    if not entries:
        return None
    return max(entries, key=lambda e: _selection_key(token, e))  # first of equals: file order


# Prepositions that make a noun the channel of the verb's act: "told Putin IN A CALL".
MEDIUM_PREPS = {"in", "during", "over"}
CONSULT_ROOT = "04"


def is_medium(noun) -> bool:
    """'told Putin IN A PHONE CALL', 'urged him DURING talks': the noun is the occasion of
    the verb's act (a consultation between its doer and its object), not its content."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in MEDIUM_PREPS
            and noun.head.head.pos_ == "VERB" and noun.head.head.i < noun.i)


def _as_conversation(noun, lexicon: Lexicon) -> list[LexEntry]:
    """A medium noun's consultation readings, its own modifiers unchecked: 'in a call'
    is a phone call though no PHONE is written."""
    return [e for e in lexicon.entries_for(joined_lemma(noun), "noun")
            if e.code[:2] == CONSULT_ROOT and entry_fits(noun, replace(e, modifiers=()))]


def _finite_acl(token) -> bool:
    """'the US and 20 other countries EXPELLED diplomats': a past-tense verb with an object
    hung on a noun as a modifier is the clause's own verb misparsed, not a participle."""
    if token.dep_ != "acl" or args.child(token, "dobj") is None:
        return False
    return token.tag_ == "VBD" or token.sent.root.pos_ not in {"VERB", "AUX"}


ACCORD_NOUNS = {"consensus", "agreement", "accord", "deal", "understanding"}


def accord_content(token) -> bool:
    """'reached a consensus TO EXCHANGE information': the infinitive says what was agreed."""
    noun = token.head
    return (token.dep_ == "acl" and noun.dep_ == "dobj" and noun.lemma_.lower() in ACCORD_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def governed_by_trigger(token, triggers) -> bool:
    """What an appeal, demand, intent, threat or refusal asks for is its content, not an
    event of its own: "urged Russia to END", "demanded that the US CANCEL", "called for
    SANCTIONS"."""
    if token.pos_ == "NOUN" and is_medium(token) and args.child(token.head.head, "dobj") is not None:
        return False  # "urged Putin IN A PHONE CALL to ...": the call is no content
    cur = token
    for _ in range(7):
        if is_root(cur):
            return False
        dep, cur = cur.dep_, cur.head
        entry = triggers.get(cur.i)
        if dep == "conj" and entry is not None:
            return False  # coordinated events stand on their own: "met and signed"
        if entry is not None and (entry.code[:2] in CONTAINER_ROOTS or is_refusal(token)):
            return dep in {"xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "advcl"}
        if dep not in {"xcomp", "conj", "ccomp", "dobj", "pobj", "prep"}:
            return False
    return False


def statement_has_content_event(verb, triggers) -> bool:
    clause = args.complement_clause(verb)
    return clause is not None and any(v.i in triggers for v in args.clause_main_verbs(clause))
