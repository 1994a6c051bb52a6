"""Vows of hostile deeds are threats.

"Trump vowed to sue the newspaper", "the minister swore to expel the diplomats", "the
rebels pledged to storm the city": promising to do another harm is threatening it (CAMEO
13), not an intent to cooperate (030). The lexicon lists the common pairs ("vowed to
attack" → 1384); this pass covers any hostile deed the lexicon knows as a verb, taking the
threat's family from the deed's root. The deed itself is not done, so it is no event.
"""
from __future__ import annotations

from dataclasses import replace

from . import arguments as args
from .lexicon import LexEntry

VOWING_VERBS = {"vow", "pledge", "promise", "swear"}
VOW_MARK = "+vowed:"
THREAT_ROOT = "13"
# The threat a vowed deed makes, by the deed's CAMEO root: a lawsuit or a cut in ties
# threatens without force (131), protest threatens dissent (133), coercion repression
# (137), assault, fighting and mass violence force (138).
THREAT_BY_DEED_ROOT = {"11": "131", "16": "131", "14": "133", "17": "137", "18": "138",
                       "19": "138", "20": "138"}


def vows_as_threats(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """Retype each vow whose infinitive is a hostile deed as the threat of that deed and
    drop the deed; a vow the lexicon already codes as a threat is left as it is."""
    out = dict(triggers)
    for verb in sent:
        entry = out.get(verb.i)
        if entry is None or entry.pos != "verb" or entry.code.startswith(THREAT_ROOT) \
                or verb.lemma_.lower() not in VOWING_VERBS:
            continue
        deed = args.child(verb, "xcomp")
        deed_entry = out.get(deed.i) if deed is not None else None
        code = THREAT_BY_DEED_ROOT.get(deed_entry.code[:2]) if deed_entry is not None else None
        if code is None or deed_entry.pos != "verb":
            continue
        out.pop(deed.i)
        out[verb.i] = replace(entry, code=code, negated_code=None,
                              id=f"{code}:{entry.lemma}/verb{VOW_MARK}{deed_entry.lemma}")
    return out
