"""Which earlier event an undated event belongs to: the same speaker's dated remarks, the
quotation attribution that follows, the crowd scene of the lead, or the occasion a noun
names ("the talks came ...", "hours before the truce").

Event-level companions of dyads.dating. They only hand back dates already given to earlier
events or read from a sentence through ``art`` (a dyads.dating.ArticleDating), so an
inherited date is always one the text states somewhere.
"""
from __future__ import annotations

from .docview import is_root
from .dates.anchors import occasion_words
from .dates.attach import clause_verb
from .event_date import EventDate
from .events import arguments as args
from .events.roots import MATERIAL_ROOTS

PUBLISHED = "published"
PRONOUNS = frozenset("he she it they we his her its their him them".split())
QUOTE_MARKS = frozenset("\"\u201c\u2018'")
# Verbs of a quotation's attribution: '"...," he said in a televised address on Saturday.'
SPEECH_VERBS = frozenset({"say", "tell", "add", "write", "declare", "state", "warn"})
# Sectors of unnamed crowds (protesters, residents, civilians), whose deeds in the
# sentences after a dated one belong to the same scene.
CROWD_SECTORS = frozenset({"PPL", "CVL"})
CROWD_SCENE_SENTENCES = 2


def known(d) -> bool:
    """A date the text gave (its own phrase or one inherited), not the publication date."""
    return d is not None and d.date is not None and d.text != PUBLISHED


def _is_pronoun(actor) -> bool:
    return (actor.text or "").lower() in PRONOUNS


def _last_name(actor) -> str:
    words = (actor.name or actor.text or "").lower().split()
    return words[-1] if words else ""


def _same_actor(a, b) -> bool:
    """The same person or body: equal knowledge-base ids where both have one (a whole
    country is no speaker); otherwise the same code, and a pronoun or the same last name
    ("Lavrov" / "Sergei Lavrov"), so that two unnamed officials of one government differ."""
    if a is None or b is None:
        return False
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id and bool(a.sector or b.sector)
    if _same_named_person(a, b):  # "Reps. Elijah Cummings" and the "Cummings" who wrote
        return True
    if not (a.code and a.code == b.code and a.sector):
        return False
    return _bare_pronoun(a) or _bare_pronoun(b) or _last_name(a) == _last_name(b)


def _bare_pronoun(actor) -> bool:
    """A pronoun with no name behind it; 'he' for a person named before is that person,
    compared by name ('He said Kyiv had asked ...' is the minister, not the president)."""
    return _is_pronoun(actor) and not actor.name


NAMING_RESOLUTIONS = {"person", "title", "coref"}


def _same_named_person(a, b) -> bool:
    """Two mentions of one person the KB does not know: the same full name and country
    (a title may give one mention a sector the other lacks)."""
    return (not a.kb_id and not b.kb_id and bool(a.name) and " " in a.name
            and a.name == b.name and a.country == b.country
            and a.resolved_by in NAMING_RESOLUTIONS and b.resolved_by in NAMING_RESOLUTIONS)


def _people(cand) -> list:
    return [a for a in (cand.source, getattr(cand, "reporter", None)) if a is not None]


def _addressed(prev, people) -> bool:
    """A named person the earlier event was aimed at ('told Wang Yi in a call'), speaking next."""
    t = prev.target
    return t is not None and bool(t.kb_id) and any(p.kb_id == t.kb_id for p in people)


def same_speaker_date(art, cand, earlier, dated, reach: int | None = None) -> "EventDate | None":
    """'The Russian minister had also claimed ...': the date of the person's latest dated
    appearance in an earlier sentence, as the actor or reporter of an event, or as the
    subject of a sentence with its own date ('Trudeau said on Tuesday ...'); a person
    addressed in one of the two sentences before counts too ('told Wang ... Wang accused').
    ``reach``: look back only that many sentences."""
    people = _people(cand)
    if _in_time_clause(art.doc[cand.trigger]):  # only who tells the whole sentence times it
        people = [p for p in people if p is getattr(cand, "reporter", None)]
    if not people:
        return None
    reach = SPEAKER_REACH_SENTENCES if reach is None else min(reach, SPEAKER_REACH_SENTENCES)
    stop = max(-1, cand.sentence_index - 1 - reach)
    recent = _since(earlier, stop)
    by_sentence: dict[int, list] = {}
    for prev in recent:
        by_sentence.setdefault(prev.sentence_index, []).append(prev)
    answered = {p.sentence_index for p in recent if _answers_deed(cand, p)}
    for index in range(cand.sentence_index - 1, stop, -1):
        if index in answered:
            continue
        near = cand.sentence_index - index <= 2
        for prev in reversed(by_sentence.get(index, [])):
            d = dated.get(id(prev))
            if known(d) and (any(_same_actor(p, q) for p in people for q in _people(prev))
                              or (near and _addressed(prev, people))):
                return d
        d = _subject_date(art, index, people)
        if d is not None:
            return d
    return None


