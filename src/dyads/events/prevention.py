"""Deeds prevented are not done: "police blocked protesters from marching".

"Block/prevent/stop/bar X from doing" tells that X did not do it: the deed is no event.
Keeping people from protesting restricts their political freedom (CAMEO 1721) by whoever
kept them; other preventions are left to the lexicon's reading of the verb, if any.
"""
from __future__ import annotations

from ..parse import verbs_of
from . import arguments as args
from .lexicon import LexEntry

PREVENTING_VERBS = {"block", "prevent", "stop", "bar", "keep", "deter", "forbid", "prohibit",
                    "ban", "restrain", "hinder"}
PROTEST_ROOT = "14"
RESTRICTION_CODE = "1721"
PREVENTED_MARK = "+prevented:"


def prevented_deeds(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """Drop each deed a preventing verb keeps someone from; a prevented protest makes the
    preventing verb a restriction of political freedom (1721) on the would-be protesters."""
    out = dict(triggers)
    for verb in verbs_of(sent):  # the test below passes only verbs
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in PREVENTING_VERBS:
            continue
        deed = _kept_from(verb)
        entry = out.pop(deed.i, None) if deed is not None else None
        if entry is not None and entry.code.startswith(PROTEST_ROOT):
            lemma = verb.lemma_.lower()
            out[verb.i] = LexEntry(code=RESTRICTION_CODE, lemma=lemma, pos="verb", particle=None,
                                   objects=(), target_prep=None, xcomp=(), source_prep=None,
                                   negated_code=None, specificity=0,
                                   id=f"{RESTRICTION_CODE}:{lemma}/verb{PREVENTED_MARK}{entry.lemma}")
    return out


def _kept_from(verb):
    """The gerund after 'from' that the verb's object is kept from: 'blocked protesters
    FROM MARCHING' (the parser hangs 'from' on the verb or on its object)."""
    obj = args.child(verb, "dobj")
    for head in (verb, obj):
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"),
                    None) if head is not None else None
        gerund = args.child(prep, "pcomp") if prep is not None else None
        if gerund is not None and gerund.tag_ == "VBG":
            return gerund
    return None
