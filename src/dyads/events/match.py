"""Find every event in a parsed article: triggers from the lexicon, arguments from the parse.

``match_events(doc, lexicon, actors)`` returns ``EventCandidate``s in text order; dates,
places and quotes are attached later by the pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..actors.resolve import ArticleActors
from ..records import Actor
from . import arguments as args
from .codes import future_code, shifted_code, stance_code
from .lexicon import LexEntry, Lexicon
from .modality import is_refusal, modality_of

STATEMENT_ROOT = "01"
MATERIAL_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
CONTAINER_ROOTS = {"02", "03", "10", "12", "13"}  # their infinitive is the content, not an event
CONTENT_ROOTS = CONTAINER_ROOTS | {"01", "11"}  # "demanded/said/accused ... that X ..." → X is the target
# Verbal interactions need a counterpart; a lone doer is an event only for deeds
# (protests, force postures, violence) where the place or the act itself is the news.
NEED_TARGET_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}


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

    @property
    def root(self) -> str:
        return self.code[:2]


def _has_particle(verb, particle: str) -> bool:
    return any(c.lower_ == particle and c.dep_ in {"prt", "advmod", "prep"} for c in verb.children)


def _lemma_of(token) -> str | None:
    return joined_lemma(token) if token is not None else None


def joined_lemma(token) -> str:
    """The lemma with a hyphenated first part joined on: 'cease-fire' → 'ceasefire'."""
    lemma = token.lemma_.lower()
    i = token.i
    if i >= 2 and token.doc[i - 1].text == "-" and token.doc[i - 2].head.i == i:
        return token.doc[i - 2].lemma_.lower() + lemma
    return lemma


def _constrained_object(token, entry: LexEntry):
    """The object an entry constrains: the particle's object when the particle is a
    preposition ("call for TALKS", "accuse of ESPIONAGE"), else the direct object."""
    if entry.particle:
        obj = args.prep_object(token, entry.particle)
        if obj is not None:
            return obj
    return args.child(token, "dobj") or args.passive_target(token)


def entry_fits(token, entry: LexEntry) -> bool:
    """Does the parse around ``token`` satisfy the entry's constraints?"""
    if entry.particle and not _has_particle(token, entry.particle):
        return False
    if entry.modifiers and not any(c.lemma_.lower() in entry.modifiers for c in token.children
                                   if c.dep_ in {"compound", "amod", "nmod"}):
        return False
    if entry.pos == "noun":
        of_obj = args.prep_object(token, "of")
        return not entry.objects or _lemma_of(of_obj) in entry.objects
    if entry.objects:
        if _lemma_of(_constrained_object(token, entry)) not in entry.objects:
            return False
    if entry.xcomp:
        xcomp = args.child(token, "xcomp")
        if _lemma_of(xcomp) not in entry.xcomp:
            return False
        if entry.xcomp_objects and _lemma_of(args.child(xcomp, "dobj")) not in entry.xcomp_objects:
            return False
    return True


MODIFIER_DEPS = {"amod", "compound", "acl", "npadvmod"}  # "US-led war", "athletes killed at"
MEDIATION_CODES = {"045", "039", "108"}
# Verbs whose object noun is the event itself: "launched air strikes", "held talks".
LIGHT_VERBS = {"undertake", "launch", "begin", "start", "conduct", "hold", "stage", "carry",
               "make", "resume", "continue", "mount", "wage", "step", "initiate", "intensify",
               "escalate", "pursue", "open", "give", "extend", "offer"}
# Nouns that carry another event noun as their modifier: "a mediation MISSION between ...".
LIGHT_NOUNS = {"mission", "effort", "efforts", "bid", "initiative", "push", "attempt", "process",
               "campaign", "operation", "drive", "offensive", "deal", "agreement", "talks"}


