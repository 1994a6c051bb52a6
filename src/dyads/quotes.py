"""Quotes: direct quotations in an article and who said them.

Quote marks are paired on the characters of each paragraph; the speech verb ("cue") and
the speaker come from the dependency parse, tried in order of reliability: a cue right
after or right before the quote, a cue the quote hangs from, a speech verb or statement
noun the quote is embedded in, the previous quote of the same stretch of speech, and the
nearest speech verb of the sentence before. Pronoun speakers are flagged, not resolved.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .records import Span

SPEECH_VERBS = frozenset("""
say tell write tweet post add state declare announce explain note ask reply respond answer
insist argue claim assert suggest warn recall continue conclude acknowledge admit agree
complain comment describe call urge predict promise vow pledge observe remark report quip
joke sigh shout scream yell whisper mutter chime advise emphasize emphasise stress testify
concede confirm deny contend maintain counter caution lament boast brag retort muse wonder
recount reiterate repeat exclaim proclaim tease blast slam criticize criticise accuse charge
question demand plead beg implore read quote cite email text message blog interject speak
threaten allege complain point thank praise mock label dub term brand characterize
characterise reveal disclose signal indicate hint assure reassure brief inform
""".split())
STATEMENT_NOUNS = frozenset("""
statement remark comment word tweet post speech message email letter interview note memo
editorial release announcement claim assertion declaration testimony remarks words
""".split())
PRONOUNS = frozenset("he she they we i you it who one his her their".split())
RELATIVES = frozenset({"who", "that", "which"})
SENTENCE_END = frozenset({".", "!", "?"})
_DOUBLE = re.compile(r"''|[“”\"„]")  # '' is the typewriter double mark of some wires
OPEN_BEFORE = "([{—–-/:“‘"
LOOKAHEAD_TOKENS = 12
LOOKBEHIND_TOKENS = 30
PHRASE_MAX_WORDS = 4
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
class _Marked:
    """A quoted stretch: marks at ``left`` and ``right - 1`` (``closed`` False: none)."""

    left: int
    start: int
    end: int
    right: int
    para: int
    closed: bool


@dataclass(frozen=True)
class _Context:
    """One article's quote-finding state. ``text`` and ``ents`` are copies because spaCy
    rebuilds ``Doc.text`` and ``Doc.ents`` from every token on each access."""

    doc: object
    text: str
    ents: tuple
    marked: tuple[_Marked, ...]
    paras: tuple[tuple[int, int], ...]
    token_starts: tuple[int, ...]


def find_quotes(doc, tweets: Sequence[Span] = ()) -> list[QuoteSpan]:
    """All quotations in ``doc`` (a parsed article body), in text order."""
    text = doc.text
    paras = paragraphs(text)
    tweet_quotes = [q for q in (tweet_quote(text, s) for s in tweets
                                if s.kind == "tweet_signature") if q]
    inside_tweet = [(q.start, q.end) for q in tweet_quotes]
    marked = tuple(m for m in quoted_stretches(text, paras)
                   if not any(a <= m.start < b for a, b in inside_tweet))
    ctx = _Context(doc, text, tuple(doc.ents), marked, tuple(paras),
                   tuple(doc.to_array("IDX").tolist()))  # no Token object per token
    found = _attribute_all(ctx)
    quotes = [_to_quote(ctx, m, cue, how) for m, (cue, how) in zip(marked, found)]
    return sorted(quotes + tweet_quotes, key=lambda q: q.start)


def merge_split_quotes(doc, quotes: Sequence[QuoteSpan],
                       across_paragraphs: bool = True) -> list[QuoteSpan]:
    """Join stretches of one utterance split by its cue ("A," she said, "B.") into one span.

    The joined span runs from the first stretch's text to the last one's, so it contains
    the cue and the inner marks; use it where a quotation is scored as one region.
    """
    out: list[QuoteSpan] = []
    text = doc.text  # rebuilt from the tokens on every access: read it once
    for q in quotes:
        prev = out[-1] if out else None
        if prev and _same_utterance(doc, text, prev, q, across_paragraphs):
            out[-1] = replace(prev, end=q.end, text=text[prev.start:q.end])
        else:
            out.append(q)
    return out


def _same_utterance(doc, text: str, a: QuoteSpan, b: QuoteSpan, across: bool) -> bool:
    """Same cue and speaker, the cue between them, and at most the cue's sentence too."""
    if not (a.kind == b.kind == "direct" and a.cue_start is not None
            and a.cue_start == b.cue_start and a.speaker_start == b.speaker_start
            and a.end <= a.cue_start < b.start):
        return False
    gap = doc.char_span(a.end, b.start, alignment_mode="expand")
    ends = sum(t.text in SENTENCE_END for t in gap) if gap is not None else 0
    return ends <= 1 and (across or "\n" not in text[a.end:b.start])


