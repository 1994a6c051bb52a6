"""A writer killed with SIGKILL mid-batch loses at most that batch; a re-run completes it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from store_docs import call_doc
from dyads.store import EventFilter, Store

BATCH = 20

# The child stores docs in batches; inside the third batch's transaction (rows already
# inserted, not committed) it announces itself and waits to be killed.
CHILD = textwrap.dedent("""
    import json, sys, time
    from dyads.store import Store, merge
    db, docs_file, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
    docs = [json.loads(line) for line in open(docs_file)]
    real_merge, calls = merge.merge_pending, []
    def slow_merge(con, *args):
        calls.append(1)
        real_merge(con, *args)
        if len(calls) == 3:
            print("in-flight", flush=True)
            time.sleep(60)
    merge.merge_pending = slow_merge
    with Store.open(db) as store:
        for i in range(0, len(docs), batch):
            store.add_docs(docs[i:i + batch], "0.1.0", batch_size=batch)
            print("committed", flush=True)
""")


def _docs() -> list[dict]:
    pairs = [("USAGOV", "INDGOV"), ("RUSGOV", "UKRGOV"), ("CHNGOV", "USAGOV")]
    out = []
    for i in range(5 * BATCH):
        src, tgt = pairs[i % 3]
        out.append(call_doc(f"n{i:03d}", f"Report {i}: the ministers spoke.", src, tgt,
                            f"2022-03-{1 + (i // 3) % 28:02d}"))
    return out


def _snapshot(path) -> tuple:
    with Store.open(path, read_only=True) as store:
        stats = store.stats()
        events = {(e["event_id"], e["num_mentions"]) for e in store.events(EventFilter(limit=10**6))}
        uids = store._con.execute("SELECT count(*), count(DISTINCT uid) FROM mentions").fetchall()
    return stats, events, uids[0]


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_completes_without_duplicates(tmp_path):
    docs = _docs()
    docs_file = tmp_path / "docs.jsonl"
    docs_file.write_text("".join(json.dumps(d) + "\n" for d in docs))
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    db = tmp_path / "killed.duckdb"
    child = subprocess.Popen([sys.executable, str(script), str(db), str(docs_file), str(BATCH)],
                             stdout=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.strip() == "in-flight":
                os.kill(child.pid, signal.SIGKILL)
                break
    finally:
        child.kill()
        child.wait(timeout=30)
    assert lines == ["committed", "committed", "in-flight"]
    assert child.returncode == -signal.SIGKILL

    stats, _events, _ = _snapshot(db)
    assert stats["articles"] == 2 * BATCH and stats["mentions"] == 2 * BATCH

    with Store.open(db) as store:
        result = store.add_docs(docs, "0.1.0", batch_size=BATCH)
    assert result["articles_added"] == 3 * BATCH
    assert result["articles_unchanged"] == 2 * BATCH

    clean = tmp_path / "clean.duckdb"
    with Store.open(clean) as store:
        store.add_docs(docs, "0.1.0")
    after, events, (n, distinct) = _snapshot(db)
    expected, clean_events, _ = _snapshot(clean)
    assert n == distinct == len(docs)
    assert after["articles"] == expected["articles"] == len(docs)
    assert events == clean_events
