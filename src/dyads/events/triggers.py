"""Triggers: which tokens of a sentence carry an event, and which lexicon entry types them.

The most specific entry whose constraints the parse satisfies wins. Event nouns that are a
verb's topic ("discussed the cooperation") or the content of an appeal, demand, intent or
refusal ("called for SANCTIONS") are not events of their own. A verb and its event-noun
object ("launched air strikes", "offered military aid") make one event: see
``resolve_verb_object``.
"""
from __future__ import annotations

from dataclasses import replace

from . import arguments as args
from .codes import shifted_code
from .lexicon import LexEntry, Lexicon
from .modality import is_refusal
from .roots import CONTAINER_ROOTS, STATEMENT_ROOT


def _has_particle(verb, particle: str) -> bool:
    return any(c.lower_ == particle and c.dep_ in {"prt", "advmod", "prep"} for c in verb.children)


def _lemma_of(token) -> str | None:
    return joined_lemma(token) if token is not None else None


# Verb lemmas the parser's lemmatiser gets wrong: "staged" → "stag", "waging" → "wag".
VERB_LEMMA_FIXES = {"stag": "stage", "wag": "wage"}


def joined_lemma(token) -> str:
    """The lemma with a hyphenated first part joined on: 'cease-fire' → 'ceasefire'."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        lemma = VERB_LEMMA_FIXES.get(lemma, lemma)
    i = token.i
    if i >= 2 and token.doc[i - 1].text == "-" and (
            token.doc[i - 2].head.i == i or token.doc[i - 2].lower_ in JOINED_PREFIXES):
        return token.doc[i - 2].lemma_.lower() + lemma
    return lemma


# Prefixes the parser splits off and misattaches: "re-examine", "co-operate", "counter-attack".
JOINED_PREFIXES = {"re", "co", "counter"}


def _constrained_object(token, entry: LexEntry):
    """The object an entry constrains: the particle's object when the particle is a
    preposition ("call for TALKS", "accuse of ESPIONAGE"), else the direct object."""
    if entry.particle:
        obj = args.prep_object(token, entry.particle)
        if obj is not None:
            return obj
    obj = args.child(token, "dobj") or args.passive_target(token) or _infinitive_subject(token)
    if obj is not None and obj.lemma_.lower() in QUANTITY_NOUNS:
        return args.prep_object(obj, "of") or obj  # "handed over 700 KG of medicine"
    return obj


# Objects that only measure out what is given or cut: "700 kg OF MEDICINE", "part of the aid".
QUANTITY_NOUNS = {"kg", "kilogram", "kilo", "ton", "tonne", "tons", "lot", "amount", "shipment",
                  "batch", "consignment", "part", "portion", "share", "million", "billion",
                  "quantity", "load", "planeload", "truckload", "dozen", "hundred", "thousand"}


def _infinitive_subject(verb):
    """'allowed refugees to return' parsed as a clause: its subject is the verb's object."""
    clause = infinitive_of(verb)
    return args.child(clause, "nsubj") if clause is not None and clause.dep_ == "ccomp" else None


def _object_lemmas(obj) -> set[str]:
    """The object's lemma; for a carrier noun also its compound ("mediation EFFORTS",
    "aid PROGRAMME"), which names what the object really is."""
    lemmas = {_lemma_of(obj)}
    if obj.lemma_.lower() in OBJECT_CARRIERS:
        lemmas |= {_lemma_of(c) for c in obj.children if c.dep_ == "compound"}
    return lemmas


def _object_fits(obj, objects) -> bool:
    """The object's lemma is listed; "person" in the list also admits a named person."""
    if obj is None:
        return False
    return bool(_object_lemmas(obj) & set(objects)) or (
        "person" in objects and obj.ent_type_ == "PERSON")


MODIFIER_CHILD_DEPS = {"compound", "amod", "nmod", "advmod"}  # "HUNGER strike", "SEXUALLY abused"


