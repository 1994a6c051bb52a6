"""Assemble the OUTPUT.md records: events (with dates, places, quotes, codes) and quotes.

The stages find pieces; this module joins them per event, binds actors' roles to the
event date, merges an article's repeated reports of one event, and scores confidence.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from . import __version__
from .actors import coref
from .actors.kb import composite_code
from .actors.phrases import phrase_of
from .dating import assign_dates, tweet_dates
from .docview import doc_text, view_of
from .events.arguments import child, complement_clause
from .events.codes import cameo_code
from .events.combine import names_its_deed
from .events.discards import keep_event
from .events.judgements import APOLOGY_CODE
from .events.pairs import CROWD_SECTORS
from .events.roots import STANDALONE_STATEMENTS
from .places import find_location
from .quotes import find_quotes
from .records import Actor, Event, Quote, Sentence, Trigger

SWAPPABLE_ROOTS = {"03", "04", "05", "06", "19"}
CONFIDENT_RESOLUTIONS = {"person", "country", "metonym", "igo", "handle", "coref", "title"}


SHORT_PHRASE_WORDS = 4


def build_quotes(article, doc, actors) -> list[Quote]:
    """Direct quotations with speakers resolved as actors. A quotation split by its cue
    ('"A," she said. "B."') is two, as the output contract asks (no quote marks or cue
    inside a quote); scoring against attribution corpora joins the halves.

    Short quoted phrases ("no real sincerity") are kept when someone says them; longer
    partial quotations inside a sentence are reported speech, not quotes of their own.
    """
    tweets = [s for s in article.boilerplate if s.kind == "tweet_signature"]
    text = doc_text(doc)  # spaCy rebuilds doc.text from a Token per token on every access
    found = find_quotes(doc, tweets, text=text)
    quoted = tuple((q.start, q.end) for q in found)
    out = []
    for q in found:
        speaker = _speaker(doc, q, actors, quoted)
        if q.kind == "phrase" and (speaker is None or len(q.text.split()) > SHORT_PHRASE_WORDS):
            continue
        out.append(Quote(speaker=speaker, quote=article.body[q.start:q.end], start=q.start,
                         end=q.end, cue=q.cue, cue_start=q.cue_start, cue_end=q.cue_end,
                         kind=q.kind))
    return out


def _speaker(doc, q, actors, quoted=()) -> Actor | None:
    if q.speaker_start is None:
        return None
    if q.kind == "tweet":
        name = q.speaker_text or ""
        match = actors.kb.person(name, on=actors.published)
        return Actor(text=name, start=q.speaker_start, end=q.speaker_end,
                     name=match.name if match else name, kb_id=match.kb_id if match else None,
                     country=match.country if match else None,
                     sector=match.sector if match else None,
                     code=_code(match), resolved_by="person" if match else None)
    span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if q.speaker_is_pronoun:  # '"...," he said': the last person named outside quotations
        return coref.resolve_pronoun(span.root, actors.antecedents, quoted)
    found = actors.at(span.root)
    if found:
        return found[0]
    return Actor(text=span.text, start=span.start_char, end=span.end_char, name=span.text)


def _code(match):
    return composite_code(match.country, match.sector) if match else None


def build_events(article, doc, candidates, actors, quotes, resources, settings, coder) -> list[Event]:
    sentences = list(doc.sents)
    candidates = [c for cand in candidates for c in _speakers_as_sources(cand, doc, quotes, actors)]
    tweets = tweet_dates(article.boilerplate, article.body)
    dates = assign_dates(doc, candidates, article.published, actors, sentences, tweets)
    body_hash = hashlib.sha1(article.body.encode("utf-8")).hexdigest()[:16]
    events = []
    for cand in candidates:
        d = dates[id(cand)]
        source = actors.rebind(cand.source, d.date) if cand.source else None
        target = actors.rebind(cand.target, d.date) if cand.target else None
        if (cand.root == "01" or cand.code == APOLOGY_CODE) and target is not None \
                and target.sector == "MED":
            target = None  # "confirmed the deaths to VOA": the press carries it, no counterpart
        if (settings.statements_need_target and cand.root == "01" and target is None
                and cand.code not in STANDALONE_STATEMENTS):
            continue
        if not settings.plain_reporting and _plain_reporting(cand, doc):
            continue
        sent = sentences[cand.sentence_index]
        trigger = doc[cand.trigger]
        info = cameo_code(cand.code)
        location = find_location(sent, trigger, _actor_tokens(doc, cand), resources.gazetteer,
                                 tuple(a.country for a in (source, target) if a and a.country))
        source = _protesters_of_place(cand, source, target, location)
        source, target = _police_action_of_place(cand, source, target, location)
        source = _no_press_force(_unless_anyone(source, cand.root, doc), cand.root) \
            or _implied_doer(cand, trigger, target, location)
        if source is None and settings.events_need_source and not (
                cand.root >= SOURCELESS_FROM and names_its_deed(cand.entry)):
            continue
        if not any(_named(a) for a in (source, target)):
            continue  # "the storm killed 12 people": no country, no body
        confidence = score_confidence(cand, source, target)
        if confidence < settings.min_confidence:
            continue
        events.append(Event(
            event_id=event_id(article.doc_id, body_hash, trigger.idx, cand.code, source, target),
            doc_id=article.doc_id, published=article.published, source=source, target=target,
            cameo=cand.code, plover=info.plover, plover_mode=info.plover_mode,
            quad_class=info.quad_class, goldstein=info.goldstein, modality=cand.modality,
            date=d.date, date_precision=d.precision, date_text=d.text, location=location,
            quote=_quote_in(sent, trigger, quotes),
            sentence=Sentence(cand.sentence_index, sent.start_char, sent.end_char,
                              article.body[sent.start_char:sent.end_char]),
            confidence=confidence, coder=coder,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text),
                            cand.entry.id)))
    view = view_of(doc)  # the words without a Token object per token
    words = [w for w, alpha in zip(view.words, view.is_alpha) if alpha]
    story_discarded = resources.discards.story_is_discarded(words)
    disaster = resources.discards.is_disaster_story(words)
    events = [e for e in events if keep_event(e, resources.discards, story_discarded, disaster)]
    return dedupe(events) if settings.dedupe_within_article else events


REPORTING_VERBS = {"say", "tell", "add", "state", "write", "note", "explain", "reply",
                   "respond", "describe", "recall", "remark", "report", "speak", "talk",
                   # announcing or confirming what will be or was done tells the news, not
                   # a stance (on the real-news sets none of 5 such 010 events was right)
                   "announce", "confirm", "emphasize", "emphasise"}


def _plain_reporting(cand, doc) -> bool:
    """A bare statement (010) with nothing to say: 'said', 'her letter to Obama', 'his
    comments', 'did not announce which ...' (0 of 13 right on the real-news sets). A
    claim or assertion with a clause of its own stays: it is often an outlook (012/013,
    'claimed both sides were making progress')."""
    if cand.code != "010":
        return False
    trigger = doc[cand.trigger]
    return trigger.pos_ != "VERB" or trigger.lemma_.lower() in REPORTING_VERBS or \
        complement_clause(trigger) is None or child(trigger, "neg") is not None


def _protesters_of_place(cand, source, target, location):
    """'Thousands of demonstrators rallied in Athens': protesters whose country the text
    does not give belong to the country they protest in (or whose government they target)."""
    if cand.root != "14" or source is None or source.country or source.sector in {"IGO", "NGO"}:
        return source
    country = _place_country(location, target)
    return _with_country(source, country) if country is not None else source


# Coercion and assault by police: the police of the place act on the people there.
POLICE_ACTION_ROOTS = {"17", "18"}


def _police_action_of_place(cand, source, target, location):
    """'Police lathi-charged protesters in Lucknow': police and the people they act on,
    with no country in the text, are of the country where it happens (or of each other)."""
    if cand.root not in POLICE_ACTION_ROOTS or source is None or source.sector != "COP":
        return source, target
    country = _place_country(location, target) or source.country
    if country is None:
        return source, target
    return _with_country(source, country), (
        _with_country(target, country) if target is not None
        and target.sector in CROWD_SECTORS else target)


# Deeds whose doer the text leaves implicit but institutions fix: "she was arrested" is an
# arrest by the police of the place, "they were deported" an expulsion by its government.
IMPLIED_DOERS = {"173": ("police", "COP"), "174": ("government", "GOV")}
# Force and coercion may stand with an unknown doer only where the text names the attack
# ("a car bombing killed three soldiers", "killed in an airstrike"); "15 people were
# killed" names no deed and no doer.
SOURCELESS_FROM = "17"


COUNT_WORDS = {"two", "three", "four", "five", "dozens", "hundreds", "thousands", "tens",
               "millions", "both"}


FORCE_ROOTS = ("17", "18", "19", "20")


def _no_press_force(actor, root: str):
    """The press reports force, it does not use it: a news outlet as the doer of an
    arrest or a shooting is a reference back gone astray ('"they are firing at us," the
    organizer told VOA' → VOA)."""
    return None if actor is not None and actor.sector == "MED" and root.startswith(FORCE_ROOTS) \
        else actor


def _unless_anyone(actor, root: str, doc):
    """'People are blaming immigrants', 'men who claim': people of no place or group named
    are no one in particular, so they do nothing an analyst could count. A crowd that
    gathers ("thousands of people rallied") or people counted ("the two men") are someone."""
    if actor is None or actor.sector != "PPL" or actor.resolved_by != "context" or root == "14":
        return actor
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return actor if span is not None and _particular(span.root) else None


def _particular(token) -> bool:
    """'the man who accused Iran', 'the two men': someone; 'people', 'any man': no one."""
    singular = token.tag_ in {"NN", "NNP"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "a", "an", "this", "that"} for c in token.children)
    return singular or _counted(token)


