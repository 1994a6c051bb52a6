"""Messages that attack or praise: campaign ads, tweets and emails speak for their sender.

"The Trump campaign released an ad attacking Clinton", "Trump's new ad slams Clinton",
"a series of scathing tweets aimed at Trump": the attack is in words (111), its source
is whoever owns or sent the message, its target whom the message attacks or is aimed at.
Without this an ad "attacking" a candidate reads as an armed assault (190), tweets
"aimed at" someone as nothing at all, and "an email praising him" as the email's praise.
"""
from __future__ import annotations

from ..parse import verbs_of
from . import arguments as args
from .lexicon import LexEntry

CRITICISM_CODE = "111"
MESSAGE_MARK = "+message"
MESSAGE_NOUNS = {"ad", "advert", "advertisement", "commercial", "spot", "video", "tweet",
                 "post", "editorial", "column", "mailer", "flyer", "leaflet", "speech",
                 "statement", "letter", "email", "message", "memo", "broadside", "book",
                 "essay", "blog", "op", "robocall", "billboard"}
ATTACKING_VERBS = {"attack", "hit", "target", "slam", "blast", "hammer", "bash", "rip",
                   "knock", "mock", "ridicule", "criticize", "criticise", "lambaste",
                   "assail", "skewer", "savage", "smear", "pummel", "deride", "denounce"}
BATCH_NOUNS = {"series", "string", "barrage", "volley", "flurry", "stream", "spate", "pair",
               "number", "set", "couple", "wave"}
PRAISING_VERBS = {"praise", "laud", "hail", "commend", "applaud", "thank", "congratulate",
                  "salute", "compliment", "extol", "celebrate", "defend", "endorse"}
PRAISE_CODE = "051"
AIMING_VERBS = {"aim", "target", "direct"}  # "tweets AIMED at Trump"


def is_message_attack(entry: LexEntry) -> bool:
    return MESSAGE_MARK in entry.id


def message_attacks(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """Retype (or add) the verb of a message that attacks someone as criticism (111)."""
    out = dict(triggers)
    for verb in verbs_of(sent):  # the test below passes only verbs
        if verb.pos_ != "VERB" or message_of(verb) is None or _message_target(verb) is None:
            continue
        lemma = verb.lemma_.lower()
        aimed = _aimed_at(verb) is not None
        code = PRAISE_CODE if lemma in PRAISING_VERBS else CRITICISM_CODE
        out[verb.i] = LexEntry(code=code, lemma=lemma, pos="verb", particle=None,
                               objects=(), target_prep="at" if aimed else None, xcomp=(),
                               source_prep=None, negated_code=None,
                               id=f"{code}:{lemma}/verb{MESSAGE_MARK}", specificity=0)
    return out


def message_arguments(verb):
    """(sender token, target token) of a message's attack."""
    message = message_of(verb)
    return (sender(message) if message is not None else None), _message_target(verb)


def message_of(verb):
    """The message noun doing the verb: 'an ad ATTACKING X', 'an ad that ATTACKS X',
    'the ad SLAMS X'."""
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ in {"VBN", "VBG"}:  # "sent tweets TARGETED at X"
        head = args.child(head, "dobj") or head
    if verb.dep_ in {"acl", "relcl", "advcl"}:
        if head.lemma_.lower() in BATCH_NOUNS:  # "a series of tweets aimed at X"
            head = args.prep_object(head, "of") or head
        if head.lemma_.lower() in MESSAGE_NOUNS:
            return head
    subject = args.child(verb, "nsubj")
    if subject is not None and subject.lemma_.lower() in MESSAGE_NOUNS:
        return subject
    return None


def sender(message):
    """'Trump's ad', 'a Clinton campaign ad', 'an ad by X'; else whoever released, ran or
    sent it ('The campaign released an ad ...')."""
    owner = args.noun_source(message)
    if owner is not None:
        return owner
    verb = args.governing_verb(message)
    subject = args.child(verb, "nsubj") if verb is not None else None
    if verb is None or (subject is not None and subject.i == message.i):
        return None  # "the ad slams X" with no owner: no sender named
    return args.subject_of(verb)


def _message_target(verb):
    lemma = verb.lemma_.lower()
    if lemma in ATTACKING_VERBS | PRAISING_VERBS and args.child(verb, "dobj") is not None:
        return args.child(verb, "dobj")
    return _aimed_at(verb)


def _aimed_at(verb):
    if verb.lemma_.lower() not in AIMING_VERBS:
        return None
    return args.prep_object(verb, "at")