def entry_fits(token, entry: LexEntry) -> bool:
    """Does the parse around ``token`` satisfy the entry's constraints? A verb entry's
    source preposition must be there ("received arms FROM X": X is the giver)."""
    if entry.particle and not _has_particle(token, entry.particle):
        return False
    if entry.pos == "verb" and entry.source_prep and verb_source(token, entry) is None:
        return False
    if entry.modifiers and not any(c.lemma_.lower() in entry.modifiers for c in token.children
                                   if c.dep_ in MODIFIER_CHILD_DEPS):
        return False
    if entry.pos == "noun":
        of_obj = args.prep_object(token, "of")
        return not entry.objects or _lemma_of(of_obj) in entry.objects
    if entry.objects and not _object_fits(_constrained_object(token, entry), entry.objects):
        return False
    if entry.xcomp:
        xcomp = infinitive_of(token)
        if _lemma_of(xcomp) not in entry.xcomp:
            return False
        if entry.xcomp_objects and _lemma_of(args.child(xcomp, "dobj")) not in entry.xcomp_objects:
            return False
    return True


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
    return next((c for c in verb.children if c.dep_ in {"advcl", "ccomp"} and c.tag_ == "VB"
                 and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
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
OBJECT_CARRIERS = LIGHT_NOUNS | {"program", "programme", "package", "scheme", "plan"}
# Nouns whose to-infinitive is the act itself: "an attempt TO ASSASSINATE", "a bid to free".
PURPOSE_NOUNS = {"attempt", "bid", "effort", "plot", "move", "decision", "drive", "campaign",
                 "operation", "mission", "initiative"}
# Deeds whose doer alone is news (no target needed): a light verb carries their noun so
# that the event keeps the verb's subject, tense and objects ("staged a protest").
DOER_ROOTS = {"14", "15", "18", "19", "20"}
CONTAINER_SHIFT = {"03": "future", "13": "future", "10": "demand", "12": "refusal", "02": "demand"}


# Documents whose participle says what they do: "a statement DEMANDING that ...".
MESSAGE_NOUNS = {"statement", "declaration", "letter", "resolution", "communique", "petition",
                 "note", "message", "ultimatum", "reminder", "appeal", "manifesto", "motion"}


def _message_participle(token) -> bool:
    """'issued a declaration DEMANDING that ...': the document's participle is the act."""
    return (token.dep_ == "acl" and token.tag_ == "VBG"
            and token.head.lemma_.lower() in MESSAGE_NOUNS)


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
    pos = "verb" if token.pos_ in {"VERB"} else "noun" if token.pos_ == "NOUN" else None
    if pos is None or (pos == "verb" and token.dep_ in MODIFIER_DEPS and not (
            _purpose_infinitive(token) or _message_participle(token) or accord_content(token))):
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() not in LIGHT_NOUNS:
        return None
    entries = [e for e in lexicon.entries_for(joined_lemma(token), pos) if entry_fits(token, e)]
    if not entries:
        return None
    return max(entries, key=lambda e: _selection_key(token, e))  # first of equals: file order


def find_triggers(sent, lexicon: Lexicon, discards=None) -> dict[int, LexEntry]:
    """Token index → the most specific fitting lexicon entry, for one sentence."""
    triggers = {}
    for token in sent:
        entry = best_entry(token, lexicon)
        if entry is not None and not (discards is not None and discards.is_idiom(token)):
            triggers[token.i] = entry
    out = dict(triggers)
    for token in sent:
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
ACCORD_NOUNS = {"consensus", "agreement", "accord", "deal", "understanding"}


def accord_content(token) -> bool:
    """'reached a consensus TO EXCHANGE information': the infinitive says what was agreed."""
    noun = token.head
    return (token.dep_ == "acl" and noun.dep_ == "dobj" and noun.lemma_.lower() in ACCORD_NOUNS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


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
            out[i] = replace(entry, code=noun.code, id=f"{entry.id}<{noun.id}",
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
    statement = verb_entry.code.startswith(STATEMENT_ROOT)
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
