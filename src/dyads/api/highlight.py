"""Cut an article body into segments, each tagged with the annotations covering it.

The template prints every segment's text through autoescaping inside one <span>, so
overlapping annotations (an actor inside a quote) never produce broken or unsafe markup.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # actor | trigger | date | place | quote | cue
    ref: str  # "e3" for the third event, "q1" for the first quote
    note: str = ""


def _span(part: dict | None) -> tuple[int, int] | None:
    if not isinstance(part, dict):
        return None
    start, end = part.get("start"), part.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return start, end
    return None


def _date_span(event: dict, body: str) -> tuple[int, int] | None:
    """Where the event's date phrase sits: searched for inside its sentence."""
    phrase = event.get("date_text")
    sentence = _span(event.get("sentence"))
    if not phrase or phrase == "published" or sentence is None:
        return None
    where = body.find(phrase, sentence[0], sentence[1])
    if where < 0:
        where = body.lower().find(phrase.lower(), sentence[0], sentence[1])
    return (where, where + len(phrase)) if where >= 0 else None


def event_marks(index: int, event: dict, body: str) -> list[Mark]:
    ref = f"e{index}"
    marks = []
    for role in ("source", "target"):
        actor = event.get(role)
        span = _span(actor)
        if span:
            why = actor.get("resolved_by") or "unresolved"
            marks.append(Mark(*span, "actor", ref, f"{role}: {actor.get('code') or '?'} ({why})"))
    trigger = event.get("trigger")
    span = _span(trigger)
    if span:
        marks.append(Mark(*span, "trigger", ref, f"CAMEO {event.get('cameo')}: "
                                                  f"{trigger.get('rule') or 'no rule given'}"))
    span = _date_span(event, body)
    if span:
        marks.append(Mark(*span, "date", ref, f"date {event.get('date') or 'unknown'}"))
    span = _span(event.get("location"))
    if span:
        marks.append(Mark(*span, "place", ref, f"place {event['location'].get('name')}"))
    return marks


def quote_marks(index: int, quote: dict) -> list[Mark]:
    ref = f"q{index}"
    marks = []
    speaker_span = _span(quote.get("speaker"))
    if speaker_span:
        speaker = quote["speaker"]
        marks.append(Mark(*speaker_span, "actor", ref,
                          f"speaker: {speaker.get('code') or '?'} "
                          f"({speaker.get('resolved_by') or 'unresolved'})"))
    span = _span(quote)
    if span:
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        marks.append(Mark(*span, "quote", ref, f"quote by {speaker}"))
    start, end = quote.get("cue_start"), quote.get("cue_end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        marks.append(Mark(start, end, "cue", ref, f"quote cue {quote.get('cue') or ''}"))
    return marks


def segments(body: str, marks: list[Mark]) -> list[dict]:
    """Consecutive pieces of `body`; each lists the kinds, refs and notes covering it."""
    marks = [m for m in marks if m.end <= len(body)]
    cuts = sorted({0, len(body), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        pieces.append({
            "text": body[a:b], "start": a, "end": b,
            "kinds": sorted({m.kind for m in covering}),
            "refs": sorted({m.ref for m in covering}),
            "notes": [m.note for m in covering if m.note],
        })
    return pieces


def annotate(body: str, events: list[dict], quotes: list[dict]) -> list[dict]:
    marks: list[Mark] = []
    for i, event in enumerate(events, 1):
        marks += event_marks(i, event, body)
    for i, quote in enumerate(quotes, 1):
        marks += quote_marks(i, quote)
    return segments(body or "", marks)
