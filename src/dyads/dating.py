"""Date each event of an article: its own date phrase (dyads.dates.attach: which clause a
phrase belongs to), an anchor to another event, the closing attribution of its sentence
("..., the minister said on Tuesday"), no date for a past deed the text gives no time
("had urged", "the woman who accused him"), the occasion it belongs to (dyads.occasions:
same speaker, quotation attribution, crowd scene), the date of the embedded tweet it is
in, or the publication date.

Works over the event candidates in text order, because "a day after Blinken asserted ..."
takes its date from another event of the same article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import dates as date_text
from . import occasions
from .deed_dates import deed_named_later
from .dates.narrative import explicit_year, in_year, lacks_year
from .dates.attach import (announced_deed, attachment, clause_verb, pick_date, token_at,
                           told_as_past)
from .docview import doc_text, span_text, view_of
from .events import arguments as args
from .events.quoted import QUOTED_MARK
from .events.reactions import is_reaction
from .event_date import EventDate
from .occasions import PUBLISHED, known


# A past deed the text gives no time for.
UNDATED = EventDate(None, None, None)
# Modalities of acts announced or imagined: their own time phrases date the deed.
ANNOUNCED = frozenset({"future", "hypothetical"})
QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"
CONTINUED_REPORT_SENTENCES = 1
NARRATIVE_SENTENCES = 2  # how far back a written-out year still sets the story's year


def sentence_dates(sent, published):
    """Date mentions of a sentence, with doc-level character offsets; vague ones
    ("recently", "since May") have no date: the deed is past, its day not given."""
    return [(sent.start_char + m.start, sent.start_char + m.end, m)
            for m in date_text.event_mentions(span_text(sent), published)]


def lead_end(text: str) -> int:
    """Where the lead ends: after the first two paragraphs (a title and the opening
    paragraph, or the first two), paragraphs being split by blank lines where there are any."""
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    if not breaks:
        breaks = [m.end() for m in re.finditer(r"\n", text)]
    return breaks[1] if len(breaks) > 1 else len(text)


def shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


@dataclass(frozen=True)
class AnchorSplit:
    """'X came a day after Y ...': the anchor and the tokens of the anchored clause."""

    anchor: object
    start: int                 # doc character offset of the anchor phrase
    anchored: frozenset[int]   # token indices of the clause the anchor points to
    head: int | None = None    # token index of the anchored clause's head (noun or verb)


def anchored_splits(doc, sent) -> list[AnchorSplit]:
    """Every anchor of a sentence: 'two days after X ..., and a day after Y ...'."""
    out, text = [], span_text(sent)
    for a in date_text.find_anchors(text):
        if date_text.follows_on(a, text):
            continue  # counted from the last date given, not from a clause (follow_on_date)
        word = token_at(doc, sent.start_char + a.end - 1)  # "after" / "before" / "day"
        if word is None:
            continue
        root = _counted_clause(doc, sent.start_char + a.start, sent.start_char + a.end)
        if root is None:
            head = word.head if word.dep_ in {"mark", "prep", "advmod"} else word
            target = args.child(word, "pobj", "pcomp") if word.dep_ == "prep" else None
            root = target if target is not None else head
        anchored = frozenset(t.i for t in root.subtree) if root is not None else frozenset()
        out.append(AnchorSplit(a, sent.start_char + a.start, anchored,
                               root.i if root is not None else None))
    return out


def _counted_clause(doc, start: int, end: int):
    """'a day after Azerbaijan shot down ...': the count ('day') modifies the anchored
    verb that follows without a break, even where the parser reads the actor as the
    object of 'after' ('hours before the truce, jets struck' is the main clause)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for tok in span or ():
        verb = tok.head
        if (tok.dep_ == "npadvmod" and verb.pos_ == "VERB" and verb.i >= span.end
                and not any(t.is_punct for t in doc[span.end:verb.i])):
            return verb
    return None


def _innermost(splits, token_index: int) -> AnchorSplit | None:
    """The anchor whose clause holds the token most closely (nested anchors: the smallest)."""
    holding = [s for s in splits if token_index in s.anchored]
    return min(holding, key=lambda s: len(s.anchored)) if holding else None


def _anchored_noun(doc, split: AnchorSplit):
    """The noun an anchored clause names its event by: 'before the truce (began)'."""
    if split.head is None:
        return None
    head = doc[split.head]
    return head if head.pos_ in {"NOUN", "PROPN"} else args.subject_of(head)