# --- quote marks ---------------------------------------------------------------------

def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, white space trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + len(line.rstrip())))
    return out


def quoted_stretches(text: str, paras: Sequence[tuple[int, int]]) -> list[_Marked]:
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


def _double_stretches(text: str, a: int, b: int, p: int) -> list[_Marked]:
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


def _single_stretches(text: str, a: int, b: int, p: int) -> list[_Marked]:
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


def _trimmed(text: str, opening: tuple[int, int], closing: tuple[int, int], p: int) -> _Marked:
    """The stretch between two marks, white space trimmed; empty when it has no word."""
    body = text[opening[1]:closing[0]]
    start = opening[1] + (len(body) - len(body.lstrip()))
    end = max(start, closing[0] - (len(body) - len(body.rstrip())))
    if not any(ch.isalnum() for ch in text[start:end]):
        end = start
    return _Marked(opening[0], start, end, closing[1], p, closing[1] > closing[0])


# --- tweets --------------------------------------------------------------------------

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


# --- cues ----------------------------------------------------------------------------

def is_cue(token) -> bool:
    """A speech verb, or "according" in "according to"."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"
    return (token.tag_.startswith("VB") and token.lemma_.lower() in SPEECH_VERBS
            and token.dep_ not in ("amod", "compound"))  # "the announced pullbacks"


def _attribute_all(ctx: _Context) -> list:
    """(cue token or None, how it was found) for each stretch, in text order."""
    found: list = []
    for k, m in enumerate(ctx.marked):
        found.append(_attribute(ctx, m, found[-1][0] if k else None))
    for k in range(len(found) - 2, -1, -1):  # an unclosed paragraph takes the next one's cue
        m, nxt = ctx.marked[k], ctx.marked[k + 1]
        if found[k][0] is None and not m.closed and nxt.para == m.para + 1 and found[k + 1][0]:
            found[k] = (found[k + 1][0], "inherit")
    return found


def _attribute(ctx: _Context, m: _Marked, prev_cue):
    """Cue-finders in order of reliability; a stretch opening its sentence right after
    another utterance continues it unless a cue of its own sits next to it."""
    text = ctx.text
    tail = text[m.start:m.end].rstrip("”’\"")[-1:]
    before = text[ctx.paras[m.para][0]:m.left].rstrip()
    tries = [("after", _cue_after)] if tail in ",?!—-" or text[m.right:m.right + 1] == "," else []
    tries += [("before", _cue_before)] if before[-1:] in (":", ",") else []
    tries += [("inherit", lambda c, s: _inherited(c, s, prev_cue)),
              ("dep", _cue_by_dependency), ("after", _cue_after), ("before", _cue_before),
              ("embedded", _cue_above),
              ("adjacent", lambda c, s: _cue_before(c, s, 2) if _opens_sentence(c, s) else None)]
    for how, finder in tries:
        cue = finder(ctx, m)
        if cue is not None:
            return cue, how
    return None, None


def _inherited(ctx: _Context, m: _Marked, prev_cue):
    """The previous stretch's cue, when this one opens its sentence (or paragraph) and no
    other speech verb comes between them."""
    k = ctx.marked.index(m)
    if prev_cue is None or not k or not _opens_sentence(ctx, m):
        return None
    prev = ctx.marked[k - 1]
    if not (prev.para == m.para or (prev.para == m.para - 1
                                    and not ctx.text[ctx.paras[m.para][0]:m.left].strip())):
        return None
    gap = ctx.doc[_token_at(ctx, prev.right):_token_at(ctx, m.left)]
    others = [t for t in gap if is_cue(t) and t.i != prev_cue.i and not _inside_any(ctx, t)]
    return None if others else prev_cue


def _token_at(ctx: _Context, offset: int) -> int:
    return max(0, bisect.bisect_right(ctx.token_starts, offset) - 1)


def _inside_any(ctx: _Context, token) -> bool:
    return any(m.left <= token.idx < m.right for m in ctx.marked)


def _cue_after(ctx: _Context, m: _Marked):
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


def _next_left(ctx: _Context, m: _Marked) -> int:
    later = [n.left for n in ctx.marked if n.left >= m.right and n.para == m.para]
    return min(later, default=ctx.paras[m.para][1])


def _cue_before(ctx: _Context, m: _Marked, sentences: int = 1):
    doc, floor = ctx.doc, _prev_right(ctx, m)
    i = _token_at(ctx, m.left)
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


def _prev_right(ctx: _Context, m: _Marked) -> int:
    earlier = [n.right for n in ctx.marked if n.right <= m.left and n.para == m.para]
    return max(earlier, default=ctx.paras[m.para][0])


def _roots(ctx: _Context, m: _Marked):
    span = ctx.doc[_token_at(ctx, m.start):_token_at(ctx, max(m.start, m.end - 1)) + 1]
    return [t for t in span if not (m.start <= t.head.idx < m.end) or t.head is t]


def _cue_by_dependency(ctx: _Context, m: _Marked):
    """A speech verb the quote hangs from, or one hanging from the quote (parataxis)."""
    near = []
    for root in _roots(ctx, m):
        near += [root.head] + [c for c in root.children if not m.start <= c.idx < m.end]
    cues = [t for t in near if is_cue(t) and not _inside_any(ctx, t) and _clear_path(ctx, m, t)]
    return min(cues, key=lambda t: min(abs(t.idx - m.left), abs(t.idx - m.right)), default=None)


def _clear_path(ctx: _Context, m: _Marked, token) -> bool:
    """The token is in the stretch's paragraph with no sentence end between them."""
    a, b = ctx.paras[m.para]
    if not a <= token.idx < b:
        return False
    lo, hi = (m.right, token.idx) if token.idx >= m.right else (token.idx, m.left)
    between = ctx.doc[_token_at(ctx, lo):_token_at(ctx, hi)]
    return not any(t.text in SENTENCE_END and not _inside_any(ctx, t) for t in between)


