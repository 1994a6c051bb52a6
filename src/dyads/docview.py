"""One article's parse as plain Python lists, read from spaCy's arrays once per Doc.

spaCy makes a new ``Token`` object on every ``doc[i]``, every step of ``token.children``
and every walk of a span, and rebuilds ``Doc.text`` from a Token per token on each access.
Code that asks the same small questions of many tokens (a child's dependency label, a
word's lower-case form, the text between two tokens) reads them here instead, and makes
a Token only for the one it returns. The view is kept in ``Doc.user_data``, so every stage
that holds the Doc shares it; a Doc must not be retokenized after its view is made.
"""
from __future__ import annotations

VIEW_KEY = "dyads_doc_view"  # cache slot in Doc.user_data


class DocView:
    """Per-token lists of one Doc: ``words`` (ORTH), ``lower``, ``dep``, ``pos``,
    ``ent_type``, ``idx`` (character offsets), ``is_punct``, ``is_alpha``, ``is_space``,
    ``inside_entity`` (IOB tag "I"), ``head`` (absolute index), ``children`` (indices,
    in ascending order, as ``Token.children`` yields them), ``tag`` and ``lemma_lower``
    (the lemma lower-cased, as trigger matching compares it), plus the whole ``text``."""

    def __init__(self, doc):
        from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE,
                                 LEMMA, LOWER, ORTH, POS, SPACY, TAG)

        def column(attr) -> list:  # one attribute at a time: a 2-D array costs a transpose
            return doc.to_array(attr).tolist() if len(doc) else []

        strings = doc.vocab.strings
        self.words, self.lower, self.dep, self.pos, self.ent_type, self.tag = (
            _decoded(column(attr), strings) for attr in (ORTH, LOWER, DEP, POS, ENT_TYPE, TAG))
        self.lemma_lower = _decoded(column(LEMMA), strings, fold=True)
        self.idx = column(IDX)
        self.inside_entity = [v == 1 for v in column(ENT_IOB)]  # ENT_IOB 1 is "I"
        self.is_punct, self.is_alpha, self.is_space = (
            [v == 1 for v in column(attr)] for attr in (IS_PUNCT, IS_ALPHA, IS_SPACE))
        self.text = "".join(w + " " if space else w for w, space in zip(self.words, column(SPACY)))
        # HEAD is an offset stored unsigned: view it as signed to get the head's index
        offsets = doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []
        self.head = [i + o for i, o in enumerate(offsets)]
        children: list[list[int]] = [[] for _ in offsets]
        for i, h in enumerate(self.head):
            if h != i:
                children[h].append(i)
        self.children = [tuple(c) for c in children]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the characters from the first token to the end of the
        last, without its trailing space."""
        if end <= start:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.words[end - 1])]


def _decoded(values: list, strings, fold: bool = False) -> list[str]:
    """The strings of hash values, each distinct value looked up once: a StringStore
    lookup costs several dict lookups, and words, labels and tags repeat."""
    names = {v: strings[v] for v in set(values)}
    if fold:
        names = {v: name.lower() for v, name in names.items()}
    return [names[v] for v in values]


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


def doc_text(doc) -> str:
    """``doc.text``, made once per Doc."""
    return view_of(doc).text


def span_text(span) -> str:
    """``span.text`` from the Doc's view: a Span rebuilds its text from a Token per token
    on each access (sentences are read several times per article)."""
    return view_of(span.doc).span_text(span.start, span.end)
