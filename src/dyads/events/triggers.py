"""Triggers: which tokens of a sentence carry an event, and which lexicon entry types them.

The most specific entry whose constraints the parse satisfies wins. Event nouns that are a
verb's topic ("discussed the cooperation") or the content of an appeal, demand, intent or
refusal ("called for SANCTIONS") are not events of their own.
"""
from __future__ import annotations

from . import arguments as args
from .lexicon import LexEntry, Lexicon
from .modality import is_refusal
from .roots import CONTAINER_ROOTS, STATEMENT_ROOT

def _has_particle(verb, particle: str) -> bool:
    return any(c.lower_ == particle and c.dep_ in {"prt", "advmod", "prep"} for c in verb.children)


def _lemma_of(token) -> str | None:
    return joined_lemma(token) if token is not None else None


def joined_lemma(token) -> str:
    """The lemma with a hyphenated first part joined on: 'cease-fire' → 'ceasefire'."""
    lemma = token.lemma_.lower()
    i = token.i
    if i >= 2 and token.doc[i - 1].text == "-" and token.doc[i - 2].head.i == i:
        return token.doc[i - 2].lemma_.lower() + lemma
    return lemma


def _constrained_object(token, entry: LexEntry):
    """The object an entry constrains: the particle's object when the particle is a
    preposition ("call for TALKS", "accuse of ESPIONAGE"), else the direct object."""
    if entry.particle:
        obj = args.prep_object(token, entry.particle)
        if obj is not None:
            return obj
    return args.child(token, "dobj") or args.passive_target(token)


def _object_fits(obj, objects) -> bool:
    """The object's lemma is listed; "person" in the list also admits a named person."""
    if obj is None:
        return False
    return _lemma_of(obj) in objects or ("person" in objects and obj.ent_type_ == "PERSON")


def entry_fits(token, entry: LexEntry) -> bool:
    """Does the parse around ``token`` satisfy the entry's constraints?"""
    if entry.particle and not _has_particle(token, entry.particle):
        return False
    if entry.modifiers and not any(c.lemma_.lower() in entry.modifiers for c in token.children
                                   if c.dep_ in {"compound", "amod", "nmod"}):
        return False
    if entry.pos == "noun":
        of_obj = args.prep_object(token, "of")
        return not entry.objects or _lemma_of(of_obj) in entry.objects
    if entry.objects and not _object_fits(_constrained_object(token, entry), entry.objects):
        return False
    if entry.xcomp:
        xcomp = args.child(token, "xcomp")
        if _lemma_of(xcomp) not in entry.xcomp:
            return False
        if entry.xcomp_objects and _lemma_of(args.child(xcomp, "dobj")) not in entry.xcomp_objects:
            return False
    return True


MODIFIER_DEPS = {"amod", "compound", "acl", "npadvmod"}  # "US-led war", "athletes killed at"
MEDIATION_CODES = {"045", "039", "108"}
# Verbs whose object noun is the event itself: "launched air strikes", "held talks".
LIGHT_VERBS = {"undertake", "launch", "begin", "start", "conduct", "hold", "stage", "carry",
               "make", "resume", "continue", "mount", "wage", "step", "initiate", "intensify",
               "escalate", "pursue", "open", "give", "extend", "offer"}
# Nouns that carry another event noun as their modifier: "a mediation MISSION between ...".
LIGHT_NOUNS = {"mission", "effort", "efforts", "bid", "initiative", "push", "attempt", "process",
               "campaign", "operation", "drive", "offensive", "deal", "agreement", "talks"}


def best_entry(token, lexicon: Lexicon) -> LexEntry | None:
    pos = "verb" if token.pos_ in {"VERB"} else "noun" if token.pos_ == "NOUN" else None
    if pos is None or (pos == "verb" and token.dep_ in MODIFIER_DEPS):
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() not in LIGHT_NOUNS:
        return None
    entries = [e for e in lexicon.entries_for(joined_lemma(token), pos) if entry_fits(token, e)]
    if not entries:
        return None
    with_prep = [e for e in entries if e.target_prep and args.prep_object(token, e.target_prep)]
    return max(with_prep or entries, key=lambda e: e.specificity)


def find_triggers(sent, lexicon: Lexicon, discards=None) -> dict[int, LexEntry]:
    """Token index → the most specific fitting lexicon entry, for one sentence."""
    triggers = {}
    for token in sent:
        entry = best_entry(token, lexicon)
        if entry is not None and not (discards is not None and discards.is_idiom(token)):
            triggers[token.i] = entry
    # A verb trigger's object noun is its topic ("discussed the cooperation"), except under
    # an announcing verb, where the noun is the event ("announced a suspension of links").
    consumed = set()
    for i, entry in triggers.items():
        if entry.pos != "verb":
            continue
        obj = args.child(sent.doc[i], "dobj")
        if obj is not None and obj.i not in triggers:  # "undertook a mediation mission"
            obj = next((c for c in obj.children if c.dep_ == "compound" and c.i in triggers), None)
        if obj is None or obj.i not in triggers:
            continue
        light = sent.doc[i].lemma_.lower() in LIGHT_VERBS
        consumed.add(i if entry.code.startswith(STATEMENT_ROOT) or light else obj.i)
    return {i: e for i, e in triggers.items() if i not in consumed}


def governed_by_trigger(token, triggers) -> bool:
    """What an appeal, demand, intent, threat or refusal asks for is its content, not an
    event of its own: "urged Russia to END", "demanded that the US CANCEL", "called for
    SANCTIONS"."""
    cur = token
    for _ in range(7):
        if cur.head is cur:
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
