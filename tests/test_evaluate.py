"""dyads eval: scoring rules on hand-made records, and the accuracy ratchet on the dev sets."""
import importlib.util
import json
from pathlib import Path

import pytest

from dyads.evaluate import (SAME_SENTENCE, STRICT, code_gold, evaluate_files, format_report,
                            score_quotes, score_records, summarise)

REPO = Path(__file__).resolve().parents[1]
RATCHET = REPO / "tests" / "ratchet.json"


def _event(src, tgt, cameo, date=None):
    return {"source": {"country": src}, "target": {"country": tgt}, "cameo": cameo,
            "cameo_root": cameo[:2], "date": date}


def test_scoring_matches_roots_countries_and_swaps():
    gold = [{"id": "a", "events": [{"source_actor": "USAGOV", "target_actor": "RUSGOV", "cameo": "040"},
                                   {"source_actor": "RUSMIL", "target_actor": "UKR", "cameo": "190"}]},
            {"id": "b", "no_event": True, "events": []}]
    docs = {"a": {"events": [_event("RUS", "USA", "041"), _event("RUS", "UKR", "112")]},
            "b": {"events": [_event("FRA", "DEU", "010")]}}
    counts, misses, confusion = score_records(gold, docs)
    s = summarise(counts)
    assert s["dyad_recall"] == 0.5 and s["dyad_precision"] == pytest.approx(1 / 3, abs=0.001)
    assert s["type_recall"] == 0.5 and s["no_event_false_alarm_rate"] == 1.0
    assert misses == [{"doc": "a", "roots": ["19"], "src": "RUS", "tgt": "UKR"}]
    assert confusion[("19", "11")] == 1


def test_legacy_cameo_country_codes_compare_as_iso():
    gold = [{"id": "j", "events": [{"source_actor": "JAPGOV", "target_actor": "VTN", "cameo": "040"}]}]
    docs = {"j": {"events": [_event("JPN", "VNM", "042")]}}
    assert summarise(score_records(gold, docs)[0])["dyad_recall"] == 1.0


def test_of_two_agreeing_outputs_the_one_with_the_gold_date_is_paired():
    gold = [{"id": "d", "events": [{"source_actor": "RUS", "target_actor": "UKR", "cameo": "190",
                                    "event_date": "2022-03-02"}]}]
    docs = {"d": {"events": [_event("RUS", "UKR", "193", "2022-03-01"),
                             _event("RUS", "UKR", "190", "2022-03-02")]}}
    assert summarise(score_records(gold, docs)[0])["date_accuracy"] == 1.0


def test_month_precision_gold_date_is_met_by_any_day_of_that_month():
    gold = [{"id": "m", "events": [{"source_actor": "MLI", "target_actor": "FRA", "cameo": "112",
                                    "event_date": "2023-06"}]}]
    docs = {"m": {"events": [_event("MLI", "FRA", "112", "2023-06-01")]}}
    assert summarise(score_records(gold, docs)[0])["date_accuracy"] == 1.0


def test_quote_scoring_by_text_or_offsets():
    gold = [{"id": "q", "quotes": [{"speaker": "Ned Price", "quote": "we spoke", "start": 100, "end": 108}]}]
    docs = {"q": {"quotes": [{"quote": "we spoke", "start": 83, "end": 91,
                              "speaker": {"text": "Price", "name": "Ned Price"}}]}}
    assert score_quotes(gold, docs)["speaker_accuracy"] == 1.0
    assert score_quotes(gold, {"q": {"quotes": []}})["quote_recall"] == 0.0


def test_quote_pieces_listed_out_of_order_cover_their_region():
    gold = [{"id": "q", "quotes": [{"speaker": "Ann Lee", "content": "second part first part",
                                    "content_spans": [[200, 240], [100, 140]]}]}]
    docs = {"q": {"quotes": [{"quote": "first part ... second part", "start": 99, "end": 241,
                              "speaker": {"text": "Lee", "name": "Ann Lee"}}]}}
    assert score_quotes(gold, docs)["quote_recall"] == 1.0


