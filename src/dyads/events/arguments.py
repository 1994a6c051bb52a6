"""Who did it and to whom: the argument tokens of an event trigger in the parse.

Plain functions over spaCy tokens. They return tokens (phrase heads); the actors stage
turns them into actors. Handles passives, control verbs ("urged Russia to end" → the
subject of "end" is Russia), coordination and reported speech.
"""
from __future__ import annotations

from ..docview import is_root, sentence_bounds, view_of

OBJECT_CONTROL = {"urge", "ask", "call", "press", "force", "persuade", "tell", "order", "invite",
                  "encourage", "allow", "help", "push", "pressure", "compel", "want", "request",
                  "advise", "warn", "implore", "beg", "appeal",
                  # causing someone to act: "the ruling prompted Trump to castigate ..."
                  "prompt", "lead", "cause", "drive", "spur", "provoke", "move"}
TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "from",
                "for", "upon", "over")
PLACE_PREPS = {"in", "on", "into", "across", "near", "outside", "inside", "at"}
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def child(token, *deps):
    """The first child with one of ``deps``, found in the Doc's view: ``token.children``
    would make a Token object for every child it passes."""
    view = view_of(token.doc)
    for c in view.children[token.i]:
        if view.dep[c] in deps:
            return token.doc[c]
    return None


PREP_DEPS = frozenset({"prep", "agent", "dative"})


def prep_object(token, prep: str):
    """The object of a preposition ``prep`` attached to token ("with" → Blinken)."""
    view = view_of(token.doc)
    for c in view.children[token.i]:
        if view.dep[c] in PREP_DEPS and view.lower[c] == prep:
            obj = child(token.doc[c], "pobj", "pcomp")
            if obj is not None:
                return obj
    return None


def prep_objects(token) -> dict:
    """``prep_object(token, p)`` for every preposition p at once, from one walk of the
    children (callers that try a dozen prepositions otherwise walk them a dozen times)."""
    found, view = {}, view_of(token.doc)
    for c in view.children[token.i]:
        if view.dep[c] in PREP_DEPS and view.lower[c] not in found:
            obj = child(token.doc[c], "pobj", "pcomp")
            if obj is not None:
                found[view.lower[c]] = obj
    return found


def is_passive(verb) -> bool:
    view = view_of(verb.doc)  # the children's labels without a Token object per child
    return any(view.dep[c] in PASSIVE_SUBJECT_DEPS or view.dep[c] == "auxpass"
               for c in view.children[verb.i])


# What people send, give or post whose words are theirs: "an email praising", "a speech
# blaming", "tweets attacking", "in a statement condemning".
MESSAGE_NOUNS = {"statement", "declaration", "letter", "resolution", "communique", "petition",
                 "note", "message", "ultimatum", "reminder", "appeal", "manifesto", "motion",
                 "email", "e-mail", "speech", "tweet", "post", "video", "ad", "advert",
                 "advertisement", "column", "op-ed", "editorial", "interview", "address",
                 "remark", "comment", "memo", "report"}


