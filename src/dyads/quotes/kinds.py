"""Kinds: a whole utterance ("direct") or a partial quotation, scare quote or title ("phrase")."""
from __future__ import annotations

import bisect

from .context import Context, inside_any, opens_clause, roots, token_at
from .cues import is_cue, is_statement_noun
from .lexicon import CLOSING_PUNCT, PRONOUNS, WORK_NOUNS
from .spans import Marked

PHRASE_MAX_WORDS = 4
TITLE_MAX_WORDS = 8


def quote_kind(ctx: Context, m: Marked, cue, how, speaker_start: int | None) -> str:
    """"direct" for a whole utterance; "phrase" for a partial quotation or scare quote:
    one that starts or ends mid-clause, or a few words with no cue of their own."""
    words = len(ctx.text[m.start:m.end].split())
    if words <= PHRASE_MAX_WORDS and how not in ("after", "before", "dep") and not (
            speaker_start is not None and cue is None):
        return "phrase"
    if _runs_on(ctx, m, cue, speaker_start) or _names_something(ctx, m):
        return "phrase"
    if opens_clause(ctx, m):
        return "direct"
    i = token_at(ctx, m.left)
    right_after_cue = i > 0 and is_cue(ctx.doc[i - 1])
    return "direct" if right_after_cue and words > PHRASE_MAX_WORDS else "phrase"


def _runs_on(ctx: Context, m: Marked, cue, speaker_start: int | None) -> bool:
    """The sentence carries on past the closing mark ("…will be" as part of the deal): the
    quoted words end without punctuation and what follows is neither cue nor speaker."""
    last = ctx.text[m.start:m.end].rstrip("”’\"'")[-1:]
    if not m.closed or not last or last in CLOSING_PUNCT:
        return False
    tail = ctx.text[m.right:ctx.paras[m.para][1]]
    after = tail.lstrip()
    if not after[:1].isalnum():
        return False
    nxt = ctx.doc[bisect.bisect_left(ctx.token_starts, m.right + len(tail) - len(after))]
    return not (is_cue(nxt) or nxt.lower_ in PRONOUNS
                or (cue is not None and nxt.i == cue.i) or nxt.idx == speaker_start)


def _names_something(ctx: Context, m: Marked) -> bool:
    """A quotation in apposition to a noun is a title, slogan or nickname ("her memoir,
    ‘…’"), not speech; a statement noun ("his reply, “…”") still introduces speech."""
    if ctx.text[ctx.paras[m.para][0]:m.left].rstrip().endswith(":"):
        return False  # a colon introduces what was said or written
    return _after_work_noun(ctx, m) or any(
        r.dep_ == "appos" and r.head.pos_ in ("NOUN", "PROPN")
        and not is_statement_noun(r.head) and not inside_any(ctx, r.head)
        for r in roots(ctx, m))


def _after_work_noun(ctx: Context, m: Marked) -> bool:
    """A title-cased quotation right after "her memoir," / "the film" is the work's title."""
    words = [w for w in ctx.text[m.start:m.end].split() if w[:1].isalpha()]
    if not words or len(words) > TITLE_MAX_WORDS or not all(w[0].isupper() for w in words):
        return False
    i = token_at(ctx, m.left) - 1
    if i >= 0 and ctx.doc[i].text == ",":
        i -= 1
    return i >= 0 and ctx.doc[i].lemma_.lower() in WORK_NOUNS