def _counted(token) -> bool:
    near = [c for c in token.children if c.dep_ in {"nummod", "det", "quantmod"}]
    for _ in range(4):  # "tens of thousands of people": up through the "of" phrases
        if token.dep_ not in {"pobj", "prep"}:
            break
        token = token.head
        near.append(token)
    return any(t.like_num or t.lower_ in COUNT_WORDS for t in near)


def _implied_doer(cand, trigger, target, location):
    doer = IMPLIED_DOERS.get(cand.code)
    country = _place_country(location, target)
    if doer is None or country is None:
        return None
    name, sector = doer
    return Actor(text="", start=trigger.idx, end=trigger.idx, name=name, country=country,
                 sector=sector, code=composite_code(country, sector), resolved_by="implied")


def _place_country(location, target):
    """Where a deed happens, else whom it is done to: the country an unnamed doer belongs to."""
    return (location.country if location is not None else None) or (
        target.country if target is not None else None)


def _with_country(actor, country):
    if actor.country:
        return actor
    return replace(actor, country=country, code=composite_code(country, actor.sector),
                   resolved_by="located")


def _named(actor) -> bool:
    return actor is not None and bool(actor.country or actor.sector in {"IGO", "NGO"}
                                      or actor.kb_id)


def event_id(doc_id: str, body_hash: str, trigger_start: int, cameo: str, source, target) -> str:
    """Stable: same input text + same coder version → same id."""
    key = "|".join(str(x) for x in (doc_id, body_hash, trigger_start, cameo,
                                    getattr(source, "start", None), getattr(target, "start", None),
                                    __version__))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _speakers_as_sources(cand, doc, quotes, actors) -> list:
    """'Had a useful conversation with Blinken,' he said → the speaker is the doer; '"We
    are writing to request ...," A and B wrote' → each of the speakers."""
    if cand.source is not None or _someone_else(cand, doc):
        return [cand]  # '"they are firing at us," a protester told VOA': not the speaker
    start = doc[cand.trigger].idx
    for q in quotes:
        if q.start <= start < q.end and q.speaker is not None and q.speaker.country:
            speakers = _all_speakers(q, doc, actors) if _says_we(cand, doc) else [q.speaker]
            found = [replace(cand, source=s) for s in speakers
                     if cand.target is None or s.key != cand.target.key]
            if found:
                return found
    return [cand]


