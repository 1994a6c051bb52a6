"""Words in actor positions that name no actor: datelines, title objects, things.

"WASHINGTON (Reuters) -" opens a story and says where it was filed; "state" in "secretary
of state" belongs to the title; "it" as an object ("win it", "disclosing it") is a thing,
and "it" as a subject stands for a body only when one was named just before.
"""
from __future__ import annotations

from ..docview import view_of

DATELINE_DASHES = {"-", "–", "—", "--"}
TITLE_HEADS = {"secretary", "minister", "ministry", "department", "director", "head",
               "chief", "commissioner", "ambassador", "envoy"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def in_dateline(token) -> bool:
    """'PHILADELPHIA (AP) —', 'Washington (AFP) –', 'KABUL, Afghanistan —': names and an
    agency in brackets between the start of a line and a dash."""
    view = view_of(token.doc)  # asked of every actor phrase: read words, not Tokens
    words, start = view.words, token.i
    stop = max(0, token.i - DATELINE_WORDS - 1)  # further back is too far for a dateline
    while start > stop and not (view.is_space[start - 1] and "\n" in words[start - 1]):
        start -= 1
    if token.i - start > DATELINE_WORDS or not all(
            _dateline_word(view, i) for i in range(start, token.i)):
        return False
    depth = 0
    for i in range(token.i + 1, min(len(words), token.i + 1 + DATELINE_WORDS)):
        depth += (words[i] == "(") - (words[i] == ")")
        if words[i] in DATELINE_DASHES and depth <= 0 and not _party_tag_dash(token.doc[i]):
            return True  # a dash inside brackets joins a party tag: "Rep. X (R-Va.)"
        if not _dateline_word(view, i):
            return False
    return False


DATELINE_WORDS = 8  # "NEW YORK, Nov. 19 (UPI) —": the dash is the 7th word on


def _party_tag_dash(dash) -> bool:
    """', R-Wis.,': the dash of a lawmaker's party-and-state tag after a comma."""
    doc = dash.doc
    return 0 < dash.i < len(doc) - 1 and doc[dash.i - 1].text in {"R", "D", "I"} \
        and doc[dash.i + 1].text[:1].isupper()


def dateline_sibling(token):
    """The parser may hang a dateline on the verb beside its real subject ('PHILADELPHIA
    (AP) — Clinton said'): the token of the same role after the dateline."""
    sibling = next((c for c in token.head.children if c.dep_ == token.dep_ and c.i > token.i
                    and c.head is not c and not in_dateline(c)), None)
    if sibling is not None:
        return sibling
    # "WASHINGTON (Reuters) - Barack Obama on Tuesday criticized ...": the subject is
    # parsed as an apposition of the dateline
    return next((c for c in token.children if c.dep_ == "appos" and not in_dateline(c)
                 and any(t.text in DATELINE_DASHES for t in token.doc[token.i:c.i])), None)


def _dateline_word(view, i: int) -> bool:
    """Names, the filing day ('Aug 27 (Reuters) -', 'NEW YORK, Nov. 19 (UPI) —'), brackets."""
    return view.pos[i] in {"PROPN", "NUM"} or view.is_space[i] or view.words[i] in {"(", ")", ","}


def title_object(token) -> bool:
    """'state' in 'secretary of state', 'defence' in 'minister of defence': the object of
    a title's 'of' is part of the title, not an actor of its own."""
    view, i = view_of(token.doc), token.i  # asked of every actor phrase: no Token walks
    prep = view.head[i]
    return (view.dep[i] == "pobj" and view.lower[prep] == "of" and token.is_lower
            and view.lemma_lower[view.head[prep]] in TITLE_HEADS)


def hypothetical(token) -> bool:
    """'any truly conservative candidate', 'any country': a common noun under 'any' names
    no one in particular (a proper name under it still does: 'any Russian attack')."""
    view, i = view_of(token.doc), token.i  # asked of every actor phrase: no Token walks
    return view.pos[i] == "NOUN" and any(view.dep[c] == "det" and view.lower[c] == "any"
                                         for c in view.children[i]) \
        and not any(t.pos_ == "PROPN" for t in token.subtree)


def thing_pronoun(token, antecedent_token: int | None) -> bool:
    """'it' that stands for a thing: the subject of 'it is' / 'it took', or an 'it' whose
    last named body is more than a sentence back ('we will win it')."""
    if token.lower_ not in {"it", "its"}:
        return False
    sent = token.sent
    if token.dep_ in SUBJECT_DEPS and token.head.lemma_ in {"be", "take"}:
        return True
    if antecedent_token is None:
        return True
    previous_start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return antecedent_token < previous_start


# Media that are channels, not the press: "warned followers on social media".
CHANNEL_HEADS = frozenset({"media"})
CHANNEL_MODIFIERS = frozenset({"social", "online", "digital"})


def channel(token) -> bool:
    """'social media', 'online media': where something is said, not a body that acts
    ('the media', 'state media' and 'Russian media' still are: reporters and outlets)."""
    return token.lower_ in CHANNEL_HEADS and any(
        c.dep_ == "amod" and c.lower_ in CHANNEL_MODIFIERS for c in token.children)


# Running for an office names the office, not its holder: "pleas to run for president".
SEEKING_HEADS = frozenset({"run", "bid", "campaign", "candidacy", "race", "candidate", "vie"})
OFFICES = frozenset({"president", "presidency", "governor", "senate", "senator", "mayor",
                     "office", "congress", "parliament", "chancellor", "premier", "speaker",
                     "nomination", "seat", "reelection", "leadership", "chair", "council"})


def office_sought(token) -> bool:
    """'run for president', 'her bid for the presidency': the office, not the president
    ('campaign for Canova' still names a person)."""
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "for" and token.lemma_.lower() in OFFICES
            and prep.head.lemma_.lower() in SEEKING_HEADS)
