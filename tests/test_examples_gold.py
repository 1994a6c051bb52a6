"""The bundled sample corpus and its gold events stay consistent.

Runs the same checks as scripts/check_examples_gold.py: every article has a gold record,
offsets point at the quoted text, CAMEO codes exist in the codebook (when the shared
knowledge sources are present), dates are ISO and the no-event articles have no events.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from repo_scripts import load_script

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "examples"
CAMEO_CSV = REPO_ROOT.parent / "shared" / "kb-sources" / "cameo" / "cameo-codes.csv"
NO_EVENT_ARTICLES = {"2024-08-11_marathon_result", "2023-01-16_storm_brings_flooding_to_coast",
                     "2024-09-08_tennis_final_in_straight_sets", "2024-04-25_carmaker_beats_estimates",
                     "2023-09-09_earthquake_strikes_mountain_villages",
                     "2024-11-03_bar_shooting_and_stabbing"}
TWEET_ARTICLE = "2022-10-06_kuleba_cavusoglu_call_tweets"


checker = load_script("check_examples_gold")


@pytest.fixture(scope="module")
def articles():
    return checker.load_articles(EXAMPLES / "articles")


@pytest.fixture(scope="module")
def gold():
    return checker.load_gold(EXAMPLES / "gold.jsonl")


@pytest.fixture(scope="module")
def gold_by_id(gold):
    return {record["id"]: record for record in gold}


def test_corpus_has_at_least_32_articles_in_seed_layout(articles):
    assert len(articles) >= 32
    for path in (EXAMPLES / "articles").glob("*.txt"):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert re.fullmatch(r"date \d{4}-\d{2}-\d{2}", lines[0]), path.name
        assert lines[1] == "", f"{path.name}: second line must be blank"


def test_article_bodies_are_wire_length(articles):
    for aid, (_, body) in articles.items():
        words = len(body.split())
        assert 120 <= words <= 400, f"{aid}: {words} words"


def test_every_article_has_exactly_one_gold_record(articles, gold):
    ids = [record["id"] for record in gold]
    assert sorted(ids) == sorted(articles)


def test_offsets_dates_and_coverage_are_consistent(articles, gold):
    # codes=None: the codebook part is its own test, skipped without the shared sources
    assert checker.check_all(articles, gold, codes=None) == []


def test_cameo_codes_exist_in_codebook(gold):
    codes = checker.load_cameo_codes(CAMEO_CSV)
    if codes is None:
        pytest.skip(f"CAMEO codebook not found at {CAMEO_CSV}")
    used = {code for record in gold for event in record["events"]
            for code in [event["cameo"], *event["alt_cameo"]]}
    assert used - codes == set()


def test_event_dates_are_iso_and_not_after_publication(gold):
    for record in gold:
        for event in record["events"]:
            date = event["event_date"]
            if date is None:
                continue
            assert checker.is_iso_date(date), (record["id"], date)
            assert date[:len(date)] <= record["published"][:len(date)], (record["id"], date)


def test_no_event_articles_have_no_events(gold_by_id):
    flagged = {aid for aid, r in gold_by_id.items() if r.get("no_event")}
    assert NO_EVENT_ARTICLES <= flagged and len(flagged) >= 11  # sports, markets, weather, crime
    for aid in flagged:
        assert gold_by_id[aid]["events"] == []
    others = [r for aid, r in gold_by_id.items() if aid not in flagged]
    assert all(record["events"] for record in others)


def test_tweet_article_keeps_its_page_furniture(articles):
    body = articles[TWEET_ARTICLE][1]
    assert re.search(r"— [^\n]+ \(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}", body)
    assert re.search(r"^https?://\S+$", body, flags=re.M)
    assert body.endswith("Image: AP")


def test_checker_reports_a_shifted_offset(articles, gold_by_id):
    record = copy.deepcopy(gold_by_id[TWEET_ARTICLE])
    record["events"][0]["evidence_start"] += 1
    header_date, body = articles[TWEET_ARTICLE]
    errors = checker.check_record(record, header_date, body, codes=None)
    assert any("evidence" in error for error in errors)


def test_checker_reports_unknown_code_and_bad_date(articles, gold_by_id):
    record = copy.deepcopy(gold_by_id[TWEET_ARTICLE])
    record["events"][0]["cameo"] = "999"
    record["events"][1]["event_date"] = "2022-02-30"
    header_date, body = articles[TWEET_ARTICLE]
    errors = checker.check_record(record, header_date, body, codes={"041", "0253"})
    assert any("999" in error for error in errors)
    assert any("2022-02-30" in error for error in errors)


def test_fill_offsets_repairs_broken_offsets(articles, gold_by_id):
    record = copy.deepcopy(gold_by_id[TWEET_ARTICLE])
    for event in record["events"]:
        event["evidence_start"] = event["evidence_end"] = 0
    header_date, body = articles[TWEET_ARTICLE]
    repaired = checker.fill_offsets(record, body)
    assert checker.check_record(repaired, header_date, body, codes=None) == []