def _says_we(cand, doc) -> bool:
    return cand.source_token is not None and doc[cand.source_token].lower_ == "we"


def _someone_else(cand, doc) -> bool:
    """The quoted words name a doer of the third person ('they', 'the police')."""
    return cand.source_token is not None and doc[cand.source_token].lower_ not in {"i", "we"}


def _all_speakers(q, doc, actors) -> list:
    """The coordinated speakers of a quotation ('A and B wrote'), with a country each."""
    span = doc.char_span(q.speaker.start, q.speaker.end, alignment_mode="expand")
    if span is None or not len(span):
        return [q.speaker]
    head = span.root
    while head.dep_ == "conj" and head.head is not head:  # "A and B wrote": from A
        head = head.head
    found = [a for a in actors.at(head) if a.country]
    return found if len(found) > 1 else [q.speaker]


def _actor_tokens(doc, cand) -> set[int]:
    """Tokens of the actor phrases; a place standing in for its country stays a location."""
    out = set()
    for i in cand.arg_tokens:
        if cand.target is not None and cand.target.resolved_by == "place" and \
                cand.target.start <= doc[i].idx < cand.target.end:
            continue
        p = phrase_of(doc[i])
        out.update(range(p.left, p.right))
    return out


def _quote_in(sent, trigger, quotes) -> str | None:
    """The quoted words an event's sentence carries (shortest first: a phrase, not a speech)."""
    inside = [q for q in quotes if sent.start_char <= q.start and q.end <= sent.end_char
              and not (q.start <= trigger.idx < q.end)]
    return min(inside, key=lambda q: q.end - q.start).quote if inside else None


def score_confidence(cand, source, target) -> float:
    """A heuristic that ranks: specific lexicon entries, both actors known, asserted events."""
    score = 0.45 + 0.08 * min(cand.entry.specificity, 2)
    score += 0.15 if source is not None and target is not None else 0.0
    score += 0.1 * sum(a is not None and a.resolved_by in CONFIDENT_RESOLUTIONS
                       for a in (source, target))
    score -= 0.1 if cand.modality != "asserted" else 0.0
    score -= 0.1 if cand.root == "01" else 0.0
    return round(max(0.05, min(0.99, score)), 3)


