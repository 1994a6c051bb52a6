"""`dyads ingest` end to end: a feed served on 127.0.0.1, coded by the real coder into a
store, twice; argument errors; Ctrl-C during --every ends with the summary."""
from __future__ import annotations

import signal
import subprocess
import sys

import duckdb
import pytest

from dyads.cli import main

FAST = ["--min-interval", "0", "--backoff", "0"]


def _counts(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("articles", "mentions", "events", "coding_runs", "ingest_log")}
    finally:
        con.close()


def _events_per_article(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {doc: cameos for doc, cameos in con.execute(
            "SELECT a.doc_id, list(m.cameo ORDER BY m.cameo) FILTER (WHERE m.cameo IS NOT NULL) "
            "FROM articles a LEFT JOIN mentions m USING (doc_id) GROUP BY 1").fetchall()}
    finally:
        con.close()


def test_a_feed_twice_stores_three_articles_once_and_the_rerun_finds_nothing_new(
        site, tmp_path, capsys):
    db = tmp_path / "news.duckdb"
    assert main(["ingest", site.url("/feed.xml"), "--db", str(db), "--once", *FAST]) == 0
    first = capsys.readouterr().err
    assert "fetched 3, new 3" in first and "failed 0" in first
    events = _events_per_article(db)
    assert len(events) == 3 and all(events.values()), events
    sanctions = next(c for doc, c in events.items() if doc.endswith("/sanctions.html"))
    assert any(c.startswith("16") for c in sanctions)  # "imposed sanctions": CAMEO 16x
    before = _counts(db)

    assert main(["ingest", site.url("/feed.xml"), "--db", str(db), "--once", *FAST]) == 0
    second = capsys.readouterr().err
    assert "new 0" in second and "nothing new" in second and "unchanged 3" in second
    assert "dyads: new:" not in second
    assert _counts(db) == before  # no article, mention, event or coding run added


def test_the_distractor_page_is_stored_without_events_and_failures_are_listed(site, tmp_path,
                                                                             capsys):
    listing = tmp_path / "pages.txt"
    listing.write_text(f"{site.url('/sport.html')}\n{site.url('/nowhere.html')}\n")
    db = tmp_path / "news.duckdb"
    assert main(["ingest", str(listing), "--db", str(db), *FAST]) == 0
    err = capsys.readouterr().err
    assert f"dyads: failed: {site.url('/nowhere.html')}: HTTP 404" in err
    assert "new 1 (0 events)" in err and "failed 1" in err
    assert list(_events_per_article(db).values()) == [None]


@pytest.mark.parametrize("args, message", [
    (["--every", "0"], "--every needs a number of seconds above 0"),
    (["--date", "2024-02-30"], "does not exist"),
    (["--min-interval", "-1"], "must not be negative"),
])
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, capsys, args, message):
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_source_that_does_not_exist_exits_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "no such file or folder, and not an http(s) feed URL" in capsys.readouterr().err


def test_once_and_every_exclude_each_other(tmp_path):
    with pytest.raises(SystemExit):
        main(["ingest", str(tmp_path), "--db", "x.duckdb", "--once", "--every", "5"])


def test_ctrl_c_during_every_ends_cleanly_with_the_summary(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(inbox), "--db",
                             str(tmp_path / "w.duckdb"), "--every", "0.2"],
                            stderr=subprocess.PIPE, text=True)
    seen = []
    try:
        for line in proc.stderr:  # wait for two passes, so Ctrl-C lands in the loop
            seen.append(line)
            if line.startswith("dyads: pass 2:"):
                break
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, "".join(seen) + rest
    assert "nothing new" in seen[0]
    assert "passes: fetched 0, new 0" in rest and "interrupted" in rest
    assert "Traceback" not in rest


LAZY = """
import sys
from dyads.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(sorted(m for m in ("spacy", "trafilatura", "feedparser", "htmldate", "httpx")
             if m in sys.modules))
"""


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"]])
def test_the_parser_imports_no_fetching_or_extraction_library(args):
    proc = subprocess.run([sys.executable, "-c", LAZY, *args], capture_output=True, text=True,
                          timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stdout + proc.stderr


def test_standard_input_cannot_be_watched(tmp_path, capsys):
    assert main(["ingest", "-", "--db", str(tmp_path / "x.duckdb"), "--every", "5"]) == 2
    assert "standard input (-) can be read only once" in capsys.readouterr().err
