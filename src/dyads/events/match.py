"""Find every event in a parsed article: triggers from the lexicon, arguments from the parse.

``match_events(doc, lexicon, actors)`` returns ``EventCandidate``s in text order; dates,
places and quotes are attached later by the pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..actors.resolve import ArticleActors
from ..docview import is_root
from ..parse import SentenceTokens
from ..records import Actor
from . import arguments as args
from .claims import claim_clause_subject, claimed_deeds_in_nouns, claims_as_accusations, is_claim
from .codes import future_code, shifted_code
from .combine import find_triggers
from .deed_referents import TALKING_VERBS, deed_doers
from .judgements import (
    APOLOGY_CODE,
    claims_as_judgements,
    denies_own_deed,
    is_judgement,
    noun_clause,
    statements_as_judgements,
    verbal_attacks,
)
from .lexicon import LexEntry, Lexicon
from .modality import is_habitual, is_pending, modality_of
from .messages import is_message_attack, message_arguments, message_attacks
from .pairs import dyads_of, own_forces, repression, same_actor
from .reactions import is_reaction, reaction_arguments, reactions_as_criticism
from .senses import asked_about
from .prevention import prevented_deeds
from .vows import vows_as_threats
from .roots import (
    CONTAINER_ROOTS,
    CONTENT_ROOTS,
    DONE_TO_ROOTS,
    FIGHT_ROOT,
    MATERIAL_ROOTS,
    NEED_TARGET_ROOTS,
    STANDALONE_STATEMENTS,
    STATEMENT_ROOT,
)
from .shifts import (
    conditional_threat,
    refined_code,
    statements_as_demands,
    will_not,
    wishes_as_appeals,
)
from .triggers import (
    MEDIATION_CODES,
    governed_by_trigger,
    is_medium,
    statement_has_content_event,
    verb_source,
)


@dataclass(frozen=True)
class EventCandidate:
    trigger: int                 # token index of the trigger
    entry: LexEntry
    code: str
    source: Actor | None
    target: Actor | None
    modality: str
    sentence_index: int
    arg_tokens: tuple[int, ...]  # token indices of the argument heads (not places)
    reporter: Actor | None = None  # who reported it: "Fomin said Russia will reduce ..."
    source_token: int | None = None  # the doer's head as written ("they", "we"), resolved or not

    @property
    def root(self) -> str:
        return self.code[:2]


def match_events(doc, lexicon: Lexicon, actors: ArticleActors, discards=None) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    for s_index, span in enumerate(doc.sents):
        sent = SentenceTokens(span)  # the passes below walk the sentence six times
        triggers = find_triggers(sent, lexicon, discards)
        triggers = wishes_as_appeals(sent, statements_as_demands(sent, triggers))
        triggers = reactions_as_criticism(sent, claimed_deeds_in_nouns(
            sent, claims_as_accusations(sent, triggers)))
        triggers = vows_as_threats(sent, message_attacks(sent, verbal_attacks(sent, claims_as_judgements(
            sent, statements_as_judgements(sent, triggers)), actors.is_person)))
        triggers = prevented_deeds(sent, triggers)
        for i, entry in sorted(triggers.items()):
            token = doc[i]
            if governed_by_trigger(token, triggers) or _aim_of_same_deed(token, triggers) \
                    or _unasserted(token, triggers) or asked_about(token):
                continue
            if entry.code.startswith(STATEMENT_ROOT) and (
                    statement_has_content_event(token, triggers) or _says_by_participle(token, triggers)):
                continue
            code = refined_code(token, entry, triggers)
            out += candidates_for(token, entry, s_index, actors, code)
    return out


def _aim_of_same_deed(token, triggers) -> bool:
    """'began a hunger strike TO PROTEST against X', 'held a rally to protest': the
    infinitive names the aim of a deed of its own family, not a second event."""
    head = token.head
    deed = triggers.get(head.i)
    return (token.dep_ in {"advcl", "xcomp", "acl", "ccomp"} and deed is not None and head.i != token.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and deed.code[:2] == triggers[token.i].code[:2])


def _says_by_participle(noun, triggers) -> bool:
    """'a declaration DEMANDING reforms': the participle is the event, not the document."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "acl" and c.i in triggers for c in noun.children)


