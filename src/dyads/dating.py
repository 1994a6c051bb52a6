"""Date each event of an article: its own date phrase, an anchor to another event, the
event it is reported with, or the publication date.

Works over the event candidates in text order, because "a day after Blinken asserted ..."
takes its date from another event of the same article.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import dates as date_text
from .events import arguments as args

PUBLISHED = "published"
# Clause links a date phrase may cross downwards: "said on Tuesday that Moscow urges" dates
# the urging, but "the Philippines, which brought the case in 2013" dates only "brought".
SHARED_CLAUSE_DEPS = {"conj"}


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None
    text: str | None


def sentence_dates(sent, published):
    """Date mentions of a sentence, with doc-level character offsets."""
    out = []
    for m in date_text.find_dates(sent.text, published):
        if m.date is not None:
            out.append((sent.start_char + m.start, sent.start_char + m.end, m))
    return out


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def clause_verb(token):
    """The verb of the clause a token belongs to (itself when it is a verb)."""
    cur = token
    for _ in range(12):
        if cur.pos_ in {"VERB", "AUX"} or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _path_up(low, high) -> list[str] | None:
    """Dependency labels from ``low`` up to its ancestor ``high``; None if not an ancestor."""
    labels, cur = [], low
    for _ in range(30):
        if cur.i == high.i:
            return labels
        if cur.head is cur:
            return None
        labels.append(cur.dep_)
        cur = cur.head
    return None


def attachment(date_verb, event_verb) -> int | None:
    """0: same clause; 1: on a verb that governs the event; 2: on a coordinated or
    complement clause under the event's verb; None: another clause."""
    if date_verb.i == event_verb.i:
        return 0
    if _path_up(event_verb, date_verb) is not None:
        return 1
    down = _path_up(date_verb, event_verb)
    if down is not None and set(down) <= SHARED_CLAUSE_DEPS:
        return 2
    return None


def pick_date(doc, trigger, mentions):
    """The date mention of the trigger's own clause (or the clause that reports it)."""
    event_verb = clause_verb(trigger)
    scored = []
    for start, _end, m in mentions:
        tok = _token_at(doc, start)
        if tok is None:
            continue
        rank = attachment(clause_verb(tok), event_verb)
        if rank is not None:
            scored.append((rank, abs(tok.i - trigger.i), m))
    return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


@dataclass(frozen=True)
class AnchorSplit:
    """'X came a day after Y ...': the anchor and the tokens of the anchored clause."""

    anchor: object
    start: int                 # doc character offset of the anchor phrase
    anchored: frozenset[int]   # token indices of the clause the anchor points to


def anchored_split(doc, sent) -> AnchorSplit | None:
    anchors = date_text.find_anchors(sent.text)
    if not anchors:
        return None
    a = anchors[0]
    start = sent.start_char + a.start
    word = _token_at(doc, sent.start_char + a.end - 1)  # "after" / "before"
    if word is None:
        return None
    head = word.head if word.dep_ in {"mark", "prep", "advmod"} else word
    target = args.child(word, "pobj", "pcomp") if word.dep_ == "prep" else None
    root = target if target is not None else head
    anchored = frozenset(t.i for t in root.subtree) if root is not None else frozenset()
    return AnchorSplit(a, start, anchored)


def _known(d: EventDate | None) -> bool:
    return d is not None and d.date is not None and d.text != PUBLISHED


def _same_actor(a, b) -> bool:
    return a is not None and b is not None and bool(
        (a.kb_id and a.kb_id == b.kb_id) or (a.code and a.code == b.code and a.sector))


def same_speaker_date(cand, earlier, dated) -> EventDate | None:
    """'The Russian minister had also claimed ...': the last dated event that the same
    person did or reported ("the event it is reported with")."""
    people = [a for a in (cand.source, getattr(cand, "reporter", None)) if a is not None]
    for prev in reversed(earlier):
        d = dated.get(id(prev))
        if not _known(d):
            continue
        theirs = [a for a in (prev.source, getattr(prev, "reporter", None)) if a is not None]
        if any(_same_actor(p, q) for p in people for q in theirs):
            return d
    return None


