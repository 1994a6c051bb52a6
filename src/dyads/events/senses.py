"""Word senses the lexicon's constraints cannot tell apart.

A question is not an appeal ("asked whether he respects Putin", "when asked about the
plan"), a trip to a rally or a venue is not a visit to a country ("headed to the
venue", "came to power"), and "in order to" orders nothing. Speaking about something
or at an event is no consultation, rallying supporters is campaigning, beating a rival
is winning a race, charging ahead is moving, admitting a fact is not admitting a fault,
and being armed with guns is no arms supply. Each test looks at the trigger and its own dependents only.
"""
from __future__ import annotations

from ..docview import is_root
from .arguments import quoted_predicate, subject_of
from .lemmas import verb_lemma
from .lexicon import LexEntry

QUESTION_VERBS = {"ask", "inquire", "enquire", "query"}
QUESTION_WORDS = {"whether", "if", "what", "why", "how", "when", "where", "who", "whom", "which"}
QUESTION_NOUNS = {"question", "questions", "query"}
APPEAL_ROOT, VISIT_CODE = "02", "042"
TRIP_VERBS = {"go", "come", "head", "travel", "fly", "journey"}
# Where a trip can be a visit: places, and the bodies that host visitors.
DESTINATION_ENTITIES = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def wrong_sense(token, entry: LexEntry) -> bool:
    return any(test(token, entry) for test in SENSE_TESTS)


def _purpose_phrase(token) -> bool:
    """'in order to debunk the theories': no one orders anything."""
    doc = token.doc
    return (token.lower_ == "order" and token.i > 0 and doc[token.i - 1].lower_ == "in"
            and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"to", "for", "that"})


def _asks_a_question(token, entry: LexEntry) -> bool:
    """'asked whether/if ...', 'asked about X', 'asked a question': no request is made.
    'asked X to leave' and 'asked for aid' stay appeals."""
    if not entry.code.startswith(APPEAL_ROOT) or token.lemma_.lower() not in QUESTION_VERBS:
        return False
    kids = list(token.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in kids):
        return False
    for child in kids:
        if child.dep_ == "dobj" and child.lower_ in QUESTION_NOUNS:
            return True
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ in {"ccomp", "advcl", "dobj"} and _is_question_clause(child):
            return True
    return False


def asked_about(token) -> bool:
    """'asked Sanders if he would ever endorse Clinton', 'wondered whether Iran would
    retaliate': the deed is the question's content, neither done nor announced."""
    if _follows_the_asked(token):
        return True
    cur = token
    for _ in range(3):
        if is_root(cur):
            return False
        if cur.dep_ in {"ccomp", "advcl", "dobj"} and cur.head.lemma_.lower() in ASKING_VERBS \
                and cur.i > cur.head.i and _is_question_clause(cur):
            return True  # reported questions only: '"How many times ...?" he asked' asserts
        if cur.dep_ not in {"xcomp", "conj", "ccomp", "advcl"}:
            return False
        cur = cur.head
    return False


ASKING_VERBS = QUESTION_VERBS | {"wonder", "question"}


def _follows_the_asked(token) -> bool:
    """'asked Sanders if he would endorse ...' with the if-clause hung elsewhere by the
    parser: the word before 'if' is the one asked."""
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in {"if", "whether"}), None)
    if mark is None or mark.i == 0:
        return False
    before = token.doc[mark.i - 1]
    return before.lemma_.lower() in ASKING_VERBS or (
        before.dep_ in {"dobj", "dative"} and before.head.lemma_.lower() in ASKING_VERBS)


def _is_question_clause(head) -> bool:
    first = next(iter(head.subtree))
    return first.lower_ in QUESTION_WORDS or any(
        c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in head.children)


def _trip_elsewhere(token, entry: LexEntry) -> bool:
    """'headed to the venue', 'came to power': the destination is not a place or host."""
    if entry.code != VISIT_CODE or token.lemma_.lower() not in TRIP_VERBS:
        return False
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"]
    goals = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return bool(goals) and not any(g.ent_type_ in DESTINATION_ENTITIES
                                   and g.lemma_.lower() not in GATHERINGS for g in goals)


