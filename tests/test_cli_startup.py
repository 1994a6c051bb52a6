"""Start-up: commands that code nothing never import spaCy."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
                 if line.startswith(("EXIT ", "SPACY ")))
    assert lines, proc.stdout + proc.stderr
    return lines


COMMANDS = [
    ["--help"], ["query", "--help"], ["export", "--help"], ["serve", "--help"],
    ["code", "--help"], ["kb", "info"], ["query", "--db", "{db}"],
    ["export", "csv", "{out}", "--db", "{db}"], ["serve", "--db", "{db}", "--port", "8799"],
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
    assert result == {"EXIT": "0", "SPACY": "True"}
