"""One article's parse as plain Python lists, read from spaCy's arrays once per Doc.

spaCy makes a new ``Token`` object on every ``doc[i]``, every step of ``token.children``
and every walk of a span, and rebuilds ``Doc.text`` from a Token per token on each access.
Code that asks the same small questions of many tokens (a child's dependency label, a
word's lower-case form, the text between two tokens) reads them here instead, and makes
a Token only for the one it returns. The view is kept in ``Doc.user_data``, so every stage
that holds the Doc shares it; a Doc must not be retokenized after its view is made.
"""
from __future__ import annotations

import numpy

VIEW_KEY = "dyads_doc_view"  # cache slot in Doc.user_data


class DocView:
    """Per-token lists of one Doc: ``words`` (ORTH), ``lower``, ``dep``, ``pos``,
    ``ent_type``, ``idx`` (character offsets), ``is_punct``, ``is_alpha``, ``is_space``,
    ``is_title``, ``inside_entity`` (IOB tag "I"), ``head`` (absolute index), ``children`` (indices,
    in ascending order, as ``Token.children`` yields them), ``tag`` and ``lemma_lower``
    (the lemma lower-cased, as trigger matching compares it), plus the whole ``text``."""

    def __init__(self, doc):
        from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE,
                                 IS_TITLE, LEMMA, LOWER, ORTH, POS, SPACY, TAG)

        def column(attr):  # one attribute at a time: a 2-D array costs a transpose
            return doc.to_array(attr) if len(doc) else _EMPTY

        names = _names_of(doc.vocab.strings)
        self.words, self.lower, self.dep, self.pos, self.ent_type, self.tag = (
            names.decoded(column(attr).tolist()) for attr in (ORTH, LOWER, DEP, POS, ENT_TYPE, TAG))
        self.lemma_lower = names.decoded(column(LEMMA).tolist(), fold=True)
        self.idx = column(IDX).tolist()
        # flags compared in numpy: its tolist() gives Python bools
        self.inside_entity = (column(ENT_IOB) == 1).tolist()  # ENT_IOB 1 is "I"
        self.is_punct, self.is_alpha, self.is_space, self.is_title = (
            (column(attr) == 1).tolist() for attr in (IS_PUNCT, IS_ALPHA, IS_SPACE, IS_TITLE))
        self.text = "".join([w + " " if space else w
                             for w, space in zip(self.words, column(SPACY).tolist())])
        # HEAD is an offset stored unsigned: view it as signed to get the head's index
        offsets = column(HEAD).astype("int64")
        heads = offsets + numpy.arange(len(offsets))
        self.head = heads.tolist()
        self.children = _children(heads, offsets)

    def entities_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, label) of the entities inside tokens [start, end), what
        ``doc[start:end].ents`` gives (an entity running over either edge is left out)
        without rebuilding a Span for every entity of the Doc."""
        out, at, inside, types = [], None, self.inside_entity, self.ent_type
        for i in range(start, end):
            if at is not None and not inside[i]:
                out.append((at, i, types[at]))
                at = None
            if types[i] and not inside[i]:
                at = i
        if at is not None and (end == len(inside) or not inside[end]):
            out.append((at, end, types[at]))
        return out

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the characters from the first token to the end of the
        last, without its trailing space."""
        if end <= start:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.words[end - 1])]


def _children(heads, offsets) -> list[tuple[int, ...]]:
    """Each token's children in ascending order, from one stable sort of the dependents
    by head: no list per token (a Doc's worth of small lists set off the garbage
    collector's full passes over the loaded model)."""
    dependents = numpy.flatnonzero(offsets)  # a root is its own head
    order = dependents[numpy.argsort(heads[dependents], kind="stable")]
    starts = numpy.searchsorted(heads[order], numpy.arange(len(heads) + 1)).tolist()
    kids = order.tolist()
    return [tuple(kids[starts[h]:starts[h + 1]]) for h in range(len(heads))]


