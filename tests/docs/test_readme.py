"""The README's commands are true: its two set-up commands, every `dyads` command it shows
exists, and every option it passes to a command is one that command accepts."""
import re
import shlex
from pathlib import Path

import pytest

from dyads.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text()


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def _readme_commands():
    """Each line of a code block that runs `dyads ...` (continuations joined)."""
    text = re.sub(r"\\\n\s*", " ", README)  # join continued lines
    blocks = re.findall(r"```\n(.*?)```", text, re.S) + re.findall(r"\n    (dyads .*)", text)
    lines = []
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("#")[0].strip()
            if line.startswith(("dyads ", ".venv/bin/dyads ")) or " dyads " in f" {line}":
                lines.append(line[line.index("dyads "):].split("|")[0].split(">")[0].strip())
    return lines


def test_exactly_two_setup_commands():
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```\n(.*?)\n```", setup, re.S)
    assert len(commands) == 2
    assert commands[0].endswith("dyads demo") and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    test_command = re.findall(r"```\n(.*?)\n```", setup, re.S)[1]
    ci = (REPO / ".ci" / "run").read_text()
    assert test_command.replace(" -q", "") in ci.replace(" -q", "").replace("pip install -q", "pip install")


@pytest.mark.parametrize("line", _readme_commands())
def test_readme_command_is_real(line):
    parts = shlex.split(line)
    commands = _subparsers()
    assert parts[1] in commands, f"README shows unknown command: {line}"
    options = {s for a in commands[parts[1]]._actions for s in a.option_strings}
    if parts[1] == "kb":
        return
    for word in parts[2:]:
        if word.startswith("--"):
            assert word.split("=")[0] in options, f"{word} is not an option of dyads {parts[1]}"


def _python_block() -> str:
    [block] = re.findall(r"```python\n(.*?)```", README, re.S)
    return block


def test_readme_python_example_runs_and_survives_an_event_without_target(tmp_path,
                                                                        monkeypatch):
    """The README's Python lines, run as written against a store coded from its text."""
    from dyads.cli import main

    block = _python_block()
    text = re.search(r'^text = "(.*)"$', block, re.M).group(1)
    article = tmp_path / "article.txt"
    article.write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["code", str(article), "--date", "2022-03-31", "--db", "news.duckdb",
                 "--quiet", "--out", str(tmp_path / "out.jsonl")]) == 0
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    coded = scope["coded"]
    assert any(e.target is None for e in coded.events), "the example needs a target-less event"
    assert len(scope["frame"]) == len(coded.events)
    assert len(repr(coded)) < 200
    panel = scope["panel"]
    assert set(panel["country"]) >= {"RUS", "UKR"}
    assert len(scope["events"]) == 0  # no CAMEO 19/20 in the example's text
