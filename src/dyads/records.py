"""Typed records that pass between the pipeline stages.

Every record is a frozen dataclass. Character offsets always point into the article
``body`` (the text after the date header, stripped), so ``body[start:end] == text``.
``to_dict()`` gives exactly the shape fixed in OUTPUT.md (plus documented extra keys).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of the article body, e.g. a boilerplate region found by ingest."""

    start: int
    end: int
    kind: str
    text: str = ""
    meta: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        return dict(self.meta).get(key)


@dataclass(frozen=True)
class Article:
    """One input article, as ingest read it."""

    doc_id: str
    body: str
    published: str | None = None  # ISO date of publication, or None when unknown
    title: str | None = None
    url: str | None = None
    meta: tuple[tuple[str, Any], ...] = ()
    errors: tuple[str, ...] = ()  # a non-empty tuple means: do not code, report these
    boilerplate: tuple[Span, ...] = ()  # tweets' signatures, bare URLs, image credits


@dataclass(frozen=True)
class Actor:
    """A mention of an actor, resolved (as far as possible) against the knowledge base."""

    text: str
    start: int
    end: int
    name: str | None = None
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    resolved_by: str | None = None  # why: "person", "title", "country", "coref", ...
    confidence: float = 1.0

    def to_dict(self) -> dict:
        """OUTPUT.md's kb_id is a Wikidata QID or null; the KB's own ids go in ``dyads_id``."""
        is_qid = bool(self.kb_id) and self.kb_id[0] == "Q" and self.kb_id[1:].isdigit()
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "kb_id": self.kb_id if is_qid else None, "country": self.country,
            "sector": self.sector, "code": self.code, "resolved_by": self.resolved_by,
            "dyads_id": self.kb_id,
        }

    @property
    def key(self) -> str | None:
        """What identifies this actor when comparing events: kb id, else its code."""
        return self.kb_id or self.code


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str = "city"  # city | region | country
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
            "geonames_id": self.geonames_id, "precision": self.precision,
            "text": self.text, "start": self.start, "end": self.end,
        }


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Trigger:
    """The word(s) that carry an event, and why the lexicon typed them so."""

    text: str
    start: int
    end: int
    rule: str = ""

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "rule": self.rule}


@dataclass(frozen=True)
class Event:
    event_id: str
    doc_id: str
    published: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    modality: str
    date: str | None
    date_precision: str | None
    date_text: str | None
    location: Location | None
    quote: str | None
    sentence: Sentence
    confidence: float
    coder: tuple[tuple[str, str], ...]
    trigger: Trigger | None = None
    mentions: int = 1  # how often this article reports the same event

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict:
        return {
            "event_id": self.event_id, "doc_id": self.doc_id, "published": self.published,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo, "cameo_root": self.cameo_root, "plover": self.plover,
            "plover_mode": self.plover_mode, "quad_class": self.quad_class,
            "goldstein": self.goldstein, "modality": self.modality, "date": self.date,
            "date_precision": self.date_precision, "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "quote": self.quote, "sentence": self.sentence.to_dict(),
            "confidence": self.confidence, "coder": dict(self.coder),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "mentions": self.mentions,
        }


@dataclass(frozen=True)
class Quote:
    speaker: Actor | None
    quote: str
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    kind: str = "direct"  # direct | tweet | phrase (a short quoted phrase inside a sentence)

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "quote": self.quote, "start": self.start, "end": self.end, "cue": self.cue,
            "cue_start": self.cue_start, "cue_end": self.cue_end, "kind": self.kind,
        }


@dataclass(frozen=True)
class CodedArticle:
    """What coding one article gives: the OUTPUT.md ``docs`` record."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    errors: tuple[str, ...] = ()
    words: int = 0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    def __repr__(self) -> str:
        """One line: the id, the date, the counts, a few words of the title or body."""
        from .frames import short

        a = self.article
        errors = f", {len(self.errors)} errors" if self.errors else ""
        return (f"<CodedArticle {a.doc_id!r} {a.published or 'undated'}: "
                f"{len(self.events)} events, {len(self.quotes)} quotes{errors}; "
                f"{short(a.title or a.body, 50)!r}>")

    def _repr_html_(self) -> str:
        from .frames import SHOWN, coded_row, html_table

        rows = [coded_row(e.to_dict()) for e in self.events]
        return html_table(rows, SHOWN, caption=repr(self))

    def to_pandas(self):
        """The events as a pandas DataFrame, one flat row each (``dyads.frames``)."""
        from .frames import CODED_COLUMNS, EVENT_COLUMNS, coded_row, frame

        return frame([coded_row(e.to_dict()) for e in self.events],
                     EVENT_COLUMNS + CODED_COLUMNS)

    def to_dict(self) -> dict:
        a = self.article
        out = {
            "doc_id": a.doc_id, "published": a.published, "title": a.title, "url": a.url,
            "meta": dict(a.meta), "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes], "errors": list(self.errors),
        }
        if "dropped" in self.extra:  # Settings.keep_dropped: why each was not kept
            out["dropped"] = [{**e.to_dict(), "dropped_by": {"rule": d.rule, "reason": d.reason}}
                              for e, d in self.extra["dropped"]]
        return out