def _offset(split: AnchorSplit, later: EventDate) -> int:
    """Days from the anchored event to the main one; 'hours before' an event in the first
    hours of a day ('the truce began early on Wednesday') is the day before."""
    a = split.anchor
    if a.offset_days == 0 and date_text.points_before(a) and date_text.in_early_hours(later.text):
        return -1
    return a.offset_days


def _anchor_back(split: AnchorSplit, main: EventDate) -> int:
    """Days from the main event back to the anchored one ('hours after' an early event)."""
    a = split.anchor
    if a.offset_days == 0 and not date_text.points_before(a) and date_text.in_early_hours(main.text):
        return -1
    return -a.offset_days


def tweet_dates(boilerplate, body: str) -> list[tuple[int, int, str, str]]:
    """(start, end, iso, signature date text) of embedded tweets: their 'today', and
    anything they report without a date, is the tweet's date."""
    out = []
    for span in boilerplate:
        if span.kind != "tweet_signature" or not span.get("date"):
            continue
        iso, _ = date_text.ground(span.get("date"), None)
        if iso:
            out.append((body.rfind("\n", 0, span.start) + 1, span.start, iso, span.get("date")))
    return out


def _tweet_of(sent, tweets) -> tuple | None:
    return next((t for t in tweets if t[0] <= sent.start_char < t[1]), None)


def reference_date(sent, published, tweets) -> str | None:
    tweet = _tweet_of(sent, tweets)
    return tweet[2] if tweet is not None else published


@dataclass
class ArticleDating:
    """One article's parse, actors and date settings, with each sentence's date mentions
    and anchors worked out once."""

    doc: object
    sentences: list
    published: str | None
    actors: object
    tweets: tuple = ()
    _mentions: dict = field(default_factory=dict)
    _as_written: dict = field(default_factory=dict)
    _splits: dict = field(default_factory=dict)
    _lead_end: int | None = None
    _subjects: dict = field(default_factory=dict)

    def mentions(self, index: int) -> list:
        # apart from the splits: a speaker's look-back asks only whether a sentence has any
        if index not in self._mentions:
            found = self._written(index)
            year = self._narrative_year(index) if any(lacks_year(m) for _, _, m in found) else None
            ref = reference_date(self.sentences[index], self.published, self.tweets)
            self._mentions[index] = found if year is None else [
                (start, end, in_year(m, year, ref)) for start, end, m in found]
        return self._mentions[index]

    def _written(self, index: int) -> list:
        """The sentence's date mentions as written, each grounded on its own."""
        if index not in self._as_written:
            sent = self.sentences[index]
            self._as_written[index] = sentence_dates(
                sent, reference_date(sent, self.published, self.tweets))
        return self._as_written[index]

    def _narrative_year(self, index: int) -> int | None:
        """A past year the sentences just before wrote out with a month ("On March 2,
        2015, ..."), in which this sentence's month-days without a year fall."""
        published_year = int(self.published[:4]) if self.published else None
        for before in range(index - 1, max(-1, index - 1 - NARRATIVE_SENTENCES), -1):
            years = [explicit_year(m) for _, _, m in self._written(before)]
            year = next((y for y in reversed(years) if y is not None), None)
            if year is not None:
                return year if published_year and year < published_year else None
        return None

    def splits(self, index: int) -> list[AnchorSplit]:
        if index not in self._splits:
            self._splits[index] = anchored_splits(self.doc, self.sentences[index])
        return self._splits[index]

    def narrated(self, index: int, token) -> bool:
        """The sentence is past the lead (its first two paragraphs) and the token is
        outside quotation marks: the text's own account of earlier deeds."""
        if self._lead_end is None:
            self._lead_end = lead_end(doc_text(self.doc))
        sent = self.sentences[index]
        before = span_text(sent)[:token.idx - sent.start_char]
        opened = before.count(QUOTE_OPEN) - before.count(QUOTE_CLOSE) + before.count('"') % 2
        return sent.start_char >= self._lead_end and opened <= 0

    def subject_actors(self, index: int) -> list:
        """``occasions.main_subject_actors`` of sentence ``index``, worked out once: the
        look-back for a speaker's earlier date asks it of the same sentences again and again."""
        if index not in self._subjects:
            sent = self.sentences[index]
            self._subjects[index] = occasions.main_subject_actors(sent, self.actors)
        return self._subjects[index]

    def own(self, index: int, token) -> EventDate | None:
        """The date phrase of ``token``'s clause in sentence ``index``."""
        return _own(self.doc, token, self.mentions(index))


