"""Hedged claims: a deed someone alleges is their accusation, not a deed the text asserts.

"She claimed Trump had groped her", "the group alleged that soldiers looted the town",
"residents said soldiers looted shops": the news reports what someone says another did
(a deed told first and attributed after, "..., residents said", stays the deed).
As the annotation guide codes it, that is the claimant's accusation (112) against the
doer the claim names; the alleged deed itself is not coded as done. Officials reporting
their own side's or the enemy's deeds ("the ministry said troops shelled Kharkiv") are the
ordinary way wire copy tells of deeds and are left as the deeds they report.
"""
from __future__ import annotations

from ..parse import nouns_of, verbs_of
from . import arguments as args
from .lexicon import LexEntry

ACCUSATION_CODE = "112"
# Verbs that hedge whatever they report.
CLAIM_VERBS = {"claim", "allege"}
# Verbs that hedge a report when the speaker is a witness, not an authority.
HEARSAY_VERBS = {"say", "tell", "report", "recount", "describe", "testify"}
HEARSAY_SPEAKERS = {"resident", "witness", "villager", "survivor", "victim", "relative",
                    "activist", "eyewitness", "neighbour", "neighbor", "woman", "man",
                    "accuser", "family", "refugee", "local", "protester", "student"}
# Deeds whose allegation is an accusation: coercion, assault, fighting, mass violence.
ALLEGED_ROOTS = ("17", "18", "19", "20")
CLAIM_MARK = "+alleged:"
# A claimant speaking of its own deed claims responsibility: the deed stands.
OWN_SIDE = {"it", "they", "we", "i"}


def claims_as_accusations(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """Retype each hedging verb whose reported clause holds a deed as an accusation (112)
    by the claimant, and drop the deed: the clause's subject is the accused."""
    out = dict(triggers)
    for verb in verbs_of(sent):  # the tests below pass only verbs
        if verb.pos_ == "VERB" and _alleges_that(verb):
            out[verb.i] = _accusation(verb, args.complement_clause(verb))
            continue
        if verb.pos_ != "VERB" or not _hedges(verb):
            continue
        clause = args.complement_clause(verb)
        deeds = [v for v in args.clause_main_verbs(clause) if v.i in out
                 and out[v.i].code.startswith(ALLEGED_ROOTS)] if clause is not None else []
        subject = args.child(clause, "nsubj") if deeds else None
        if subject is None or subject.lower_ in OWN_SIDE:
            continue  # "the Taliban claimed it killed 60 soldiers": a claim of its own deed
        for deed in deeds:
            out.pop(deed.i, None)
        out[verb.i] = _accusation(verb, deeds[0])
    return out


def _accusation(verb, deed) -> LexEntry:
    lemma = verb.lemma_.lower()
    return LexEntry(code=ACCUSATION_CODE, lemma=lemma, pos="verb", particle=None,
                    objects=(), target_prep=None, xcomp=(), source_prep=None,
                    negated_code=None,
                    id=f"{ACCUSATION_CODE}:{lemma}/verb{CLAIM_MARK}{deed.lemma_.lower()}",
                    specificity=0)


# "Greenpeace charged that the deal ...": charging THAT is alleging, whatever the clause
# holds; "charged him with fraud" stays a legal charge (173).
ALLEGING_VERBS = {"charge"}


def _alleges_that(verb) -> bool:
    if verb.lemma_.lower() not in ALLEGING_VERBS or args.child(verb, "dobj") is not None:
        return False
    clause = args.complement_clause(verb)
    mark = args.child(clause, "mark") if clause is not None else None
    return mark is not None and mark.lower_ == "that"


# (Reports are how news tells of deeds, and are left to tell them.)
CLAIM_NOUNS = {"claim", "allegation", "accusation", "charge", "assertion", "rumour", "rumor"}


def claimed_deeds_in_nouns(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """'the claim that Russia hacked the emails', 'her allegation that he assaulted her':
    the deed in a claim's that-clause is not asserted; a claim with a claimant ('her
    allegation') is the claimant's accusation against the deed's doer."""
    out = dict(triggers)
    for noun in nouns_of(sent):  # a claim's that-clause hangs on a noun
        clause = _claim_clause(noun)
        deeds = [v for v in args.clause_main_verbs(clause) if v.i in out
                 and out[v.i].code.startswith(ALLEGED_ROOTS)] if clause is not None else []
        if not deeds:
            continue
        for deed in deeds:
            out.pop(deed.i, None)
        if args.child(noun, "poss") is not None and args.child(clause, "nsubj") is not None:
            lemma = noun.lemma_.lower()
            out[noun.i] = LexEntry(code=ACCUSATION_CODE, lemma=lemma, pos="noun", particle=None,
                                   objects=(), target_prep=None, xcomp=(), source_prep=None,
                                   negated_code=None,
                                   id=f"{ACCUSATION_CODE}:{lemma}/noun{CLAIM_MARK}"
                                      f"{deeds[0].lemma_.lower()}", specificity=0)
    return out


def _claim_clause(noun):
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and c.pos_ == "VERB"
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def claim_clause_subject(noun):
    """Whom a claim noun's that-clause is about: 'the claim that RUSSIA hacked ...'."""
    clause = _claim_clause(noun)
    return args.child(clause, "nsubj", "nsubjpass") if clause is not None else None


def is_claim(entry: LexEntry) -> bool:
    return CLAIM_MARK in entry.id


def _hedges(verb) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in CLAIM_VERBS:
        return True
    if lemma not in HEARSAY_VERBS:
        return False
    speaker = args.child(verb, "nsubj")
    clause = args.complement_clause(verb)
    # "..., residents said" after the deed attributes a report the text tells as news;
    # "residents said soldiers looted" puts the telling first: their account
    return speaker is not None and speaker.lemma_.lower() in HEARSAY_SPEAKERS \
        and clause is not None and clause.i > verb.i
