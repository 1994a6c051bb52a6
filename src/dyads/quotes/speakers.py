"""Speakers: the subject of the cue, the owner of a statement noun, or a verbless label."""
from __future__ import annotations

from .context import Context, inside_any, token_at
from .cues import is_statement_noun
from .kinds import quote_kind
from .lexicon import PRONOUNS, RELATIVES
from .spans import Marked, QuoteSpan

LABEL_NAME_WORDS = 4


def to_quote(ctx: Context, m: Marked, cue, how) -> QuoteSpan:
    text = ctx.text
    speaker = _speaker_token(ctx, cue) if cue is not None else None
    s_start = s_end = s_text = None
    if speaker is not None:
        s_start, s_end = _speaker_bounds(ctx, speaker)
    elif cue is None:
        s_start, s_end = _label_speaker(ctx, m) or (None, None)
    if s_start is not None:
        s_text = text[s_start:s_end]
    return QuoteSpan(
        m.start, m.end, text[m.start:m.end],
        cue.text if cue is not None else None, cue.idx if cue is not None else None,
        cue.idx + len(cue.text) if cue is not None else None,
        s_start, s_end, s_text,
        bool(speaker is not None and speaker.lower_ in PRONOUNS),
        quote_kind(ctx, m, cue, how, s_start))


def _label_speaker(ctx: Context, m: Marked) -> tuple[int, int] | None:
    """"Name, Outlet: “…”" — a verbless label ending in a colon opens the paragraph."""
    a = ctx.paras[m.para][0]
    label = ctx.text[a:m.left].rstrip()
    if not label.endswith(":") or len(label.split()) > 12:
        return None
    tokens = ctx.doc[token_at(ctx, a):token_at(ctx, m.left)]
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    name = label[:-1].split(",")[0].strip()
    if len(name.split()) > LABEL_NAME_WORDS:  # "X on Y: ‘…’" is a headline, not a label
        return None
    return (a, a + len(name)) if name else None


def _speaker_token(ctx: Context, cue):
    """The subject of the cue verb, the owner of a statement noun, or "according to" X."""
    if cue.lower_ == "according":
        to = cue.nbor(1)
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    if is_statement_noun(cue):
        return _owner_of_noun(cue)
    subject = _subject_of(cue)
    if subject is not None and not inside_any(ctx, subject):
        return subject
    return _adjacent_name(ctx, cue)


def _owner_of_noun(noun):
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _subject_of(verb):
    """nsubj of the verb; for a participle or second verb ("…, adding"), its governor's."""
    for _ in range(4):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in RELATIVES and verb.dep_ == "relcl":
                    return verb.head
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return _owner_of_noun(verb.head) if is_statement_noun(verb.head) else verb.head
        if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _adjacent_name(ctx: Context, cue):
    """When the parse gives no subject: the name or pronoun right after or before the cue."""
    doc = ctx.doc
    for i in (cue.i + 1, cue.i - 1):
        if 0 <= i < len(doc) and doc[i].pos_ in ("PROPN", "PRON") and not inside_any(ctx, doc[i]):
            return doc[i]
    return None


def _speaker_bounds(ctx: Context, head) -> tuple[int, int]:
    """Character bounds of the speaker phrase: the head's left modifiers and its name."""
    doc = ctx.doc
    left = head.i
    while left - 1 >= head.left_edge.i and _name_part(ctx, doc[left - 1]):
        left -= 1
    right = head.i + 1
    ent = next((e for e in ctx.ents if e.start <= head.i < e.end), None)
    while ent is not None and right < ent.end and _name_part(ctx, doc[right]):
        right += 1
    while ent is not None and left > ent.start and _name_part(ctx, doc[left - 1]):
        left -= 1
    last = doc[right - 1]
    return doc[left].idx, last.idx + len(last.text)


def _name_part(ctx: Context, token) -> bool:
    return not (token.is_punct or token.is_space or inside_any(ctx, token))