def assign_dates(doc, candidates, published, actors, sentences, tweets=()) -> dict[int, EventDate]:
    """id(candidate) → EventDate, for candidates in text order."""
    art = ArticleDating(doc, list(sentences), published, actors, tuple(tweets))
    dated: dict[int, EventDate] = {}
    for n, cand in enumerate(candidates):
        dated[id(cand)] = date_event(art, cand, candidates[:n], dated)
    return dated


def date_event(art, cand, earlier, dated) -> EventDate:
    """Own date phrase (or anchor), else none for an undated past deed, else the date of
    the occasion it belongs to, else the publication date."""
    trigger, mentions = art.doc[cand.trigger], art.mentions(cand.sentence_index)
    if QUOTED_MARK in cand.entry.id:  # a quotation's own judging words: said with its cue
        said = occasions.quoted_cue_date(art, cand) or occasions.same_speaker_date(
            art, cand, earlier, dated)
        return said if said is not None else _published(art)
    deed = cand.modality in ANNOUNCED and announced_deed(trigger)
    # a reaction's cause is an earlier deed: "outraged by Comey's announcement Friday"
    # dates the announcement, not the outrage
    nested = not is_reaction(cand.entry)
    found = (anchored_date(art, cand, earlier, dated)
             or follow_on_date(art, cand)
             or _own(art.doc, trigger, mentions, nested=False, deed=deed)
             or trailing_attribution_date(art, cand)
             or (_own(art.doc, trigger, mentions, deed=deed) if nested else None))
    if found is not None:
        return found
    if _told_as_earlier(trigger):
        return UNDATED  # "X earlier asked ...": before the news, at a time not given
    past = told_as_past(trigger, art.narrated(cand.sentence_index, trigger))
    if past is not None:
        # a perfect that goes on with the speaker of the sentence before ("The minister
        # had also claimed ...") is part of that report
        going_on = past == "perfect" and occasions.same_speaker_date(
            art, cand, earlier, dated, reach=CONTINUED_REPORT_SENTENCES)
        return going_on or UNDATED
    inherited = (_same_sentence_date(cand, earlier, dated)
                 or occasions.occasion_date(art, cand, earlier, dated)
                 or (None if deed else _main_clause_own_date(art, cand))
                 or occasions.attribution_date(art, cand)
                 or occasions.same_speaker_date(art, cand, earlier, dated)
                 or occasions.message_date(art, cand)
                 or occasions.crowd_date(cand, earlier, dated)
                 or deed_named_later(art, cand))
    if inherited is not None:
        return inherited
    tweet = _tweet_of(art.sentences[cand.sentence_index], art.tweets)
    if tweet is not None:
        return EventDate(tweet[2], "day", tweet[3])
    return _published(art)


def _published(art) -> EventDate:
    """The publication date, where nothing in the text dates the event."""
    published = art.published
    return EventDate(published, "day" if published else None, PUBLISHED if published else None)


# "later": after the last time told, at a time the text does not give ("X later insisted")
EARLIER_WORDS = frozenset({"earlier", "previously", "formerly", "once", "later"})