# Strict and same-sentence rules, on a made-up two-sentence article published 2024-05-10.
PUBLISHED = "2024-05-10"
FIRST = "Kenya's president met the Ugandan foreign minister in Nairobi on Tuesday."
SECOND = "Later that week Kenya accused Uganda of closing the border."


def _article(*events):
    return [{"id": "k", "published": PUBLISHED, "text": f"{FIRST} {SECOND}", "events": list(events)}]


def _gold(src, tgt, cameo, evidence, date=None, **actor_extra):
    return {"source": {"name": src, "country": src, "sector": "GOV", **actor_extra},
            "target": {"name": tgt, "country": tgt, "sector": "GOV"}, "cameo": cameo,
            "alt_cameo": [], "event_date": date, "evidence": evidence}


def _coded(src, tgt, cameo, sentence, date=None, date_text=None):
    return {**_event(src, tgt, cameo, date), "date_text": date_text, "sentence": {"text": sentence}}


def _figures(records, outs, mode):
    return summarise(score_records(records, {"k": {"events": outs}}, mode)[0])


def test_strict_match_must_come_from_the_gold_sentence():
    gold = _article(_gold("KEN", "UGA", "040", FIRST, "2024-05-07"))
    outs = [_coded("KEN", "UGA", "042", SECOND, "2024-05-07")]
    assert _figures(gold, outs, None)["dyad_recall"] == 1.0
    assert _figures(gold, outs, STRICT)["dyad_recall"] == 0.0
    assert _figures(gold, outs, SAME_SENTENCE)["type_recall"] == 0.0


@pytest.mark.parametrize("sentence", [
    FIRST,                                                    # the sentence itself
    FIRST.upper().replace(",", ""),                           # case and punctuation aside
    f"{FIRST} {SECOND}",                                      # a sentence the splitter ran on
    "On Tuesday, the Kenyan president met the Ugandan foreign minister.",  # most words shared
])
def test_evidence_and_sentence_agree_by_containment_or_shared_words(sentence):
    gold = _article(_gold("KEN", "UGA", "040", "met the Ugandan foreign minister in Nairobi"))
    assert _figures(gold, [_coded("KEN", "UGA", "040", sentence)], SAME_SENTENCE)["dyad_recall"] == 1.0


def test_a_sentence_sharing_few_words_is_another_sentence():
    gold = _article(_gold("KEN", "UGA", "112", SECOND))
    outs = [_coded("KEN", "UGA", "112", "Kenya and Uganda share a long border near Lake Victoria.")]
    assert _figures(gold, outs, SAME_SENTENCE)["dyad_recall"] == 0.0


@pytest.mark.parametrize("gold_date,out_date,found", [
    ("2024-05-07", "2024-05-07", True),
    ("2024-05-07", "2024-05-08", False),
    ("2024-05", "2024-05-01", True),      # month precision: any day of May
    ("2024", "2023-12-31", False),
    ("2024-05-07", None, False),
])
def test_strict_dates_compare_at_the_gold_precision(gold_date, out_date, found):
    gold = _article(_gold("KEN", "UGA", "040", FIRST, gold_date))
    outs = [_coded("KEN", "UGA", "040", FIRST, out_date)]
    assert _figures(gold, outs, STRICT)["dyad_recall"] == (1.0 if found else 0.0)


@pytest.mark.parametrize("out_date,date_text,found", [
    (None, None, True),
    (PUBLISHED, "published", True),       # the coder's fallback date for an undated event
    ("2024-05-07", "on Tuesday", False),  # a date the gold does not give is a wrong date
])
def test_an_undated_gold_event_accepts_no_date_or_the_publication_date(out_date, date_text, found):
    gold = _article(_gold("KEN", "UGA", "112", SECOND, None))
    outs = [_coded("KEN", "UGA", "112", SECOND, out_date, date_text)]
    assert _figures(gold, outs, STRICT)["dyad_recall"] == (1.0 if found else 0.0)