def best_entry(token, lexicon: Lexicon) -> LexEntry | None:
    pos = "verb" if token.pos_ in {"VERB"} else "noun" if token.pos_ == "NOUN" else None
    if pos is None or (pos == "verb" and token.dep_ in MODIFIER_DEPS):
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() not in LIGHT_NOUNS:
        return None
    entries = [e for e in lexicon.entries_for(joined_lemma(token), pos) if entry_fits(token, e)]
    if not entries:
        return None
    with_prep = [e for e in entries if e.target_prep and args.prep_object(token, e.target_prep)]
    return max(with_prep or entries, key=lambda e: e.specificity)


def find_triggers(sent, lexicon: Lexicon, discards=None) -> dict[int, LexEntry]:
    """Token index → the most specific fitting lexicon entry, for one sentence."""
    triggers = {}
    for token in sent:
        entry = best_entry(token, lexicon)
        if entry is not None and not (discards is not None and discards.is_idiom(token)):
            triggers[token.i] = entry
    # A verb trigger's object noun is its topic ("discussed the cooperation"), except under
    # an announcing verb, where the noun is the event ("announced a suspension of links").
    consumed = set()
    for i, entry in triggers.items():
        if entry.pos != "verb":
            continue
        obj = args.child(sent.doc[i], "dobj")
        if obj is not None and obj.i not in triggers:  # "undertook a mediation mission"
            obj = next((c for c in obj.children if c.dep_ == "compound" and c.i in triggers), None)
        if obj is None or obj.i not in triggers:
            continue
        light = sent.doc[i].lemma_.lower() in LIGHT_VERBS
        consumed.add(i if entry.code.startswith(STATEMENT_ROOT) or light else obj.i)
    return {i: e for i, e in triggers.items() if i not in consumed}


