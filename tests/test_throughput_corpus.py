"""The throughput corpus generator is deterministic, valid JSONL and about the size asked."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from repo_scripts import load_script

REPO_ROOT = Path(__file__).resolve().parents[1]


gen = load_script("make_throughput_corpus")
SMALL = 60_000  # bytes: enough for ~70 articles, fast to write


def _read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_same_seed_gives_same_bytes(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    gen.write_corpus(first, SMALL, seed=7)
    gen.write_corpus(second, SMALL, seed=7)
    assert first.read_bytes() == second.read_bytes()


def test_different_seeds_give_different_corpora(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    gen.write_corpus(first, SMALL, seed=1)
    gen.write_corpus(second, SMALL, seed=2)
    assert first.read_bytes() != second.read_bytes()


def test_output_is_valid_jsonl_with_article_fields(tmp_path):
    out = tmp_path / "corpus.jsonl"
    count, _ = gen.write_corpus(out, SMALL, seed=3)
    records = _read_lines(out)
    assert len(records) == count > 10
    assert len({r["id"] for r in records}) == count
    for record in records:
        assert set(record) == {"id", "date", "text"}
        day = dt.date.fromisoformat(record["date"])
        assert gen.FIRST_DAY <= day <= gen.LAST_DAY
        assert isinstance(record["text"], str) and len(record["text"]) > 100


def test_size_is_close_to_the_request(tmp_path):
    out = tmp_path / "corpus.jsonl"
    target = int(gen.DEFAULT_SIZE_MB * 1_000_000)
    _, written = gen.write_corpus(out, target)
    assert out.stat().st_size == written
    assert target <= written < target + 5_000  # overshoot is under one article


def test_articles_have_5_to_15_sentences():
    rng = random.Random(11)
    lengths = [len(gen.article_sentences(rng, gen.article_day(rng))) for _ in range(300)]
    assert min(lengths) >= 5 and max(lengths) <= 15
    assert len(set(lengths)) > 5  # lengths actually vary


def test_office_holders_appear_only_while_in_office():
    terms = {}
    for mention, _, _, _, start, end in gen.OFFICE_HOLDERS:
        terms.setdefault(mention, []).append((start, end))
    stream = gen.iter_articles(seed=5)
    for _ in range(300):
        article = next(stream)
        for mention, spans in terms.items():
            if mention in article["text"]:
                assert any(a <= article["date"] < b for a, b in spans), (mention, article["date"])


def test_cli_writes_the_requested_path(tmp_path):
    out = tmp_path / "nested" / "corpus.jsonl"
    assert gen.main([str(out), "--size-mb", "0.02", "--seed", "9"]) == 0
    assert 20_000 <= out.stat().st_size < 25_000
    with pytest.raises(SystemExit):
        gen.main([str(out), "--size-mb", "0"])
