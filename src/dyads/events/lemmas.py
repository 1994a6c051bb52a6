"""Verb lemmas as the lexicon writes them, where spaCy's lemmatiser slips.

The lexicon, the modality rules and the judgement lists name verbs by lemma; a lemma the
parser gets wrong ("hoped" -> "hop") silently loses the verb everywhere.
"""
from __future__ import annotations

# Verb lemmas the parser's lemmatiser gets wrong in ways no rule below can tell: an
# unknown word given a final e ("cordoned" -> "cordone"), a spelling variant.
VERB_LEMMA_FIXES = {"cordone": "cordon", "rearreste": "rearrest", "airdrope": "airdrop",
                    "waterboarde": "waterboard", "reinspecte": "reinspect",
                    "relaunche": "relaunch", "appal": "appall", "lambast": "lambaste"}
VOWELS = set("aeiou")


def verb_lemma(token) -> str:
    """spaCy's lemma of a verb, with the silent e it drops put back ("hoped" -> "hop",
    "staged" -> "stag", "raped" -> "rap": a one-syllable word that doubles its last
    consonant, "hopped", cannot have been written so) and the y it loses ("readied" ->
    "readie")."""
    lemma, word = token.lemma_.lower(), token.lower_
    if word in (lemma + "ed", lemma + "ing") and _doubles_last_consonant(lemma):
        return lemma + "e"
    if word.endswith("ied") and lemma == word[:-1]:
        return word[:-3] + "y"
    return VERB_LEMMA_FIXES.get(lemma, lemma)


def _doubles_last_consonant(lemma: str) -> bool:
    """One vowel, then one final consonant that English doubles: hop, stag, rap, fin."""
    return (len(lemma) >= 3 and lemma[-1] not in VOWELS | set("wxy") and lemma[-2] in VOWELS
            and lemma[-3] not in VOWELS and sum(c in VOWELS for c in lemma) == 1)


def word_lemma(token) -> str:
    """The lower-case lemma, a verb's mended."""
    return verb_lemma(token) if token.pos_ in {"VERB", "AUX"} else token.lemma_.lower()