# Subordinators of a clause timed by the clause it hangs on.
TIME_MARKS = frozenset({"after", "before", "when", "while", "as", "once", "until", "since"})


def _in_time_clause(trigger) -> bool:
    """'He attacked her record after she accused him': a clause told as the time of its
    sentence's main clause is of that clause's time, not of its own actor's other
    sentences ('Schiff said' still dates 'while Kerry negotiates', as all he said)."""
    verb = clause_verb(trigger)
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children)


# How far back a speaker's earlier dated appearance is looked for: further than any news
# story's length in sentences, so only a pathological text (thousands of sentences) is cut
# short, and the look-back stays linear in the article's length.
SPEAKER_REACH_SENTENCES = 200


def _since(earlier, stop: int) -> list:
    """The candidates of ``earlier`` (in text order) from sentences after ``stop``."""
    n = len(earlier)
    while n > 0 and earlier[n - 1].sentence_index > stop:
        n -= 1
    return earlier[n:]


# Words said about a deed: "X shelled the camp on Monday. X denied targeting civilians"
# answer the reports of the deed, on a day of their own, so the deed's sentence lends
# them no date.
RESPONSE_ROOTS = frozenset({"01", "11", "12"})


def _answers_deed(cand, prev) -> bool:
    return cand.root in RESPONSE_ROOTS and prev.root in MATERIAL_ROOTS


def _subject_date(art, index, people) -> "EventDate | None":
    """The date of a sentence whose main subject is one of ``people`` and whose main verb
    carries its own date phrase."""
    if not art.mentions(index):  # no date phrase: its subject need not be resolved
        return None
    if not any(_same_actor(p, a) for p in people for a in art.subject_actors(index)):
        return None
    return art.own(index, art.sentences[index].root)


def attribution_date(art, cand) -> "EventDate | None":
    """'Vucic accused X. "...," he said in an address late on Saturday.': the date of the
    quotation's attribution in the next sentence dates the statement it follows."""
    index = cand.sentence_index + 1
    if index >= len(art.sentences) or not _people(cand):
        return None
    sent = art.sentences[index]
    root = sent.root
    subj = args.subject_of(root)
    if (not sent.text.lstrip()[:1] in QUOTE_MARKS or root.lemma_ not in SPEECH_VERBS
            or subj is None or subj.lower_ not in PRONOUNS):
        return None
    said_by = art.actors.at(subj)
    if said_by and not any(_same_actor(p, a) for p in _people(cand) for a in said_by):
        return None
    return art.own(index, root)


def _crowd_countries(cand) -> set[str]:
    return {a.country for a in (cand.source, cand.target)
            if a is not None and a.country and not a.kb_id and a.sector in CROWD_SECTORS}


def crowd_date(cand, earlier, dated) -> "EventDate | None":
    """'People rallied in Belgrade yesterday. ... Police detained 22 people.': an undated
    deed of the same country's crowd within two sentences of a dated one is the same scene."""
    mine = _crowd_countries(cand)
    if not mine:
        return None
    for prev in reversed(earlier):
        gap = cand.sentence_index - prev.sentence_index
        if gap > CROWD_SCENE_SENTENCES:
            return None
        d = dated.get(id(prev))
        if gap > 0 and known(d) and d.precision == "day" and _crowd_countries(prev) & mine \
                and not _answers_deed(cand, prev):
            return d
    return None


def main_subject_actors(sent, actors):
    """Actors of the main clause's subject, looking inside event nouns ('Blinken's remarks')."""
    subj = args.subject_of(sent.root)
    if subj is None:
        return []
    tokens = [args.noun_source(subj), args.between_source(subj), args.noun_target(subj), subj]
    found = []
    for tok in tokens:
        if tok is not None:
            found += actors.at(tok)
    return found


def referred_date(earlier, dated, subject_actors) -> "EventDate | None":
    """The date of the earlier event a main clause refers to ('the talk ... came'): one
    with the same person, else one with the same country."""
    for field in ("kb_id", "country"):
        keys = {getattr(a, field) for a in subject_actors if getattr(a, field)}
        for prev in reversed(earlier):
            d = dated.get(id(prev))
            if known(d) and {getattr(prev.source, field, None),
                              getattr(prev.target, field, None)} & keys:
                return d
    return None


def named_event_date(doc, noun, earlier, dated, before_sentence: int) -> "EventDate | None":
    """'The talks came ...', 'hours before the truce began': the last dated event of an
    earlier sentence named by the same noun or one for the same kind of occasion."""
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    words = occasion_words(noun.lemma_)
    for prev in reversed(earlier):
        d = dated.get(id(prev))
        if (prev.sentence_index < before_sentence and known(d)
                and words & _event_nouns(doc[prev.trigger])):
            return d
    return None