def _addressee(noun, entry: LexEntry):
    """Who a message noun is addressed to: 'issued a reminder TO IRAQ', 'sent a letter to
    X'; for a demand made in a that-clause, its subject ('a reminder that IT must ...')."""
    if entry.code[:2] not in CONTENT_ROOTS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    to = args.prep_object(verb, "to")
    if to is None:
        dative = args.child(verb, "dative")
        to = args.child(dative, "pobj") if dative is not None else None
    return to


def _argument_tokens(token, entry: LexEntry):
    """(source token, [target tokens, best first]) for a verb or noun trigger."""
    if entry.pos == "noun":
        if token.dep_ == "compound":  # "a mediation mission between Syria and Arafat"
            token = token.head
        if entry.code[:3] in MEDIATION_CODES:  # the mediator is the doer; both sides targets
            verb = args.governing_verb(token)
            between = args.between_source(token)
            return (args.subject_of(verb) if verb is not None else None,
                    [between] if between is not None else [], [])
        source = (args.noun_source(token) or _prep_source(token, entry)
                  or args.between_source(token))
        target = (_claimed_about(token, entry) or _medium_partner(token)
                  or _recipient(token, entry)
                  or args.noun_target(token, entry.target_prep, entry.code[:2] in DONE_TO_ROOTS)
                  or _addressee(token, entry))
        if source is None:  # "made progress at talks", "during the conversation with X"
            verb = args.governing_verb(token)
            source = args.subject_of(verb) if verb is not None and not _talked_about(
                token, verb) else None
        places = []
        if entry.code[:2] in MATERIAL_ROOTS:  # "staged a protest in Beijing"
            verb = args.governing_verb(token)
            places = args.place_objects(verb) if verb is not None else []
        return source, ([target] if target is not None else []) + places, args.subtree_nouns(token)
    if is_message_attack(entry):  # "released an ad attacking X": the sender → X
        sender, target = message_arguments(token)
        return sender, [target] if target is not None else [], []
    if is_reaction(entry):  # "Democrats were outraged by Comey's move": feeler → cause
        feeler, cause = reaction_arguments(token)
        return feeler, [cause] if cause is not None else [], []
    if entry.source_prep:  # "received arms from X": X gave, the receiver is the target
        subject = args.subject_of(token)
        return (verb_source(token, entry), [subject] if subject is not None else [],
                args.subtree_nouns(token))
    source = args.subject_of(token)
    if source is not None and token.dep_ == "acl":  # "the US and 20 countries EXPELLED ..."
        source = _first_conjunct(source)
    if entry.doer_in_subject:  # "a Hamas bombing killed ...": the bombing's doer, if named
        source = args.noun_source(source) if source is not None else None
    targets = []
    clause = args.complement_clause(token)
    judged = is_judgement(entry) or is_claim(entry)
    if clause is not None and (entry.code[:2] in CONTENT_ROOTS or judged) \
            and not denies_own_deed(entry):
        subj = args.subject_of(clause)  # "demanded that the US cancel ..." → the US
        if judged:  # "said Y is not trusted by voters": Y is judged
            subj = args.child(clause, "nsubj", "nsubjpass") or subj
        targets += ([subj] if subj is not None else []) + args.object_candidates(clause, None)
    targets += args.object_candidates(token, entry.target_prep)
    content = args.child(token, "xcomp")
    if content is not None and entry.code[:2] in CONTAINER_ROOTS:
        targets += args.object_candidates(content, None)  # "threatened to shell Iraqi towns"
    if entry.code[:2] in MATERIAL_ROOTS:
        targets += args.place_objects(token)
    return source, targets, [] if denies_own_deed(entry) else args.subtree_nouns(
        token, places=entry.code[:2] in MATERIAL_ROOTS)


# Verbs whose subject receives what their object noun does: "X FACED criticism from Y".
RECEIVING_VERBS = {"face", "draw", "receive", "attract", "earn", "meet", "encounter", "suffer"}
# Verbs whose subject provokes what their object noun does: "the move SPARKED outrage from Y".
PROVOKING_VERBS = {"spark", "trigger", "provoke", "prompt", "set", "ignite", "unleash", "stir",
                   "fuel", "cause", "touch", "generate", "invite"}


def _talked_about(noun, verb) -> bool:
    """The event noun is what the verb's subject talks about, not something it does."""
    if verb.lemma_.lower() not in TALKING_VERBS or noun.lemma_.lower() in WRITTEN_NOUNS:
        return False  # "wrote a scathing letter": the letter is the writer's own act
    return noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPS)