# Named gatherings one goes to that are no host: "heads to the Democratic National Convention".
GATHERINGS = {"convention", "conference", "rally", "debate", "event", "ceremony", "festival",
              "game", "match", "caucus", "primary", "fundraiser", "gala", "concert"}


CONSULT_ROOT, TALK_VERBS = "04", {"speak", "talk", "chat"}
PARTNER_PREPS = {"to", "with"}
CALL_MEDIA = {"phone", "telephone", "video", "videoconference", "videolink", "zoom"}


def _talk_without_partner(token, entry: LexEntry) -> bool:
    """'spoke out about sexism', 'arrives to speak during a campaign event', 'eager to
    talk about Trump': no one is talked with. 'spoke with X', 'A and B talked' and 'the
    two leaders spoke' stay consultations."""
    if not entry.code.startswith(CONSULT_ROOT) or token.lemma_.lower() not in TALK_VERBS \
            or token.pos_ != "VERB":
        return False
    kids = list(token.children)
    if any(c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ in PARTNER_PREPS)
           for c in kids):
        return False
    if any(t.lower_ in CALL_MEDIA for c in kids if c.dep_ == "prep" for t in c.subtree):
        return False  # "spoke by telephone (with X)": a call, whoever the parser hangs on
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in {"we", "they"}
                                or any(c.dep_ == "conj" for c in subject.children)):
        return False
    return True


PROTEST_ROOT = "14"


def _rallies_followers(token, entry: LexEntry) -> bool:
    """'rallying supporters in Raleigh', 'rally the base': mobilising one's own side is
    campaigning, not a demonstration ('protesters rallied' has no object)."""
    return entry.code.startswith(PROTEST_ROOT) and token.lemma_.lower() == "rally" and any(
        c.dep_ == "dobj" for c in token.children)


WIN_VERBS = {"beat", "defeat", "crush", "trounce", "thrash", "rout", "best", "edge"}
FORCE_ROOTS = ("18", "19")
CONTEST_WORDS = {"election", "elections", "primary", "primaries", "vote", "votes", "poll",
                 "polls", "ballot", "race", "nomination", "caucus", "caucuses", "nominee",
                 "candidate", "debate", "campaign", "electoral", "landslide", "opponent",
                 "rival", "seat", "runoff", "delegates"}
PERSONAL = {"PERSON"}


def _wins_a_contest(token, entry: LexEntry) -> bool:
    """'she can't beat this guy', 'defeated Sanders in the primary': one candidate
    beating another wins a race. Force stays force when the sentence names no contest
    and the sides are not both people ('troops defeated the rebels')."""
    if not entry.code.startswith(FORCE_ROOTS) or token.lemma_.lower() not in WIN_VERBS:
        return False
    if any(t.lower_ in CONTEST_WORDS for t in token.sent):
        return True
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return subject is not None and obj is not None and all(
        t.ent_type_ in PERSONAL or t.pos_ == "PRON" or t.lower_ in {"guy", "man", "woman"}
        for t in (subject, obj))


MOVE_PREPS = {"into", "ahead", "through", "toward", "towards", "forward", "onto"}


def _charges_ahead(token, entry: LexEntry) -> bool:
    """'charged into unexpected territory': a charge with no one charged is a movement."""
    return token.lemma_.lower() == "charge" and entry.code.startswith(("17", "18", "19")) \
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children) \
        and any(c.dep_ in {"prep", "advmod", "prt"} and c.lower_ in MOVE_PREPS
                for c in token.children)


ADMIT_CODE, ADMIT_VERBS = "015", {"admit", "acknowledge", "concede", "confess"}
FAULT_WORDS = {"mistake", "mistakes", "error", "errors", "wrong", "wrongdoing", "fault",
               "guilt", "guilty", "responsibility", "responsible", "blame", "failure",
               "failures", "fail", "failed", "failing", "misstep", "missteps", "mishandle",
               "mishandled", "regret", "lie", "lied", "lying", "role", "involvement", "crime",
               "crimes", "abuse", "abuses", "misconduct", "negligence", "culpability",
               "slow", "inadequate", "insufficient", "flawed", "poor", "lapse", "lapses",
               "shortcoming", "shortcomings", "late", "sorry", "apologise", "apologize"}


