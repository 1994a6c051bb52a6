"""End to end: the seed article, the output contract, rule tests over short texts."""
import json
import subprocess
import sys

import pytest



def code_text(text: str, date: str | None = "2022-03-31", doc_id: str = "t"):
    import dyads

    return dyads.code(text, date=date, doc_id=doc_id)


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory, shared_dir):
    from dyads.cli import main

    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    assert main(["code", str(shared_dir / "seed" / "seed.txt"), "--format", "docs",
                 "--out", str(out), "--quiet", "--workers", "1"]) == 0
    return out


def test_seed_scores_with_the_project_scorer(seed_docs, shared_dir):
    proc = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"),
                           str(shared_dir / "seed" / "seed_gold.json"), str(seed_docs), "--json"],
                          capture_output=True, text=True, check=True)
    summary = json.loads(proc.stdout)["summary"]
    assert summary["dyad_recall"] >= 0.777  # at least 7 of the 9 gold events
    assert summary["dyad_precision"] >= 0.6
    assert summary["date_accuracy"] == 1.0


def test_seed_quotes_all_found_with_speakers(seed_docs, shared_dir):
    # dyads' own quote scoring: the seed gold's offsets count from the file's start, so
    # quotes are matched on text as well as on offsets.
    from dyads.evaluate import load_gold, score_quotes

    gold = load_gold(shared_dir / "seed" / "seed_gold.json")
    docs = {d["doc_id"]: d for d in load_gold(seed_docs)}
    q = score_quotes(gold, docs)
    assert q["quote_recall"] == 1.0
    assert q["speaker_accuracy"] == 1.0


def test_seed_output_follows_contract(seed_docs, output_validator):
    doc = json.loads(seed_docs.read_text().splitlines()[0])
    output_validator.validate(doc)
    for event in doc["events"]:
        output_validator.validate(event)


def test_offsets_point_into_the_body(shared_dir):
    from dyads.ingest import read_inputs
    from dyads.pipeline import code_article

    [article] = read_inputs([str(shared_dir / "seed" / "seed.txt")])
    coded = code_article(article)
    assert article.body.startswith("As the Russia")
    for e in coded.events:
        for actor in (e.source, e.target):
            if actor:
                assert article.body[actor.start:actor.end] == actor.text
        assert article.body[e.sentence.start:e.sentence.end] == e.sentence.text
    for q in coded.quotes:
        assert article.body[q.start:q.end] == q.quote


def test_call_is_dated_from_weekday():
    coded = code_text("Indian Foreign Minister S Jaishankar on Wednesday spoke with "
                      "US Secretary of State Antony Blinken.", "2022-03-31")
    [event] = coded.events
    assert (event.source.country, event.target.country) == ("IND", "USA")
    assert event.cameo_root == "04" and event.date == "2022-03-30"
    assert event.date_text == "on Wednesday" and event.date_precision == "day"


def test_no_date_phrase_falls_back_to_publication():
    coded = code_text("Russia criticized Ukraine.", "2022-03-31")
    [event] = coded.events
    assert event.date == "2022-03-31" and event.date_text == "published"


def test_passive_voice_swaps_roles():
    coded = code_text("Ukraine was attacked by Russia on Monday.", "2022-03-31")
    assert [(e.source.country, e.target.country, e.cameo_root) for e in coded.events] == [("RUS", "UKR", "19")] or \
        [(e.source.country, e.target.country) for e in coded.events] == [("RUS", "UKR")]


def test_reported_speech_codes_the_reported_event():
    coded = code_text("Moscow said that Russia condemned Ukraine.", "2022-03-31")
    assert [(e.source.country, e.target.country, e.cameo_root) for e in coded.events] == [("RUS", "UKR", "11")]


def test_control_verb_targets_the_object():
    coded = code_text("Germany urged Russia to withdraw its troops.", "2022-03-31")
    [event] = coded.events
    assert (event.source.country, event.target.country, event.cameo_root) == ("DEU", "RUS", "02")


def test_negation_and_future_modalities():
    negated = code_text("Iran did not sign the agreement with France.", "2020-01-01").events
    future = code_text("China will send aid to Pakistan.", "2020-01-01").events
    assert [e.modality for e in negated] == ["negated"]
    assert [e.modality for e in future] == ["future"]


def test_non_political_text_has_no_events():
    coded = code_text("Real Madrid beat Barcelona 2-1 on Sunday in a thrilling match.", "2022-03-31")
    assert coded.events == ()


def test_non_english_article_is_reported():
    coded = code_text("Der Bundeskanzler hat am Mittwoch mit dem Präsidenten telefoniert und "
                      "die Lage in der Ukraine besprochen, wie die Regierung mitteilte.", "2022-03-31")
    assert coded.events == () and "English" in coded.errors[-1]


def test_event_ids_are_stable():
    text = "Russia criticized Ukraine on Monday."
    first = code_text(text, "2022-03-31").events[0].event_id
    assert first == code_text(text, "2022-03-31").events[0].event_id


def test_network_runs_are_cut_at_the_character_budget():
    from dyads import pipeline

    texts = ["a" * 5, "b" * 4, "c" * 3, "d" * 20, "", "e"]
    assert pipeline.network_runs(texts, budget=10) == [[0, 1], [2], [3], [4, 5]]
    assert pipeline.network_runs([""], budget=10) == [[0]]
    assert pipeline.network_runs([], budget=10) == []


def test_texts_parsed_in_runs_keep_their_order_and_parses(nlp, monkeypatch):
    """parse_texts sends texts through the networks run by run: same Docs, same order."""
    import numpy

    from dyads import pipeline
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, TAG

    short = ["Police detained ten protesters in Minsk on Sunday.", "The envoy left Kabul."]
    long = " ".join(f"Officials in city number {n} said the talks with rebels had failed, and "
                    "the army shelled the hills." for n in range(60))
    monkeypatch.setattr(pipeline, "NETWORK_CHARS", 4000)
    assert len(long) > pipeline.NETWORK_CHARS  # runs alone; the short texts share runs
    texts = [short[0], long, short[1], long + " The end.", short[0]]
    docs = pipeline.parse_texts(nlp, texts)
    plain = list(nlp.pipe(texts))
    assert [d.text for d in docs] == texts
    attrs = [TAG, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]
    for doc, ref in zip(docs, plain):
        assert numpy.array_equal(doc.to_array(attrs), ref.to_array(attrs))
        assert [s.start for s in doc.sents] == [s.start for s in ref.sents]
        assert doc.tensor.size == 0  # the embeddings are dropped once parsed
    assert pipeline.parse_texts(nlp, []) == []
