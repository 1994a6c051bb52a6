"""Who did the deed a reaction names by a noun: "Beijing imposed new tariffs on Monday.
Tokyo condemned the move" — Tokyo's criticism is aimed at Beijing.

A definite noun with no owner of its own ("the move", "this decision", "the tariffs")
that a judging or reacting verb takes as its object refers back to a deed told just
before it. The deed is found, nearest first, in the sentence's words before the reaction
and up to ``LOOKBACK`` sentences before: a verb the noun names ("the ruling" ← "ruled",
"the decision" ← "decided"), a verb whose object is the same noun ("imposed tariffs" ←
"the tariffs"), or, for the generic "move", "step", "action", "measure", the main verb of
a clause with a doer and an object. Its subject, when it names an actor, is the target.
"""
from __future__ import annotations

from ..docview import sentence_bounds, view_of
from . import arguments as args

LOOKBACK = 2  # sentences before the reaction's own
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
# noun → the verb it names (lemmas)
NOMINALISED = {
    "decision": "decide", "ruling": "rule", "announcement": "announce", "proposal": "propose",
    "plan": "plan", "order": "order", "ban": "ban", "expulsion": "expel", "invasion": "invade",
    "deployment": "deploy", "withdrawal": "withdraw", "strike": "strike", "attack": "attack",
    "arrest": "arrest", "comment": "comment", "remark": "remark", "threat": "threaten",
    "restriction": "restrict", "suspension": "suspend", "closure": "close",
    "detention": "detain", "execution": "execute", "seizure": "seize", "raid": "raid",
    "annexation": "annex", "recognition": "recognize", "veto": "veto", "test": "test",
    "launch": "launch", "crackdown": "crack", "shutdown": "shut", "appointment": "appoint",
    "dismissal": "dismiss", "firing": "fire", "pardon": "pardon", "sanction": "sanction",
    "tariff": "impose", "sanctions": "impose"}
GENERIC = frozenset({"move", "step", "action", "measure", "decision", "act"})
SUBJECTS = frozenset({"nsubj"})
OBJECTS = frozenset({"dobj"})
# Verbs that speak of a deed without being party to it: "commented on the fighting",
# "said nothing about the clashes", "condemned the attack" (match.py: such an event noun
# is talked about, not done).
TALKING_VERBS = frozenset({
    "say", "tell", "comment", "talk", "speak", "discuss", "report", "mention", "describe",
    "ask", "answer", "deny", "confirm", "condemn", "criticize", "criticise", "denounce",
    "deplore", "decry", "welcome", "praise", "blame", "investigate", "question", "write",
    "tweet", "post", "claim", "blog", "challenge", "oppose", "protest", "dispute", "reject",
    "slam", "blast"})
# ... and those that judge or view one: "Peskov called the move void" is no deed a later
# "the decision" could mean
TALKING = TALKING_VERBS | {
    "add", "note", "call", "consider", "hail", "applaud", "regret", "support", "back", "see",
    "view", "think", "believe", "find", "deem", "term", "label", "brand", "defend",
    "justify", "explain"}


def deed_noun(noun) -> bool:
    """A definite deed noun with no owner of its own: 'the move', not 'China's move'."""
    view, i = view_of(noun.doc), noun.i
    lemma = view.lemma_lower[i]
    if view.pos[i] != "NOUN" or not (lemma in NOMINALISED or lemma in GENERIC):
        return False
    kids = view.children[i]
    if not any(view.dep[c] == "det" and view.lower[c] in DEFINITE for c in kids):
        return False
    # "the move by China", "the decision to expel": the phrase names its own doer or deed
    return not any(view.dep[c] in {"poss", "prep", "acl", "relcl"} for c in kids)


def deed_doers(noun, trigger, actors, source=None) -> list:
    """The actors who did the deed ``noun`` refers back to, or [] (also when the reacting
    ``source`` or its own state was among them)."""
    if not deed_noun(noun):
        return []
    doc = noun.doc
    doer = _deed_doer(doc, noun.i, _reaction_start(view_of(doc), trigger.i))
    if doer is None:
        return []
    found = [a for a in actors.at(doc[doer]) if a.country or a.sector in {"IGO", "NGO"}]
    # "Armenia, Azerbaijan and Russia signed a deal ... [Armenia's leader] called the
    # decision the hardest of his life": a deed his side took part in is his own
    return [] if source is not None and any(_same_side(source, a) for a in found) else found


def _same_side(source, doer) -> bool:
    """The reacting actor itself, or the state its government speaks for."""
    if source.kb_id and source.kb_id == doer.kb_id or source.name and source.name == doer.name:
        return True
    return source.sector == "GOV" and doer.country == source.country and doer.sector in {None, "GOV"}


def _reaction_start(view, trigger: int) -> int:
    """The first word of the reacting clause: its subject's left edge, else the verb."""
    start = trigger
    stack = [c for c in view.children[trigger] if view.dep[c] in SUBJECTS]
    while stack:
        t = stack.pop()
        start = min(start, t)
        stack += view.children[t]
    return start


def _deed_doer(doc, noun: int, before: int) -> int | None:
    """The doer's token of the nearest deed before ``before`` (this sentence and LOOKBACK
    before it) that the noun names: a verb's subject, or the doer of the same noun
    written with one ("the ruling made by the judge", "Russia's decision")."""
    view, first = view_of(doc), _lookback_start(doc, before)
    lemma = view.lemma_lower[noun]
    for t in range(before - 1, first - 1, -1):
        if view.pos[t] == "NOUN" and (view.lemma_lower[t] == lemma or (
                lemma in GENERIC and view.lemma_lower[t] in GENERIC)):  # "X's decision ... the move"
            doer = _noun_doer(doc[t])
            if doer is not None:
                return doer
        if view.pos[t] != "VERB" or view.lemma_lower[t] in TALKING:
            continue
        kids = view.children[t]
        subject = next((c for c in kids if view.dep[c] in SUBJECTS), None)
        if subject is None:
            continue
        objects = [c for c in kids if view.dep[c] in OBJECTS]
        if NOMINALISED.get(lemma) == view.lemma_lower[t] or any(
                view.lemma_lower[o] == lemma for o in objects):
            return subject
        if lemma in GENERIC and objects and view.dep[t] in {"ROOT", "conj"}:
            return subject
    return None


def _noun_doer(noun) -> int | None:
    """'Russia's decision', 'the ruling by the court', 'the ruling made by the judge'."""
    doer = args.noun_source(noun)
    if doer is None:
        made = args.child(noun, "acl")
        agent = args.child(made, "agent") if made is not None else None
        doer = args.child(agent, "pobj") if agent is not None else None
    return doer.i if doer is not None else None


def _lookback_start(doc, i: int) -> int:
    """The first token of the sentence LOOKBACK sentences before the one holding ``i``."""
    start = sentence_bounds(doc, i)[0]
    for _ in range(LOOKBACK):
        if start == 0:
            break
        start = sentence_bounds(doc, start - 1)[0]
    return start