def _told_as_earlier(trigger) -> bool:
    """A past-tense deed placed before the news, or after an earlier scene, with no time
    of its own ('earlier asked', 'had previously warned', 'later insisted'); 'earlier this
    month' and 'later on Monday' are date phrases, found first."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else None
    return verb is not None and verb.tag_ in {"VBD", "VBN"} and any(
        c.dep_ == "advmod" and c.lower_ in EARLIER_WORDS and not list(c.children)
        for c in verb.children)


def _same_sentence_date(cand, earlier, dated) -> EventDate | None:
    same = [dated.get(id(p)) for p in earlier if p.sentence_index == cand.sentence_index]
    return next((d for d in reversed(same) if known(d)), None)


def _main_clause_own_date(art, cand) -> EventDate | None:
    """'Notes released Monday revealed ..., and officials deny ...': an undated clause
    tells of the day its sentence's main clause is dated to. Only a day: a year or a
    period on the main clause ('the time before 1972') is background, not the news."""
    root = art.sentences[cand.sentence_index].root
    if root.i == cand.trigger:
        return None
    own = _own(art.doc, root, art.mentions(cand.sentence_index), nested=False)
    return own if own is not None and own.precision == "day" else None


def anchored_date(art, cand, earlier, dated) -> EventDate | None:
    """Dates in a sentence with anchors ('X came a day after Y'): the anchored clause takes
    the main clause's date less the offset; the main clause its own date, else the date
    of the event the anchored clause names plus the offset, else the event it refers to."""
    splits = art.splits(cand.sentence_index)
    if not splits:
        return None
    doc = art.doc
    anchored = frozenset().union(*(s.anchored for s in splits))
    main_mentions = [m for m in art.mentions(cand.sentence_index)
                     if _token_index(doc, m[0]) not in anchored]
    trigger = doc[cand.trigger]
    part = _innermost(splits, trigger.i)
    if part is not None:
        main = _main_clause_date(art, cand.sentence_index, main_mentions, earlier, dated)
        if main is not None and main.date and main.precision == "day":
            return EventDate(shift(main.date, _anchor_back(part, main)), "day", part.anchor.text)
        return None
    own = _own(doc, trigger, main_mentions)
    if own is not None:
        return own
    for split in splits:
        named = occasions.named_event_date(doc, _anchored_noun(doc, split), earlier, dated,
                                 cand.sentence_index)
        if named is not None and named.precision == "day":
            return EventDate(shift(named.date, _offset(split, named)), "day", split.anchor.text)
    return _main_clause_date(art, cand.sentence_index, main_mentions, earlier, dated)


def follow_on_date(art, cand) -> EventDate | None:
    """'On March 2 the paper revealed ..., and the following day the committee asked':
    a follow-on anchor of the trigger's clause counts from the last day named before it,
    in its sentence or the two before."""
    sent = art.sentences[cand.sentence_index]
    event_verb = clause_verb(art.doc[cand.trigger])
    text = span_text(sent)
    for a in date_text.find_anchors(text):
        word = token_at(art.doc, sent.start_char + a.start)
        if (not date_text.follows_on(a, text) or word is None
                or attachment(clause_verb(word), event_verb) is None):
            continue
        before = _last_day_before(art, cand.sentence_index, sent.start_char + a.start)
        if before is not None:
            return EventDate(shift(before.date, a.offset_days), "day", a.text)
    return None


def _last_day_before(art, index: int, char: int):
    """The last mention naming a day before ``char``, looking back two sentences."""
    for i in range(index, max(-1, index - 3), -1):
        days = [m for start, _, m in art.mentions(i) if start < char and m.precision == "day"]
        if days:
            return days[-1]
    return None


def _main_clause_date(art, index, main_mentions, earlier, dated) -> EventDate | None:
    """'The talk ... came a day after ...': the main clause's own date, else that of the
    earlier event its subject names."""
    sent = art.sentences[index]
    return (_own(art.doc, sent.root, main_mentions)
            or occasions.referred_date(earlier, dated,
                                       art.subject_actors(index))
            or occasions.named_event_date(art.doc, args.subject_of(sent.root), earlier,
                                          dated, index))


def trailing_attribution_date(art, cand) -> EventDate | None:
    """'Forces detained hundreds during protests against Sunday's vote, the attorney
    general said on Tuesday.': the date of a closing attribution dates the report of the
    deeds before it that have no date of their own."""
    sent = art.sentences[cand.sentence_index]
    words = view_of(art.doc).words  # every undated deed asks: no Token per word
    commas = [i for i in range(max(cand.trigger + 1, sent.start), sent.end) if words[i] == ","]
    if not commas:
        return None
    tail = art.doc[commas[-1] + 1:sent.end]
    verbs = [t for t in tail if t.lemma_ in occasions.SPEECH_VERBS and t.pos_ == "VERB"]
    if not verbs or any(t.pos_ == "VERB" and t not in verbs for t in tail):
        return None
    inside = [m for m in art.mentions(cand.sentence_index) if m[0] >= tail.start_char]
    return _own(art.doc, verbs[0], inside)


def _own(doc, trigger, mentions, nested: bool = True, deed: bool = False) -> EventDate | None:
    m = pick_date(doc, trigger, mentions, nested, deed)
    return EventDate(m.date, m.precision, m.text) if m is not None else None


def _token_index(doc, char: int) -> int | None:
    tok = token_at(doc, char)
    return tok.i if tok is not None else None
