"""Judgements: reported words that criticise, accuse or praise the actor they are about.

Most verbal events in political news are not told with "criticised" or "accused": they
are "X said Y's plan would be a disaster", "X found the letter troubling", "X believes Y
lied". A judging verb (say, tell, find, believe ...) whose reported clause or object
predicate holds a judgement word (``data/judgements.yaml``) is X criticising (111),
accusing (112) or praising (051); the clause's actor is the target, found by the
matcher as for any verb with reported content.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..docview import is_root, view_of
from ..parse import nouns_of, verbs_of
from . import arguments as args
from .codes import is_cameo_code
from .blame import ACCUSATION_CODE, blamed_wrong
from .denials import DENIAL_CODE, own_denial, told_as_done
from .lexicon import WORD, LexEntry

JUDGEMENT_FILE = "judgements.yaml"
PRAISE_CODE = "051"
# Entries made here carry this in their id: the rule that explains the event says why.
JUDGED_MARK = "+judged:"


class JudgementError(ValueError):
    """judgements.yaml is malformed; the message names the list and the word."""


@dataclass(frozen=True)
class JudgementWords:
    verbs: frozenset[str]
    code_of: dict[str, str]  # judgement lemma -> CAMEO code
    order: tuple[str, ...]   # codes, strongest first
    negated_code_of: dict[str, str] = field(default_factory=dict)  # "not TRUE" -> 016
    insisting: frozenset[str] = frozenset()  # "insisted she NEVER ..." -> 016

    def rank(self, code: str) -> int:
        return self.order.index(code)


def _words(value, where: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise JudgementError(f"{where}: expected a non-empty list of lemmas")
    bad = [w for w in value if not isinstance(w, str) or not WORD.match(w)]
    if bad:
        raise JudgementError(f"{where}: lemmas must be lower-case single words, got {bad}")
    if len(set(value)) != len(value):
        raise JudgementError(f"{where}: a lemma is listed twice: "
                             f"{sorted({w for w in value if value.count(w) > 1})}")
    return value


def _code_table(table, name: str) -> dict[str, str]:
    """{code: [lemma, ...]} -> {lemma: code}, each lemma under one code."""
    if not isinstance(table, dict):
        raise JudgementError(f"judgements: expected '{name}: {{code: [lemma, ...]}}'")
    code_of: dict[str, str] = {}
    for code, lemmas in table.items():
        if not is_cameo_code(code):
            raise JudgementError(f"judgements {name} key {code!r} is not a CAMEO code (quote it)")
        for lemma in _words(lemmas, f"judgements {name} {code!r}"):
            if code_of.setdefault(lemma, code) != code:
                raise JudgementError(f"judgements: {lemma!r} is listed under {code_of[lemma]} "
                                     f"and {code}; keep it under one code")
    return code_of


def parse_judgements(doc: dict) -> JudgementWords:
    """Check a loaded judgements document and build the tables."""
    if not isinstance(doc, dict):
        raise JudgementError("judgements: expected 'verbs', 'order' and 'words: {code: [...]}'")
    code_of = _code_table(doc.get("words"), "words")
    negated = _code_table(doc.get("negated_words") or {}, "negated_words")
    order = tuple(doc.get("order") or ())
    if sorted(order) != sorted(doc["words"]) or not set(negated.values()) <= set(order):
        raise JudgementError(f"judgements 'order' must list each code of 'words' once: {order}")
    verbs = frozenset(_words(doc.get("verbs"), "judgements verbs"))
    insisting = frozenset(_words(doc.get("insisting_verbs") or ["insist"], "judgements insisting_verbs"))
    return JudgementWords(verbs=verbs, code_of=code_of, order=order, negated_code_of=negated,
                          insisting=insisting)


def load_judgements(path: str | Path | None = None) -> JudgementWords:
    if path is None:
        text = resources.files("dyads.data").joinpath(JUDGEMENT_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return parse_judgements(yaml.safe_load(text))


@functools.lru_cache(maxsize=1)
def default_judgements() -> JudgementWords:
    """The shipped judgement words, loaded once per process."""
    return load_judgements()


def is_judgement(entry: LexEntry) -> bool:
    return JUDGED_MARK in entry.id


# Insisted denials carry this instead: what they deny is the speaker's own deed, so the
# reported clause names no target ("insisted she never sent them TO THE CAMPAIGN").
DENIED_MARK = "+denied:"


def denies_own_deed(entry: LexEntry) -> bool:
    return DENIED_MARK in entry.id


# Lexicon entries a judgement may retype: plain statements, and verbs whose that-clause
# is a charge rather than their own sense ("charged THAT the deal ..." is no indictment).
RETYPED_CODES = {"010"}
THAT_CLAUSE_VERBS = {"charge", "warn"}


def statements_as_judgements(sent, triggers: dict[int, LexEntry],
                             words: JudgementWords | None = None) -> dict[int, LexEntry]:
    """'X said Y was unfit' → X criticises (111) Y: the judging verb takes the code of the
    strongest judgement word in what it reports."""
    words = words or default_judgements()
    out = dict(triggers)
    # "said Y had violated the truce": a wrong another is said to have done is the
    # speaker's accusation (its word is judged), not a deed the text reports as done
    deeds = {i: e for i, e in triggers.items() if words.code_of.get(e.lemma) != ACCUSATION_CODE}
    for verb in verbs_of(sent):  # the test below passes only verbs
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in words.verbs or not _retypable(verb, triggers):
            continue
        clause = args.complement_clause(verb)
        if _open_question(clause):
            continue  # "isn't saying whether the foundation violated any laws": no charge
        content = _judged_content(verb, clause, deeds)
        found = (_strongest_word(content, words) if content else None) or _blame(clause) \
            or _insisted_denial(verb, clause, words)
        if found is not None and not _own_ignorance(found[1], clause):
            found = None
        denied = found is None and _own_denial(verb, clause)
        if denied:
            found = (DENIAL_CODE, denied)
            out.pop(clause.i, None)  # the denied deed did not happen
        if found is None:
            continue
        code, word = found
        if code.startswith(CRITICISM_ROOT) and _own_fault(word, clause):
            code = APOLOGY_CODE  # "said what she did was a mistake": owning up, not an attack
        out.pop(word.i, None)  # "Y's plans are WORRYING": the mood word is the judgement
        # "said she was not INVOLVED": a defence of her, with no accuser as target
        mark = DENIED_MARK if word.dep_ == "neg" or denied or (
            code == DENIAL_CODE and _negated(word) and _said_of_person(word)) else JUDGED_MARK
        out[verb.i] = LexEntry(code=code, lemma=lemma, pos="verb", particle=None, objects=(),
                               target_prep=None, xcomp=(), source_prep=None, negated_code=None,
                               id=f"{code}:{lemma}/verb{mark}{word.lemma_.lower()}",
                               specificity=0)
    return out


def _open_question(clause) -> bool:
    """A reported clause under 'whether' or 'if' asks; it asserts nothing."""
    mark = args.child(clause, "mark") if clause is not None else None
    return mark is not None and mark.lower_ in {"whether", "if"}


# Nouns whose that-clause is what someone says: "his assertion that the media is rigging
# the polls", "her claim that Clinton lied".
JUDGING_NOUNS = {"assertion", "claim", "allegation", "charge", "accusation", "insistence",
                 "contention", "suggestion", "argument", "belief", "warning"}


def claims_as_judgements(sent, triggers: dict[int, LexEntry],
                         words: JudgementWords | None = None) -> dict[int, LexEntry]:
    """'his assertion that Y is rigging the polls' → he accuses (112) Y: a saying noun
    takes the code of the strongest judgement word in its that-clause."""
    words = words or default_judgements()
    out = dict(triggers)
    for noun in nouns_of(sent):  # noun_clause answers for nouns only
        clause = noun_clause(noun)
        if clause is None or _reports_a_deed(clause, triggers):
            continue
        subject = args.child(clause, "nsubj", "nsubjpass")
        if subject is None or subject.lower_ in FIRST_PERSON:
            continue
        found = _strongest_word(_predicate_words(clause), words)
        if found is None:
            continue
        code, word = found
        lemma = noun.lemma_.lower()
        out.pop(word.i, None)
        out[noun.i] = LexEntry(code=code, lemma=lemma, pos="noun", particle=None, objects=(),
                               target_prep=None, xcomp=(), source_prep=None, negated_code=None,
                               id=f"{code}:{lemma}/noun{JUDGED_MARK}{word.lemma_.lower()}",
                               specificity=0)
    return out


def noun_clause(noun):
    """The that-clause of a saying noun, or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in JUDGING_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _retypable(verb, triggers) -> bool:
    """Plain statements (010) only: a stance or demand already read off the clause
    ("said he was confident", "said Y must go") says what the words are."""
    entry = triggers.get(verb.i)
    if entry is None or entry.code in RETYPED_CODES:
        return True
    if verb.lemma_.lower() in NAMING_VERBS and entry.code in NAMING_CODES and not entry.particle:
        return True  # "called Trump a great leader": praise, not 111; "called on X" appeals
    return verb.lemma_.lower() in THAT_CLAUSE_VERBS and _that_clause(verb) is not None


