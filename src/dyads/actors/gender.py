"""A person's sex as the article's words show it, so coreference can keep "he" off a
woman named before it and "she" off a man.

Two cues, the first that speaks wins: a sexed word in the mention itself ("Mrs.",
"spokeswoman", "her husband" is his own phrase's head "husband") and the given name
(``data/given_names.yaml``, hand-edited; names used for both sexes are not in it). A
person neither cue speaks for has no sex here and constrains nothing.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from ..docview import view_of

FEMALE, MALE = "f", "m"
PRONOUN_SEX = {"she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
               "he": MALE, "him": MALE, "his": MALE, "himself": MALE}
FEMALE_WORDS = frozenset({
    "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "duchess",
    "congresswoman", "spokeswoman", "chairwoman", "councilwoman", "businesswoman",
    "assemblywoman", "stateswoman", "actress", "wife", "widow", "mother", "daughter",
    "sister", "grandmother", "granddaughter", "aunt", "niece", "woman", "girl"})
MALE_WORDS = frozenset({
    "mr", "sir", "lord", "king", "prince", "duke", "congressman", "spokesman",
    "councilman", "businessman", "assemblyman", "statesman", "husband", "widower", "father",
    "son", "brother", "grandfather", "grandson", "uncle", "nephew", "man", "boy"})
# words of a person's own phrase: titles and names before the head, an apposition's head
CUE_DEPS = frozenset({"compound", "flat", "amod", "nmod", "appos"})


@lru_cache(maxsize=1)
def given_name_sexes() -> dict[str, str]:
    """Lower-case given name → "f" or "m", from the shipped table."""
    text = resources.files("dyads.data").joinpath("given_names.yaml").read_text(encoding="utf-8")
    table = yaml.safe_load(text)
    sexes = {name: FEMALE for name in table["female"]}
    sexes.update({name: MALE for name in table["male"]})
    return sexes


def pronoun_sex(word: str) -> str | None:
    return PRONOUN_SEX.get(word.lower())


def word_sex(word: str) -> str | None:
    """The sex a title or kin word names ("Mrs.", "spokeswoman"), else None."""
    lower = word.lower().rstrip(".")
    return FEMALE if lower in FEMALE_WORDS else MALE if lower in MALE_WORDS else None


def name_sex(name: str | None) -> str | None:
    """The sex of a full name's given name ("Hillary Clinton" → "f"), else None."""
    words = (name or "").replace(".", " ").split()
    return given_name_sexes().get(words[0].lower()) if words else None


def mention_cue(doc, head: int) -> str | None:
    """The sex a sexed word of the mention headed by ``head`` names: the head itself
    ("his wife"), a title before it ("Mrs. Clinton", "spokeswoman Jo Doe") or an
    apposition's head ("Jo Doe, a spokeswoman")."""
    view = view_of(doc)
    cues = [word_sex(view.words[head])]
    cues += [word_sex(view.words[c]) for c in view.children[head] if view.dep[c] in CUE_DEPS]
    found = {c for c in cues if c}
    return found.pop() if len(found) == 1 else None


def mention_sex(doc, head: int, name: str | None) -> str | None:
    """The mention's own sexed word first, else its given name (the KB's full name, or
    the first word of the name as written)."""
    cue = mention_cue(doc, head)
    if cue is not None:
        return cue
    view = view_of(doc)
    first = min([head] + [c for c in view.children[head] if view.dep[c] in {"compound", "flat"}])
    return name_sex(name) or name_sex(view.words[first])


def agrees(sex: str | None, other: str | None) -> bool:
    """Unknown agrees with anything; known sexes must be the same."""
    return sex is None or other is None or sex == other
