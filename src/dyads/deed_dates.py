"""A deed the lead tells undated takes the day the article gives it further on.

"Myanmar's junta has confirmed it carried out deadly airstrikes on a village. ... the
attack in the Sagaing area on Tuesday ... Tuesday's attack mirrors ...": wire copy
states the deed first and its day later, when it names the deed again ("the attack",
"Tuesday's attack"). An event-level companion of dyads.dating: it only hands back a date
read from the article's text through ``art`` (a dyads.dating.ArticleDating).
"""
from __future__ import annotations

from .event_date import EventDate

FORCE_ROOTS = frozenset({"18", "19", "20"})
DEED_NOUNS = frozenset({"attack", "airstrike", "strike", "bombing", "raid", "assault",
                        "shelling", "ambush", "offensive", "massacre", "killing", "blast",
                        "explosion", "bombardment", "incursion"})
LEAD_SENTENCES = 2    # the deed is told in the article's first sentences
NAMED_AGAIN_WITHIN = 5  # and named again, dated, in the sentences after


def deed_named_later(art, cand) -> EventDate | None:
    """The day of the first later naming of a force deed ('the attack ... on Tuesday',
    'Tuesday's attack') when ``cand`` is a force deed told in the lead with no day."""
    if cand.code[:2] not in FORCE_ROOTS or cand.sentence_index >= LEAD_SENTENCES:
        return None
    last = min(len(art.sentences), cand.sentence_index + 1 + NAMED_AGAIN_WITHIN)
    for index in range(cand.sentence_index + 1, last):
        for noun in art.sentences[index]:
            if noun.lemma_.lower() in DEED_NOUNS and noun.pos_ == "NOUN" and _definite(noun):
                found = _day_in(art, index, noun)
                if found is not None:
                    return found
    return None


def _definite(noun) -> bool:
    """'the attack', "Tuesday's attack": a deed named again, not 'a similar attack'."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
               for c in noun.children)


def _day_in(art, index: int, noun) -> EventDate | None:
    """A day-precision date phrase inside the noun's own phrase."""
    left, right = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    for start, end, mention in art.mentions(index):
        if left <= start and end <= right and mention.precision == "day":
            return EventDate(mention.date, mention.precision, mention.text)
    return None
