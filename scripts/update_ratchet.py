"""Raise tests/ratchet.json to the accuracy dyads reaches now on the dev sets.

    python scripts/update_ratchet.py [--shared ../shared]

Floors only go up (a false-alarm rate only down): the ratchet test fails when a change
makes any figure worse than the level recorded here.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from dyads.evaluate import evaluate_files

REPO = Path(__file__).resolve().parents[1]
RATCHET = REPO / "tests" / "ratchet.json"
DEV_SETS = ["seed/seed_gold.json", "eval/cameo_codebook_examples.jsonl", "eval/plover_gsr.jsonl",
            "eval/udpetrarch_petr2_gsr.jsonl", "eval/polnear_test_attributions.jsonl"]
EVENT_KEYS = ["type_recall", "dyad_recall", "dyad_precision", "date_accuracy",
              "actor_country_accuracy", "no_event_false_alarm_rate"]
QUOTE_KEYS = ["quote_recall", "quote_f1", "speaker_accuracy"]
# Whole real articles, scored as a careful reader judges (dyads eval --strict / --same-sentence).
NEWS_SETS = ["eval/news_dev_polnear.jsonl", "eval/news_dev_polnear_2.jsonl",
             "eval/news_dev_public.jsonl"]
NEWS_KEYS = {"strict": ["dyad_recall", "dyad_precision", "type_recall"],
             "same_sentence": ["date_accuracy", "actor_accuracy"]}


def better(key: str, old, new):
    if old is None:
        return new
    return min(old, new) if key.endswith("false_alarm_rate") else max(old, new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--reset", action="store_true",
                        help="record today's figures even where lower (a deliberate trade-off; "
                             "say why in the commit message)")
    args = parser.parse_args()
    paths = [args.shared / p for p in DEV_SETS] + [REPO / "examples" / "gold.jsonl"]
    reports = evaluate_files(paths, workers=2)
    ratchet = json.loads(RATCHET.read_text()) if RATCHET.exists() else {}
    for name, report in reports.items():
        figures = {k: report["events"].get(k) for k in EVENT_KEYS if report["events"]["gold_events"]}
        figures.update({k: (report["quotes"] or {}).get(k) for k in QUOTE_KEYS if report["quotes"]})
        floors = ratchet.setdefault(name, {})
        for key, value in figures.items():
            if value is not None:
                floors[key] = value if args.reset else better(key, floors.get(key), value)
    _raise_news(ratchet, [args.shared / p for p in NEWS_SETS], args.reset)
    RATCHET.write_text(json.dumps(ratchet, indent=1, sort_keys=True) + "\n")
    print(json.dumps(ratchet, indent=1, sort_keys=True))


def _raise_news(ratchet: dict, paths: list[Path], reset: bool) -> None:
    """Floors '<set>_strict' and '<set>_same_sentence' for the real-news article sets."""
    reports = evaluate_files([p for p in paths if p.exists()], workers=2, strict=True,
                             same_sentence=True)
    for name, report in reports.items():
        for mode, keys in NEWS_KEYS.items():
            floors = ratchet.setdefault(f"{name}_{mode}", {})
            for key in keys:
                value = report[mode].get(key)
                if value is not None:
                    floors[key] = value if reset else better(key, floors.get(key), value)


if __name__ == "__main__":
    main()