def test_same_sentence_mode_counts_wrong_dates_in_date_accuracy():
    gold = _article(_gold("KEN", "UGA", "040", FIRST, "2024-05-07"),
                    _gold("KEN", "UGA", "112", SECOND, "2024-05"))
    outs = [_coded("KEN", "UGA", "040", FIRST, "2024-05-10"), _coded("KEN", "UGA", "112", SECOND, "2024-05-09")]
    s = _figures(gold, outs, SAME_SENTENCE)
    assert s["dyad_recall"] == 1.0 and s["date_accuracy"] == 0.5


def test_country_less_gold_actor_is_compared_by_sector_under_strict_rules():
    igo = {"source": {"name": "United Nations", "country": None, "sector": "IGO"},
           "target": {"name": "Kenya", "country": "KEN", "sector": "GOV"}, "cameo": "042",
           "alt_cameo": [], "event_date": "unknown", "evidence": FIRST}
    outs = [_coded("UGA", "KEN", "042", FIRST)]
    assert _figures(_article(igo), outs, None)["dyad_recall"] == 1.0   # default: anyone
    assert _figures(_article(igo), outs, STRICT)["dyad_recall"] == 0.0
    un = {**_coded(None, "KEN", "042", FIRST), "source": {"country": None, "code": "IGOUNO"}}
    assert _figures(_article(igo), [un], STRICT)["dyad_recall"] == 1.0


def _files(tmp_path):
    """A one-event article and its coding, right sentence but a wrong date, as files."""
    gold_path, out_path = tmp_path / "kenya.jsonl", tmp_path / "coded.jsonl"
    gold_path.write_text(json.dumps(_article(_gold("KEN", "UGA", "040", FIRST, "2024-05-07"))[0]) + "\n")
    out_path.write_text(json.dumps({"doc_id": "k", **_coded("KEN", "UGA", "040", FIRST, "2024-05-10")}) + "\n")
    return gold_path, out_path


def test_report_shows_strict_figures(tmp_path):
    gold_path, out_path = _files(tmp_path)
    reports = evaluate_files([gold_path], output=str(out_path), strict=True, same_sentence=True)
    assert reports["kenya"]["strict"]["dyad_recall"] == 0.0
    assert reports["kenya"]["same_sentence"]["date_accuracy"] == 0.0
    text = format_report(reports)
    assert "strict (gold's sentence and date): dyad_recall 0.0" in text
    assert "same sentence: dyad_recall 1.0" in text and "default rules: " in text