# Verbs that name what their object is: the predicate, written or quoted, is the judgement.
NAMING_VERBS = {"call", "brand", "label", "dub", "term"}
NAMING_CODES = {"111", "041"}  # calling someone something, or a call misread as a phone call


def _that_clause(verb):
    clause = args.child(verb, "ccomp")
    if clause is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return clause
    return None


def _judged_content(verb, clause, triggers) -> list:
    """The words that carry what the verb reports as a judgement: the reported clause's
    predicate, or the verb's own object predicate ("found the letter TROUBLING"). A clause
    that reports a deed of its own ("opened fraud investigations, the court said") is that
    event, not a judgement; a first-person clause judges the speaker, not another.
    ``clause`` is the verb's reported clause (arguments.complement_clause), or None."""
    if clause is not None:
        subject = args.child(clause, "nsubj", "nsubjpass")
        if _reports_a_deed(clause, triggers) or (subject is not None and subject.lower_ in FIRST_PERSON):
            return []
        if subject is not None and subject.lower_ == "it" and _extraposed(clause):
            return []  # "said it was a mistake to use ...": judges a deed, often the speaker's
        return _predicate_words(clause)
    predicate = args.child(verb, "oprd", "xcomp")
    obj = args.child(verb, "dobj")
    if predicate is not None and obj is not None:
        return list(predicate.subtree)
    if verb.lemma_.lower() in NAMING_VERBS:
        return args.quoted_predicate(verb) or (list(predicate.subtree) if predicate is not None else [])
    if obj is not None and verb.lemma_.lower() in OBJECT_JUDGING_VERBS:
        # "found X's speech TROUBLING", parsed as one noun phrase: the adjective after it
        return [obj] + [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
    return []


# Verbs whose object phrase may end in the judgement: "found the letter troubling".
OBJECT_JUDGING_VERBS = {"find", "consider", "deem"}


def _extraposed(clause) -> bool:
    """'it was a mistake TO USE ...': an infinitive on the clause or on its complement."""
    heads = [clause] + [c for c in clause.children if c.dep_ in DESCRIPTION_DEPS]
    return any(c.dep_ in {"xcomp", "acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for h in heads for c in h.children)


def _reports_a_deed(clause, triggers) -> bool:
    """The clause's verb is an event of its own ('said Y had opened an inquiry'); plain
    statements and moods ('Y tells lies', 'Y's plans are worrying') are words to judge."""
    entry = triggers.get(clause.i)
    return entry is not None and entry.code[:2] != "01"


DESCRIPTION_DEPS = {"acomp", "attr", "oprd"}
NOUN_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp"}


def _predicate_words(verb) -> list:
    """A copula's complement with its modifiers ('is a badly FLAWED candidate', 'was
    TROUBLING'); else the verb itself and the heads of its object and prepositional
    objects ('LIED', 'showed a LACK of respect', 'would lead to a DISASTER')."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in DESCRIPTION_DEPS:
            out += [t for t in c.subtree if not _in_clause(t, c)]
        elif c.dep_ == "dobj":
            out.append(c)
        elif c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in {"conj", "xcomp"} and c.pos_ in {"VERB", "AUX"}:
            out += _predicate_words(c)
    return out


def _in_clause(token, top) -> bool:
    """The token sits in a clause of its own below ``top`` ("a leader who FAILED ...")."""
    while token.i != top.i:
        if token.dep_ in NOUN_CLAUSE_DEPS:
            return True
        token = token.head
    return False


FIRST_PERSON = {"i", "we"}


def _strongest_word(tokens, words: JudgementWords):
    """(code, token) of the strongest judgement word, or None. Negated judgement words say
    nothing ('was not unfit'), except the denying ones ('is just not TRUE')."""
    best = None
    for tok in tokens:
        code = _word_code(tok, words)
        if code is None or (code == PRAISE_CODE and not _describes_actor(tok)):
            continue
        if best is None or words.rank(code) < words.rank(best[0]):
            best = (code, tok)
    return best


def _word_code(tok, words: JudgementWords) -> str | None:
    lemma = tok.lemma_.lower()
    if _negated(tok):  # 'was not INVOLVED': the participle's lemma is 'involve'
        return words.negated_code_of.get(lemma) or words.negated_code_of.get(tok.lower_)
    return words.code_of.get(lemma) or words.code_of.get(tok.lower_)


def _insisted_denial(verb, clause, words: JudgementWords):
    """'X insisted she NEVER sent them', 'maintained that he did NOT know': insisting on a
    negated deed denies it (016); the negation word stands as the judgement word."""
    if verb.lemma_.lower() not in words.insisting:
        return None
    if clause is None or not told_as_done(clause):
        return None  # "asserted that generals DON'T WANT her": a claim, not a denial
    neg = args.child(clause, "neg")
    return (DENIAL_CODE, neg) if neg is not None else None


# Denying knowledge denies only of oneself: "said he was UNAWARE of it" (016), while
# "said Clinton was unaware" tells of another and is no denial.
IGNORANCE_WORDS = {"unaware"}
SELF_PRONOUNS = {"he", "she", "they", "i", "we"}


def _own_ignorance(word, clause) -> bool:
    """True unless the judgement word is ignorance claimed of someone else."""
    if word.lemma_.lower() not in IGNORANCE_WORDS:
        return True
    subject = args.child(clause, "nsubj") if clause is not None else None
    return subject is not None and subject.lower_ in SELF_PRONOUNS


def _blame(clause):
    """'claimed Ecuador was behind the disruption' (blame.py)."""
    wrong = blamed_wrong(clause)
    return (ACCUSATION_CODE, wrong) if wrong is not None else None


def _said_of_person(word) -> bool:
    """'she was not INVOLVED' is said of a person; 'the version is not TRUE' of a claim,
    whose teller is the one denied."""
    subject = args.child(word.head if word.dep_ in DESCRIPTION_DEPS else word, "nsubj", "nsubjpass")
    return subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she"})


# Owning up to a fault of one's own: "said what she did was a MISTAKE", "said his decision
# was WRONG" is an apology (055), not criticism of anyone.
CRITICISM_ROOT, APOLOGY_CODE = "11", "055"
FAULT_WORDS = {"mistake", "error", "wrong", "misstep", "blunder"}
OWN_POSSESSIVES = {"my", "our", "his", "her", "their"}


def _own_fault(word, clause) -> bool:
    """The fault word judges the speaker's own deed: a free relative with a pronoun doer
    ('what she did') or a deed noun with a possessive pronoun ('her decision')."""
    if clause is None or word.lemma_.lower() not in FAULT_WORDS:
        return False
    for subject in (c for c in clause.children if c.dep_ in {"nsubj", "csubj"}):
        if subject.dep_ == "csubj" and any(c.dep_ == "nsubj" and c.lower_ in SELF_PRONOUNS
                                           for c in subject.children):
            return True
        if subject.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES
                                          for c in subject.children):
            return True
    return False


# Verbs that admit what they report: "acknowledged that his plea had NOT galvanized ...".
ADMITTING_VERBS = {"acknowledge", "concede", "admit", "confess", "lament", "complain"}


def _own_denial(verb, clause):
    """'said he never took the money': the speaker denying their own deed (denials.py)."""
    if verb.lemma_.lower() in ADMITTING_VERBS:
        return None
    return own_denial(verb, clause)


def _negated(token) -> bool:
    """'was not unfit', 'did not lie', 'no credible threats': a negation on the word or
    the verb it hangs from."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    for t in (token, token.head, token.head.head):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.pos_ in {"VERB", "AUX"}:
            break
    return False


PRAISED_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}


def _describes_actor(token) -> bool:
    """Praise counts when it is said of someone: 'X is a strong leader', 'praised her
    courage' — not 'relations are good'."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and not is_root(verb):  # "A strong leader." has none
        verb = verb.head
    subject = args.child(verb, "nsubj", "nsubjpass")
    return subject is not None and (subject.ent_type_ in PRAISED_ENTITIES
                                    or subject.lower_ in {"he", "she", "they"})


# Violent verbs that campaign copy uses for words: "Trump spent the rally ATTACKING Clinton".
VERBAL_ATTACK_VERBS = {"attack", "hit", "target", "hammer", "pound", "slam", "blast", "battle",
                       "fight", "clash", "spar", "feud", "duel"}
CRITICISM_CODE = "111"
# Words that make a person's attack on a person physical after all.
WEAPON_WORDS = {"knife", "gun", "rifle", "pistol", "weapon", "bomb", "explosive", "machete",
                "stone", "rock", "bat", "acid", "car", "vehicle", "fist", "shot", "stab"}


def verbal_attacks(sent, triggers: dict[int, LexEntry], known_person=None) -> dict[int, LexEntry]:
    """A named person attacking a named person, with no weapon in the sentence, attacks
    in words (111): politicians' attacks on rivals are the bulk of campaign news.
    ``known_person(token)``: whether the article's actors know the token as a person
    (the parser's entities miss many a bare surname)."""
    out, lemmas = dict(triggers), view_of(sent.doc).lemma_lower
    if not any(entry.code[:2] == "19" for entry in triggers.values()) or any(
            lemmas[t.i] in WEAPON_WORDS for t in sent):
        return out  # no attack to retype (most sentences): the words go unread
    for i, entry in triggers.items():
        verb = sent.doc[i]
        if entry.code[:2] != "19" or verb.lemma_.lower() not in VERBAL_ATTACK_VERBS:
            continue
        subject, obj = _attack_sides(verb, entry)
        if subject is not None and obj is not None and all(
                _person(t) or (known_person is not None and known_person(t))
                for t in (subject, obj)):
            out[i] = LexEntry(**{**entry.__dict__, "code": CRITICISM_CODE,
                                 "id": f"{entry.id}+in_words"})
    return out


def _attack_sides(trigger, entry: LexEntry):
    """(doer, attacked) tokens: a verb's subject and object; a noun's owner and its 'on'
    object ("cheered Clinton's attacks on Trump")."""
    if entry.pos == "noun":
        first = args.between_source(trigger)  # "the clash between Warren and White"
        if first is not None:
            second = next((c for c in first.children if c.dep_ == "conj"), None)
            return first, second
        return args.child(trigger, "poss"), args.prep_object(trigger, "on")
    return _doer(trigger), args.child(trigger, "dobj")


def _doer(verb):
    """The verb's subject; for a participle the parser hangs on a noun ('spent the rally
    ATTACKING X'), the subject of that noun's clause."""
    subject = args.subject_of(verb)
    if verb.dep_ == "acl" and subject is not None and subject.i == verb.head.i:
        return args.clause_subject(verb.head)
    return subject


def _person(token) -> bool:
    return token.ent_type_ == "PERSON" or (token.lower_ in {"he", "she"} and token.dep_ != "dobj")


# For the quotation pass (quoted.py): the same reading of a clause's judging words.
predicate_words = _predicate_words
strongest_word = _strongest_word
