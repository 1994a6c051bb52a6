"""Reactions: being angered or dismayed by someone is criticising them.

"Democrats were outraged by Comey's announcement", "the ruling angered Pakistan", "Israel
was dismayed at Erdogan's remarks": news tells disapproval as the feeling an actor's deed
stirs. The one who feels it is the source of a criticism (111, as the judgement words
code "troubling" or "disappointing"), the one whose deed stirred it the target: the deed's owner ("Comey's announcement", "the remarks of
Erdogan") or the actor named as the cause itself.
"""
from __future__ import annotations

from ..docview import view_of
from . import arguments as args
from .lexicon import LexEntry

ANGER = {"outrage", "anger", "infuriate", "incense", "enrage", "offend", "appall", "appal"}
# (Concern and worry are gloomy comments, 012, not disapproval: see the lexicon.)
DISMAY = {"upset", "dismay", "disappoint", "frustrate", "trouble", "disturb", "alarm", "irk",
          "annoy", "irritate"}
# Participles as spaCy may leave them unlemmatised when it reads them as adjectives, and
# the adjectives of the same feelings.
PARTICIPLES = {w + ("d" if w.endswith("e") else "ed"): w for w in ANGER | DISMAY} | {
    "upset": "upset", "appalled": "appall", "annoyed": "annoy", "angry": "anger",
    "furious": "anger", "livid": "anger", "indignant": "anger", "unhappy": "dismay"}
CAUSE_PREPS = {"by", "at", "over", "with", "about"}
REACTION_MARK = "+reaction"
CRITICISM = "111"


def _lemma(view, i: int) -> str | None:
    """The feeling word token ``i`` names, read from the Doc's view (asked of every token)."""
    lemma = view.lemma_lower[i]
    if lemma in ANGER or lemma in DISMAY:
        return lemma
    return PARTICIPLES.get(view.lower[i])


def reactions_as_criticism(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """Add a criticism trigger on each verb or participle of feeling with both a feeler
    and a cause."""
    out, view = dict(triggers), view_of(sent.doc)
    for token in sent:
        lemma = _lemma(view, token.i)
        if lemma is None or token.i in out or token.pos_ not in {"VERB", "ADJ"}:
            continue
        feeler, cause = reaction_arguments(token)
        if feeler is None or cause is None:
            continue
        code = CRITICISM  # as the judgement words code "troubling", "disappointing"
        out[token.i] = LexEntry(code=code, lemma=lemma, pos="verb", particle=None, objects=(),
                                target_prep=None, xcomp=(), source_prep=None,
                                negated_code=None, id=f"{code}:{lemma}/verb{REACTION_MARK}",
                                specificity=0)
    return out


def is_reaction(entry: LexEntry) -> bool:
    return REACTION_MARK in entry.id


def reaction_arguments(token):
    """(feeler, cause) tokens: 'X was angered by Y' / 'X is angry at Y' → X, Y; 'Y angered X'
    → X, Y. The cause is the owner of the deed when a deed is named ('Y's remarks')."""
    passive = args.child(token, "nsubjpass")
    if passive is not None or token.pos_ == "ADJ" or token.tag_ == "VBN" and token.dep_ == "acomp":
        feeler = passive if passive is not None else _copula_subject(token)
        cause = next((g for c in token.children if c.dep_ in {"prep", "agent"}
                      and c.lower_ in CAUSE_PREPS for g in c.children if g.dep_ == "pobj"), None)
    else:
        feeler, cause = args.child(token, "dobj"), args.child(token, "nsubj")
    return feeler, _owner_of_deed(cause) if cause is not None else None


def _copula_subject(token):
    """'Israel was angered/angry at ...': the subject of the copula the word complements."""
    if token.dep_ in {"acomp", "attr"}:
        return args.child(token.head, "nsubj")
    return args.child(token, "nsubj")


def _owner_of_deed(cause):
    """'Comey's announcement' → Comey; 'the remarks of Erdogan' → Erdogan; 'Russia' → Russia."""
    if cause.pos_ != "NOUN":
        return cause
    owner = args.child(cause, "poss")
    if owner is None:
        owner = args.prep_object(cause, "of") or args.prep_object(cause, "by")
    return owner if owner is not None else cause