def _actor_key(actor: Actor | None):
    """Who an actor is, for merging: its KB id; a person or body the KB does not know by
    name ("Rep. Jerry Nadler" is not every other American of the story); else its
    country or code."""
    if actor is None:
        return None
    if actor.kb_id:
        return actor.kb_id
    if actor.name and actor.resolved_by not in STATE_RESOLUTIONS:
        return f"{actor.name.lower()}|{actor.code}"
    return actor.country or actor.code


def _dyad_key(event: Event):
    """The two sides, in either order for symmetric events. A country and a person of it
    are two actors ("applauded Japan's resolve" and "commended Minister Hamada")."""
    pair = (_actor_key(event.source), _actor_key(event.target))
    if event.cameo_root in SWAPPABLE_ROOTS:
        pair = tuple(sorted(pair, key=lambda k: k or ""))
    return pair


def _close_dates(a: str | None, b: str | None, published: str | None = None) -> bool:
    """Within a day. Undated reports are never taken for one another: undated past deeds
    are many, and mostly different ones (three Taliban raids in three provinces)."""
    if a is None or b is None:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1


def _same_event(a: Event, b: Event) -> bool:
    if a.cameo_root != b.cameo_root or a.modality != b.modality:
        return False
    if a.trigger and b.trigger and a.trigger.start == b.trigger.start:
        return False  # one report's several dyads ("A and B agreed": A→B and B→A)
    if a.sentence.index == b.sentence.index and a.cameo != b.cameo:
        return False  # "visited Beirut and held talks": two deeds told in one sentence
    if not _compatible_codes(a.cameo, b.cameo):
        return False  # "accused Canada ..." and then "summoned its envoy": two deeds
    if a.sentence.index == b.sentence.index:  # "shot and killed three people": one deed
        return _dyad_key(a) == _dyad_key(b) and (a.date == b.date or None in (a.date, b.date))
    return _dyad_key(a) == _dyad_key(b) and _close_dates(a.date, b.date, a.published)


def _compatible_codes(a: str, b: str) -> bool:
    """One code refines the other ('112' and '1121'), or one is its root's general code
    ('040' and '041', see _finer_code)."""
    return a.startswith(b) or b.startswith(a) or a[2:] == "0" or b[2:] == "0"


# A country's name or capital stands for whoever acts for it.
STATE_RESOLUTIONS = {"country", "metonym"}


def dedupe(events: list[Event]) -> list[Event]:
    """One record per reported event, told at its fullest: a headline's report gives way
    to the body's, otherwise the first (earliest) report keeps the details."""
    kept: list[Event] = []
    for event in events:
        same = next((i for i, k in enumerate(kept) if _same_event(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        first = kept[same]
        main = event if _fullness(event) > _fullness(first) else first
        kept[same] = replace(main, mentions=first.mentions + 1, **_finer_code(main, first, event),
                             quote=main.quote or first.quote or event.quote,
                             location=main.location or first.location or event.location,
                             confidence=round(min(0.99, max(first.confidence, event.confidence) + 0.02), 3))
    return kept


HEADLINE_MAX_WORDS = 25


def _finer_code(main: Event, *others: Event) -> dict:
    """'spoke' (040) and 'had a phone call' (041) of one call: the record takes the finer
    code, the one below its root's general x0 code."""
    if not main.cameo.endswith("0"):
        return {}
    finer = next((e for e in others if not e.cameo.endswith("0")), None)
    if finer is None:
        return {}
    return {"cameo": finer.cameo, "plover": finer.plover, "plover_mode": finer.plover_mode,
            "quad_class": finer.quad_class, "goldstein": finer.goldstein}
# Actors a mention names only by reference back ("he", "the minister" of an earlier line).
BORROWED_RESOLUTIONS = {"coref", "context"}


def _fullness(event: Event) -> tuple[bool, bool, int]:
    """How fully a mention tells its event: a body sentence over a headline, its own date
    words over the article's date, its actors named there over ones carried from before."""
    named = sum(a is not None and a.resolved_by not in BORROWED_RESOLUTIONS
                for a in (event.source, event.target))
    dated = event.date_text not in (None, "published")
    return (not _is_headline(event), dated, named)



def _is_headline(event: Event) -> bool:
    """The article's first line standing as a paragraph of its own: a headline."""
    text = event.sentence.text
    return (event.sentence.index == 0 and text.rstrip(" ").endswith("\n")
            and len(text.split()) <= HEADLINE_MAX_WORDS)
