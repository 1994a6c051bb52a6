"""Word senses the lexicon's constraints cannot tell apart.

A question is not an appeal ("asked whether he respects Putin", "when asked about the
plan"), and a trip to a rally or a venue is not a visit to a country ("headed to the
venue", "came to power"). Each test looks at the trigger's own dependents only.
"""
from __future__ import annotations

from .lexicon import LexEntry

QUESTION_VERBS = {"ask", "inquire", "enquire", "query"}
QUESTION_WORDS = {"whether", "if", "what", "why", "how", "when", "where", "who", "whom", "which"}
QUESTION_NOUNS = {"question", "questions", "query"}
APPEAL_ROOT, VISIT_CODE = "02", "042"
TRIP_VERBS = {"go", "come", "head", "travel", "fly", "journey"}
# Where a trip can be a visit: places, and the bodies that host visitors.
DESTINATION_ENTITIES = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def wrong_sense(token, entry: LexEntry) -> bool:
    return _asks_a_question(token, entry) or _trip_elsewhere(token, entry)


def _asks_a_question(token, entry: LexEntry) -> bool:
    """'asked whether/if ...', 'asked about X', 'asked a question': no request is made.
    'asked X to leave' and 'asked for aid' stay appeals."""
    if not entry.code.startswith(APPEAL_ROOT) or token.lemma_.lower() not in QUESTION_VERBS:
        return False
    kids = list(token.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in kids):
        return False
    for child in kids:
        if child.dep_ == "dobj" and child.lower_ in QUESTION_NOUNS:
            return True
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ in {"ccomp", "advcl", "dobj"} and _is_question_clause(child):
            return True
    return False


def _is_question_clause(head) -> bool:
    first = next(iter(head.subtree))
    return first.lower_ in QUESTION_WORDS or any(
        c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in head.children)


def _trip_elsewhere(token, entry: LexEntry) -> bool:
    """'headed to the venue', 'came to power': the destination is not a place or host."""
    if entry.code != VISIT_CODE or token.lemma_.lower() not in TRIP_VERBS:
        return False
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"]
    goals = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return bool(goals) and not any(g.ent_type_ in DESTINATION_ENTITIES for g in goals)