TOPIC_PREPS = {"about", "on", "of", "regarding", "concerning", "over"}  # not "in a call"
WRITTEN_NOUNS = {"letter", "tweet", "statement", "message", "column", "editorial", "speech"}


def _claimed_about(noun, entry: LexEntry):
    """'his assertion that the media is rigging the polls': whom the claim is about."""
    if is_claim(entry):
        return claim_clause_subject(noun)
    clause = noun_clause(noun) if is_judgement(entry) else None
    return args.child(clause, "nsubj", "nsubjpass") if clause is not None else None


def _recipient(noun, entry: LexEntry):
    """'Lauer faced heavy criticism from the media': the criticised is the verb's subject
    when the critic comes in the noun's own source preposition; 'Comey's decision set off
    a firestorm of criticism': the owner of what provoked it."""
    if not entry.source_prep or noun.dep_ != "dobj":
        return None
    verb = noun.head.lemma_.lower()
    if verb in RECEIVING_VERBS:
        return args.subject_of(noun.head)
    subject = args.subject_of(noun.head) if verb in PROVOKING_VERBS else None
    if subject is None or subject.pos_ != "NOUN":
        return subject
    return args.child(subject, "poss")


def _prep_source(noun, entry: LexEntry):
    """'criticism FROM Democrats', 'a backlash from voters', 'a firestorm of criticism from
    Democrats': the entry's source preposition, on the noun or on what it is made of."""
    if not entry.source_prep:
        return None
    found = args.prep_object(noun, entry.source_prep)
    made_of = args.prep_object(noun, "of") if found is None else None
    return found if made_of is None else args.prep_object(made_of, entry.source_prep)


def _medium_partner(noun):
    """'told PUTIN in a phone call': the other party of a call is the verb's object."""
    if not is_medium(noun):
        return None
    verb = noun.head.head
    dative = args.child(verb, "dative")
    return args.child(verb, "dobj") or (args.child(dative, "pobj") if dative is not None else None)


def _first_conjunct(token):
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _pick_targets(target_toks, fallback_toks, source_tok, sources, actors: ArticleActors,
                  places: bool = False):
    """The first target token naming an actor with a country, else one with a code; the
    fallback tokens (anywhere under the trigger) count only for named countries/bodies."""
    found, tok = _first_target(target_toks, source_tok, sources, actors, places, owners=True)
    if found and (found[0].country or found[0].sector in {"IGO", "NGO"}):
        return found, tok
    more, more_tok = _first_target(fallback_toks, source_tok, sources, actors)
    if more and (more[0].country or more[0].sector in {"IGO", "NGO"}):
        return more, more_tok
    return found, tok


def _reporting_group(token):
    """'A, B and C said they found the letter troubling': 'they' in what a group reports
    is the group itself (coordinated people are no single antecedent to point back to)."""
    if token is None or token.lower_ != "they" or token.dep_ != "nsubj":
        return None
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head is verb:
        return None
    group = args.child(verb.head, "nsubj")
    if group is None or not any(t.dep_ in {"conj", "appos"} for t in group.subtree):
        return None
    return group


def _two_people(tok, source_tok, actors: ArticleActors) -> bool:
    """Both sides are written as people's names or he/she ('Kelly came under fire from
    Trump', 'he will campaign for Canova')."""
    if tok is None or source_tok is None or tok.i == source_tok.i:
        return False
    return all(t.lower_ in PERSON_PRONOUNS or (
        t.pos_ == "PROPN" and (t.ent_type_ == "PERSON" or t.i in actors.person_tokens))
        for t in (tok, source_tok))


PERSON_PRONOUNS = {"he", "she", "him", "her"}


def _named_apart(a: Actor, b: Actor) -> bool:
    """Two people the article names differently are two actors, though both are only
    references back (and so share a country and no KB id)."""
    return bool(a.name and b.name) and a.name.lower() != b.name.lower()


