"""Tests for the quotes stage, on sentences written for these tests."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dyads.parse import load_nlp
from dyads.quotes import QuoteSpan, find_quotes, merge_split_quotes
from dyads.records import Span

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quotes_of(nlp, text, tweets=()):
    doc = nlp(text)
    found = find_quotes(doc, tweets)
    for q in found:  # offsets always point into the text
        assert doc.text[q.start:q.end] == q.text
        if q.speaker_start is not None and q.kind != "tweet":
            assert doc.text[q.speaker_start:q.speaker_end] == q.speaker_text
        if q.cue_start is not None:
            assert doc.text[q.cue_start:q.cue_end] == q.cue
    return found


def only(found, kind=None) -> QuoteSpan:
    chosen = [q for q in found if kind is None or q.kind == kind]
    assert len(chosen) == 1, chosen
    return chosen[0]


def test_quote_before_pronoun_cue(nlp):
    q = only(quotes_of(nlp, "“We will not back down from this fight,” she said on Friday."))
    assert q.text == "We will not back down from this fight,"
    assert (q.kind, q.cue, q.speaker_text, q.speaker_is_pronoun) == ("direct", "said", "she", True)


def test_inverted_cue_names_the_speaker(nlp):
    q = only(quotes_of(nlp, "“The border crossings will reopen next week,” said Maria Lopez, "
                            "the regional governor."))
    assert "Lopez" in q.speaker_text and not q.speaker_is_pronoun


def test_cue_before_with_colon_and_description_speaker(nlp):
    q = only(quotes_of(nlp, "The interior minister told reporters: “Our police will guard "
                            "every polling station in the province.”"))
    assert q.kind == "direct" and q.cue == "told"
    assert q.speaker_text.endswith("minister")


def test_newspaper_as_speaker_with_straight_quotes(nlp):
    q = only(quotes_of(nlp, '"The new budget is a costly mistake for the city," the regional '
                            'newspaper wrote in an editorial.'))
    assert q.cue == "wrote" and "newspaper" in q.speaker_text


def test_split_quote_gives_two_stretches_with_one_speaker(nlp):
    text = "“The talks were useful,” Ahmed Karimi said, “but much work remains before a deal.”"
    found = quotes_of(nlp, text)
    assert [q.text for q in found] == ["The talks were useful,", "but much work remains before a deal."]
    assert found[0].speaker_start == found[1].speaker_start and "Karimi" in found[0].speaker_text
    joined = only(merge_split_quotes(nlp(text), found))
    assert (joined.start, joined.end) == (found[0].start, found[1].end)


def test_following_sentence_continues_the_same_utterance(nlp):
    text = ("“We have done our part,” the envoy said. “Now the other side must show that it "
            "wants peace.”")
    first, second = quotes_of(nlp, text)
    assert second.cue_start == first.cue_start and second.speaker_text == first.speaker_text
    assert len(merge_split_quotes(nlp(text), [first, second])) == 1


def test_quote_running_over_two_paragraphs(nlp):
    text = ("Karimi said: “The first stage of the withdrawal is finished.\n\n"
            "“The second stage begins in June and will take three months,” he added.")
    first, second = quotes_of(nlp, text)
    assert first.text == "The first stage of the withdrawal is finished."
    assert "Karimi" in first.speaker_text
    assert second.text.startswith("The second stage") and second.speaker_is_pronoun


def test_according_to(nlp):
    q = only(quotes_of(nlp, "“Prices will rise again before the end of the year,” according "
                            "to the central bank."))
    assert q.cue == "according" and q.speaker_text == "the central bank"


def test_apostrophes_are_not_quote_marks(nlp):
    assert quotes_of(nlp, "Lopez’s office said the plan hasn’t changed since the ’90s "
                          "and the ministers' meeting went ahead.") == []


def test_single_curly_scare_quote_is_a_phrase_with_speaker(nlp):
    q = only(quotes_of(nlp, "The foreign minister asserted that the rebels have shown "
                            "‘no good faith’ in the talks."))
    assert q.text == "no good faith" and q.kind == "phrase"
    assert q.cue == "asserted" and "minister" in q.speaker_text


def test_statement_noun_gives_the_speaker(nlp):
    q = only(quotes_of(nlp, 'The statement by President Elena Moravec that the treaty "will not '
                            'survive the winter" drew sharp criticism.'))
    assert q.kind == "phrase" and "Moravec" in q.speaker_text


def test_partial_quote_inside_a_sentence_is_a_phrase(nlp):
    q = only(quotes_of(nlp, 'The mayor said the new plan was "a complete and total failure of '
                            'leadership" during a radio interview.'))
    assert q.kind == "phrase" and "mayor" in q.speaker_text


def test_unattributed_scare_quote_has_no_speaker(nlp):
    q = only(quotes_of(nlp, "Officials called the arrangement a temporary fix, but the so-called "
                            "“peace dividend” never arrived."))
    assert q.kind == "phrase" and q.text == "peace dividend"


def test_typewriter_double_marks(nlp):
    q = only(quotes_of(nlp, "''We are ready for the vote,'' the party leader said."))
    assert q.text == "We are ready for the vote," and "leader" in q.speaker_text


def test_verbless_label_names_the_speaker(nlp):
    q = only(quotes_of(nlp, "Anna Berg, The Daily Ledger: \"The debate settled nothing for "
                            "either candidate.\""))
    assert q.speaker_text == "Anna Berg" and q.cue is None


def test_tweet_text_and_author(nlp):
    text = ("The minister posted a message after the meeting.\n\n"
            "Talks went well today with our partners from the north. https://t.co/abc123 "
            "— Jane Roe (@janeroe) May 2, 2023")
    sig_start = text.index("— Jane")
    signature = Span(sig_start, len(text), "tweet_signature", text[sig_start:],
                     (("author", "Jane Roe"), ("handle", "@janeroe")))
    q = only(quotes_of(nlp, text, [signature]), kind="tweet")
    assert q.text == "Talks went well today with our partners from the north."
    assert q.speaker_text == "Jane Roe"
    assert text[q.speaker_start:q.speaker_end] == "Jane Roe"


def test_polnear_sample_recall():
    """The shared scorer's own measure, on a sample of the attribution gold."""
    gold = SHARED / "eval" / "polnear_test_attributions.jsonl"
    if not gold.exists():
        pytest.skip("shared evaluation data not present")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()][:10]
    nlp = load_nlp()
    hits = total = 0
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        found = merge_split_quotes(doc, [q for q in find_quotes(doc) if q.kind != "phrase"])
        rows = [{"start": q.start, "end": q.end} for q in found]
        for g in (g for g in rec["quotes"] if g.get("direct_quote")):
            total += 1
            hits += any(scorer.quote_overlap(g, r) >= 0.8 for r in rows)
    assert total and hits / total >= 0.7


