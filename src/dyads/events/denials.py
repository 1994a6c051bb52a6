"""Denials: a speaker saying their own side did not do something denies it (016).

"McCrory said he never took money from the firm", "'We did nothing wrong,' Cruz said",
"X insisted she never sent them": the reported clause is a past deed of the speaker,
negated. Coders code what was denied as 016 (deny responsibility) by the speaker, not
the negated deed itself. Plans and wishes are no denials ("said he did not want to
run"), nor is a clause about someone else ("said she never apologised").
"""
from __future__ import annotations

from ..docview import view_of
from . import arguments as args

DENIAL_CODE = "016"
# The speaker's side as the clause's subject (or its owner): 'we', or their pronoun.
FIRST_PERSON = {"i", "we", "my", "our"}
THIRD_PERSON = {"he", "she", "it", "they", "his", "her", "its", "their"}
# Negated, these tell no deed: "did not WANT to run", "did not EXPECT it".
NO_DEED_VERBS = {"want", "wish", "hope", "plan", "intend", "expect", "think", "believe",
                 "like", "need", "care", "feel", "see", "mean", "seem", "get", "have", "be",
                 "know", "remember", "recall", "understand", "say", "agree", "win"}
# What a speaker's side is when possessed: "his CAMPAIGN", "our GOVERNMENT".
SIDE_NOUNS = {"campaign", "team", "administration", "government", "office", "staff", "aide",
              "company", "party", "force", "troop", "army", "organization", "organisation",
              "foundation", "ministry", "department", "client", "country", "people"}
MODALS = {"would", "could", "should", "might", "may", "will", "can", "must", "'d", "wo", "ca"}
PAST_TAGS = {"VBD", "VBN"}
NOTHING_WORDS = {"nothing", "no"}


def own_denial(verb, clause):
    """The negation token when ``clause`` (reported by ``verb``) denies a past deed of
    the verb's speaker; else None."""
    if clause is None or not _past(clause) or clause.lemma_.lower() in NO_DEED_VERBS:
        return None
    subject = args.child(clause, "nsubj")
    if subject is None or not _speaker_side(verb, subject):
        return None
    return _negation(clause)


def told_as_done(clause) -> bool:
    """The clause tells a past deed or knowledge ('never sent', 'did not know'), not a
    present wish or state ('don't want her')."""
    return _past(clause) and (clause.lemma_.lower() not in NO_DEED_VERBS
                              or clause.lemma_.lower() in KNOWING_VERBS)


# Denied knowledge is a denial when insisted on: "maintained that he did not KNOW".
KNOWING_VERBS = {"know", "remember", "recall", "see"}


def _past(clause) -> bool:
    """'took', 'did not take', 'has never taken', 'was not hiding'; not what would or
    could have been ('wouldn't have done what they did')."""
    auxes = [c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a in MODALS for a in auxes):
        return False
    if clause.tag_ == "VBD":
        return True
    return any(a in {"did", "had", "has", "have"} for a in auxes) and (
        clause.tag_ in PAST_TAGS or "did" in auxes) or (
        clause.tag_ == "VBG" and any(a in {"was", "were"} for a in auxes))


def _speaker_side(verb, subject) -> bool:
    """The clause's subject is the speaker's side: 'I', 'we', 'our campaign' in their
    words, or a pronoun ('he', 'his campaign') when the sentence names no other person
    or body it could stand for."""
    owner = args.child(subject, "poss")
    if owner is not None and subject.lemma_.lower() in SIDE_NOUNS:
        subject = owner  # "said HIS campaign did not break any rules"
    if subject.lower_ in FIRST_PERSON:
        return True
    return subject.lower_ in THIRD_PERSON and _no_other_person(verb)


def _no_other_person(verb) -> bool:
    speaker = args.child(verb, "nsubj")
    if speaker is None:
        return False
    sent = verb.sent
    people = [(start, end) for start, end, label in
              view_of(verb.doc).entities_within(sent.start, sent.end)
              if label in {"PERSON", "ORG"}]
    return all(start <= speaker.i < end for start, end in people)


def _negation(clause):
    """'not' / 'never' on the verb, or 'nothing' / 'no' as its object ('did nothing
    wrong', 'took no money')."""
    neg = args.child(clause, "neg")
    if neg is not None:
        return neg
    obj = args.child(clause, "dobj")
    if obj is None:
        return None
    if obj.lower_ in NOTHING_WORDS:
        return obj
    return next((c for c in obj.children if c.dep_ == "det" and c.lower_ == "no"), None)