def _first_target(target_toks, source_tok, sources, actors: ArticleActors, places=False,
                  owners=False):
    fallback = ([], None)
    skip = {source_tok.i} if source_tok is not None else set()
    source_keys = {a.country for a in sources if a.country and a.resolved_by != "coref"}
    for tok in target_toks:
        if tok.i in skip:
            continue
        named = actors.at(tok, places=places) or (_owner_of(tok, actors) if owners else [])
        people = _two_people(tok, source_tok, actors)
        found = [a for a in named if (a.country or a.code)
                 and not any(same_actor(a, s) and not (people and _named_apart(a, s))
                             for s in sources)]  # "X said he was ..."
        with_country = [a for a in found if (a.country and not (
            a.country in source_keys and (a.sector is None or own_forces(a))
            and a.resolved_by != "person")) or a.sector in {"IGO", "NGO"}]
        if with_country:
            return with_country, tok
        if found and fallback[1] is None:
            fallback = (found, tok)
    return fallback


def _owner_of(tok, actors: ArticleActors) -> list[Actor]:
    """'a probe into Weiner's contacts', 'backs Obama's health law': a thing no actor
    names stands for its owner (where the target is sought, not among the other words
    under the trigger, where an owner is mostly someone else's)."""
    owner = args.child(tok, "poss") if tok.pos_ == "NOUN" else None
    if owner is None or owner.pos_ != "PROPN":
        return []  # "voiced his disagreement with X": a pronoun owner is mostly the doer
    return actors.at(owner)


def candidates_for(token, entry: LexEntry, s_index: int, actors: ArticleActors,
                   code: str | None = None) -> list[EventCandidate]:
    if _charged_deed(token) or _none_of(token, entry) or (entry.pos == "noun" and _to_end(token)):
        return []
    source_tok, target_toks, fallback_toks = _argument_tokens(token, entry)
    if _no_one(source_tok):
        return []  # "no reasonable prosecutor would bring charges": no doer, no deed
    # "talks between A and B": A is the source, its conjunct B the target
    paired = bool(target_toks) and target_toks[0].dep_ == "conj" and source_tok is not None \
        and target_toks[0].head.i == source_tok.i
    source_tok = _reporting_group(source_tok) or source_tok
    sources = actors.at(source_tok, coordinated=not paired) if source_tok is not None else []
    if not sources and source_tok is not None:
        source_tok = _second_source(token, source_tok) or source_tok
        sources = actors.at(source_tok) if source_tok is not None else []
    targets, target_tok = _pick_targets(target_toks, fallback_toks, source_tok, sources, actors,
                                        places=entry.code[:2] in MATERIAL_ROOTS)
    if not targets and (entry.code[:2] in REACTING_ROOTS or entry.code in REACTING_CODES):
        targets, target_tok = _deed_doers(target_toks, token, actors, target_tok,  # "the move"
                                          sources[0] if sources else None)
    if _among_parties(targets, sources, entry) or _interview(entry, targets):
        targets = []  # "A and B agreed to withdraw (their) troops": A↔B; "spoke to CNN"
    if not targets and _needs_target(entry) and (len(sources) < 2 or (
            entry.pos == "noun" and entry.code[:2] in SOLO_ROOTS)):
        return []  # "A and B agreed" still codes A↔B; "A and B, struck by terrorism" nothing
    doers = _doer_sectors(entry)
    if doers and not any(s.sector in doers for s in sources):
        return []  # "in an interview with Fox News", "reporters questioned him"
    if not sources and (entry.pos == "noun" or entry.code[:2] == STATEMENT_ROOT):
        return []  # "the war in Ukraine", "experts claimed": no doer, no event
    if not sources and source_tok is not None and source_tok.lower_ not in FIRST_PERSON:
        return []  # the text names a doer no one can identify: a null source would misstate it
    modality = modality_of(token)
    if is_pending(token) or is_habitual(token):
        return []  # "a day before X heads to Y": background, neither done nor announced
    if not sources and modality != "asserted":
        return []  # "officials would be indicted": neither a doer nor a deed
    if entry.pos == "noun" and modality == "asserted" and _welcomed_noun(token):
        modality = "future"  # "open to a ceasefire": an offer, not a ceasefire
    elif entry.pos == "noun" and modality == "asserted" and _goal_noun(token):
        modality = "hypothetical"  # "progress toward a meeting": not (yet) held
    code = code or entry.code
    if modality == "negated" and entry.negated_code:  # the code says the negation
        code, modality = entry.negated_code, "asserted"
    elif modality == "negated" and will_not(token) and code[:2] < FIRST_FORCEFUL_ROOT:
        # "Syria will not accept refugees" refuses; "would not recommend charges" and
        # "will not attack" leave a forceful deed undone (negated), refusing no one
        code, modality = shifted_code("refusal", code), "asserted"
    elif modality == "future" and entry.lemma not in ENACTED_BY_ANNOUNCING:
        code = conditional_threat(token, future_code(code))
    arg_ids = tuple(t.i for t in (source_tok, target_tok) if t is not None)
    reporter = _reporter(token, actors)
    source_i = source_tok.i if source_tok is not None else None
    return [EventCandidate(token.i, entry, repression(code, s, t), s, t, modality, s_index,
                           arg_ids, reporter, source_i)
            for s, t in dyads_of(sources, targets, code[:2] not in SOLO_ROOTS,
                                 apart=_two_people(target_tok, source_tok, actors) and _named_apart,
                                 speaker_to_come=source_tok is not None
                                 and source_tok.lower_ in FIRST_PERSON)]