class _CountingDoc:
    """Delegates to a parsed doc and counts reads of ``text`` and ``ents``, which spaCy
    rebuilds from every token on each access."""

    def __init__(self, doc):
        self._doc, self.reads = doc, {"text": 0, "ents": 0}

    def __getattr__(self, name):
        if name in self.reads:
            self.reads[name] += 1
        return getattr(self._doc, name)

    def __getitem__(self, key):
        return self._doc[key]

    def __iter__(self):
        return iter(self._doc)

    def __len__(self):
        return len(self._doc)


def test_doc_text_and_entities_are_read_once_per_article(nlp):
    text = " ".join(f'"We will talk again on day {n}," Maria Lopez said. "Then we decide."'
                    for n in range(6))
    doc = _CountingDoc(nlp(text))
    found = find_quotes(doc)
    assert len(found) >= 6 and any(q.speaker_text == "Maria Lopez" for q in found)
    merge_split_quotes(doc, found)
    assert doc.reads["text"] <= 2 and doc.reads["ents"] <= 1


# --- rules for partial quotations, titles and continued utterances ----------------------

def test_clause_of_the_cue_does_not_start_a_new_utterance(nlp):
    text = ("“The border will stay closed,” an aide said, speaking on condition of anonymity. "
            "“Nobody expects the talks to resume before the spring.”")
    first, second = quotes_of(nlp, text)
    assert second.cue_start == first.cue_start and second.kind == "direct"
    assert len(merge_split_quotes(nlp(text), [first, second])) == 1


def test_scare_quote_is_not_an_utterance_to_continue(nlp):
    text = ("The governor criticized the “reckless spending” of the council. The budget grew "
            "by a third.\n\n“We cannot keep borrowing money for projects nobody asked for.”")
    scare, speech = quotes_of(nlp, text)
    assert scare.kind == "phrase" and scare.cue == "criticized"
    assert speech.kind == "direct" and speech.cue is None


