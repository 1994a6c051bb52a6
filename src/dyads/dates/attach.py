"""Which event a date phrase of a parsed sentence dates, read from the dependency tree.

A phrase dates the verb of its own clause, the clauses that verb governs (the content
reported by "said on Tuesday that ..."), and clauses coordinated under it. It does not
reach into a relative clause ("the woman who accused him", said on Friday: the accusing
is older), and a phrase hanging from a noun ("this year's debate", "the President's May
visit") dates that noun's event, not the clause around it.

Works on spaCy tokens; ``mentions`` are (doc start char, doc end char, DateMention).
"""
from __future__ import annotations

from ..docview import is_root

# Clause links a date phrase may cross downwards: "said on Tuesday that Moscow urges" dates
# the urging, but "the Philippines, which brought the case in 2013" dates only "brought".
SHARED_CLAUSE_DEPS = frozenset({"conj"})
# A clause hanging from a noun as a relative clause tells of a deed of its own time.
RELATIVE_DEPS = frozenset({"relcl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PAST_WORDS = frozenset({"last", "ago", "yesterday", "earlier", "overnight", "past"})
# First words of a date phrase that goes with a verb ("X on Thursday said").
VERB_DATE_OPENERS = frozenset({"on", "in", "late", "early", "earlier", "last", "this"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
RELATIVE_WORD_TAGS = frozenset({"WDT", "WP", "WP$"})  # which, who, whose; not 'when'
# Auxiliaries of a perfect: with them a past participle tells a past deed.
PAST_AUX = frozenset({"has", "have", "had", "'ve", "'s", "'d"})
# Auxiliaries of an announced or conditional deed: "will visit on Monday" is the visit's
# date, not the date of the announcement.
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})


def token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def clause_verb(token):
    """The verb of the clause a token belongs to (itself when it is a verb)."""
    cur = token
    for _ in range(12):
        if cur.pos_ in {"VERB", "AUX"} or is_root(cur):
            return cur
        cur = cur.head
    return cur


def path_up(low, high) -> list | None:
    """The tokens from ``low`` up to (not including) its ancestor ``high``; None if
    ``high`` is not an ancestor."""
    tokens, cur = [], low
    for _ in range(30):
        if cur.i == high.i:
            return tokens
        if is_root(cur):
            return None
        tokens.append(cur)
        cur = cur.head
    return None


def past_relative(verb) -> bool:
    """A relative clause telling a past deed of its own: 'the woman who accused him',
    'the report, which concluded ...', 'the man they had freed'. Not 'emails that may be
    related', nor a clause the parser hung on a noun with no relative word, nor one that
    goes on with the scene ('riot police, who fired tear gas')."""
    if verb.dep_ not in RELATIVE_DEPS:
        return False
    word = next((c for c in verb.children if c.tag_ in RELATIVE_WORD_TAGS
                 or (c.lower_ == "that" and c.dep_ in ARGUMENT_DEPS)), None)
    if word is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBN":
        return bool(auxes & PAST_AUX)
    scene = word.lower_ == "who" and word.i > 0 and word.nbor(-1).text == ","
    return verb.tag_ == "VBD" and not auxes and not scene


def attachment(date_verb, event_verb, past: bool = False) -> int | None:
    """0: same clause; 1: on a verb that governs the event (not through a past relative
    clause); 2: on a coordinated clause under the event's verb; 3: an explicitly ``past``
    phrase on the deed asked for ("called on him to resign ... last month": the asking
    was last month, the resigning is still to come); None: another clause."""
    if date_verb.i == event_verb.i:
        return 0
    up = path_up(event_verb, date_verb)
    if up is not None:
        return None if any(past_relative(t) for t in up) else 1
    down = path_up(date_verb, event_verb)
    if down is not None and ({t.dep_ for t in down} <= SHARED_CLAUSE_DEPS
                             or _participial_adjunct(down)):
        return 2
    if past and down is not None and [t.dep_ for t in down] == ["xcomp"]:
        return 3
    return None


def _participial_adjunct(path) -> bool:
    """'Macron, speaking in Brussels on Thursday, condemned ...': a subjectless participle
    hung on the event's verb tells the scene of the same act, so its time is the act's."""
    deps = [t.dep_ for t in path]
    if deps not in (["advcl"], ["acl", "nsubj"]):  # on the verb, or on its subject
        return False
    verb = path[0]
    return verb.tag_ in {"VBG", "VBN"} and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in verb.children)


def explicitly_past(date_text: str) -> bool:
    """'last month', 'two weeks ago', 'yesterday': a time that cannot be still to come."""
    return bool(PAST_WORDS & set(date_text.lower().split()))


def holding_noun(token, end_char: int, verb):
    """The noun a date phrase hangs from below ``verb`` ("protests against Sunday's
    election", "the shooting of a man in June"), or None when it is on the verb."""
    cur = token.head
    for _ in range(30):
        if cur.i == verb.i or cur.head is cur:
            return None
        if cur.pos_ in {"NOUN", "PROPN"} and not token.idx <= cur.idx < end_char:
            return None if _misattached(token, end_char, cur) else cur
        cur = cur.head
    return None


def _misattached(token, end_char: int, noun) -> bool:
    """Where the parser hangs a verb's date on a noun: 'The Post on Thursday became'
    (a dated phrase right between a subject and its verb), '..., Akiba Takeo, June 1 in
    Tokyo' (a bare date after a name)."""
    verb = noun.head
    if (noun.dep_ in SUBJECT_DEPS and noun.i < token.i and end_char <= verb.idx
            and token.lower_ in VERB_DATE_OPENERS):
        # the words between (Doc.text would rebuild the whole text)
        gap = [t for t in token.doc[token.i:verb.i] if t.idx >= end_char]
        return not any(t.text == "," for t in gap) and len(gap) <= 2
    return token.dep_ == "npadvmod" and noun.pos_ == "PROPN"


def holds(noun, trigger) -> bool:
    """The noun phrase tells the event ("Comey's Friday announcement that the FBI is
    reviewing ..."), not through a past relative clause."""
    up = path_up(trigger, noun)
    return up is not None and not any(past_relative(t) for t in up)


def _noun_rank(noun, trigger, event_verb, end_char: int) -> bool | None:
    """False: the noun's date is the event's own (the noun holds it); True: a weaker
    reading, the date follows the noun ("in a call on Sunday", where the parser may have
    hung the verb's date on the noun) or dates the subject ("the attack in March killed
    five"); None: a date before the noun ("Sunday's election", "this year's debate", "the
    May 2023 visit") is that noun's own."""
    if holds(noun, trigger):
        return False
    if noun.dep_ in SUBJECT_DEPS and noun.head.i == event_verb.i:
        return True
    return None if end_char <= noun.idx else True


def _noun_trigger_date(doc, trigger, mentions):
    """An event noun's own phrase ("the strike that killed him last week", "Sunday's
    election"), not one of another noun inside it."""
    inside = {t.i for t in trigger.subtree}
    own = []
    for start, end, m in mentions:
        tok = token_at(doc, start)
        if tok is not None and tok.i in inside and holding_noun(tok, end, trigger) is None:
            own.append((abs(tok.i - trigger.i), start, m))
    return min(own, key=lambda o: o[:2])[2] if own else None


def _past_for(mention, event_verb) -> bool:
    """A time that dates the asking, not the deed asked for: 'last month', or a weekday
    told in the past tense ('called on him on Friday to resign': 'on Friday' grounds to
    a day already gone, so the resigning, still to come, cannot be then)."""
    return explicitly_past(mention.text) or (
        mention.kind == "weekday" and event_verb.tag_ == "VBD")


def pick_date(doc, trigger, mentions, nested: bool = True, deed: bool = False):
    """The date mention of the trigger's own clause (or the clause that reports it); one
    that only dates a noun of the clause loses to one on the verbs, and is only taken
    (``nested``) when that noun holds the event. ``deed``: the trigger's clause is an
    announced deed, whose own phrases date the deed, so only a reporting verb's count."""
    if trigger.pos_ == "NOUN":
        found = _noun_trigger_date(doc, trigger, mentions)
        if found is not None:
            return found
    event_verb = clause_verb(trigger)
    scored = []
    for start, end, m in mentions:
        tok = token_at(doc, start)
        if tok is None:
            continue
        date_verb = clause_verb(tok)
        rank = attachment(date_verb, event_verb, _past_for(m, event_verb))
        if rank is None or (deed and rank != 1):
            continue
        noun = holding_noun(tok, end, date_verb)
        weak = False if noun is None else _noun_rank(noun, trigger, event_verb, end)
        if weak is False or (weak and nested):
            scored.append((weak, rank, abs(tok.i - trigger.i), start, m))
    return min(scored, key=lambda s: s[:4])[4] if scored else None


def announced_deed(trigger) -> bool:
    """'will visit', 'planned to rally', 'would impose': the trigger's clause is a deed
    still to come (or conditional), not the act of announcing it."""
    verb = clause_verb(trigger)
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxes & FUTURE_AUX) or (verb.dep_ == "xcomp" and "to" in auxes)


# Adverbs of a perfect that tell of a habit or a deed before the news ("has long accused").
EARLIER_ADVERBS = frozenset({"long", "repeatedly", "previously", "already", "often",
                             "frequently", "earlier", "before", "once", "ever"})


def _in_relative_clause(verb) -> bool:
    cur = verb
    for _ in range(30):
        if past_relative(cur):
            return True
        if is_root(cur):
            return False
        cur = cur.head
    return False


def told_as_past(trigger, news_clause: bool) -> str | None:
    """How the trigger's clause tells a deed from before the news with no date of its
    own: "relative", a relative clause in the past ("the woman who accused him"); "habit",
    a perfect of habit ("has long accused"); "perfect", in a narrated main clause
    (``news_clause``: outside the lead and quotations) any perfect ("Senate Democrats have
    blocked", "Lynch had urged"). None otherwise: a perfect reported by a speaker ("said
    Iran had opened an inquiry") is the report's."""
    verb = clause_verb(trigger)
    if _in_relative_clause(verb):
        return "relative"
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ != "VBN" or not auxes & PAST_AUX or auxes & FUTURE_AUX:
        return None
    if any(c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS for c in verb.children):
        return "habit"
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return "perfect" if news_clause and main else None
