"""The per-Doc view (dyads.docview) gives what spaCy's Token and Span objects give."""
from dyads.docview import DocView, doc_text, span_text, view_of

TEXTS = ("Iran signed a deal with the European Union in Vienna on Tuesday after talks with "
         "Russia and China about the sanctions.  The agreement by the Iranian government "
         "angered lawmakers, and local officials in the city complained to reporters.\n\n"
         "\"We will not accept it,\" said Mr. Rouhani, who was elected in 2013.",
         "Obama criticizes Romney\n\nThe president said on Monday that he was urged by "
         "aides to call for a ceasefire.",
         "", " ", "Hello")


def test_view_lists_match_the_tokens(nlp):
    for text in TEXTS:
        doc = nlp(text)
        view = DocView(doc)
        assert view.text == doc.text
        assert view.words == [t.text for t in doc]
        assert view.lower == [t.lower_ for t in doc]
        assert view.dep == [t.dep_ for t in doc]
        assert view.idx == [t.idx for t in doc]
        assert view.is_punct == [t.is_punct for t in doc]
        assert view.is_alpha == [t.is_alpha for t in doc]
        assert view.pos == [t.pos_ for t in doc]
        assert view.is_space == [t.is_space for t in doc]
        assert view.is_title == [t.is_title for t in doc]
        assert view.ent_type == [t.ent_type_ for t in doc]
        assert view.tag == [t.tag_ for t in doc]
        assert view.lemma_lower == [t.lemma_.lower() for t in doc]
        assert view.inside_entity == [t.ent_iob_ == "I" for t in doc]
        assert view.head == [t.head.i for t in doc]
        assert [list(c) for c in view.children] == [[c.i for c in t.children] for t in doc]


def test_span_text_matches_spacy_spans(nlp):
    for text in TEXTS:
        doc = nlp(text)
        view = DocView(doc)
        for start in range(len(doc) + 1):
            for end in range(start, len(doc) + 1):
                assert view.span_text(start, end) == doc[start:end].text, (start, end)


def test_view_is_made_once_per_doc(nlp):
    doc = nlp(TEXTS[0])
    assert view_of(doc) is view_of(doc)
    assert doc_text(doc) == doc.text
    assert view_of(nlp(TEXTS[0])) is not view_of(doc)


def test_span_text_of_sentences_and_entities(nlp):
    for text in TEXTS:
        doc = nlp(text)
        for span in [*doc.sents, *doc.ents, doc[0:0], doc[:]]:
            assert span_text(span) == span.text


def test_view_of_alternating_docs_gives_each_its_own_view(nlp):
    """view_of remembers the last Doc asked for: switching between Docs must not mix them."""
    first, second = nlp(TEXTS[0]), nlp(TEXTS[1])
    views = {id(d): view_of(d) for d in (first, second)}
    for doc in (first, second, second, first, second):
        assert view_of(doc) is views[id(doc)]
        assert view_of(doc).text == doc.text


def test_view_strings_survive_a_full_name_table_and_a_second_store(nlp, monkeypatch):
    """The hash-to-string table shared between Docs may be emptied at any Doc, or belong
    to another StringStore: every view still reads the strings its own tokens have."""
    import spacy

    from dyads import docview

    monkeypatch.setattr(docview._Names, "MAX_NAMES", 5)
    blank = spacy.blank("en")
    for doc in [nlp(TEXTS[0]), blank(TEXTS[1]), nlp(TEXTS[1]), blank(TEXTS[0]), nlp(TEXTS[0])]:
        view = DocView(doc)
        assert view.words == [t.text for t in doc]
        assert view.lower == [t.lower_ for t in doc]
        assert view.ent_type == [t.ent_type_ for t in doc]
        assert view.lemma_lower == [t.lemma_.lower() for t in doc]


def test_entities_within_a_range_are_what_its_span_gives(nlp):
    texts = TEXTS + ("Antony Blinken met Sergei Lavrov of Russia in Geneva on Friday. The "
                     "United Nations Security Council and New York City officials met.",)
    for text in texts:
        doc = nlp(text)
        view = DocView(doc)
        ranges = [(s.start, s.end) for s in doc.sents] + [
            (a, b) for a in range(len(doc) + 1) for b in range(a, min(len(doc), a + 6) + 1)]
        for start, end in ranges:
            assert view.entities_within(start, end) == [
                (e.start, e.end, e.label_) for e in doc[start:end].ents], (start, end)


def test_sentence_bounds_are_each_tokens_sentence(nlp):
    from dyads.docview import sentence_bounds

    for text in TEXTS:
        doc = nlp(text)
        assert [sentence_bounds(doc, t.i) for t in doc] == [(t.sent.start, t.sent.end)
                                                            for t in doc]


def test_us_place_reads_the_phrase_entities_as_the_span_gave(nlp, resources):
    from dyads.actors import us_politics
    from dyads.actors.phrases import phrase_of

    def span_walk(doc, phrase):
        return any(e.label_ == "GPE" and (p := resources.gazetteer.lookup(e.text)) is not None
                   and p.country == "USA" for e in doc[phrase.left:phrase.right].ents)

    doc = nlp("Rep. Jo Doe of Ohio, a Democrat from Cleveland, met the mayor of Paris and "
              "a senator from Texas.")
    answers = [us_politics._us_place(doc, phrase_of(t), resources.gazetteer) for t in doc]
    assert answers == [span_walk(doc, phrase_of(t)) for t in doc]
    assert any(answers)


def test_column_strings_are_the_tokens_strings_and_make_no_view(nlp):
    from spacy.attrs import LOWER, ORTH

    from dyads.docview import VIEW_KEY, column_strings

    for text in TEXTS:
        doc = nlp.make_doc(text)
        assert column_strings(doc, ORTH) == [t.text for t in doc]
        assert column_strings(doc, LOWER) == [t.lower_ for t in doc]
        assert VIEW_KEY not in doc.user_data
