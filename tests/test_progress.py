"""The progress display: a redrawn bar with percentage and ETA on a terminal, plain
periodic lines elsewhere, and no bar when the total cannot be counted."""
from __future__ import annotations

import io

from dyads.cli import progress as progress_mod
from dyads.cli.progress import Progress, clock


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def fake_clock(monkeypatch, start: float = 1000.0) -> list[float]:
    now = [start]
    monkeypatch.setattr(progress_mod.time, "perf_counter", lambda: now[0])
    return now


def test_a_terminal_gets_a_redrawn_bar_with_percentage_rate_and_eta(monkeypatch):
    now, out = fake_clock(monkeypatch), Terminal()
    with Progress(stream=out, total=40) as p:
        for n in range(1, 11):
            now[0] += 1.0
            p.update(f"doc{n}", {"articles": n, "events": 2 * n})
    drawn = out.getvalue()
    assert drawn.startswith("\r[") and drawn.endswith("\n") and "\ndyads" not in drawn
    last = drawn.rstrip().rsplit("\r", 1)[-1]
    assert "[######------------------]  25%  10/40 articles  20 events  1.0 art/s" in last
    assert "ETA 0:30" in last and "elapsed 0:10" in last


def test_without_a_terminal_lines_come_every_so_often_and_at_the_end(monkeypatch):
    now, out = fake_clock(monkeypatch), io.StringIO()
    with Progress(stream=out, total=None, every_seconds=5.0) as p:
        for n in range(1, 13):
            now[0] += 1.0
            p.update(f"doc{n}", {"articles": n, "events": n})
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue() and len(lines) == 3, lines
    assert all(line.startswith("dyads: ") and "%" not in line for line in lines)
    assert lines[-1].startswith("dyads: 12 articles  12 events") and "ETA" not in lines[-1]


def test_clock():
    assert (clock(42), clock(725), clock(10930)) == ("0:42", "12:05", "3:02:10")
