"""Blame: saying someone was behind a wrong, or responsible for it, accuses them (112).

"WikiLeaks claimed Ecuador was behind the disruption", "Kyiv said Russia was responsible
for the attack": no accusing verb and no judgement word, but the reported clause puts a
wrong on its subject. Only wrongs count: "is responsible for security" blames no one.
"""
from __future__ import annotations

from . import arguments as args

ACCUSATION_CODE = "112"
WRONG_NOUNS = {"attack", "bombing", "blast", "explosion", "disruption", "hack", "hacking",
               "leak", "killing", "murder", "assassination", "plot", "coup", "violence",
               "outage", "shooting", "strike", "riot", "unrest", "crash", "downing",
               "poisoning", "cyberattack", "breach", "interference", "abduction",
               "kidnapping", "massacre", "atrocity", "rigging", "fraud", "smear", "campaign",
               "shelling", "raid", "ambush", "sabotage", "theft", "break", "intrusion",
               "meddling", "incident", "deaths", "death", "crime", "crimes", "it", "this"}


def blamed_wrong(clause):
    """The wrong the clause lays on its subject ('was BEHIND the hack', 'is responsible
    for the ATTACK'), or None."""
    if clause is None or args.child(clause, "nsubj") is None:
        return None
    behind = args.prep_object(clause, "behind")
    if behind is not None and _is_wrong(behind):
        return behind
    for c in clause.children:
        if c.dep_ == "acomp" and c.lemma_.lower() == "responsible" and args.child(clause, "neg") is None:
            wrong = args.prep_object(c, "for")
            if wrong is not None and _is_wrong(wrong):
                return wrong
    return None


def _is_wrong(token) -> bool:
    return token.lemma_.lower() in WRONG_NOUNS or token.lower_ in WRONG_NOUNS
