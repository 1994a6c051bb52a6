"""Triggers of one sentence: each token's best lexicon entry, then how they combine.

A verb and the event noun it governs make one event ("launched air strikes" → 195,
"offered military aid" → 0332), an attempt word makes a killing an attempt, an agreement
to do something is an intent, a violent noun as subject gives its code to the verb ("an
explosion wounded ..."). Entry matching itself is in ``triggers``.
"""
from __future__ import annotations

from dataclasses import replace

from ..parse import entry_words_of, verbs_of
from . import arguments as args
from .codes import shifted_code
from .lexicon import LexEntry, Lexicon
from .senses import wrong_sense
from .triggers import (
    CONTAINER_SHIFT,
    DOER_ROOTS,
    LIGHT_VERBS,
    accord_content,
    best_entry,
    infinitive_of,
    joined_lemma,
)


def find_triggers(sent, lexicon: Lexicon, discards=None) -> dict[int, LexEntry]:
    """Token index → the most specific fitting lexicon entry, for one sentence."""
    triggers = {}
    for token in entry_words_of(sent):  # best_entry types verbs and nouns only
        entry = best_entry(token, lexicon)
        if entry is None or wrong_sense(token, entry):
            continue
        if not (discards is not None and discards.is_idiom(token)):
            triggers[token.i] = entry
    out = dict(triggers)
    for token in verbs_of(sent):  # only a verb takes an event noun as object
        obj = _event_object(token, triggers)
        if obj is None:
            continue
        kept, dropped, entry = resolve_verb_object(token, triggers.get(token.i), obj,
                                                   triggers[obj.i])
        out.pop(dropped, None)
        if kept is not None:
            out[kept] = entry
    out = _accords_as_intent(_deeds_with_event_subjects(out, sent), sent)
    return _agreements_as_accord(_attempted_killings(out, sent), sent)


# Verbs and nouns that make a killing an attempt: "tried to / a plot to assassinate".
ATTEMPT_WORDS = {"try", "attempt", "seek", "plot", "bid"}
KILLING_CODE, ATTEMPTED_KILLING_CODE = "186", "185"


def _attempted_killings(triggers: dict, sent) -> dict:
    """'tried to assassinate X', 'an attempt to assassinate X' is CAMEO 185, not the deed."""
    out = dict(triggers)
    for i, entry in triggers.items():
        token = sent.doc[i]
        if entry.code == KILLING_CODE and token.head.i != i and token.dep_ in {"xcomp", "acl"} \
                and token.head.lemma_.lower() in ATTEMPT_WORDS:
            out[i] = replace(entry, code=ATTEMPTED_KILLING_CODE, id=f"{entry.id}^attempt")
    return out


AGREE_INTENT_CODE, ACCORD_CODE = "030", "019"


def _agreements_as_accord(triggers: dict, sent) -> dict:
    """'A and B agreed that there was a need for calm' states a shared view (019); only
    when the agreed clause holds a deed ('agreed that they should cooperate') is it an
    intent (03x)."""
    out = dict(triggers)
    for i, entry in triggers.items():
        token = sent.doc[i]
        if entry.code != AGREE_INTENT_CODE or entry.lemma != "agree" or entry.pos != "verb":
            continue
        clause = args.child(token, "ccomp")
        if clause is None or infinitive_of(token) is not None:
            continue
        if not any(t.i in triggers for t in clause.subtree):
            out[i] = replace(entry, code=ACCORD_CODE, id=f"{entry.id}^accord")
    return out


# What parties agree on, as the object of an agreeing verb: "reached a CONSENSUS to ...".
def _accords_as_intent(triggers: dict, sent) -> dict:
    """'A and B reached a consensus to exchange information' is their intent to do it
    (0314), as 'agreed to exchange' is: the agreement verb takes the intent code of its
    content and the content is no event of its own. Contents whose announcement is no
    intent (threats) are left alone."""
    out = dict(triggers)
    for i, entry in triggers.items():
        token = sent.doc[i]
        verb_entry = out.get(token.head.head.i) if accord_content(token) else None
        if verb_entry is None or not verb_entry.code.startswith(("057", "03")):
            continue
        intent = shifted_code("future", entry.code)
        if intent[:2] != "03":
            continue
        out[token.head.head.i] = replace(verb_entry, code=intent,
                                         id=f"{verb_entry.id}+{entry.id}")
        out.pop(i)
    return out


# Deeds an event noun can be the subject of: "a car bombing KILLED three soldiers".
VIOLENT_ROOTS = {"18", "19", "20"}


NAMED_DEED = "<"  # in an entry id: the verb's deed is the one the noun names


def names_its_deed(entry) -> bool:
    """'killed in a car bombing', 'a car bombing killed': the text names the attack."""
    return NAMED_DEED in entry.id