def _deed_doers(target_toks, trigger, actors: ArticleActors, target_tok, source):
    """(doers, noun) of the first target word that refers back to a deed, else ([], the
    target token as it was)."""
    for tok in target_toks:
        doers = deed_doers(tok, trigger, actors, source)
        if doers:
            return doers, tok
    return [], target_tok


# Entries that are events only when done by the state's agents: questioning is an
# investigation step when investigators do it. (code, lemma) -> the sectors one of the
# doers must have.
INVESTIGATING_SECTORS = frozenset({"COP", "JUD", "SPY"})
STATE_DOERS = {("091", "interview"): INVESTIGATING_SECTORS,
               ("091", "interrogate"): INVESTIGATING_SECTORS,
               ("091", "interrogation"): INVESTIGATING_SECTORS}


def _doer_sectors(entry: LexEntry):
    return STATE_DOERS.get((entry.code, entry.lemma))


def _none_of(noun, entry: LexEntry) -> bool:
    """'had no such praise for Clinton', 'there were no talks': an event noun under 'no'
    tells of an event that did not take place."""
    return entry.pos == "noun" and _no_one(noun)


def _no_one(word) -> bool:
    """A doer under 'no' ('no prosecutor would bring charges') is nobody."""
    det = args.child(word, "det") if word is not None else None
    return det is not None and det.lower_ == "no"


SPEAKING_LEMMAS = {"speak", "talk"}
MEDIA_SECTOR = "MED"


def _interview(entry: LexEntry, targets: list[Actor]) -> bool:
    """'spoke to CNN', 'speaking to MSNBC's Morning Joe': talking to an outlet is an
    interview, the words are the news; a journalist met in person is still a meeting."""
    return entry.code[:2] == "04" and entry.lemma in SPEAKING_LEMMAS and bool(targets) and all(
        t.sector == MEDIA_SECTOR and t.resolved_by != "person" for t in targets)


def _needs_target(entry: LexEntry) -> bool:
    """Verbal interactions need a counterpart, and so does an event noun: a lone doer of
    a noun ("after fighting", "Palestinian unrest") is mostly background, not news
    (measured: letting deed nouns stand alone added ~4x more false events than hits).
    So does fighting: "X has launched many attacks during its campaign" with no side
    named is a summary, not an event (measured on the gold sets: lone fighting verbs
    were almost never right; dropping them raised precision and lost no dyad)."""
    if entry.code in STANDALONE_STATEMENTS or (entry.code == APOLOGY_CODE and is_judgement(entry)):
        return False  # "said what she did was a mistake" owns up with no one addressed
    return entry.pos == "noun" or entry.code[:2] in NEED_TARGET_ROOTS or entry.code[:2] == FIGHT_ROOT




# Protest, force posture, reduced relations, coercion, assault, fight, mass violence.
FIRST_FORCEFUL_ROOT = "14"

# Roots where coordinated doers each act alone: "A and B denied/criticised/demanded/
# rejected/threatened/protested/arrested/sent aid/bombed ..." (with no target named, neither
# is the other's: "Clinton and Trump do not support the treaty" is two rejections of it;
# "Paris, Brussels and Beirut, struck by terrorism" attacked no one).
SOLO_ROOTS = {"01", "02", "07", "08", "09", "10", "11", "12", "13", "14", "15", "17", "18", "20"}

# Roots of reactions whose object may be a deed told before ("condemned the move"):
# demands, criticism, rejection, praise and defence (deed_referents.py finds who did it).
REACTING_ROOTS = {"10", "11", "12"}
REACTING_CODES = {"051", "052"}

