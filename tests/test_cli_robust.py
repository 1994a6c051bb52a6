"""The command line under stress, in subprocesses: budgets, progress, Ctrl-C, kill -9 of
the parent, and one-line errors for bad arguments."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

DYADS = [sys.executable, "-m", "dyads"]
TEXT = "Russia and Ukraine held talks in Istanbul on Tuesday. Germany urged Russia to withdraw."


def run(args, **kw):
    return subprocess.run(DYADS + args, capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("many")
    for n in range(40):
        (out / f"a{n:02d}.txt").write_text(f"date 2022-03-{n % 28 + 1:02d}\n\n{TEXT} Item {n}.")
    return out


def test_article_over_the_token_budget_fails_alone_and_the_rest_is_stored(tmp_path):
    (tmp_path / "short.txt").write_text(f"date 2022-03-31\n\n{TEXT}")
    (tmp_path / "long.txt").write_text("date 2022-03-31\n\n" + (TEXT + " ") * 10)
    db = tmp_path / "news.duckdb"
    proc = run(["code", str(tmp_path), "--format", "docs", "--workers", "1", "--db", str(db),
                "--max-article-tokens", "100"])
    docs = {d["doc_id"]: d for d in map(json.loads, proc.stdout.splitlines())}
    assert proc.returncode == 0, proc.stderr
    assert "over the per-article budget of 100" in docs["long"]["errors"][0]
    assert docs["short"]["events"] and not docs["short"]["errors"]
    assert "store " + str(db) + ": 2 new, 0 duplicate, 0 replaced, 0 failed" in proc.stderr
    stats = json.loads(run(["stats", "--db", str(db)]).stdout)
    assert stats["articles"] == 2


def test_progress_without_a_terminal_has_the_total_and_a_summary(folder, tmp_path):
    db = tmp_path / "p.duckdb"
    proc = run(["code", str(folder), "--workers", "1", "--db", str(db), "--out", os.devnull])
    lines = proc.stderr.splitlines()
    assert proc.returncode == 0 and "\r" not in proc.stderr
    assert any("40/40 articles" in line and "100%" in line for line in lines), lines
    assert lines[-1].startswith("dyads: 40 articles (0 not coded)")
    assert lines[-1].endswith("40 new, 0 duplicate, 0 replaced, 0 failed")
    again = run(["code", str(folder), "--workers", "1", "--db", str(db), "--out", os.devnull])
    assert again.stderr.splitlines()[-1].endswith("0 new, 40 duplicate, 0 replaced, 0 failed")


def test_skip_stored_codes_only_what_the_store_does_not_hold(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"a{n}.txt").write_text(f"date 2022-03-0{n + 1}\n\n{TEXT} Item {n}.")
    db = tmp_path / "s.duckdb"
    code = ["code", str(inbox), "--workers", "1", "--db", str(db), "--format", "docs"]
    assert run(code).returncode == 0
    (inbox / "a3.txt").write_text(f"date 2022-03-04\n\n{TEXT} Item 3.")  # new
    (inbox / "a0.txt").write_text(f"date 2022-03-01\n\n{TEXT} Item 0, edited.")  # changed
    proc = run(code + ["--skip-stored"])
    assert proc.returncode == 0, proc.stderr
    assert sorted(json.loads(line)["doc_id"] for line in proc.stdout.splitlines()) == ["a0", "a3"]
    last = proc.stderr.splitlines()[-1]
    assert "4 articles (0 not coded, 2 already stored)" in last, last
    assert last.endswith("1 new, 2 duplicate, 1 replaced, 0 failed"), last
    nothing = run(code + ["--skip-stored"])
    assert nothing.returncode == 0 and nothing.stdout == ""
    assert "(0 not coded, 4 already stored)" in nothing.stderr.splitlines()[-1]
    assert run(["code", str(inbox), "--skip-stored"]).returncode == 2  # needs --db


def test_ctrl_c_prints_a_summary_and_exits_130(folder, tmp_path):
    db = tmp_path / "c.duckdb"
    proc = subprocess.Popen(DYADS + ["code", str(folder), "--workers", "1", "--db", str(db),
                                     "--out", os.devnull, "--progress-every", "0.01"],
                            stderr=subprocess.PIPE, text=True)
    first = proc.stderr.readline()  # a progress line: coding has begun
    assert "/40 articles" in first, first
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=120) == 130
    summary = rest.strip().splitlines()[-1]
    assert summary.startswith("dyads: interrupted after ") and "of 40 articles" in summary
    assert "Traceback" not in rest
    stored = json.loads(run(["stats", "--db", str(db)]).stdout)["articles"]
    assert f"store {db}: {stored} new" in summary  # what was coded before Ctrl-C is kept


def test_pool_workers_end_when_the_parent_is_killed(folder):
    proc = subprocess.Popen(DYADS + ["code", str(folder), "--workers", "2", "--out", os.devnull,
                                     "--progress-every", "0.01"],
                            stderr=subprocess.PIPE, text=True)
    first = proc.stderr.readline()  # the first coded article: the workers are running
    assert "/40 articles" in first, first
    children = psutil.Process(proc.pid).children(recursive=True)
    assert len(children) >= 2
    proc.kill()
    proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=30)
    for child in alive:  # clean up before failing
        child.kill()
    assert not alive, [c.pid for c in alive]


@pytest.mark.parametrize("args, message", [
    (["code", "x.txt", "--date", "2022-02-30"],
     "dyads code: error: argument --date: '2022-02-30' is not a real date written YYYY-MM-DD"),
    (["code", "x.txt", "--workers", "0"], "dyads code: error: argument --workers"),
    (["code", "x.txt", "--input-format", "pdf"], "dyads code: error: argument --input-format"),
    (["query", "--date-from", "2021-13-01"], "dyads query: error: argument --date-from"),
    (["export", "csv", "out.csv", "--date-to", "yesterday"], "dyads export: error: argument --date-to"),
    (["eval", "no-such-gold.jsonl"], "dyads: eval: no such file: no-such-gold.jsonl"),
    (["eval", "--gold", "g.jsonl"], "dyads eval: error: unrecognized arguments: --gold "
                                    "(see 'dyads eval --help')"),
    (["--bogus"], "dyads: error: unrecognized arguments: --bogus (see 'dyads --help')"),
])
def test_bad_arguments_are_one_line_and_exit_2(args, message, tmp_path):
    proc = run(args, cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith(message), proc.stderr


def test_a_locked_store_is_one_line(tmp_path):
    from dyads.store import Store

    (tmp_path / "a.txt").write_text(TEXT)
    db = tmp_path / "locked.duckdb"
    with Store.open(db):  # this process writes to it
        proc = run(["code", str(tmp_path / "a.txt"), "--db", str(db), "--workers", "1",
                    "--wait", "0"])
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and "in use by another process" in proc.stderr
