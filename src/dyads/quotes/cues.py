"""Cues: the speech verb or statement noun of each quoted stretch, tried in order of
reliability (next to the quote, its parse, the utterance it continues, the sentence before)."""
from __future__ import annotations

import bisect

from ..docview import is_root

from .context import (
    Context,
    clear_path,
    inside_any,
    opens_clause,
    opens_sentence,
    roots,
    token_at,
)
from .lexicon import SENTENCE_END, SPEECH_VERBS, STATEMENT_NOUNS
from .spans import Marked

LOOKAHEAD_TOKENS = 12
LOOKBEHIND_TOKENS = 30


def is_cue(token) -> bool:
    """A speech verb, or "according" in "according to"."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"
    return (token.tag_.startswith("VB") and token.lemma_.lower() in SPEECH_VERBS
            and (token.dep_ not in ("amod", "compound")  # "the announced pullbacks"
                 or token.tag_ == "VBD"))  # '"…?" asked campaign manager X' misparsed


def attribute_all(ctx: Context) -> list:
    """(cue token or None, how it was found) for each stretch, in text order."""
    found: list = []
    for k, m in enumerate(ctx.marked):
        found.append(_attribute(ctx, m, found[-1][0] if k else None))
    for k in range(len(found) - 2, -1, -1):  # an unclosed paragraph takes the next one's cue
        m, nxt = ctx.marked[k], ctx.marked[k + 1]
        if found[k][0] is None and not m.closed and nxt.para == m.para + 1 and found[k + 1][0]:
            found[k] = (found[k + 1][0], "inherit")
    return found


def _attribute(ctx: Context, m: Marked, prev_cue):
    """Cue-finders in order of reliability; a stretch opening its sentence right after
    another utterance continues it unless a cue of its own sits next to it."""
    text = ctx.text
    tail = text[m.start:m.end].rstrip("”’\"")[-1:]
    before = text[ctx.paras[m.para][0]:m.left].rstrip()
    tries = [("after", _cue_after)] if tail in ",?!—-" or text[m.right:m.right + 1] == "," else []
    tries += [("before", _cue_before)] if before[-1:] in (":", ",") else []
    tries += [("before", _cue_above_paragraph)] if _after_colon_paragraph(ctx, m) else []
    tries += [("inherit", lambda c, s: _inherited(c, s, prev_cue)),
              ("dep", _cue_by_dependency), ("after", _cue_after), ("before", _cue_before),
              ("embedded", _cue_above),
              ("adjacent", lambda c, s: _cue_before(c, s, 2) if opens_sentence(c, s) else None),
              ("adjacent", _cue_above_paragraph)]
    for how, finder in tries:
        cue = finder(ctx, m)
        if cue is not None:
            return cue, how
    return None, None


def _inherited(ctx: Context, m: Marked, prev_cue):
    """The previous stretch's cue, when this one opens its sentence (or paragraph) and no
    other speech verb comes between them."""
    k = ctx.marked.index(m)
    if prev_cue is None or not k or not opens_sentence(ctx, m):
        return None
    prev = ctx.marked[k - 1]
    if not opens_clause(ctx, prev):  # a scare quote mid-sentence is not an utterance
        return None
    if not (prev.para == m.para or (prev.para == m.para - 1
                                    and not ctx.text[ctx.paras[m.para][0]:m.left].strip())):
        return None
    gap = ctx.doc[token_at(ctx, prev.right):token_at(ctx, m.left)]
    return None if any(_rival_cue(ctx, t, prev_cue) for t in gap) else prev_cue


def _rival_cue(ctx: Context, token, prev_cue) -> bool:
    """A speech verb that may start another utterance: not the previous cue, not one
    inside a quotation, and not part of the previous cue's clause ("…," she said,
    speaking on condition of anonymity / according to the transcript)."""
    return (is_cue(token) and not inside_any(ctx, token)
            and not prev_cue.left_edge.i <= token.i <= prev_cue.right_edge.i)


def _cue_after(ctx: Context, m: Marked):
    if not m.closed:
        return None
    doc, stop = ctx.doc, _next_left(ctx, m)
    i = bisect.bisect_left(ctx.token_starts, m.right)
    for t in doc[i:i + LOOKAHEAD_TOKENS]:
        if t.idx >= stop or t.text in SENTENCE_END:
            return None
        if is_cue(t):
            return t
    return None


def _next_left(ctx: Context, m: Marked) -> int:
    later = [n.left for n in ctx.marked if n.left >= m.right and n.para == m.para]
    return min(later, default=ctx.paras[m.para][1])


def _cue_before(ctx: Context, m: Marked, sentences: int = 1):
    doc, floor = ctx.doc, _prev_right(ctx, m)
    i = token_at(ctx, m.left)
    for t in reversed(doc[max(0, i - LOOKBEHIND_TOKENS):i]):
        if t.idx < floor:
            return None
        if t.text in SENTENCE_END:
            sentences -= 1
            if sentences == 0:
                return None
        if is_cue(t):
            return t
    return None


def _cue_above_paragraph(ctx: Context, m: Marked):
    """For a stretch that opens its paragraph: a speech verb in the last sentence of the
    paragraph before ("The ministry wrote:¶“…”", "She said the talks failed.¶“…”")."""
    if m.para == 0 or ctx.text[ctx.paras[m.para][0]:m.left].strip():
        return None
    a, b = ctx.paras[m.para - 1]
    floor = max([n.right for n in ctx.marked if n.para == m.para - 1
                 and opens_clause(ctx, n)], default=a)  # scare quotes do not block
    i = token_at(ctx, b - 1)
    sentences = 1 + (ctx.doc[i].text in SENTENCE_END)  # the paragraph's own final stop
    for t in reversed(ctx.doc[max(0, i - LOOKBEHIND_TOKENS):i + 1]):
        if t.idx < floor or (t.text in SENTENCE_END and (sentences := sentences - 1) == 0):
            return None
        if is_cue(t):
            return t
    return None


def _after_colon_paragraph(ctx: Context, m: Marked) -> bool:
    a, b = ctx.paras[m.para - 1] if m.para else (0, 0)
    return b > a and ctx.text[b - 1] == ":"


def _prev_right(ctx: Context, m: Marked) -> int:
    earlier = [n.right for n in ctx.marked if n.right <= m.left and n.para == m.para]
    return max(earlier, default=ctx.paras[m.para][0])


def _cue_by_dependency(ctx: Context, m: Marked):
    """A speech verb the quote hangs from, or one hanging from the quote (parataxis)."""
    near = []
    for root in roots(ctx, m):
        near += [root.head] + [c for c in root.children if not m.start <= c.idx < m.end]
    cues = [t for t in near if is_cue(t) and not inside_any(ctx, t) and clear_path(ctx, m, t)]
    return min(cues, key=lambda t: min(abs(t.idx - m.left), abs(t.idx - m.right)), default=None)


def _cue_above(ctx: Context, m: Marked):
    """A speech verb or statement noun the quoted words are embedded in."""
    for root in roots(ctx, m):
        t = root
        for _ in range(8):
            if is_root(t):
                break
            t = t.head
            if inside_any(ctx, t):
                continue
            if (is_cue(t) or is_statement_noun(t)) and clear_path(ctx, m, t):
                return t  # a parse that runs over a paragraph break is not an embedding
    return None


def is_statement_noun(token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in STATEMENT_NOUNS
