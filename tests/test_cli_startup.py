"""Start-up: commands that code nothing never import spaCy, and a small input is coded
in this process without starting a worker pool."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dyads.engines import SMALL_INPUT, choose_engine
from dyads.ingest import make_article

# Runs one command in a fresh interpreter, then says which heavy modules it imported.
# `dyads serve` would block in uvicorn.run, so that one call is replaced: everything
# before it (argument checks, building the app over the store) runs for real.
PROBE = """
import sys
import uvicorn
uvicorn.run = lambda *a, **k: None
from dyads.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as done:  # --help exits through argparse
    code = done.code
print("EXIT", code)
print("SPACY", "spacy" in sys.modules)
print("STORE", "duckdb" in sys.modules)
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from dyads.store import Store

    path = tmp_path_factory.mktemp("startup") / "empty.duckdb"
    Store.open(path).close()
    return path


def _probe(args: list[str], cwd: Path) -> dict[str, str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines()
                 if line.startswith(("EXIT ", "SPACY ", "STORE ")))
    assert lines, proc.stdout + proc.stderr
    return lines


COMMANDS = [
    ["--help"], ["query", "--help"], ["export", "--help"], ["serve", "--help"],
    ["code", "--help"], ["ingest", "--help"], ["kb", "info"], ["query", "--db", "{db}"],
    ["export", "csv", "{out}", "--db", "{db}"], ["serve", "--db", "{db}", "--port", "8799"],
    ["panel", "--help"], ["panel", "--db", "{db}", "--unit", "dyad"],
    ["panel", "--db", "{db}", "--format", "parquet", "-o", "{out}"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_commands_that_code_nothing_do_not_import_spacy(args, store, tmp_path):
    filled = [a.format(db=store, out=tmp_path / "out.csv") for a in args]
    result = _probe(filled, tmp_path)
    assert result["EXIT"] in ("0", "None"), result
    assert result["SPACY"] == "False", f"`dyads {' '.join(args)}` imported spaCy"


def test_the_probe_sees_spacy_when_a_command_loads_it(tmp_path):
    # `dyads code` of a sentence does import spaCy: the probe can tell
    text = tmp_path / "one.txt"
    text.write_text("Kenya criticized Ethiopia on Monday.")
    result = _probe(["code", str(text), "--date", "2024-05-10", "--quiet"], tmp_path)
    assert result == {"EXIT": "0", "SPACY": "True", "STORE": "False"}


def test_code_imports_the_store_only_when_told_to_store(tmp_path):
    """DuckDB and Arrow cost a coding process 0.4 s and 70 MB: only --db loads them."""
    text = tmp_path / "one.txt"
    text.write_text("Kenya criticized Ethiopia on Monday.")
    db = tmp_path / "events.duckdb"
    result = _probe(["code", str(text), "--date", "2024-05-10", "--quiet", "--db", str(db)],
                    tmp_path)
    assert result == {"EXIT": "0", "SPACY": "True", "STORE": "True"}
    assert db.exists()


def _articles(n: int):
    return [make_article(f"a{i}", "Kenya criticized Ethiopia on Monday.", "2024-05-10")
            for i in range(n)]


def test_one_sentence_with_default_workers_is_coded_in_process():
    name, workers, articles = choose_engine(_articles(1), workers=None)
    assert (name, workers) == ("inprocess", 1)
    assert [a.doc_id for a in articles] == ["a0"]


def test_a_small_input_stays_in_process_and_a_larger_one_gets_the_pool(monkeypatch):
    monkeypatch.setattr("dyads.engines.default_workers", lambda: 4)
    name, _, articles = choose_engine(iter(_articles(SMALL_INPUT)), workers=None)
    assert name == "inprocess" and len(list(articles)) == SMALL_INPUT
    name, workers, articles = choose_engine(iter(_articles(SMALL_INPUT + 3)), workers=None)
    assert (name, workers) == ("pool", 4)
    assert [a.doc_id for a in articles] == [f"a{i}" for i in range(SMALL_INPUT + 3)]


def test_an_explicit_worker_count_is_obeyed_whatever_the_input_size():
    assert choose_engine(_articles(1), workers=3)[:2] == ("pool", 3)
    assert choose_engine(_articles(50), workers=1)[:2] == ("inprocess", 1)
    assert choose_engine(_articles(1), workers=2, scheduler="local")[:2] == ("dask", 2)


def test_each_command_is_registered_by_the_module_the_table_names():
    import argparse
    import importlib

    from dyads.cli import COMMAND_MODULES, COMMANDS

    registered = {}
    for module in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        registered.update({name: module for name in sub.choices})
    assert registered == COMMANDS


def test_a_named_command_loads_its_own_module_only(tmp_path):
    probe = ("import sys\nfrom dyads.cli import main\ntry:\n    main(['query', '--help'])\n"
             "except SystemExit:\n    pass\n"
             "print('LOADED', sorted(m for m in sys.modules if m.startswith('dyads.cli.')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=tmp_path, check=True).stdout
    assert "usage: dyads query" in out
    loaded = out.split("LOADED", 1)[1]
    assert "dyads.cli.store" in loaded and "dyads.cli.code" not in loaded
    assert "dyads.cli.serve" not in loaded


def test_an_unknown_command_is_told_with_every_choice(capsys):
    from dyads.cli import main

    with pytest.raises(SystemExit):
        main(["qurey"])
    err = capsys.readouterr().err
    assert "invalid choice" in err and "'query'" in err and "'code'" in err