def _main_subject_actors(sent, actors):
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


def referred_date(earlier, dated, subject_actors) -> EventDate | None:
    """The date of the earlier event a main clause refers to ('the talk ... came'): one
    with the same person, else one with the same country."""
    for field in ("kb_id", "country"):
        keys = {getattr(a, field) for a in subject_actors if getattr(a, field)}
        for prev in reversed(earlier):
            d = dated.get(id(prev))
            if _known(d) and {getattr(prev.source, field, None),
                              getattr(prev.target, field, None)} & keys:
                return d
    return None


def _same_kind_date(doc, sent, earlier, dated) -> EventDate | None:
    """'The talks came a day after ...': the last dated event named by the same noun."""
    subj = args.subject_of(sent.root)
    if subj is None:
        return None
    for prev in reversed(earlier):
        d = dated.get(id(prev))
        if _known(d) and subj.lemma_ in _event_nouns(doc[prev.trigger]):
            return d
    return None


def _event_nouns(trigger) -> set[str]:
    """Words that name an event: its trigger, and the object a verb trigger carries
    ('held talks' is referred to as 'the talks')."""
    return {trigger.lemma_} | {c.lemma_ for c in trigger.children if c.dep_ in {"dobj", "obj"}}


def tweet_dates(boilerplate, body: str) -> list[tuple[int, int, str]]:
    """(start, end, iso) of embedded tweets: their 'today' is the tweet's date."""
    out = []
    for span in boilerplate:
        if span.kind != "tweet_signature" or not span.get("date"):
            continue
        iso, _ = date_text.ground(span.get("date"), None)
        if iso:
            out.append((body.rfind("\n", 0, span.start) + 1, span.start, iso))
    return out


def reference_date(sent, published, tweets) -> str | None:
    for start, end, iso in tweets:
        if start <= sent.start_char < end:
            return iso
    return published


def assign_dates(doc, candidates, published, actors, sentences, tweets=()) -> dict[int, EventDate]:
    """id(candidate) → EventDate, for candidates in text order."""
    dated: dict[int, EventDate] = {}
    cache: dict[int, tuple] = {}
    for n, cand in enumerate(candidates):
        sent = sentences[cand.sentence_index]
        if cand.sentence_index not in cache:
            ref = reference_date(sent, published, tweets)
            cache[cand.sentence_index] = (sentence_dates(sent, ref), anchored_split(doc, sent))
        mentions, split = cache[cand.sentence_index]
        dated[id(cand)] = date_event(doc, cand, candidates[:n], dated, mentions, split,
                                     sent, actors, published)
    return dated


def date_event(doc, cand, earlier, dated, mentions, split, sent, actors, published) -> EventDate:
    trigger = doc[cand.trigger]
    if split is not None:
        main_mentions = [m for m in mentions if _token_index(doc, m[0]) not in split.anchored]
        main = (_own(doc, sent.root, main_mentions) or
                referred_date(earlier, dated, _main_subject_actors(sent, actors)) or
                _same_kind_date(doc, sent, earlier, dated))
        if trigger.i in split.anchored:
            if main is not None and main.date and main.precision == "day":
                return EventDate(shift(main.date, -split.anchor.offset_days), "day", split.anchor.text)
        elif main is not None and _own(doc, trigger, main_mentions) is None:
            return main  # the main clause: 'the talk ... came a day after ...'
    own = _own(doc, trigger, mentions)
    if own is not None:
        return own
    same_sentence = [dated.get(id(p)) for p in earlier if p.sentence_index == cand.sentence_index]
    inherited = next((d for d in reversed(same_sentence) if _known(d)), None)
    inherited = inherited or same_speaker_date(cand, earlier, dated)
    if inherited is not None:
        return inherited
    return EventDate(published, "day" if published else None, PUBLISHED if published else None)


def _own(doc, trigger, mentions) -> EventDate | None:
    m = pick_date(doc, trigger, mentions)
    return EventDate(m.date, m.precision, m.text) if m is not None else None


def _token_index(doc, char: int) -> int | None:
    tok = _token_at(doc, char)
    return tok.i if tok is not None else None
