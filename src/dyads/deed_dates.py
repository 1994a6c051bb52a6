"""A deed the lead tells undated takes the day the article gives it further on.

"Myanmar's junta has confirmed it carried out deadly airstrikes on a village. ... the
attack in the Sagaing area on Tuesday ... Tuesday's attack mirrors ...": wire copy
states the deed first and its day later, when it names the deed again ("the attack",
"Tuesday's attack"). So too for words: "X has endorsed Y. The announcement came in a
letter sent out Friday ...". An event-level companion of dyads.dating: it only hands back
a date read from the article's text through ``art`` (a dyads.dating.ArticleDating).
"""
from __future__ import annotations

from .event_date import EventDate
from .events import arguments as args

FORCE_ROOTS = frozenset({"18", "19", "20"})
DEED_NOUNS = frozenset({"attack", "airstrike", "strike", "bombing", "raid", "assault",
                        "shelling", "ambush", "offensive", "massacre", "killing", "blast",
                        "explosion", "bombardment", "incursion"})
LEAD_SENTENCES = 2    # the deed is told in the article's first sentences
NAMED_AGAIN_WITHIN = 5  # and named again, dated, in the sentences after


def deed_named_later(art, cand) -> EventDate | None:
    """The day of the first later naming of a force deed ('the attack ... on Tuesday',
    'Tuesday's attack') when ``cand`` is a force deed told in the lead with no day; for
    words, the day of the sentence that names them next ("the announcement came ...")."""
    if cand.sentence_index >= LEAD_SENTENCES:
        return None
    if cand.code[:2] in STATEMENT_ROOTS:
        return _statement_named_later(art, cand)
    if cand.code[:2] not in FORCE_ROOTS:
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


# Words said or written: statements, appeals, intents, endorsements, criticism.
STATEMENT_ROOTS = frozenset({"01", "02", "03", "05", "11", "12"})
STATEMENT_NOUNS = frozenset({"announcement", "endorsement", "statement", "declaration",
                             "letter", "remarks", "comments", "decision"})


def _statement_named_later(art, cand) -> EventDate | None:
    """'X has endorsed Y. The announcement came in an email sent out Friday': the very
    next sentence, whose subject is the words named again, gives their day (its one day)."""
    index = cand.sentence_index + 1
    if index >= len(art.sentences):
        return None
    root = art.sentences[index].root
    subject = args.subject_of(root)
    if subject is None or subject.lemma_.lower() not in STATEMENT_NOUNS or not _definite(subject):
        return None
    days = {(m.date, m.text) for _, _, m in art.mentions(index) if m.precision == "day"}
    if len({day for day, _ in days}) != 1:
        return None  # no day, or two: which one the words came on is not told
    day, text = min(days)
    return EventDate(day, "day", text)