# "AT the formal talks, the two sides agreed", "DURING the summit, they signed": the
# occasion a clause's deed happened at
OCCASION_PREPS = frozenset({"at", "during"})
BACK_DETERMINERS = frozenset({"the", "that", "this", "those", "these"})


def occasion_date(art, cand, earlier, dated) -> "EventDate | None":
    """'At the formal talks, the two sides agreed ...': the date of the earlier event that
    the clause's 'at/during the ...' occasion refers back to."""
    verb = clause_verb(art.doc[cand.trigger])
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in OCCASION_PREPS:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or not any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS
                                   for c in noun.children):
            continue
        found = named_event_date(art.doc, noun, earlier, dated, cand.sentence_index)
        if found is not None:
            return found
    return None


def _event_nouns(trigger) -> set[str]:
    """Words that name an event: its trigger, and the object a verb trigger carries
    ('held talks' is referred to as 'the talks')."""
    lemmas = {trigger.lemma_} | {c.lemma_ for c in trigger.children if c.dep_ in {"dobj", "obj"}}
    return {w for lemma in lemmas for w in occasion_words(lemma)}


# Messages whose contents the next sentences report: "a pair of letters Democrats sent
# Saturday. Sens. A and B said they found ...", "In a statement released Tuesday, X said".
MESSAGE_WORDS = frozenset({"letter", "statement", "email", "e-mail", "memo", "release",
                           "tweet", "post", "message", "note", "column", "op-ed", "editorial"})
SENDING_VERBS = frozenset({"send", "release", "issue", "post", "write", "publish", "sign",
                           "deliver", "circulate", "pen"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
# How far on a dated message dates the words reported from it: wire copy names the
# letters, tells the reply, then quotes each signer (polnear: 4 sentences on).
MESSAGE_SENTENCES = 4


def message_date(art, cand) -> "EventDate | None":
    """The day a message was sent dates the words reported from it: an undated verbal
    event in the message's sentence or the two after takes the day of the last message
    named before it with one ('letters sent Saturday')."""
    trigger = art.doc[cand.trigger]
    told = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.sent.root  # its telling
    if cand.code[:2] not in VERBAL_ROOTS or told.tag_ not in {"VBD", "VBN"}:
        return None
    trigger_char = art.doc[cand.trigger].idx
    for index in range(cand.sentence_index, max(-1, cand.sentence_index - MESSAGE_SENTENCES - 1), -1):
        for start, _, mention in reversed(art.mentions(index)):
            word = _token_at(art.doc, start)
            if start < trigger_char and mention.precision == "day" and word is not None \
                    and _dates_a_message(word):
                return EventDate(mention.date, mention.precision, mention.text)
    return _own_message_after(art, cand)


def _own_message_after(art, cand) -> "EventDate | None":
    """'X said ... . X's statement, released Tuesday, came in response to ...': the
    speaker's own message dated in the next sentence dates the words."""
    index = cand.sentence_index + 1
    if index >= len(art.sentences) or cand.source is None:
        return None
    for start, _, mention in art.mentions(index):
        word = _token_at(art.doc, start)
        message = _message_of(word) if word is not None and mention.precision == "day" else None
        owner = args.child(message, "poss") if message is not None else None
        if owner is not None and any(_same_actor(cand.source, a) or a.name == cand.source.name
                                     for a in art.actors.at(owner)):
            return EventDate(mention.date, mention.precision, mention.text)
    return None


def _message_of(word):
    """The message noun a date word dates through its sending verb, or None."""
    if not _dates_a_message(word):
        return None
    verb = word
    while verb.pos_ not in {"VERB", "AUX"} and not is_root(verb):
        verb = verb.head
    if verb.dep_ in {"acl", "relcl"}:
        return verb.head
    return args.child(verb, "dobj", "nsubjpass")


def _dates_a_message(word) -> bool:
    verb = word
    for _ in range(4):  # up to the clause's verb
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    if verb.lemma_.lower() not in SENDING_VERBS:
        return False
    sent_thing = args.child(verb, "dobj", "nsubjpass")
    if sent_thing is not None and sent_thing.lemma_.lower() in MESSAGE_WORDS:
        return True  # "sent a letter on Saturday", "the letter was sent Saturday"
    return verb.dep_ in {"acl", "relcl"} and verb.head.lemma_.lower() in MESSAGE_WORDS


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def quoted_cue_date(art, cand) -> "EventDate | None":
    """'"It is baseless. It is a sham," his lawyer said on Friday.': a quotation's own
    sentence is said when its cue is, found in the sentence or the next three."""
    for index in range(cand.sentence_index, min(len(art.sentences), cand.sentence_index + 4)):
        verbs = [t for t in art.sentences[index]
                 if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB" and t.i >= cand.trigger]
        if verbs:
            return art.own(index, verbs[0])
    return None
