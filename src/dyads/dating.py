"""Date each event of an article: its own date phrase, an anchor to another event, the
event it is reported with, or the publication date.

Works over the event candidates in text order, because "a day after Blinken asserted ..."
takes its date from another event of the same article.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import dates as date_text


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None
    text: str | None


PUBLISHED = "published"


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


def _ancestors(token) -> set[int]:
    seen, cur = set(), token
    while cur.head is not cur and cur.i not in seen:
        seen.add(cur.i)
        cur = cur.head
    seen.add(cur.i)
    return seen


def pick_date(doc, trigger, mentions):
    """The date mention that belongs to the trigger's clause, else the nearest one."""
    if not mentions:
        return None
    chain = _ancestors(trigger)
    scored = []
    for start, end, m in mentions:
        tok = _token_at(doc, start)
        attached = tok is not None and (tok.head.i in chain or trigger.i in _ancestors(tok))
        distance = abs((tok.i if tok is not None else trigger.i) - trigger.i)
        scored.append((0 if attached else 1, distance, m))
    return min(scored, key=lambda s: (s[0], s[1]))[2]


def shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def anchored_split(sent, published):
    """(anchor, char offset) when the sentence says 'X came a day after Y ...'."""
    anchors = date_text.find_anchors(sent.text)
    if not anchors:
        return None
    a = anchors[0]
    return a, sent.start_char + a.start


def _same_actor(a, b) -> bool:
    return a is not None and b is not None and (
        (a.kb_id and a.kb_id == b.kb_id) or (a.code and a.code == b.code))


def earlier_event_date(candidate, earlier, dated, main_subject_actors):
    """The date of the earlier event the main clause refers to ('Blinken's remarks')."""
    for prev in reversed(earlier):
        d = dated.get(id(prev))
        if d is None or d.date is None or d.text == PUBLISHED:
            continue
        if any(_same_actor(prev.source, a) or _same_actor(prev.target, a)
               for a in main_subject_actors):
            return d
    return None


def last_dated(earlier, dated):
    for prev in reversed(earlier):
        d = dated.get(id(prev))
        if d is not None and d.date is not None and d.text != PUBLISHED:
            return d
    return None


def _main_subject_actors(sent, actors):
    """Actors of the main clause's subject, looking inside event nouns ('Blinken's remarks')."""
    from .events import arguments as args  # local: dates does not depend on events at import

    subj = args.subject_of(sent.root)
    if subj is None:
        return []
    tokens = [args.noun_source(subj), args.between_source(subj), args.noun_target(subj), subj]
    found = []
    for tok in tokens:
        if tok is not None:
            found += actors.at(tok)
    return found


def _referred_date(earlier, dated, subject_actors):
    by_id = [a for a in subject_actors if a.kb_id]
    hit = earlier_event_date(None, earlier, dated, by_id)
    if hit is None:
        hit = _country_match(earlier, dated, {a.country for a in subject_actors if a.country})
    return hit or last_dated(earlier, dated)


def _country_match(earlier, dated, countries):
    for prev in reversed(earlier):
        d = dated.get(id(prev))
        if d is None or d.date is None or d.text == PUBLISHED:
            continue
        if {getattr(prev.source, "country", None), getattr(prev.target, "country", None)} & countries:
            return d
    return None


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
            cache[cand.sentence_index] = (sentence_dates(sent, ref), anchored_split(sent, ref))
        mentions, anchor = cache[cand.sentence_index]
        trigger = doc[cand.trigger]
        earlier = candidates[:n]
        if anchor is not None:
            before = [m for m in mentions if m[0] < anchor[1]]
            main = (_as_event_date(before[0][2]) if before else
                    _referred_date(earlier, dated, _main_subject_actors(sent, actors)))
            if trigger.idx < anchor[1] and main is not None:
                dated[id(cand)] = main  # the main clause: 'the talk ... came a day after'
                continue
            if main is not None and main.date and main.precision == "day":
                dated[id(cand)] = EventDate(shift(main.date, -anchor[0].offset_days), "day",
                                            anchor[0].text)
                continue
        own = pick_date(doc, trigger, mentions)
        if own is not None:
            dated[id(cand)] = _as_event_date(own)
            continue
        inherited = last_dated(earlier, dated)
        dated[id(cand)] = inherited or EventDate(published, "day" if published else None,
                                                 PUBLISHED if published else None)
    return dated


def _as_event_date(mention) -> EventDate:
    return EventDate(mention.date, mention.precision, mention.text)
