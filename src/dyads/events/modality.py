"""Modality of an event trigger: asserted, negated, future or hypothetical.

Read off the trigger's own auxiliaries and negation, then off the verbs that govern it
("plans to", "refused to", "if", "could"), so "did not sign", "will reduce" and
"may be intended" come out right.
"""
from __future__ import annotations

from .lemmas import word_lemma

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"may", "might", "could", "would", "should", "can", "'d"}
FUTURE_GOVERNORS = {"plan", "intend", "promise", "pledge", "vow", "prepare", "aim", "expect",
                    "schedule", "slate", "set", "threaten", "announce", "agree", "decide", "be", "go",
                    "want", "seek", "willing", "ready", "prepared", "determined", "committed",
                    "eager", "poised", "keen"}
SPEECH_VERBS = {"say", "announce", "tell", "declare", "state", "claim", "report", "add",
                "insist", "confirm", "warn", "promise", "pledge", "vow", "indicate"}
HYPOTHETICAL_GOVERNORS = {"propose", "suggest", "consider", "hope", "wish", "need",
                          "urge", "call", "ask", "demand", "offer", "try", "discuss", "weigh",
                          "mull", "request", "appeal", "press", "push", "encourage",
                          "reluctant", "hesitant"}
WISH_GOVERNORS = {"want", "wish"}
NEGATING_GOVERNORS = {"refuse", "decline", "fail", "deny", "reject", "unwilling", "loath"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
NEGATIONS = {"not", "n't", "never", "no"}


def own_modality(token) -> str | None:
    """Modality marked on the verb itself (aux/neg children), or None."""
    children = list(token.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in {"neg", "advmod"} for c in children):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return "hypothetical"
    aux = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if aux & FUTURE_AUX:
        return "future"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if "to" in aux and token.dep_ == "xcomp" and token.head.lemma_ == "go":
        return "future"
    return None


def modality_of(trigger) -> str:
    """The trigger's modality, looking up the chain of infinitives that govern it."""
    own = own_modality(trigger)
    if own == "hypothetical" and _reported_would(trigger):
        return "future"  # "Israel announced it would free prisoners": future in the past
    if own:
        return own
    token = trigger
    for _ in range(4):
        if token.dep_ not in {"xcomp", "conj", "ccomp", "advcl", "pcomp", "acl"} or token.head is token:
            break
        head = token.head
        if token.dep_ == "ccomp" and word_lemma(head) in WISH_GOVERNORS:
            return "hypothetical"  # "wants Greece to withdraw": wished, not done
        if token.dep_ in {"xcomp", "acl"}:
            lemma = word_lemma(head)  # "HOPED to meet": spaCy says "hop"
            if lemma in NEGATING_GOVERNORS:
                return "negated"
            if lemma in FUTURE_GOVERNORS and lemma not in {"be", "go"}:
                return "future"
            if lemma in HYPOTHETICAL_GOVERNORS:
                return "hypothetical"
        if token.dep_ == "advcl" and own_modality(token) is None:
            break
        inherited = own_modality(head)
        if inherited in {"negated", "hypothetical"} and token.dep_ != "ccomp":
            return inherited
        if inherited == "future" and token.dep_ in {"xcomp", "conj"}:
            return inherited
        token = head
    return "asserted"


def _reported_would(trigger) -> bool:
    aux = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    return "would" in aux and trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in SPEECH_VERBS


def is_refusal(trigger) -> bool:
    """'refused to sign' / 'declined to meet': the governing verb carries the event."""
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in {"refuse", "decline"}


PENDING_MARKS = {"before", "until", "till"}
PRESENT_TAGS = {"VBZ", "VBP"}


def is_pending(trigger) -> bool:
    """'... comes a day before Merkel TRAVELS to Moscow': a present-tense verb in a
    before/until clause is a deed still to come that nobody announces here."""
    if trigger.tag_ not in PRESENT_TAGS:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in trigger.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ in PENDING_MARKS for c in trigger.children) or (
        trigger.head.lower_ in PENDING_MARKS and trigger.dep_ == "pcomp")


# Adverbs that make a present perfect a habit, not an occasion: "has repeatedly insisted",
# "has long accused", "has spoken out before".
HABIT_ADVERBS = {"long", "repeatedly", "consistently", "often", "frequently", "always",
                 "regularly", "before", "previously", "routinely", "habitually"}
PERFECT_AUX = {"has", "have", "'s", "'ve"}


def is_habitual(trigger) -> bool:
    """Vague background: a present perfect with a habit adverb tells what someone keeps
    doing, with no occasion to date (article gold leaves it uncoded)."""
    if trigger.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX
                                        for c in trigger.children):
        return False
    return any(c.dep_ in {"advmod", "npadvmod"} and c.lower_ in HABIT_ADVERBS
               for c in trigger.children)