def _governed_by_trigger(token, triggers) -> bool:
    """What an appeal, demand, intent, threat or refusal asks for is its content, not an
    event of its own: "urged Russia to END", "demanded that the US CANCEL", "called for
    SANCTIONS"."""
    cur = token
    for _ in range(7):
        if cur.head is cur:
            return False
        dep, cur = cur.dep_, cur.head
        entry = triggers.get(cur.i)
        if dep == "conj" and entry is not None:
            return False  # coordinated events stand on their own: "met and signed"
        if entry is not None and (entry.code[:2] in CONTAINER_ROOTS or is_refusal(token)):
            return dep in {"xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "advcl"}
        if dep not in {"xcomp", "conj", "ccomp", "dobj", "pobj", "prep"}:
            return False
    return False


def _statement_has_content_event(verb, triggers) -> bool:
    clause = args.complement_clause(verb)
    return clause is not None and any(v.i in triggers for v in args.clause_main_verbs(clause))


def match_events(doc, lexicon: Lexicon, actors: ArticleActors, discards=None) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    for s_index, sent in enumerate(doc.sents):
        triggers = find_triggers(sent, lexicon, discards)
        triggers = statements_as_demands(sent, triggers)
        for i, entry in sorted(triggers.items()):
            token = doc[i]
            if _governed_by_trigger(token, triggers):
                continue
            if entry.code.startswith(STATEMENT_ROOT) and _statement_has_content_event(token, triggers):
                continue
            code = refined_code(token, entry, triggers)
            out += candidates_for(token, entry, s_index, actors, code)
    return out


OBLIGATION_AUX = {"must", "should", "ought"}
OBLIGATION_XCOMP_HEADS = {"have", "need"}  # "has to", "needs to"


def _obliged(verb) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & OBLIGATION_AUX:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBLIGATION_XCOMP_HEADS


def statements_as_demands(sent, triggers: dict[int, LexEntry]) -> dict[int, LexEntry]:
    """'Russia said that Sudan must return the helicopter' is Russia demanding (10x) that
    Sudan return it: the statement becomes a demand, its content is no event of its own."""
    out = dict(triggers)
    for i, entry in triggers.items():
        if not entry.code.startswith(STATEMENT_ROOT) or entry.pos != "verb":
            continue
        clause = args.complement_clause(sent.doc[i])
        verbs = args.clause_main_verbs(clause) if clause is not None else []
        stance = _stance(clause) if clause is not None else None
        if stance is not None:  # "said he was confident that ..."
            out[i] = replace(entry, code=stance, id=f"{entry.id}+stance")
            continue
        if not any(_obliged(v) for v in verbs):
            continue
        content = next((triggers[v.i] for v in verbs if v.i in triggers), None)
        code = shifted_code("demand", content.code) if content else "100"
        out[i] = replace(entry, code=code, id=f"{entry.id}+demand")
        for v in verbs:
            out.pop(v.i, None)
    return out


def _stance(clause) -> str | None:
    if clause.lemma_ != "be":
        return None
    adjective = args.child(clause, "acomp")
    return stance_code(adjective.lemma_) if adjective is not None else None


GENERIC_CONTAINER_CODES = {"020", "030", "100", "120", "130", "02", "03", "10", "12", "13"}


def refined_code(token, entry: LexEntry, triggers) -> str:
    """A generic appeal/intent/demand/refusal takes its kind from what it asks for:
    'refused to release the prisoners' → 1243, 'urged them to negotiate' → 026."""
    if entry.code not in GENERIC_CONTAINER_CODES:
        return entry.code
    content = _content_trigger(token, triggers)
    if content is None:
        return entry.code
    root = entry.code[:2]
    if root == "10":
        return shifted_code("demand", content.code)
    if root == "02":
        demand = shifted_code("demand", content.code)
        return "02" + demand[2:] if demand != "100" else entry.code
    if root == "12":
        return shifted_code("refusal", content.code)
    shifted = shifted_code("future", content.code)
    return shifted if shifted[:2] == root else entry.code


def _content_trigger(token, triggers) -> LexEntry | None:
    for c in token.children:
        if c.dep_ in {"xcomp", "ccomp", "dobj"} and c.i in triggers:
            return triggers[c.i]
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = args.child(c, "pobj")
            if obj is not None and obj.i in triggers:
                return triggers[obj.i]
    return None


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
        source = args.noun_source(token) or args.between_source(token)
        target = args.noun_target(token)
        if source is None:  # "made progress at talks", "during the conversation with X"
            verb = args.governing_verb(token)
            source = args.subject_of(verb) if verb is not None else None
        places = []
        if entry.code[:2] in MATERIAL_ROOTS:  # "staged a protest in Beijing"
            verb = args.governing_verb(token)
            places = args.place_objects(verb) if verb is not None else []
        return source, ([target] if target is not None else []) + places, args.subtree_nouns(token)
    source = args.subject_of(token)
    targets = []
    clause = args.complement_clause(token)
    if clause is not None and entry.code[:2] in CONTENT_ROOTS:
        subj = args.subject_of(clause)  # "demanded that the US cancel ..." → the US
        targets += ([subj] if subj is not None else []) + args.object_candidates(clause, None)
    targets += args.object_candidates(token, entry.target_prep)
    if entry.code[:2] in MATERIAL_ROOTS:
        targets += args.place_objects(token)
    return source, targets, args.subtree_nouns(token)


def _pick_targets(target_toks, fallback_toks, source_tok, sources, actors: ArticleActors,
                  places: bool = False):
    """The first target token naming an actor with a country, else one with a code; the
    fallback tokens (anywhere under the trigger) count only for named countries/bodies."""
    found, tok = _first_target(target_toks, source_tok, sources, actors, places)
    if found and (found[0].country or found[0].sector in {"IGO", "NGO"}):
        return found, tok
    more, more_tok = _first_target(fallback_toks, source_tok, sources, actors)
    if more and (more[0].country or more[0].sector in {"IGO", "NGO"}):
        return more, more_tok
    return found, tok


def _first_target(target_toks, source_tok, sources, actors: ArticleActors, places=False):
    fallback = ([], None)
    skip = {source_tok.i} if source_tok is not None else set()
    source_keys = {a.country for a in sources if a.country and a.resolved_by != "coref"}
    for tok in target_toks:
        if tok.i in skip:
            continue
        found = [a for a in actors.at(tok, places=places) if (a.country or a.code)
                 and not any(_same(a, s) for s in sources)]  # "X said he was ..."
        with_country = [a for a in found if (a.country and not (
            a.country in source_keys and a.sector is None)) or a.sector in {"IGO", "NGO"}]
        if with_country:
            return with_country, tok
        if found and fallback[1] is None:
            fallback = (found, tok)
    return fallback


def candidates_for(token, entry: LexEntry, s_index: int, actors: ArticleActors,
                   code: str | None = None) -> list[EventCandidate]:
    source_tok, target_toks, fallback_toks = _argument_tokens(token, entry)
    # "talks between A and B": A is the source, its conjunct B the target
    paired = bool(target_toks) and target_toks[0].dep_ == "conj" and source_tok is not None \
        and target_toks[0].head.i == source_tok.i
    sources = actors.at(source_tok, coordinated=not paired) if source_tok is not None else []
    targets, target_tok = _pick_targets(target_toks, fallback_toks, source_tok, sources, actors,
                                        places=entry.code[:2] in MATERIAL_ROOTS)
    if not targets and (entry.pos == "noun" or entry.code[:2] in NEED_TARGET_ROOTS):
        if len(sources) < 2:  # "A and B agreed" still codes A↔B
            return []
    if not sources and (entry.pos == "noun" or entry.code[:2] == STATEMENT_ROOT):
        return []  # "the war in Ukraine", "experts claimed": no doer, no event
    if not sources and modality_of(token) != "asserted":
        return []  # "officials would be indicted": neither a doer nor a deed
    modality = modality_of(token)
    if entry.pos == "noun" and modality == "asserted" and _goal_noun(token):
        modality = "hypothetical"  # "progress toward a meeting": not (yet) held
    code = code or entry.code
    if modality == "negated" and entry.negated_code:
        code = entry.negated_code
    elif modality == "negated" and _will_not(token):  # "Syria will not accept refugees"
        code, modality = shifted_code("refusal", code), "asserted"
    elif modality == "future":
        code = future_code(code)
    arg_ids = tuple(t.i for t in (source_tok, target_tok) if t is not None)
    reporter = _reporter(token, actors)
    return [EventCandidate(token.i, entry, code, s, t, modality, s_index, arg_ids, reporter)
            for s, t in _dyads(sources, targets)]


def _reporter(token, actors: ArticleActors) -> Actor | None:
    """The subject of the speech verb whose reported clause holds the trigger."""
    cur = token
    for _ in range(4):
        if cur.head is cur:
            return None
        if cur.dep_ in {"ccomp", "parataxis"}:
            subj = args.subject_of(cur.head)
            found = actors.at(subj) if subj is not None else []
            return found[0] if found else None
        cur = cur.head
    return None


GOAL_PREPS = {"toward", "towards", "for"}


def _goal_noun(noun) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in GOAL_PREPS


def _will_not(verb) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & {"will", "would", "wo", "shall"}) and not verb.lemma_.startswith(STATEMENT_ROOT)


def _same(a: Actor | None, b: Actor | None) -> bool:
    """One actor on both sides: same person/body, or the same country with no other sector."""
    if a is None or b is None:
        return False
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    if a.code is not None and a.code == b.code:
        return True
    if a.start < b.end and b.start < a.end:
        return True  # one phrase: "talks between the US and Indian diplomats"
    # "the Russian minister claimed both sides ...": the pair's Russia is the speaker's side
    coref = "coref" in (a.resolved_by, b.resolved_by)
    return bool(a.country) and a.country == b.country and coref


def _dyads(sources: list[Actor], targets: list[Actor]):
    """Source × target pairs; coordinated sources with no target act on each other."""
    sources = [s for s in sources if s.country or s.code]
    if not targets and len(sources) > 1:
        return [(s, t) for s in sources for t in sources if s is not t and not _same(s, t)]
    if not sources:
        return [(None, t) for t in targets[:1]]
    if not targets:
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets if not _same(s, t)]
