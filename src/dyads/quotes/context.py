"""One article's quote-finding state and the position helpers shared by cues and kinds."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..docview import view_of
from .lexicon import SENTENCE_END
from .spans import Marked


@dataclass(frozen=True)
class Context:
    """One article's quote-finding state. ``text`` and ``ents`` are copies because spaCy
    rebuilds ``Doc.text`` and ``Doc.ents`` from every token on each access."""

    doc: object
    text: str
    ents: tuple
    marked: tuple[Marked, ...]
    paras: tuple[tuple[int, int], ...]
    token_starts: tuple[int, ...]


def token_at(ctx: Context, offset: int) -> int:
    return max(0, bisect.bisect_right(ctx.token_starts, offset) - 1)


def inside_any(ctx: Context, token) -> bool:
    return any(m.left <= token.idx < m.right for m in ctx.marked)


def roots(ctx: Context, m: Marked):
    """The stretch's tokens whose head lies outside it (a root's head is itself: a root
    inside the stretch is no root of it). Read from the Doc's view: a quotation's every
    token asks."""
    view = view_of(ctx.doc)
    heads, idx = view.head, view.idx
    at = range(token_at(ctx, m.start), token_at(ctx, max(m.start, m.end - 1)) + 1)
    return [ctx.doc[i] for i in at if not m.start <= idx[heads[i]] < m.end]


def clear_path(ctx: Context, m: Marked, token) -> bool:
    """The token is in the stretch's paragraph with no sentence end between them."""
    a, b = ctx.paras[m.para]
    if not a <= token.idx < b:
        return False
    lo, hi = (m.right, token.idx) if token.idx >= m.right else (token.idx, m.left)
    between = ctx.doc[token_at(ctx, lo):token_at(ctx, hi)]
    return not any(t.text in SENTENCE_END and not inside_any(ctx, t) for t in between)


def opens_sentence(ctx: Context, m: Marked) -> bool:
    before = ctx.text[ctx.paras[m.para][0]:m.left].rstrip().rstrip("”’\"")
    return not before or before[-1] in ".!?:"


def opens_clause(ctx: Context, m: Marked) -> bool:
    before = ctx.text[ctx.paras[m.para][0]:m.left].rstrip().rstrip("”’\"'")
    return not before or before[-1] in ".!?:,;—–"