def test_eval_command_takes_the_strict_flags(tmp_path, capsys):
    from dyads.cli import main

    gold_path, out_path = _files(tmp_path)
    assert main(["eval", str(gold_path), "--output", str(out_path), "--strict", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["kenya"]
    assert report["strict"]["dyad_recall"] == 0.0 and "same_sentence" not in report
    assert main(["eval", str(gold_path), "--output", str(out_path), "--same-sentence"]) == 0
    assert "same sentence: dyad_recall 1.0" in capsys.readouterr().out

DEV_SETS = ["seed/seed_gold.json", "eval/cameo_codebook_examples.jsonl", "eval/plover_gsr.jsonl",
            "eval/udpetrarch_petr2_gsr.jsonl", "eval/polnear_test_attributions.jsonl"]
# Whole news articles, scored strictly: the ratchet names them <set>_strict (dyad and type
# figures) and <set>_same_sentence (date and actor accuracy, which strict rules make trivial).
NEWS_SETS = ["news_dev_polnear", "news_dev_polnear_2", "news_dev_public"]
AGREED = ["dyad_recall", "dyad_precision", "type_recall", "date_accuracy"]
SECTIONS = {"_strict": STRICT, "_same_sentence": SAME_SENTENCE}


def _reference_scorer(shared_dir):
    """The independent scorer beside the gold files, which the strict rules must agree with."""
    path = shared_dir / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("no reference scorer beside the gold files")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _assert_agreement(scorer, gold_path, out_path):
    ours = evaluate_files([gold_path], output=str(out_path), strict=True, same_sentence=True)
    ours = ours[gold_path.stem]
    for mode, dates in ((STRICT, True), (SAME_SENTENCE, False)):
        theirs = scorer.summary(scorer.score(str(gold_path), str(out_path), strict=True, dates=dates)[0])
        assert {k: ours[mode][k] for k in AGREED} == {k: theirs[k] for k in AGREED}, (gold_path.stem, mode)


def test_strict_rules_agree_with_the_reference_scorer_on_hand_made_records(shared_dir, tmp_path):
    golds = _article(_gold("KEN", "UGA", "040", FIRST, "2024-05-07"), _gold("KEN", "UGA", "112", SECOND),
                     {**_gold("KEN", "UGA", "042", FIRST, "2024-05"), "source": {"country": None, "sector": "IGO"}})
    outs = [_coded("KEN", "UGA", "042", FIRST, "2024-05-10"), _coded("UGA", "KEN", "112", SECOND),
            _coded("KEN", "UGA", "040", FIRST, "2024-05-07"), _coded("KEN", "UGA", "112", SECOND, PUBLISHED)]
    gold_path, out_path = tmp_path / "kenya.jsonl", tmp_path / "coded.jsonl"
    gold_path.write_text(json.dumps(golds[0]) + "\n")
    out_path.write_text(json.dumps({"doc_id": "k", "events": outs}) + "\n")
    _assert_agreement(_reference_scorer(shared_dir), gold_path, out_path)


@pytest.fixture(scope="module")
def news_coded(shared_dir, tmp_path_factory):
    """Each news set coded once, written as `dyads code --format docs` writes it."""
    folder = tmp_path_factory.mktemp("news_coded")
    files = {}
    for name in NEWS_SETS:
        gold_path = shared_dir / "eval" / f"{name}.jsonl"
        docs = code_gold([json.loads(line) for line in gold_path.read_text().splitlines() if line.strip()],
                         gold_path, workers=2)
        files[name] = (gold_path, folder / f"{name}.jsonl")
        files[name][1].write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs.values()))
    return files


@pytest.mark.slow
def test_strict_figures_agree_with_the_reference_scorer_on_the_news_sets(shared_dir, news_coded):
    scorer = _reference_scorer(shared_dir)
    for gold_path, out_path in news_coded.values():
        _assert_agreement(scorer, gold_path, out_path)


def _ratchet_figures(reports: dict, name: str) -> dict:
    for suffix, section in SECTIONS.items():
        if name.endswith(suffix):
            return reports[name[:-len(suffix)]][section]
    return {**reports[name]["events"], **(reports[name]["quotes"] or {})}


@pytest.mark.slow
def test_accuracy_does_not_drop_below_the_ratchet(shared_dir, news_coded):
    """Figures may only go up: tests/ratchet.json holds the level reached so far."""
    ratchet = json.loads(RATCHET.read_text())
    paths = [shared_dir / p for p in DEV_SETS] + [REPO / "examples" / "gold.jsonl"]
    reports = evaluate_files(paths, workers=2)
    for gold_path, out_path in news_coded.values():
        reports.update(evaluate_files([gold_path], output=str(out_path), strict=True, same_sentence=True))
    failures = []
    for name, floors in ratchet.items():
        got = _ratchet_figures(reports, name)
        for key, floor in floors.items():
            higher_is_better = not key.endswith("false_alarm_rate")
            ok = got[key] is not None and (got[key] >= floor if higher_is_better else got[key] <= floor)
            if not ok:
                failures.append(f"{name}.{key}: {got[key]} (ratchet {floor})")
    assert not failures, failures