class _Names:
    """The strings of one StringStore's hash values, shared by every Doc of the store:
    a StringStore lookup costs several dict lookups, and an article's words, labels and
    tags are mostly those of the articles before it. A hash names one string for good,
    so nothing cached goes stale; the table is emptied when it grows past MAX_NAMES."""

    MAX_NAMES = 50_000  # a few MB of strings at most

    def __init__(self, strings):
        self.strings = strings
        self.plain: dict[int, str] = {}
        self.folded: dict[int, str] = {}

    def decoded(self, values: list, fold: bool = False) -> list[str]:
        table = self.folded if fold else self.plain
        try:
            return list(map(table.__getitem__, values))
        except KeyError:  # a value not seen before: read this Doc's values from a dict
            pass  # of its own, so that another thread emptying the table cannot break it
        strings, known = self.strings, table.get
        own = {v: known(v) for v in set(values)}
        new = {v: strings[v].lower() if fold else strings[v] for v, s in own.items() if s is None}
        own.update(new)
        if len(table) > self.MAX_NAMES:
            table.clear()
        table.update(new)
        return list(map(own.__getitem__, values))


_EMPTY = numpy.zeros(0, dtype="uint64")
_stores: tuple = (None, None)  # the last StringStore seen and its _Names, replaced whole


def _names_of(strings) -> _Names:
    global _stores
    last = _stores
    if last[0] is not strings:
        last = _stores = (strings, _Names(strings))
    return last[1]


def column_strings(doc, attr) -> list[str]:
    """The strings of one string-valued token attribute (ORTH, LOWER, ...) of a Doc, read
    from its array, without a Token per token and without making (or caching) its view:
    usable on a Doc still being made, as by a pipeline component."""
    if not len(doc):
        return []
    return _names_of(doc.vocab.strings).decoded(doc.to_array(attr).tolist())


# The last Doc asked for and its view: an article's stages ask for the same Doc's view
# hundreds of thousands of times. One tuple, replaced whole, so threads never see a
# Doc paired with another's view; it keeps at most one Doc alive.
_last: tuple = (None, None)


def view_of(doc) -> DocView:
    """The Doc's view, made on first use."""
    global _last
    last = _last
    if last[0] is doc:
        return last[1]
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        view = doc.user_data[VIEW_KEY] = DocView(doc)
    _last = (doc, view)
    return view


def doc_memo(doc, name: str) -> dict:
    """A dict kept with the Doc for one pure function of its parse: answers asked again
    for the same tokens (an article's phrases are resolved from several stages) are read
    back. Like the view, it lives and dies with the Doc."""
    memo = doc.user_data.get(name)
    if memo is None:
        memo = doc.user_data[name] = {}
    return memo


SENTENCES_KEY = "dyads_sentence_bounds"  # Doc.user_data slot: token -> (start, end)


def sentence_bounds(doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token ``i``: ``doc[i].sent``'s bounds, from a
    table made once per Doc (``Token.sent`` walks the sentence on every call)."""
    table = doc.user_data.get(SENTENCES_KEY)
    if table is None:
        table = doc.user_data[SENTENCES_KEY] = [None] * len(doc)
        for sent in doc.sents:
            bounds = (sent.start, sent.end)
            table[sent.start:sent.end] = [bounds] * (sent.end - sent.start)
    return table[i]


def is_root(token) -> bool:
    """Whether the token heads its sentence. ``token.head is token`` never holds: spaCy
    makes a new Token on every ``head``, so a loop up the parse that tests it walks on
    at the root (each step a new Token) until its step limit."""
    return view_of(token.doc).head[token.i] == token.i


def doc_text(doc) -> str:
    """``doc.text``, made once per Doc."""
    return view_of(doc).text


def span_text(span) -> str:
    """``span.text`` from the Doc's view: a Span rebuilds its text from a Token per token
    on each access (sentences are read several times per article)."""
    return view_of(span.doc).span_text(span.start, span.end)
