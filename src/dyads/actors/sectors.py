"""Text keys shared by the KB build and its lookups, and sector-word helpers.

The build script and the loader must normalise names identically, so the key
functions live here, next to the sector helpers that use them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode decomposition does not reduce to ASCII.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
                       "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i",
                       "’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "prof",
                         "professor", "hon", "honourable", "honorable", "rev", "he"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Transliteration endings that news outlets spell differently (Zelensky/Zelenskyy/Zelenskiy).
_LOOSE_ENDINGS = ((re.compile(r"sk(?:yy|iy|ii|ij|yi|i|y)$"), "sky"),
                  (re.compile(r"(?<=[^aeiou])(?:iy|yy|ii|ij)$"), "y"),
                  (re.compile(r"ck$"), "k"))


@lru_cache(maxsize=8192)  # a pure function called with the same names over and over
def norm_text(text: str) -> str:
    """Lowercase ASCII words: diacritics, dots, apostrophes and possessive 's removed."""
    folded = text.translate(_FOLD)
    if folded.isascii():  # most names: NFKD and the combining-mark filter leave ASCII as is
        plain = folded.lower()
    else:
        folded = unicodedata.normalize("NFKD", folded)
        plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    plain = _POSSESSIVE.sub("", plain)
    plain = _DOTS.sub("", plain)  # U.S. -> us, O'Brien -> obrien
    plain = _NOT_WORD.sub(" ", plain)
    return " ".join(plain.split())


_POSSESSIVE = re.compile(r"'s\b")
_DOTS = re.compile(r"[.']")
_NOT_WORD = re.compile(r"[^a-z0-9@]+")


def entity_key(text: str) -> str:
    """Key for countries and organisations: normalised, without a leading 'the'."""
    key = norm_text(text)
    return key[4:] if key.startswith("the ") else key


def person_key(text: str) -> str:
    """Key for person names: normalised, honorifics and Jr/Sr suffixes dropped."""
    words = norm_text(text).split()
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def loose_key(key: str) -> str:
    """A looser spelling of an already normalised key, for transliteration variants."""
    out = []
    for word in key.split():
        for pattern, repl in _LOOSE_ENDINGS:
            word = pattern.sub(repl, word)
        out.append(word)
    return " ".join(out)


def singular_forms(word: str) -> list[str]:
    """The word and naive singulars of it: troops -> troop, militias -> militia, men -> man."""
    forms = [word]
    rules = (("ies", "y"), ("men", "man"), ("ves", "f"), ("ses", "s"), ("xes", "x"),
             ("ches", "ch"), ("shes", "sh"), ("s", ""))
    for suffix, repl in rules:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            forms.append(word[: -len(suffix)] + repl)
    return forms


def phrase_forms(phrase: str) -> list[str]:
    """Normalised phrase plus the same phrase with its last word made singular."""
    return list(_phrase_forms(phrase))


@lru_cache(maxsize=4096)
def _phrase_forms(phrase: str) -> tuple[str, ...]:
    words = norm_text(phrase).split()
    if not words:
        return ()
    return tuple(" ".join(words[:-1] + [last]) for last in singular_forms(words[-1]))


# CAMEO religion sub-codes; as an actor's sector they all mean "religious".
RELIGION_CODES = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "ORT", "SHI", "SUN",
                            "BAH", "MOS"})
# Agent (sector) codes an actor may carry: CAMEO primary and secondary roles, the
# organisation types (IGO/NGO/MNC/IMG = international militarised group), and the
# religion codes kept by the agents file. Anything else in a code is a place or a sub-code.
AGENT_CODES = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "BUS",
                         "MED", "CVL", "EDU", "HLH", "REL", "IGO", "NGO", "UAF", "ELI", "LAB",
                         "AGR", "REF", "CRM", "ENV", "HRI", "IMG", "INS", "SEP", "MNC", "PPL",
                         "RAD", "SOC"}) | RELIGION_CODES


def primary_sector(agent_code: str) -> str | None:
    """The first three-letter sector of a Phoenix agent code ('~CVLOPP' -> 'CVL')."""
    code = agent_code.strip().lstrip("~").upper()
    if len(code) < 3 or not code[:3].isalpha():
        return None
    return "REL" if code[:3] in RELIGION_CODES else code[:3]


def title_sector_from_code(agent_code: str) -> str | None:
    """Sector for a title: defence ministries (GOV…MIL) count as military, as news coders do."""
    code = agent_code.strip().lstrip("~").upper()
    if code.startswith("GOV") and "MIL" in code[3:]:
        return "MIL"
    return primary_sector(code)


def title_windows(title_words: str) -> tuple[str, ...]:
    """Sub-phrases of a title, longest first, rightmost first (the head noun ends a title)."""
    words = norm_text(title_words).split()
    out = []
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size, -1, -1):
            out.append(" ".join(words[start:start + size]))
    return tuple(out)
