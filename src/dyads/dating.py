"""Date each event of an article: its own date phrase, an anchor to another event, the
closing attribution of its sentence ("..., the minister said on Tuesday"), the occasion it
belongs to (dyads.dates.occasions: same speaker, quotation attribution, crowd scene), the
date of the embedded tweet it is in, or the publication date.

Works over the event candidates in text order, because "a day after Blinken asserted ..."
takes its date from another event of the same article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from . import dates as date_text
from . import occasions
from .events import arguments as args
from .occasions import PUBLISHED, known

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


def nested_in_nouns(token, end_char: int, verb) -> bool:
    """A date phrase hanging from a noun dates that noun rather than the verb: "protests
    against Sunday's election", "in the shooting of a man in June"."""
    cur = token.head
    for _ in range(30):
        if cur.i == verb.i or cur.head is cur:
            return False
        if cur.pos_ in {"NOUN", "PROPN"} and not token.idx <= cur.idx < end_char:
            return True
        cur = cur.head
    return False


def pick_date(doc, trigger, mentions, nested: bool = True):
    """The date mention of the trigger's own clause (or the clause that reports it); one
    that only dates a noun of the clause loses to one on the verbs. An event noun's own
    phrase comes first ("the strike that killed him last week", "Sunday's election")."""
    if trigger.pos_ == "NOUN":
        inside = {t.i for t in trigger.subtree}
        own = [m for m in mentions if _token_index(doc, m[0]) in inside
               and not nested_in_nouns(doc[_token_index(doc, m[0])], m[1], trigger)]
        if own:
            return min(own, key=lambda m: abs(_token_index(doc, m[0]) - trigger.i))[2]
    event_verb = clause_verb(trigger)
    scored = []
    for start, end, m in mentions:
        tok = _token_at(doc, start)
        if tok is None:
            continue
        date_verb = clause_verb(tok)
        rank = attachment(date_verb, event_verb)
        if rank is not None:
            in_noun = nested_in_nouns(tok, end, date_verb)
            if nested or not in_noun:
                scored.append((in_noun, rank, abs(tok.i - trigger.i), m))
    return min(scored, key=lambda s: s[:3])[3] if scored else None


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
    out = []
    for a in date_text.find_anchors(sent.text):
        word = _token_at(doc, sent.start_char + a.end - 1)  # "after" / "before" / "day"
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
    _cache: dict = field(default_factory=dict)

    def _sentence(self, index: int) -> tuple:
        if index not in self._cache:
            sent = self.sentences[index]
            ref = reference_date(sent, self.published, self.tweets)
            self._cache[index] = (sentence_dates(sent, ref), anchored_splits(self.doc, sent))
        return self._cache[index]

    def mentions(self, index: int) -> list:
        return self._sentence(index)[0]

    def splits(self, index: int) -> list[AnchorSplit]:
        return self._sentence(index)[1]

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
    """Own date phrase (or anchor), else the date of the occasion it belongs to, else the
    publication date."""
    trigger, mentions = art.doc[cand.trigger], art.mentions(cand.sentence_index)
    found = (anchored_date(art, cand, earlier, dated)
             or _own(art.doc, trigger, mentions, nested=False)
             or trailing_attribution_date(art, cand)
             or _own(art.doc, trigger, mentions))
    if found is not None:
        return found
    inherited = (_same_sentence_date(cand, earlier, dated)
                 or occasions.attribution_date(art, cand)
                 or occasions.same_speaker_date(art, cand, earlier, dated)
                 or occasions.crowd_date(cand, earlier, dated))
    if inherited is not None:
        return inherited
    tweet = _tweet_of(art.sentences[cand.sentence_index], art.tweets)
    if tweet is not None:
        return EventDate(tweet[2], "day", tweet[3])
    published = art.published
    return EventDate(published, "day" if published else None, PUBLISHED if published else None)


def _same_sentence_date(cand, earlier, dated) -> EventDate | None:
    same = [dated.get(id(p)) for p in earlier if p.sentence_index == cand.sentence_index]
    return next((d for d in reversed(same) if known(d)), None)


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


def _main_clause_date(art, index, main_mentions, earlier, dated) -> EventDate | None:
    """'The talk ... came a day after ...': the main clause's own date, else that of the
    earlier event its subject names."""
    sent = art.sentences[index]
    return (_own(art.doc, sent.root, main_mentions)
            or occasions.referred_date(earlier, dated,
                                       occasions.main_subject_actors(sent, art.actors))
            or occasions.named_event_date(art.doc, args.subject_of(sent.root), earlier,
                                          dated, index))


def trailing_attribution_date(art, cand) -> EventDate | None:
    """'Forces detained hundreds during protests against Sunday's vote, the attorney
    general said on Tuesday.': the date of a closing attribution dates the report of the
    deeds before it that have no date of their own."""
    sent = art.sentences[cand.sentence_index]
    commas = [t for t in sent if t.text == "," and t.i > cand.trigger]
    if not commas:
        return None
    tail = art.doc[commas[-1].i + 1:sent.end]
    verbs = [t for t in tail if t.lemma_ in occasions.SPEECH_VERBS and t.pos_ == "VERB"]
    if not verbs or any(t.pos_ == "VERB" and t not in verbs for t in tail):
        return None
    inside = [m for m in art.mentions(cand.sentence_index) if m[0] >= tail.start_char]
    return _own(art.doc, verbs[0], inside)


def _own(doc, trigger, mentions, nested: bool = True) -> EventDate | None:
    m = pick_date(doc, trigger, mentions, nested)
    return EventDate(m.date, m.precision, m.text) if m is not None else None


def _token_index(doc, char: int) -> int | None:
    tok = _token_at(doc, char)
    return tok.i if tok is not None else None