def subject_of(verb, depth: int = 0):
    """The doer of a verb: its subject, the agent of a passive, or the controller."""
    if depth > 4:
        return None
    if is_passive(verb):
        agent = prep_object(verb, "by")
        if agent is None:
            agent = instrument_source(verb)
        if agent is not None:
            return agent
    subj = child(verb, *SUBJECT_DEPS)
    head = verb.head
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and head is not verb:
            return _named_antecedent(head)  # "Trump, who had threatened ..." → Trump
        return subj
    if head is verb:
        return None
    if verb.dep_ == "xcomp":
        controlled = head.lemma_.lower() in OBJECT_CONTROL
        controller = child(head, "dobj") if controlled else None
        if controller is None and controlled:  # "Russia was urged by the US to end ..."
            controller = _passive_controller(head)
        return controller if controller is not None else subject_of(head, depth + 1)
    if verb.dep_ in {"conj", "acomp", "attr", "oprd"}:  # "Syria is willing to withdraw"
        return subject_of(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in MESSAGE_NOUNS \
            and head.dep_ in {"dobj", "pobj"}:  # "sent an email praising X": the sender
        sender = head.head.head if head.dep_ == "pobj" else head.head
        if sender.pos_ in {"VERB", "AUX"}:
            return subject_of(sender, depth + 1)
    if verb.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN"}:
        return _named_antecedent(head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        absolute = child(head, "pobj") if head.lower_ == "with" else None
        if absolute is not None and absolute.i < verb.i:
            return absolute  # "..., with O'Malley calling Trump a fascist": O'Malley calls
        return subject_of(head.head, depth + 1)  # "joined them in demanding ..."
    if verb.dep_ in {"advcl", "pcomp"} and (verb.tag_ == "VBG" or _purpose(verb)):
        return subject_of(head, depth + 1)  # "began a strike to protest ..."
    return None


def _named_antecedent(noun):
    """'Democracy for America, a group that endorsed X': a relative clause on an apposition
    is about the one the apposition describes."""
    named = noun.head
    if noun.dep_ != "appos" or named.i > noun.i or not (named.ent_type_ in NAME_ENTITIES or (
            named.is_title and named.ent_type_ not in {"DATE", "TIME"})):
        return noun  # "On Monday, Graham—who ...": a date is no one
    return named


NAME_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}


def _passive_controller(head):
    """'Russia was urged by the US to end', 'X was forced to withdraw': the passive
    subject, not the agent, does what the infinitive says."""
    subj = passive_target(head)
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and head.dep_ == "relcl":
        return head.head  # "Obama, who is expected to attend ..."
    return subj


def _purpose(verb) -> bool:
    """An infinitive of purpose: 'to protest' in 'began a hunger strike to protest X'."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_subject(token):
    """The subject of the clause a noun belongs to: 'blocked roads demanding ...' → the
    subject of 'blocked' when the participle hangs on the object noun."""
    verb = governing_verb(token)
    return subject_of(verb) if verb is not None else None


def passive_target(verb):
    """The passive's subject; a passive conjunct without one shares its head's ('X was
    granted immunity and has been interviewed by the FBI' → X)."""
    if not is_passive(verb):
        return None
    own = child(verb, *PASSIVE_SUBJECT_DEPS)
    if own is None and verb.dep_ == "conj" and child(verb, *SUBJECT_DEPS) is None:
        return child(verb.head, *PASSIVE_SUBJECT_DEPS, "nsubj")
    return own


def direct_object(verb):
    obj = child(verb, "dobj", "dative")
    if obj is None and verb.dep_ == "conj":  # "end the aggression and pull back its forces"
        obj = None
    if obj is None:
        obj = predicated_object(verb)
    return obj


QUOTE_TOKENS = {'"', "\u201c", "\u201d", "''", "``", "\u2018", "\u2019", "'"}
QUOTED_REACH = 12  # tokens from the verb to the opening quote: 'calling him, among others, "..."'
QUOTED_WORDS = 10


def quoted_predicate(verb) -> list:
    """'called Trump's comments "racially toxic"', 'calling him, among other things, "a
    failed candidate"': the quoted words after the named thing, which the parser rarely
    hangs as the verb's object predicate; [] where no quote follows a name or noun."""
    doc, end = verb.doc, sentence_bounds(verb.doc, verb.i)[1]
    opening = next((i for i in range(verb.i + 1, min(end, verb.i + QUOTED_REACH))
                    if doc[i].text in QUOTE_TOKENS), None)
    if opening is None or not any(doc[i].pos_ in {"NOUN", "PROPN", "PRON"}
                                  for i in range(verb.i + 1, opening)):
        return []
    closing = next((i for i in range(opening + 1, min(end, opening + QUOTED_WORDS + 2))
                    if doc[i].text in QUOTE_TOKENS), None)
    return [doc[i] for i in range(opening + 1, closing)] if closing is not None else []


def predicated_object(verb):
    """'called SEC Chair Mary Jo White the biggest barrier': the parser may hang both the
    object and its predicate as oprd; the first is the object."""
    preds = [c for c in verb.children if c.dep_ == "oprd"]
    return preds[0] if len(preds) == 2 else None


def object_candidates(verb, preferred_prep: str | None):
    """Tokens that may name the target, best first."""
    out = []
    passive = passive_target(verb)
    if passive is not None:
        out.append(passive)
    if preferred_prep:
        obj = prep_object(verb, preferred_prep)
        dobj = child(verb, "dobj")
        if obj is None and dobj is not None:
            obj = prep_object(dobj, preferred_prep)
        if obj is not None:
            out.append(obj)
    dobj = direct_object(verb)
    if dobj is not None:
        out.append(dobj)
        dobj_preps = prep_objects(dobj)
        out.append(dobj_preps.get("of"))  # "the withdrawal of Serbian forces"
        out += [dobj_preps.get(p) for p in TARGET_PREPS]
    verb_preps = prep_objects(verb)
    out += [verb_preps.get(p) for p in TARGET_PREPS]
    return [t for t in out if t is not None]


def place_objects(verb):
    """'reduce military activity in the Ukrainian capital' → capital (a place-as-target)."""
    out = []
    for tok in (verb, child(verb, "dobj")):
        if tok is None:
            continue
        preps = prep_objects(tok)
        out += [preps.get(p) for p in PLACE_PREPS]
    return [t for t in out if t is not None]


def noun_source(noun):
    """'Russia's invasion', 'strikes by Israel', 'US sanctions', 'Israeli tank shelling'
    → the doer token."""
    poss = child(noun, "poss")
    if poss is not None:
        return poss
    agent = prep_object(noun, "by")
    if agent is not None:
        return agent
    for c in noun.children:
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and _names_actor(c):
            return c
    for c in noun.children:  # "Israeli tank shelling": the doer modifies the compound
        if c.dep_ == "compound" and c.i < noun.i:
            inner = next((g for g in c.children if g.dep_ in {"amod", "compound", "nmod"}
                          and g.i < c.i and _names_actor(g)), None)
            if inner is not None:
                return inner
    return None


def _names_actor(token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in {"NORP", "GPE", "ORG"}


PLACE_ENTS = {"GPE", "LOC", "FAC"}


def instrument_source(verb):
    """'were killed in an air strike by government forces' / 'in Israeli shelling': a
    passive with no agent takes the doer of the attack it happened in."""
    for prep in ("in", "during"):
        obj = prep_object(verb, prep)
        if obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in PLACE_ENTS:
            doer = noun_source(obj)
            if doer is not None and doer.ent_type_ not in {"LOC", "FAC"}:
                return doer
    return None


def noun_target(noun, target_prep: str | None = None, of_target: bool = False):
    """Whom an event noun is aimed at: its entry's own preposition first ('a probe INTO
    X'), on the noun or, when the noun is a verb's object, on that verb, where the parser
    often hangs it ('reopened its probe | into X', 'held talks | with X'). With
    ``of_target`` (deeds done to someone) the 'of' phrase names the one it is done to."""
    if target_prep:
        obj = prep_object(noun, target_prep)
        if obj is None and noun.dep_ == "dobj":
            obj = prep_object(noun.head, target_prep)
        if obj is not None:
            return obj
    preps = prep_objects(noun)
    for prep in ("between", "with", "against", "on", "to", "toward", "towards", "over"):
        obj = preps.get(prep)
        if obj is not None:
            if prep == "between":
                conj = child(obj, "conj")
                return conj if conj is not None else obj
            return obj
    if of_target and "of" in preps:  # "an investigation of X", "the killing of X"
        return preps["of"]
    return infinitive_object(noun) or aimed_at(noun)


AIMING_VERBS = {"aim", "target", "direct"}


def aimed_at(noun):
    """'tweets TARGETED AT Clinton', 'a campaign aimed at the mayor': whom the participle
    on the noun says it is aimed at."""
    verb = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS),
                None)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"), None) \
        if verb is not None else None
    return child(prep, "pobj") if prep is not None else None


def infinitive_object(noun):
    """'threats TO SUE the Times', 'a plan to strike Iran': the object of the noun's own
    infinitive is whom it is aimed at."""
    verb = next((c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    return child(verb, "dobj") if verb is not None else None


def between_source(noun):
    obj = prep_object(noun, "between")
    return obj


def governing_verb(token, max_steps: int = 6):
    """The clause verb a noun belongs to ('made progress ... at talks' → made)."""
    cur = token
    for _ in range(max_steps):
        if is_root(cur):
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def clause_main_verbs(verb):
    """A ccomp's main verb and the verbs chained to it by conj/xcomp."""
    out, stack = [], [verb]
    while stack:
        v = stack.pop()
        out.append(v)
        stack += [c for c in v.children if c.dep_ in {"conj", "xcomp"} and c.pos_ in {"VERB", "AUX"}]
        stack += [g for c in v.children if c.dep_ == "acomp"  # "is willing TO WITHDRAW"
                  for g in c.children if g.dep_ == "xcomp" and g.pos_ in {"VERB", "AUX"}]
    return out


WH_ADVERBS = {"where", "when", "while", "why", "how"}


def complement_clause(verb):
    """The reported clause of a speech verb ("said that Moscow urges ..."); a clause
    opened by 'where'/'when' is a misattached relative, not what was said."""
    clause = child(verb, "ccomp") or next(
        (c for c in verb.children if c.dep_ == "parataxis" and c.pos_ in {"VERB", "AUX"}), None)
    if clause is not None and any(c.lower_ in WH_ADVERBS and c.dep_ in {"advmod", "mark"}
                                  for c in clause.children):
        return None
    if clause is not None and _semicolon_clause(view_of(verb.doc), clause.i):
        return None  # "He calls for X; she calls for Y": not what she says
    return clause


NOUN_POS = {"NOUN", "PROPN", "PRON"}


CLAUSE_DEPS = {"acl", "relcl", "advcl", "ccomp"}


def subtree_nouns(trigger, limit: int = 12, places: bool = False):
    """Noun heads under the trigger, nearest first: the last resort for a target
    ("threatened to launch an offensive in its war with Iraq" → Iraq). Under an event
    noun, clauses of their own are left out ("a trip aimed at a ceasefire in Gaza"); the
    place where the doer was is no target unless ``places`` ("protesters in Tehran").
    Walked in the Doc's view (asked for every trigger); a Token only for those returned."""
    doc, i = trigger.doc, trigger.i
    view = view_of(doc)
    verbal = view.pos[i] != "NOUN"
    tokens = _own_clause(view, i) if verbal else _outside_clauses(view, i)
    if verbal and not places:  # "Macron, speaking in Brussels, condemned":
        doer = {t for c in view.children[i] if view.dep[c] in SUBJECT_DEPS
                for t in _subtree(view, c)}
        tokens = [t for t in tokens if not (t in doer and _where(view, t))]  # where he was
    found = [t for t in tokens if t != i and view.pos[t] in NOUN_POS
             and view.dep[t] not in {"compound", "amod", "poss"} and not _capacity(view, t, i)]
    found.sort(key=lambda t: abs(t - i))  # stable: equals keep the walk's order
    return [doc[t] for t in found[:limit]]


def _where(view, i: int) -> bool:
    return view.dep[i] == "pobj" and view.lower[view.head[i]] in {"in", "at"}


def _capacity(view, i: int, trigger: int) -> bool:
    """'met donors as secretary of state', 'his record as governor': the office someone
    acts in is no one acted on. Not 'countries such as Iran', nor what another verb
    describes as something ('raised concerns about what X describes as China's support')."""
    prep = view.head[i]
    if view.dep[i] != "pobj" or view.lower[prep] != "as":
        return False
    if any(view.lower[c] == "such" for c in view.children[prep]):
        return False
    return view.head[prep] == trigger or view.pos[view.head[prep]] in NOUN_POS


def _subtree(view, i: int) -> list[int]:
    out, stack = [], [i]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += view.children[t]
    return out


def _own_clause(view, verb: int) -> list[int]:
    """The verb's subtree without the clauses that have a doer of their own ('agreed to a
    ceasefire, but media reports said ...'): their nouns are not this event's target."""
    out, stack = [], [verb]
    deps, pos, children = view.dep, view.pos, view.children
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in children[t] if not _attribution(view, c) and not (
            pos[c] in {"VERB", "AUX"} and (deps[c] in OWN_CLAUSE_DEPS or _semicolon_clause(view, c))
            and any(deps[g] in CLAUSE_SUBJECT_DEPS for g in children[c]))]
    return out


def _semicolon_clause(view, clause: int) -> bool:
    """'He calls for X; she calls for Y': a clause the parser hangs as a complement on
    the verb after the semicolon is a sentence of its own, not what that verb says."""
    head = view.head[clause]
    return view.dep[clause] == "ccomp" and clause < head and \
        ";" in view.words[clause:head]


OWN_CLAUSE_DEPS = {"conj", "parataxis"}
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS


def _attribution(view, i: int) -> bool:
    """'according to Pentagon sources': who reports the event, never its target."""
    return view.lower[i] == "according"


def _outside_clauses(view, noun: int) -> list[int]:
    """The noun's subtree without the clauses that hang on it or below it."""
    out, stack = [], [noun]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in view.children[t]
                  if view.dep[c] not in CLAUSE_DEPS and not _attribution(view, c)]
    return out
