"""Quoted stretches: pairing quote marks per paragraph, and tweet texts."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Span

_DOUBLE = re.compile(r"''|[“”\"„]")  # '' is the typewriter double mark of some wires
OPEN_BEFORE = "([{—–-/:“‘"
_TRAILING_URL = re.compile(r"(\s*(https?://\S+|pic\.twitter\.com/\S+))+\s*$")


@dataclass(frozen=True)
class QuoteSpan:
    """One contiguous quoted stretch (without its marks), its cue and its speaker."""

    start: int
    end: int
    text: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_is_pronoun: bool
    kind: str  # "direct" | "tweet" | "phrase"


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: marks at ``left`` and ``right - 1`` (``closed`` False: none)."""

    left: int
    start: int
    end: int
    right: int
    para: int
    closed: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, white space trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + len(line.rstrip())))
    return out


def quoted_stretches(text: str, paras: Sequence[tuple[int, int]]) -> list[Marked]:
    """Double-quoted stretches, then single-curly ones outside them, per paragraph."""
    out = []
    for p, (a, b) in enumerate(paras):
        doubles = _double_stretches(text, a, b, p)
        singles = [s for s in _single_stretches(text, a, b, p)
                   if not any(d.left <= s.left < d.right for d in doubles)]
        out += sorted(doubles + singles, key=lambda m: m.left)
    return [m for m in out if m.end > m.start]


def _is_opening(text: str, i: int, width: int, a: int, b: int) -> bool:
    """Whether the double mark at i opens a quotation, judged by its neighbours."""
    prev = text[i - 1] if i > a else " "
    nxt = text[i + width] if i + width < b else " "
    after_gap = prev.isspace() or prev in OPEN_BEFORE
    if text[i] == "“":
        return after_gap or not (nxt.isspace() or nxt in ",.;:!?)")
    return after_gap and not nxt.isspace()


def _double_stretches(text: str, a: int, b: int, p: int) -> list[Marked]:
    out, depth, begin = [], 0, None
    for mark in _DOUBLE.finditer(text, a, b):
        i, width = mark.start(), len(mark.group(0))
        opening = _is_opening(text, i, width, a, b)
        if depth == 0:
            if opening:
                begin, begin_width, depth = i, width, 1
        elif opening and text[i] == "“":  # a nested quotation inside curly quotes
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                out.append(_trimmed(text, (begin, begin + begin_width), (i, i + width), p))
    if depth and _may_run_on(text, a, begin):
        out.append(_trimmed(text, (begin, begin + begin_width), (b, b), p))
    return out


def _may_run_on(text: str, a: int, begin: int) -> bool:
    """An unclosed quotation carries on into the next paragraph (wire-copy convention)
    only when it opens the paragraph or follows a colon or comma."""
    before = text[a:begin].rstrip()
    return not before or before[-1] in ":,"


def _single_stretches(text: str, a: int, b: int, p: int) -> list[Marked]:
    """‘…’ pairs; ’ inside or after a word followed by a letter is an apostrophe."""
    out, i = [], a
    while i < b:
        i = text.find("‘", i, b)
        if i < 0:
            break
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if (prev.isspace() or prev in OPEN_BEFORE + "\"") and nxt.isalnum() and not (
                nxt.isdigit() and text[i + 2:i + 3] == "s"):
            close = _single_close(text, i + 1, b)
            if close is not None:
                out.append(_trimmed(text, (i, i + 1), (close, close + 1), p))
                i = close
        i += 1
    return out


def _single_close(text: str, i: int, b: int) -> int | None:
    while True:
        j = text.find("’", i, b)
        if j < 0:
            return None
        nxt = text[j + 1] if j + 1 < b else " "
        if j > i and not text[j - 1].isspace() and not nxt.isalnum():
            return j
        i = j + 1


def _trimmed(text: str, opening: tuple[int, int], closing: tuple[int, int], p: int) -> Marked:
    """The stretch between two marks, white space trimmed; empty when it has no word."""
    body = text[opening[1]:closing[0]]
    start = opening[1] + (len(body) - len(body.lstrip()))
    end = max(start, closing[0] - (len(body) - len(body.rstrip())))
    if not any(ch.isalnum() for ch in text[start:end]):
        end = start
    return Marked(opening[0], start, end, closing[1], p, closing[1] > closing[0])


def tweet_quote(text: str, signature: Span) -> QuoteSpan | None:
    """The tweet text before a signature, back to the paragraph break, minus bare URLs."""
    para_start = text.rfind("\n", 0, signature.start) + 1
    body = _TRAILING_URL.sub("", text[para_start:signature.start]).rstrip(" \t—–-")
    start = para_start + len(body) - len(body.lstrip())
    end = para_start + len(body.rstrip())
    if end <= start:
        return None
    author = signature.get("author")
    where = signature.text.find(author) if author and signature.text else -1
    a_start = signature.start + where if where >= 0 else None
    return QuoteSpan(start, end, text[start:end], None, None, None, a_start,
                     a_start + len(author) if a_start is not None else None,
                     author, False, "tweet")