# Roots where coordinated doers act on each other: "A and B agreed/met/cooperated".
MUTUAL_ROOTS = {"03", "04", "05", "06"}


def _among_parties(targets: list[Actor], sources: list[Actor], entry: LexEntry) -> bool:
    """'Russia and Ukraine agreed to pull back troops': a target from one of the parties'
    own countries is one of the parties, so the event is between them."""
    countries = {s.country for s in sources if s.country}
    return (len(countries) >= 2 and entry.code[:2] in MUTUAL_ROOTS and bool(targets)
            and all(t.country in countries for t in targets))


def _charged_deed(token) -> bool:
    """'accused Kyiv of shelling', 'blamed them for alleging': the deed is what the
    accusation or praise is about, not an event the text asserts."""
    head = token.head
    if token.tag_ == "VBG" and token.dep_ in {"xcomp", "dobj", "ccomp"} \
            and head.lemma_.lower() in DENYING_VERBS:
        return True  # "denied targeting civilians": the deed denied is not asserted
    return (token.dep_ == "pcomp" and token.tag_ == "VBG" and head.lower_ in {"of", "for"}
            and head.head.pos_ == "VERB")


DENYING_VERBS = {"deny", "refute", "dispute", "reject"}


# Deeds that announcing performs: "the party will boycott the elections" is the boycott
# (CAMEO 143x), not a threat to protest, even when made conditional ("unless ...").
ENACTED_BY_ANNOUNCING = {"boycott"}


# "I"/"we" inside a quotation or tweet: the speaker becomes the doer at assembly.
FIRST_PERSON = {"i", "we", "me", "us"}


def _second_source(token, source_tok):
    """Where the parse hangs a verb on the wrong word and its subject names no actor:
    'blocked roads demanding ...' (the participle on the object) → who blocked;
    'X said the vote was unfair and called on ...' (the conjunct inside the reported
    clause) → the speaker."""
    if token.dep_ == "acl" and token.head.i == source_tok.i:
        return args.clause_subject(source_tok)
    if token.dep_ == "conj" and token.head.dep_ == "ccomp" and token.pos_ == "VERB":
        return args.subject_of(token.head.head)
    return None


def _reporter(token, actors: ArticleActors) -> Actor | None:
    """The subject of the speech verb whose reported clause holds the trigger."""
    cur = token
    for _ in range(4):
        if is_root(cur):
            return None
        if cur.dep_ in {"ccomp", "parataxis"}:
            subj = args.subject_of(cur.head)
            found = actors.at(subj) if subj is not None else []
            return found[0] if found else None
        cur = cur.head
    return None


GOAL_PREPS = {"toward", "towards", "for"}


def _to_end(noun) -> bool:
    """'a deal TO END more than a year of FIGHTING', 'talks to halt the war': what an act
    is meant to end is the background it ends, not an event of its own."""
    for _ in range(3):  # "a year of fighting", "months of clashes"
        if noun.dep_ != "pobj" or noun.head.lower_ != "of":
            break
        noun = noun.head.head
    verb = noun.head
    return (noun.dep_ == "dobj" and verb.lemma_.lower() in ENDING_VERBS and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


ENDING_VERBS = {"end", "halt", "stop", "cease", "freeze"}


def _goal_noun(noun) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in GOAL_PREPS


# Readiness for a deed: "is open to a ceasefire", "ready for talks", "willing to talks".
WILLING_WORDS = {"open", "ready", "willing", "prepared", "amenable", "receptive"}


def _welcomed_noun(noun) -> bool:
    """The noun, or the noun it belongs to ('open to a ceasefire through TALKS'), is what
    someone is ready for."""
    for _ in range(3):
        if noun.dep_ != "pobj":
            return False
        prep = noun.head
        if prep.lower_ in {"to", "for"} and prep.head.lemma_.lower() in WILLING_WORDS:
            return True
        noun = prep.head
    return False


CONSIDER_CODE = "014"
CONSIDERED_DEPS = {"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "acl"}


def _unasserted(token, triggers) -> bool:
    """A deed under 'considering' ('considering sending envoys to talks'): the 014 event
    carries it; the deed itself is not reported as done."""
    cur = token
    for _ in range(4):
        if is_root(cur):
            return False
        entry = triggers.get(cur.head.i)
        if entry is not None and entry.code == CONSIDER_CODE and cur.dep_ in CONSIDERED_DEPS:
            return True
        cur = cur.head
    return False
