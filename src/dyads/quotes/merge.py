"""Merging the stretches of one utterance split by its cue into one span."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .lexicon import SENTENCE_END
from .spans import QuoteSpan

_MARKS_AND_BLANKS = re.compile(r"[ \t\u00a0”’\"'“‘„]+$")


def merge_split_quotes(doc, quotes: Sequence[QuoteSpan], across_paragraphs: bool = True,
                       text: str | None = None) -> list[QuoteSpan]:
    """Join stretches of one utterance split by its cue ("A," she said, "B.") into one span.

    The joined span runs from the first stretch's text to the last one's, so it contains
    the cue and the inner marks; use it where a quotation is scored as one region.
    """
    out: list[QuoteSpan] = []
    text = doc.text if text is None else text  # rebuilt from the tokens on every access
    for q in quotes:
        prev = out[-1] if out else None
        if prev and _same_utterance(doc, text, prev, q, across_paragraphs):
            kind = "direct" if "direct" in (prev.kind, q.kind) else prev.kind
            out[-1] = replace(prev, end=q.end, text=text[prev.start:q.end], kind=kind)
        else:
            out.append(q)
    return out


def _same_utterance(doc, text: str, a: QuoteSpan, b: QuoteSpan, across: bool) -> bool:
    """Same cue and speaker, the cue between them, and at most the cue's sentence too.
    Both open a clause: whole sentences, or one whose sentence runs on past its mark."""
    if not (_opens_sentence_at(text, a.start) and _opens_sentence_at(text, b.start)
            and "direct" in (a.kind, b.kind) and a.cue_start is not None
            and a.cue_start == b.cue_start and a.speaker_start == b.speaker_start
            and a.end <= a.cue_start < b.start):
        return False
    gap = doc.char_span(a.end, b.start, alignment_mode="expand")
    ends = sum(t.text in SENTENCE_END for t in gap) if gap is not None else 0
    return ends <= 1 and (across or "\n" not in text[a.end:b.start])


def _opens_sentence_at(text: str, start: int) -> bool:
    """The quotation starting at ``start`` (after its mark) opens a clause of its own."""
    before = _MARKS_AND_BLANKS.sub("", text[max(0, start - 200):start])
    return not before or before[-1] in "\n.!?:,;—–(["
