"""The command line, end to end in subprocesses (the installed ``dyads`` entry point)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DYADS = [sys.executable, "-m", "dyads"]


def run(args, **kw):
    return subprocess.run(DYADS + args, capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    (folder / "good.txt").write_text("date 2022-03-31\n\nRussia and Ukraine held talks in "
                                     "Istanbul on Tuesday. Germany urged Russia to withdraw its troops.")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "China criticized Japan on Monday.", "date": "2021-05-05"})
        + "\n{not json\n" + json.dumps({"id": "j2", "text": "Iran expelled two French diplomats.",
                                        "date": "2022-02-30"}) + "\n")
    (folder / "big.txt").write_text("date 2022-01-01\n\n" + "Police arrested protesters. " * 80_000)
    (folder / "german.txt").write_text("date 2022-01-01\n\nDie Regierung hat am Mittwoch die "
                                       "Gespräche mit der Opposition abgebrochen und neue Wahlen angekündigt.")
    return folder


def test_batch_with_bad_articles_loses_nothing(batch, output_validator):
    proc = run(["code", str(batch), "--format", "docs", "--quiet", "--workers", "2"])
    assert proc.returncode == 0, proc.stderr
    docs = {d["doc_id"]: d for d in map(json.loads, proc.stdout.splitlines())}
    assert set(docs) == {"good", "empty", "binary", "feed:2", "j1", "j2", "big", "german"}
    for doc in docs.values():
        output_validator.validate(doc)
    assert docs["good"]["events"] and not docs["good"]["errors"]
    assert "empty" in docs["empty"]["errors"][0]
    assert "binary" in docs["binary"]["errors"][0]
    assert "not valid JSON" in docs["feed:2"]["errors"][0]
    assert "does not exist" in docs["j2"]["errors"][0] and docs["j2"]["events"]  # coded anyway
    assert "limit" in docs["big"]["errors"][0]
    assert "English" in docs["german"]["errors"][-1]
    assert "dyads: binary:" in proc.stderr


def test_events_format_and_out_file(batch, tmp_path, output_validator):
    out = tmp_path / "events.jsonl"
    proc = run(["code", str(batch / "good.txt"), "--out", str(out), "--quiet", "--workers", "1"])
    assert proc.returncode == 0 and proc.stdout == ""
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events and all(e["doc_id"] == "good" for e in events)
    for e in events:
        output_validator.validate(e)


def test_stdin_with_date_option():
    proc = run(["code", "-", "--date", "2022-03-31", "--quiet", "--workers", "1"],
               input="Russia and Ukraine held talks in Istanbul on Tuesday.")
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    # a compound subject gives both directions of the talks
    assert {(e["source"]["country"], e["target"]["country"]) for e in events} == {("RUS", "UKR"), ("UKR", "RUS")}
    assert all(e["date"] == "2022-03-29" and e["location"]["name"] == "Istanbul" for e in events)


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "a.txt").write_text("")
    proc = run(["code", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "--quiet"])
    assert proc.returncode == 1


def test_rerun_is_idempotent_and_stored(batch, tmp_path):
    db = tmp_path / "news.duckdb"
    snapshots = []
    for _ in range(2):
        assert run(["code", str(batch / "good.txt"), "--db", str(db), "--quiet", "--workers", "1"]).returncode == 0
        proc = run(["query", "--db", str(db), "--mentions", "--format", "jsonl"])
        snapshots.append(sorted(json.loads(line)["event_id"] for line in proc.stdout.splitlines()))
    assert snapshots[0] and snapshots[0] == snapshots[1]


def test_demo_codes_stores_and_summarises(tmp_path):
    proc = run(["demo", "--no-serve", "--db", str(tmp_path / "demo.duckdb"), "--workers", "2"])
    assert proc.returncode == 0, proc.stderr
    n_articles = len(list((REPO / "examples" / "articles").glob("*.txt")))
    assert f"coded {n_articles} articles" in proc.stdout
    assert "most active country dyads" in proc.stdout
    assert (tmp_path / "demo.duckdb").exists()


def test_progress_bar_hidden_when_not_a_terminal(batch):
    proc = run(["code", str(batch / "good.txt"), "--workers", "1"])
    assert "\r" not in proc.stderr and "articles" in proc.stderr  # summary only


def test_show_dropped_lists_what_the_relevance_check_dropped_and_why(tmp_path):
    race = tmp_path / "race.txt"
    race.write_text("2024-09-08\n\nKenya's Faith Kipyegon beat Ethiopia's Gudaf Tsegay by two "
                    "seconds to win the 1,500 metres final on Sunday, taking the gold medal in a "
                    "championship record time.\n")
    shown = run(["code", str(race), "--format", "docs", "--show-dropped", "--quiet"])
    assert shown.returncode == 0, shown.stderr
    [record] = [json.loads(line) for line in shown.stdout.splitlines()]
    assert record["events"] == []
    [dropped] = record["dropped"]
    assert dropped["dropped_by"]["rule"] == "sports" and "medal" in dropped["dropped_by"]["reason"]
    plain = run(["code", str(race), "--format", "docs", "--quiet"])
    assert "dropped" not in json.loads(plain.stdout.splitlines()[0])
    wrong = run(["code", str(race), "--show-dropped", "--quiet"])
    assert wrong.returncode == 2 and "--format docs" in wrong.stderr


def test_actors_in_text_explains_how_the_article_resolver_reads_a_name():
    text = "Rep. Bob Goodlatte, R-Va., criticized the FBI on Tuesday."
    shown = run(["actors", "Goodlatte", "--in", text, "--on", "2016-09-07", "--json"])
    assert shown.returncode == 0, shown.stderr
    [actor] = json.loads(shown.stdout)["actors"]
    assert (actor["name"], actor["code"], actor["resolved_by"]) == ("Bob Goodlatte", "USALEG", "title")
    assert "party tag" in actor["why"]
    missing = run(["actors", "Pelosi", "--in", text])
    assert missing.returncode == 2 and "not written in the text" in missing.stderr
