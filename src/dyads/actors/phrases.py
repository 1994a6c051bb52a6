"""The extent of an actor phrase: the words around its head that belong to one actor.

``phrase_of(token)`` takes the head's left modifiers (determiners, adjectives, names,
possessives), the of/to phrase of a title ("Ambassador to the US") and the rest of a name
on its right; the actor stages (mentions, coreference, US politics) and the assembly of
records all read phrases from here, each made once per token and Doc. ``conjuncts(token)``
lists the actors a coordinated or listed phrase names ("Russia and Ukraine", "the members,
Reps. A of Maryland and B of Michigan").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..docview import doc_memo, view_of
from ..parse import entity_span
from .names import shared_title

# Dependencies that stay inside one actor's noun phrase.
PHRASE_DEPS = {"compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "punct",
               "appos", "prep", "pobj", "cc", "conj", "quantmod", "advmod"}
TITLE_PREPS = {"of", "to", "for"}


@dataclass(frozen=True)
class Phrase:
    """Token range [left, right) of an actor phrase and its head token index."""

    left: int
    right: int
    head: int


def phrase_of(token) -> Phrase:
    """The actor phrase headed by ``token``: left modifiers, titles' of/to phrases, names.
    Made once per token (asked about three times per actor phrase)."""
    memo = doc_memo(token.doc, PHRASES_KEY)
    phrase = memo.get(token.i)
    if phrase is None:
        phrase = memo[token.i] = _phrase_of(token)
    return phrase


PHRASES_KEY = "dyads_actor_phrases"  # Doc.user_data slot: token index -> Phrase


def _phrase_of(token) -> Phrase:
    left, right = token.i, token.i + 1
    doc = token.doc
    view = view_of(doc)  # labels first: a Token only for the children that may count
    for c in view.children[token.i]:
        if c < token.i and view.dep[c] in LEFT_PHRASE_DEPS:
            left = min(left, doc[c].left_edge.i)
        elif c > token.i and view.dep[c] in RIGHT_PHRASE_DEPS and _belongs_right(token, doc[c]):
            right = max(right, doc[c].right_edge.i + 1)
    listed = place_conjuncts(doc[token.i]) if view.pos[token.i] == "PROPN" else []
    if listed:  # "A of Maryland and B of Michigan": B is not part of A's phrase
        right = min(right, min(c.left_edge.i for c in listed))
        while right - 1 > token.i and view.dep[right - 1] == "cc":
            right -= 1
    while left < token.i and view.is_punct[left]:
        left += 1
    while right - 1 > token.i and view.is_punct[right - 1]:
        right -= 1
    return Phrase(left, right, token.i)


LEFT_PHRASE_DEPS = PHRASE_DEPS - {"conj", "cc", "prep", "appos"}
RIGHT_PHRASE_DEPS = {"prep", "appos", "flat", "compound"}  # all _belongs_right can accept


TITLE_NOUNS = {"minister", "ambassador", "secretary", "envoy", "president", "head", "chief",
               "spokesperson", "spokesman", "spokeswoman", "representative", "commander"}


def _belongs_right(head, child) -> bool:
    """Right children that belong to a title: 'Ambassador to the US Anatoly Antonov'."""
    if child.dep_ == "prep" and child.lower_ in TITLE_PREPS:
        return head.pos_ in {"PROPN", "NOUN"} and (head.is_title or head.lower_ in TITLE_NOUNS)
    return child.dep_ in {"appos", "flat", "compound"} and not listed_appos(child)


NAME_ENTITIES = {"GPE", "ORG", "NORP"}


def listed_appos(token) -> bool:
    """'The US, Russia, and Switzerland': the parser may hang a list's second name on the
    first as an apposition; a named apposition with conjuncts of its own is a list item
    (the 'and' may hang on its last conjunct: 'Sens. A, B, C and D'). 'The members, Reps.
    A of Maryland and B of Michigan': a name whose home place has a person conjunct."""
    if token.dep_ != "appos":
        return False
    if place_conjuncts(token):
        return True
    people = token.ent_type_ == token.head.ent_type_ == "PERSON"  # "Sens. A, B and C"
    # "the two members, A and B": the names of a plural noun are its members
    members = token.head.tag_ in {"NNS", "NNPS"} and token.pos_ == "PROPN"
    conj = [c for c in token.children if c.dep_ == "conj"]
    people = people or _titled_people(token, conj)
    return (bool(conj) and (people or members or token.ent_type_ in NAME_ENTITIES
                            and token.head.ent_type_ in NAME_ENTITIES)
            and any(t.dep_ == "cc" for t in token.doc[token.i + 1:max(c.i for c in token.conjuncts)]))


def _titled_people(token, conj) -> bool:
    """'nominee Donald Trump and front-runner Hillary Clinton': the parser hangs the first
    name on its title and the second, titled too, on the first name; two titled people."""
    return token.ent_type_ == "PERSON" and token.head.pos_ == "NOUN" and any(
        c.ent_type_ == "PERSON" and any(g.pos_ == "NOUN" and g.dep_ in {"compound", "nmod"}
                                        for g in c.children) for c in conj)


HOME_PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def place_conjuncts(token) -> list:
    """'Rep. A of Maryland and B of Michigan': the parser hangs the second person on the
    first one's home place; the people so listed, in order. Read from the Doc's view:
    every proper noun of every actor phrase asks."""
    view, i = view_of(token.doc), token.i
    if view.pos[i] != "PROPN":
        return []
    kids, deps, types = view.children, view.dep, view.ent_type
    return [token.doc[c] for prep in kids[i] if deps[prep] == "prep" and view.lower[prep] == "of"
            for place in kids[prep]
            if deps[place] == "pobj" and types[place] in HOME_PLACE_ENTITIES
            for c in kids[place] if deps[c] == "conj" and types[c] == "PERSON"]


CONJUNCT_POS = frozenset({"NOUN", "PROPN", "PRON"})


def conjuncts(token) -> list:
    """'Russia and Ukraine' → [Russia, Ukraine]; a token without conjuncts → [token].
    Asked of every argument token: the children's labels come from the Doc's view, and a
    Token is made only for the children that may be conjuncts."""
    doc, view = token.doc, view_of(token.doc)
    out, stack = [], [token]
    while stack:
        t = stack.pop(0)
        listed = [doc[c] for c in _name_children(t) if view.pos[c] in CONJUNCT_POS and (
            view.dep[c] == "conj" or view.dep[c] == "appos" and listed_appos(doc[c]))]
        listed += place_conjuncts(t)
        if not (view.pos[t.i] == "NOUN" and any(c.dep_ == "appos" for c in listed)) \
                and not shared_title(t):
            out.append(t)  # "the members, A and B": the members are A and B
        stack += listed
    return out


def _name_children(token) -> list[int]:
    """Indices of the token's children; for the head of a person's name the parser split
    ('Barack' read as a preposition over 'Obama and Vladimir Putin'), those of the whole
    name."""
    view = view_of(token.doc)
    if view.ent_type[token.i] != "PERSON":  # the entity's label is the token's
        return list(view.children[token.i])
    span = entity_span(token)
    if span.root.i != token.i or len(span) < 2:
        return list(view.children[token.i])
    return [c for t in range(span.start, span.end) for c in view.children[t]
            if not span.start <= c < span.end]
