"""`dyads load / query / export / stats` through their argparse handlers."""
from __future__ import annotations

import argparse
import json

from store_docs import call_doc
from dyads.cli import store as store_cli
from dyads.store.write import docs_to_parquet


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dyads")
    sub = parser.add_subparsers(dest="command")
    store_cli.register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_load_query_export_stats(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    docs = [call_doc("a", "Blinken phoned Jaishankar.", "USAGOV", "INDGOV", "2022-03-30"),
            call_doc("b", "Lavrov accused Kuleba.", "RUSGOV", "UKRGOV", "2022-03-30",
                     cameo="111")]
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps(docs[0]) + "\n")
    docs_to_parquet(docs[1:], tmp_path / "run" / "part-0.parquet")
    assert _run("load", str(jsonl), str(tmp_path / "run"), "--db", db, "--cluster") == 0
    assert json.loads(capsys.readouterr().out)["articles_added"] == 2

    assert _run("query", "--db", db, "--country", "RUS", "--format", "jsonl") == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["cameo"] == "111"

    assert _run("query", "--db", db, "--mentions", "--format", "csv") == 0
    out = capsys.readouterr().out.splitlines()
    assert "source.code" in out[0] and len(out) == 3

    assert _run("query", "--db", db, "--aggregate", "dyad-series", "--dyad", "USA", "IND") == 0
    assert "2022-03-01" in capsys.readouterr().out

    assert _run("query", "--db", db) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["event_id", "date", "source"] and len(table) == 3

    assert _run("export", "gdelt", str(tmp_path / "out.tsv"), "--db", db) == 0
    assert len((tmp_path / "out.tsv").read_text().splitlines()) == 2
    assert _run("stats", "--db", db) == 0
    assert json.loads(capsys.readouterr().out)["events"] == 2


def test_missing_store_and_missing_input_fail_cleanly(tmp_path, capsys):
    assert _run("query", "--db", str(tmp_path / "none.duckdb")) == 2
    assert "dyads load" in capsys.readouterr().err
    assert _run("load", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.duckdb")) == 2


def test_query_takes_several_values_and_a_sort(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    docs = [call_doc("a", "Blinken phoned Jaishankar.", "USAGOV", "INDGOV", "2022-03-28"),
            call_doc("b", "Lavrov accused Kuleba.", "RUSGOV", "UKRGOV", "2022-03-30",
                     cameo="111"),
            call_doc("c", "Wang Yi phoned Lavrov.", "CHNGOV", "RUSGOV", "2022-03-20")]
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in docs))
    assert _run("load", str(jsonl), "--db", db) == 0
    capsys.readouterr()

    def cameos(*argv):
        assert _run("query", "--db", db, "--format", "jsonl", *argv) == 0
        return [json.loads(l)["cameo"] for l in capsys.readouterr().out.splitlines()]

    assert sorted(cameos("--country", "UKR,IND")) == ["041", "111"]
    assert sorted(cameos("--cameo", "11,04", "--country", "CHN,UKR")) == ["041", "111"]
    assert cameos("--modality", "future,negated") == []
    assert len(cameos("--modality", "asserted,future")) == 3
    assert cameos("--sort", "goldstein") == ["111", "041", "041"]
    assert _run("query", "--db", db, "--sort", "body") == 2
    assert "sort must be one of" in capsys.readouterr().err