def _deeds_with_event_subjects(triggers: dict, sent) -> dict:
    """'An explosion wounded two policemen': the noun names the deed (183), the verb's
    object is the target, and the noun's own doer (if any) is the source."""
    out = dict(triggers)
    for i, entry in triggers.items():
        verb = sent.doc[i]
        if entry.pos != "verb" or entry.code[:2] not in VIOLENT_ROOTS:
            continue
        for tok, as_subject in _deed_nouns(verb):
            noun = triggers.get(tok.i)
            if noun is None or noun.pos != "noun" or noun.code[:2] not in VIOLENT_ROOTS:
                continue
            out.pop(tok.i, None)
            out[i] = replace(entry, code=noun.code, id=f"{entry.id}{NAMED_DEED}{noun.id}",
                             doer_in_subject=as_subject)
            break
    return out


def _deed_nouns(verb):
    """(noun, is the subject) pairs naming how a violent deed was done: 'a bombing
    killed', 'wounded in an ambush'."""
    subj = args.child(verb, "nsubj")
    found = [(subj, True)] if subj is not None else []
    return found + [(obj, False) for obj in [args.prep_object(verb, "in")] if obj is not None]


def _event_object(verb, triggers):
    """The event-noun trigger a verb takes as object: "launched STRIKES", "undertook a
    MEDIATION mission", "went on STRIKE" (a particle entry's object); None if none."""
    if verb.pos_ != "VERB":
        return None
    obj = args.child(verb, "dobj")
    entry = triggers.get(verb.i)
    if obj is None and entry is not None and entry.particle and entry.objects:
        obj = args.prep_object(verb, entry.particle)
    if obj is not None and obj.i not in triggers:
        obj = next((c for c in obj.children if c.dep_ == "compound" and c.i in triggers), None)
    if obj is not None and entry is not None and entry.code[:2] == REFUSAL_ROOT and obj.i in triggers:
        obj = _asked_for(obj, triggers) or obj
    return obj if obj is not None and obj.i in triggers else None


REFUSAL_ROOT = "12"
PLAIN_STATEMENT = "010"


def _asked_for(noun, triggers):
    """'rejected calls for economic AID': what a refused appeal or demand asks for is
    what the refusal is about."""
    if triggers[noun.i].code[:2] not in {"02", "10"}:
        return None
    wanted = args.prep_object(noun, "for")
    return wanted if wanted is not None and wanted.i in triggers else None


def resolve_verb_object(verb, verb_entry: LexEntry | None, obj, noun: LexEntry):
    """One event from a verb and its event-noun object: (kept index, dropped index, entry).

    * a bare statement or light verb gives way to its noun ("announced a SUSPENSION",
      "held TALKS"), except that deeds a doer alone performs stay on the verb, which knows
      the subject and tense ("STAGED a protest", "will CARRY OUT strikes");
    * otherwise the verb carries the event and the noun is its topic or content
      ("CONDEMNED the attack", "OFFERED military aid" → 0332, "WENT ON hunger strike" → 142).
    """
    light = joined_lemma(verb) in LIGHT_VERBS
    if verb_entry is None:
        if light and noun.code[:2] in DOER_ROOTS and obj.dep_ == "dobj":
            return verb.i, obj.i, _carried_by_verb(noun, verb)
        return None, None, None
    written_for_object = bool(verb_entry.objects)
    statement = verb_entry.code == PLAIN_STATEMENT  # "considered sanctions" stays 014
    if (light or statement) and not written_for_object:
        if light and noun.code[:2] in DOER_ROOTS:
            return verb.i, obj.i, _carried_by_verb(noun, verb)
        return None, verb.i, None
    return verb.i, obj.i, _combined(verb_entry, noun, light)


def _carried_by_verb(noun: LexEntry, verb) -> LexEntry:
    lemma = joined_lemma(verb)
    return replace(noun, pos="verb", lemma=lemma, particle=None, objects=(),
                   id=f"{noun.id}@{lemma}")


def _combined(verb_entry: LexEntry, noun: LexEntry, light: bool) -> LexEntry:
    """The verb's entry, typed by the noun where the noun says more: an intent, demand or
    refusal takes its kind from the noun ("offered military aid" → 0332); a light verb or
    one of the noun's own root takes its modifier reading ("launched AIR strikes" → 195);
    cutting aid takes the kind of aid ("halted ECONOMIC aid" → 1621)."""
    root = verb_entry.code[:2]
    code = verb_entry.code
    if root in CONTAINER_SHIFT:
        shifted = shifted_code(CONTAINER_SHIFT[root], noun.code)
        if root == "02" and shifted[:2] == "10" and shifted != "100":
            shifted = "02" + shifted[2:]
        generic = code.endswith("0") or shifted.startswith(code)  # "030" → "0332"
        if generic and shifted[:2] == root and shifted != code and not shifted.endswith("0"):
            code = shifted
    elif root == "16" and noun.code[:2] == "07":  # "halted economic aid" → 1621
        code = shifted_code("cut", noun.code) or code
    elif noun.modifiers and (light or noun.code[:2] == root) and noun.code != code:
        code = noun.code
    if code == verb_entry.code:
        return verb_entry
    return replace(verb_entry, code=code, id=f"{verb_entry.id}+{noun.id}")