def test_cue_from_a_later_paragraph_is_not_an_embedding(nlp):
    text = ("“The harvest was the worst in a decade and prices will climb”\n\n"
            "Farmers said the rain came too late.")
    q = only(quotes_of(nlp, text))
    assert q.cue is None


def test_paragraph_ending_in_a_colon_gives_the_cue(nlp):
    text = ("The ministry of health wrote:\n"
            "“Clinics in the northern districts will open longer hours from Monday.”")
    q = only(quotes_of(nlp, text))
    assert q.cue == "wrote" and "ministry" in q.speaker_text and q.kind == "direct"


def test_cue_in_the_last_sentence_of_the_previous_paragraph(nlp):
    text = ("The senator said the vote would be close.\n\n"
            "“We have counted every ballot twice and the margin is still tiny.”")
    q = only(quotes_of(nlp, text))
    assert q.cue == "said" and q.speaker_text == "The senator"


def test_quote_whose_sentence_runs_on_is_a_phrase(nlp):
    q = only(quotes_of(nlp, "“We will double the number of inspectors” by next summer, the "
                            "agency chief said."))
    assert q.kind == "phrase" and q.cue == "said"


def test_run_on_quote_joins_the_next_sentence_of_the_same_speaker(nlp):
    text = ("“The reform will cut waiting times in half” and save money, the minister said. "
            "“Patients will notice the change within weeks.”")
    doc = nlp(text)
    found = quotes_of(nlp, text)
    assert [q.kind for q in found] == ["phrase", "direct"]
    joined = only(merge_split_quotes(doc, found))
    assert joined.kind == "direct" and (joined.start, joined.end) == (found[0].start, found[1].end)


def test_title_in_apposition_is_a_phrase(nlp):
    q = only(quotes_of(nlp, "He wrote about the town in his best-known book, “The Salt Road.”"))
    assert q.kind == "phrase"


def test_title_case_quote_after_a_work_noun_is_a_phrase(nlp):
    q = only(quotes_of(nlp, "The mayor described her childhood in her first novel, "
                            "“Winter Harbor.”"))
    assert q.kind == "phrase"


def test_statement_after_a_colon_is_not_a_title(nlp):
    q = only(quotes_of(nlp, "Her answer came within minutes: “We will not sign this "
                            "agreement under any circumstances.”"))
    assert q.kind == "direct"


def test_past_tense_cue_misread_as_adjective(nlp):
    q = only(quotes_of(nlp, '"Is the deadline still realistic?" asked campaign director '
                            'Paula Stein.'))
    assert q.cue == "asked" and q.kind == "direct"


def test_headline_before_colon_is_not_a_speaker_label(nlp):
    found = quotes_of(nlp, "Local Radio Host on the Stadium Vote in Springfield: ‘Shameful’\n\n"
                           "The council approved the plan on Tuesday.")
    assert all(q.speaker_text is None for q in found)


def test_a_quotation_split_by_its_cue_is_two_quotes_without_marks():
    import dyads
    text = ('"We will not leave the streets," the organizer said. "The police must go home."')
    quotes = dyads.code(text, date="2015-05-04").quotes
    assert [q.quote for q in quotes] == ["We will not leave the streets,", "The police must go home."]


def test_attribution_gold_matches_the_two_halves_joined():
    from dyads.evaluate.quotes import score_quotes
    text = '"A b c d e f," she said. "G h i j k l."'
    halves = [{"start": 1, "end": 13, "quote": "A b c d e f,", "cue": "said", "cue_start": 19,
               "kind": "direct", "speaker": {"start": 15}},
              {"start": 26, "end": 38, "quote": "G h i j k l.", "cue": "said", "cue_start": 19,
               "kind": "direct", "speaker": {"start": 15}}]
    gold = [{"id": "x", "text": text, "quotes": [{"content_spans": [[1, 13], [26, 38]],
                                                   "direct_quote": True, "source": "she"}]}]
    got = score_quotes(gold, {"x": {"quotes": halves}}, kinds={"direct"})
    assert (got["quote_recall"], got["quote_precision"]) == (1.0, 1.0)