def _admits_no_fault(token, entry: LexEntry) -> bool:
    """015 is admitting responsibility: 'acknowledged that he expected scrutiny' or
    'admitted Trump is fascinating to cover' admits a fact, not a fault or a deed."""
    if entry.code != ADMIT_CODE or token.lemma_.lower() not in ADMIT_VERBS:
        return False
    said = [t for c in token.children if c.dep_ in {"dobj", "ccomp", "xcomp"} for t in c.subtree]
    return bool(said) and not any(t.lower_ in FAULT_WORDS for t in said)


def _armed_with(token, entry: LexEntry) -> bool:
    """'they are armed with guns': a description of who carries what, not arms supplied
    ('Iran armed the Houthis' has an object and no passive)."""
    return token.lemma_.lower() == "arm" and entry.code.startswith("07") and token.tag_ == "VBN" \
        and not any(c.dep_ == "dobj" for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


MOTIVE_VERBS = {"hope", "wish", "expect", "fear", "worry"}


def _motive_participle(token, entry: LexEntry) -> bool:
    """'campaigned on Sunday, HOPING a message would win voters over': a participle
    telling why someone acted states nothing; 'said she hoped ...' does."""
    return (token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "acl"}
            and verb_lemma(token) in MOTIVE_VERBS)


# What one "recognizes" by seeing it (a region, a court's jurisdiction or a vote result
# are recognised as a state recognises them).
PERCEIVED_THINGS = {"bigotry", "racism", "sexism", "hatred", "need", "importance", "problem",
                    "danger", "threat", "value", "contribution", "effort", "achievement",
                    "fact", "reality", "truth", "mistake", "failure", "potential", "talent",
                    "work", "service", "sacrifice", "challenge", "difficulty", "concern",
                    "urgency", "significance", "limit", "role", "progress", "pain"}


def _recognises_a_thing(token, entry: LexEntry) -> bool:
    """'doesn't recognize the vile bigotry of X': seeing a thing for what it is, not the
    recognition of a state or government (those objects have entries of their own)."""
    if entry.code != "054" or entry.objects or verb_lemma(token) not in {"recognize", "recognise"}:
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in PERCEIVED_THINGS


def _hostile_attitude(token, entry: LexEntry) -> bool:
    """'expressed open hostility towards the US' is an attitude; only the plural
    'hostilities' is fighting."""
    return entry.code.startswith(FORCE_ROOTS[1]) and token.lemma_.lower() == "hostility" \
        and token.tag_ == "NN"


VISITOR_NOUNS = {"delegation", "minister", "president", "envoy", "visitor", "counterpart",
                 "ambassador", "leader", "official", "chancellor", "premier", "king", "prince",
                 "guest", "team", "mission", "delegate", "foreign", "secretary", "head",
                 "emissary", "representative", "prime", "queen", "emir", "sultan", "pope"}


def _receives_a_thing(token, entry: LexEntry) -> bool:
    """'received her first briefing', 'received one of the letters': a host receives
    visitors (043); a thing received is no visit."""
    if entry.code != "043" or verb_lemma(token) != "receive":
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.pos_ in {"NOUN", "NUM"} and obj.lemma_.lower() not in VISITOR_NOUNS


RUNNING_VERBS = {"challenge", "face", "run"}
RACE_WORDS = {"primary", "primaries", "election", "race", "seat", "runoff", "nomination",
              "ballot", "caucus"}


def _challenges_in_a_race(token, entry: LexEntry) -> bool:
    """'the professor who is challenging Rep. X in the Aug. 30 primary': running against
    someone is no disapproval of them (11x)."""
    return entry.code.startswith("11") and verb_lemma(token) in RUNNING_VERBS and any(
        t.lower_ in RACE_WORDS for t in token.subtree)


SUGGESTING_VERBS = {"suggest", "hint", "imply"}
INDICATIVE_TAGS = {"VBD", "VBZ"}


