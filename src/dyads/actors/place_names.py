"""Towns the entity recogniser takes for people: 'attacks on Kharkiv' tagged PERSON.

The pinned small model tags a lone city name as a person in some contexts ("launched
missile attacks on KHARKIV", "drone strikes on KYIV"); dyads then read the city as an
unknown person and gave it the country of whoever was named nearby (Russian forces
attacking "Kharkiv" of Russia). Before actors are resolved, a one-word PERSON entity is
retagged GPE when the gazetteer knows it as a country or a town of at least
MIN_POPULATION, and nothing says it is a person's name: the word is no KB person's
surname or first name, no longer name in the article ends or begins with it, and it is
written as a name ("Kharkiv", not "bush" or "RINO").
"""
from __future__ import annotations

from spacy.tokens import Span

MIN_POPULATION = 100_000


def retag_places(doc, gazetteer, kb) -> int:
    """Retag ``doc``'s one-word PERSON entities that name places; how many were."""
    if gazetteer is None:
        return 0
    people = _name_words(doc)
    ents, changed = list(doc.ents), 0
    for i, ent in enumerate(ents):
        if ent.label_ == "PERSON" and len(ent) == 1 and _a_place(ent.text, gazetteer, kb, people):
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed += 1
    if changed:
        doc.ents = ents
    return changed


def _name_words(doc) -> set[str]:
    """Words of the article's longer person names ('Bush' of 'George W. Bush')."""
    return {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def _a_place(word: str, gazetteer, kb, people: set[str]) -> bool:
    if not (word.istitle() and word.isalpha()) or word in people:
        return False
    place = gazetteer.lookup(word)
    if place is None or (place.precision != "country" and place.population < MIN_POPULATION):
        return False
    return not (kb.is_surname(word) or kb.is_given_name(word))