def _cue_above(ctx: _Context, m: _Marked):
    """A speech verb or statement noun the quoted words are embedded in."""
    for root in _roots(ctx, m):
        t = root
        for _ in range(8):
            if t.head is t:
                break
            t = t.head
            if _inside_any(ctx, t):
                continue
            if is_cue(t) or _is_statement_noun(t):
                return t
    return None


def _is_statement_noun(token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in STATEMENT_NOUNS


def _opens_sentence(ctx: _Context, m: _Marked) -> bool:
    before = ctx.text[ctx.paras[m.para][0]:m.left].rstrip().rstrip("”’\"")
    return not before or before[-1] in ".!?:"


# --- speakers ------------------------------------------------------------------------

def _to_quote(ctx: _Context, m: _Marked, cue, how) -> QuoteSpan:
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
        _kind(ctx, m, cue, how, s_start is not None))


def _kind(ctx: _Context, m: _Marked, cue, how, has_speaker: bool) -> str:
    """"direct" for a whole utterance; "phrase" for a partial quotation or scare quote:
    one that starts mid-clause, or a few words with no cue of their own."""
    words = len(ctx.text[m.start:m.end].split())
    if words <= PHRASE_MAX_WORDS and how not in ("after", "before", "dep") and not (
            has_speaker and cue is None):
        return "phrase"
    if _opens_clause(ctx, m):
        return "direct"
    i = _token_at(ctx, m.left)
    right_after_cue = i > 0 and is_cue(ctx.doc[i - 1])
    return "direct" if right_after_cue and words > PHRASE_MAX_WORDS else "phrase"


def _opens_clause(ctx: _Context, m: _Marked) -> bool:
    before = ctx.text[ctx.paras[m.para][0]:m.left].rstrip().rstrip("”’\"'")
    return not before or before[-1] in ".!?:,;—–"


def _label_speaker(ctx: _Context, m: _Marked) -> tuple[int, int] | None:
    """"Name, Outlet: “…”" — a verbless label ending in a colon opens the paragraph."""
    a = ctx.paras[m.para][0]
    label = ctx.text[a:m.left].rstrip()
    if not label.endswith(":") or len(label.split()) > 12:
        return None
    tokens = ctx.doc[_token_at(ctx, a):_token_at(ctx, m.left)]
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    name = label[:-1].split(",")[0].strip()
    return (a, a + len(name)) if name else None


def _speaker_token(ctx: _Context, cue):
    """The subject of the cue verb, the owner of a statement noun, or "according to" X."""
    if cue.lower_ == "according":
        to = cue.nbor(1)
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    if _is_statement_noun(cue):
        return _owner_of_noun(cue)
    subject = _subject_of(cue)
    if subject is not None and not _inside_any(ctx, subject):
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
            return _owner_of_noun(verb.head) if _is_statement_noun(verb.head) else verb.head
        if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _adjacent_name(ctx: _Context, cue):
    """When the parse gives no subject: the name or pronoun right after or before the cue."""
    doc = ctx.doc
    for i in (cue.i + 1, cue.i - 1):
        if 0 <= i < len(doc) and doc[i].pos_ in ("PROPN", "PRON") and not _inside_any(ctx, doc[i]):
            return doc[i]
    return None


def _speaker_bounds(ctx: _Context, head) -> tuple[int, int]:
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


def _name_part(ctx: _Context, token) -> bool:
    return not (token.is_punct or token.is_space or _inside_any(ctx, token))