def _suggests_a_fact(token, entry: LexEntry) -> bool:
    """'suggested that the department acted in bad faith' tells what was so; 'suggested
    that they should meet' and 'suggested talks' propose (02)."""
    if not entry.code.startswith(APPEAL_ROOT) or verb_lemma(token) not in SUGGESTING_VERBS:
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.tag_ == "VBG":  # "..., suggesting he is failing": the doer's
        subject = subject_of(token)
    if clause is None or subject is None or subject.pos_ == "NOUN":
        return False  # "a leaked email suggests that ...": evidence, its deeds unasserted
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
    return not modal and (clause.tag_ in INDICATIVE_TAGS or any(
        c.dep_ == "aux" and c.tag_ in INDICATIVE_TAGS for c in clause.children))


PHONE_CODE = "041"


def _names_rather_than_phones(token, entry: LexEntry) -> bool:
    """'called the hearing', 'called his comments "racially toxic"', 'called what she saw
    terrible': calling a thing or calling someone something is no phone call."""
    if entry.code != PHONE_CODE or verb_lemma(token) != "call" or entry.objects:
        return False
    if any(c.dep_ in {"oprd", "ccomp", "attr"} and c.pos_ != "PROPN" for c in token.children) \
            or quoted_predicate(token):  # "called Scholz" may be parsed with Scholz as oprd
        return True
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ \
        and obj.lemma_.lower() not in VISITOR_NOUNS | PHONED_NOUNS


PHONED_NOUNS = {"counterpart", "colleague", "ally", "rival", "opponent", "governor", "mayor",
                "senator", "lawmaker", "family", "wife", "husband", "chief", "general"}


SHARE_WORDS = {"percent", "%", "percentage", "majority", "plurality", "third", "half", "quarter"}


def _poll_share(token, entry: LexEntry) -> bool:
    """'46 percent would back Trump', 'women back him by 20 points': a poll's count of
    supporters is no one's act of support."""
    if not entry.code.startswith("05"):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.lemma_.lower() in SHARE_WORDS or subject.pos_ == "NUM"):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(
        g.lemma_.lower() in {"point", "margin"} for g in c.children) for c in token.children)


RETREAT_PARTICLES = {"away", "out", "off"}


def _backs_away(token, entry: LexEntry) -> bool:
    """'backed away from a suggestion', 'backed out of the deal': retreating, not backing."""
    return entry.code.startswith("05") and verb_lemma(token) == "back" and any(
        c.lower_ in RETREAT_PARTICLES and c.dep_ in {"prt", "advmod", "prep"} and c.i == token.i + 1
        for c in token.children)


# What one meets that is a bar, not a body: "did not meet the 15 percent threshold".
MET_BARS = {"threshold", "requirement", "criterion", "criteria", "deadline", "target", "goal",
            "standard", "expectation", "condition", "obligation", "quota", "benchmark",
            "demand", "need", "challenge", "bar", "mark"}


def _meets_a_bar(token, entry: LexEntry) -> bool:
    """'met the threshold', 'meeting the deadline': reaching a bar is no meeting (the
    parser may hang the bar inside the object: 'the Commission's 15 percent threshold')."""
    if not entry.code.startswith("04") or verb_lemma(token) != "meet":
        return False
    for t in token.doc[token.i + 1:min(token.i + 1 + BAR_WINDOW, token.sent.end)]:
        if t.pos_ in {"VERB", "AUX"} or t.dep_ == "mark" or t.text in {",", ";", ":"}:
            return False  # the object phrase has ended
        if t.pos_ == "NOUN" and t.lemma_.lower() in MET_BARS:
            return True
    return False


BAR_WINDOW = 12  # words of an object phrase ("the Commission on Debates' 15 percent threshold")


SENSE_TESTS = (_asks_a_question, _trip_elsewhere, lambda token, entry: _purpose_phrase(token),
               _talk_without_partner, _rallies_followers, _wins_a_contest, _charges_ahead,
               _admits_no_fault, _armed_with, _motive_participle, _recognises_a_thing,
               _hostile_attitude, _backs_away, _receives_a_thing,
               _suggests_a_fact, _names_rather_than_phones,
               _poll_share, _challenges_in_a_race, _meets_a_bar)
