"""Code shifts: a statement that obliges someone is a demand, a generic appeal or refusal
takes its kind from what it asks for, "will not" is a refusal, "was confident" a comment.
"""
from __future__ import annotations

from dataclasses import replace

from ..parse import verbs_of
from . import arguments as args
from .codes import shifted_code, stance_code
from .lexicon import LexEntry
from .modality import own_modality
from .roots import STATEMENT_ROOT

OBLIGATION_AUX = {"must", "should", "ought"}
OBLIGATION_XCOMP_HEADS = {"have", "need"}  # "has to", "needs to"


def _obliged(verb) -> bool:
    """'Sudan must return it', 'Israel has to stop': a duty laid on someone else. 'We
    should not be focusing on Syria' is the speaker's own resolve, no demand."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & OBLIGATION_AUX:
        return not _first_person(verb)
    return (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBLIGATION_XCOMP_HEADS
            and not _first_person(verb.head))


def _first_person(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we"}
               for c in verb.children)


def statements_as_demands(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """'Russia said that Sudan must return the helicopter' is Russia demanding (10x) that
    Sudan return it: the statement becomes a demand, its content is no event of its own."""
    out = dict(triggers)
    for i, entry in triggers.items():
        if not entry.code.startswith(STATEMENT_ROOT):
            continue
        clause = _said_clause(sent.doc[i], entry)
        verbs = args.clause_main_verbs(clause) if clause is not None else []
        stance = _stance(clause) if clause is not None else None
        if stance is not None:  # "said he was confident that ..."
            out[i] = replace(entry, code=stance, id=f"{entry.id}+stance")
            continue
        if not any(_obliged(v) for v in verbs):
            continue
        content = next((triggers[v.i] for v in verbs if v.i in triggers), None)
        code = shifted_code("demand", content.code) if content else "100"
        out[i] = replace(entry, code=code, id=f"{entry.id}+demand")
        for v in verbs:
            out.pop(v.i, None)
    return out


def _said_clause(token, entry: LexEntry):
    """What a statement says: a verb's reported clause, or a that-clause under a
    statement noun ("a reminder to Iraq THAT IT MUST COOPERATE")."""
    if entry.pos == "verb":
        return args.complement_clause(token)
    holders = [token] + ([token.head] if token.dep_ == "dobj" else [])  # "issued X that ..."
    return next((c for h in holders for c in h.children if c.dep_ in {"acl", "ccomp"}
                 and c.pos_ == "VERB" and c.i > token.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _stance(clause) -> str | None:
    """'said he was confident' → 013; 'said he was troubled BY the lawmakers' (a dismay
    aimed at someone) → 111, criticism of them."""
    if clause.lemma_ != "be":
        return None
    adjective = args.child(clause, "acomp")
    code = stance_code(adjective.lemma_) if adjective is not None else None
    if code == PESSIMISTIC and _aimed(adjective):
        return CRITICISM
    return code


PESSIMISTIC, CRITICISM = "012", "111"
AIMING_PREPS = {"by", "with", "in", "at"}


def _aimed(adjective) -> bool:
    """The mood has an object naming someone: 'troubled by X', 'disappointed in X'."""
    for adj in [adjective] + [c for c in adjective.children if c.dep_ == "conj"]:
        for prep in adj.children:
            obj = args.child(prep, "pobj") if prep.dep_ in {"prep", "agent"} else None
            if prep.lower_ in AIMING_PREPS and obj is not None and obj.pos_ in {"PROPN", "NOUN"}:
                return True
    return False


WISH_VERBS = {"want", "wish"}


def wishes_as_appeals(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """'Turkey wants Greece to withdraw its troops' is Turkey appealing (02x) to Greece:
    a wish whose infinitive has a subject of its own asks something of that subject."""
    out = dict(triggers)
    for verb in verbs_of(sent):  # the test below passes only verbs
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in WISH_VERBS or verb.i in out:
            continue
        if _wished_of_another(verb):
            out[verb.i] = _wish_entry(verb.lemma_.lower())
    return out


def _wished_of_another(verb) -> bool:
    """'wants Greece to withdraw' (the infinitive's own subject, or the wish's object)."""
    if own_modality(verb) is not None:
        return False  # "might want X to ...", "does not want": no appeal is made
    clause = args.child(verb, "ccomp", "xcomp")
    if clause is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    subject = args.child(clause, "nsubj") if clause.dep_ == "ccomp" else args.child(verb, "dobj")
    return subject is not None and subject.lower_ not in {"it", "this", "that"}


def _wish_entry(lemma: str) -> LexEntry:
    return LexEntry(code="020", lemma=lemma, pos="verb", particle=None, objects=(),
                    target_prep=None, xcomp=(), source_prep=None, negated_code=None,
                    id=f"020:{lemma}/verb+appeal", specificity=0)


GENERIC_CONTAINER_CODES = {"020", "030", "100", "120", "130", "02", "03", "10", "12", "13"}


def refined_code(token, entry: LexEntry, triggers) -> str:
    """A generic appeal/intent/demand/refusal takes its kind from what it asks for:
    'refused to release the prisoners' → 1243, 'urged them to negotiate' → 026."""
    if entry.code not in GENERIC_CONTAINER_CODES:
        return entry.code
    content = _content_trigger(token, triggers)
    if content is None:
        return entry.code
    root = entry.code[:2]
    if root == "10":
        return shifted_code("demand", content.code)
    if root == "02":
        demand = shifted_code("demand", content.code)
        return "02" + demand[2:] if demand != "100" else entry.code
    if root == "12":
        return shifted_code("refusal", content.code)
    shifted = shifted_code("future", content.code)
    return shifted if shifted[:2] == root else entry.code


def _content_trigger(token, triggers) -> LexEntry | None:
    for c in token.children:
        if c.dep_ in {"xcomp", "ccomp", "dobj"} and c.i in triggers:
            return triggers[c.i]
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = args.child(c, "pobj")
            if obj is not None and obj.i in triggers:
                return triggers[obj.i]
    return None


# "decided not to cooperate", "her decision not to testify": a choice not to act refuses
DECIDING_LEMMAS = {"decide", "decision", "choose", "choice", "vow", "pledge", "resolve"}


def will_not(verb) -> bool:
    """'will not accept', 'decided not to cooperate': a refusal, not a deed left undone."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    decided = verb.dep_ in {"xcomp", "acl"} and verb.head.lemma_.lower() in DECIDING_LEMMAS \
        and "to" in aux
    return (bool(aux & {"will", "would", "wo", "shall"}) or decided) \
        and not verb.lemma_.startswith(STATEMENT_ROOT)


def conditional_threat(token, code: str) -> str:
    """'will withdraw its troops UNLESS ...': an announced deed made conditional on the
    other side's conduct is a threat (13x)."""
    if not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children) for c in token.children):
        return code
    return code if code.startswith("13") else "130"
