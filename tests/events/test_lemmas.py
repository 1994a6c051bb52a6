"""Every verb of the hand-written lexicon is reachable from its inflected forms: a lemma
the parser gets wrong ("hoped" -> "hop") would silently lose the verb."""
from importlib import resources as pkg

import yaml

from dyads.events.lemmas import _doubles_last_consonant
from dyads.events.triggers import joined_lemma

VOWELS = set("aeiou")
# Verbs whose past or -ing form is not made by the regular rules below; and
# "deescalated", listed for the parser's unchanged lemma of the word it tags an adjective;
# "fulfill", listed beside "fulfil", the lemma spaCy gives both spellings.
IRREGULAR = {"fulfill", "flee", "see", "foresee", "oversee", "fly", "overfly", "free", "agree",
             "guarantee", "referee", "disagree", "unban", "deescalated"}
IRREGULAR_PAST = {v: v for v in ("cut", "hit", "let", "put", "set", "shut", "quit", "spread",
                                  "split", "upset", "broadcast", "forecast", "bet", "bid",
                                  "cast", "hurt")}
IRREGULAR_PAST.update({"get": "got", "sit": "sat", "beat": "beat"})


def _past(lemma):
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ied"
    return lemma + lemma[-1] + "ed" if _doubles_last_consonant(lemma) else lemma + "ed"


def _ing(lemma):
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    return lemma + lemma[-1] + "ing" if _doubles_last_consonant(lemma) else lemma + "ing"


def _lexicon_verbs():
    doc = yaml.safe_load((pkg.files("dyads") / "data" / "lexicon.yaml").read_text())
    verbs = set()
    for items in doc["entries"].values():
        for item in items:
            words = item.get("verb") or []
            verbs |= set(words if isinstance(words, list) else [words])
    return sorted(v for v in verbs if v.isalpha() and v not in IRREGULAR)


def test_the_silent_e_rule_knows_its_words():
    assert [w for w in ("hop", "stag", "rap", "fin", "target", "need", "fix", "jail")
            if _doubles_last_consonant(w)] == ["hop", "stag", "rap", "fin"]


def test_every_lexicon_verb_lemmatises_back_from_its_forms(nlp):
    verbs = _lexicon_verbs()
    texts = [f"The minister {form} the plan on Monday." for v in verbs for form in (_past(v),)]
    texts += [f"The minister is {_ing(v)} the plan." for v in verbs]
    lost = []
    for i, doc in enumerate(nlp.pipe(texts)):
        verb = verbs[i % len(verbs)]
        token = doc[2] if i < len(verbs) else doc[3]
        if token.pos_ == "VERB" and joined_lemma(token) != verb:
            lost.append((token.text, joined_lemma(token), verb))
    assert not lost, lost
