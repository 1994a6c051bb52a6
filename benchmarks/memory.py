"""Peak memory of ``dyads code --workers N`` on a big input (target: < 1.5 GB per worker).

    .venv/bin/python benchmarks/memory.py --size-mb 1024 --workers 2 --seconds 300
    .venv/bin/python benchmarks/memory.py --corpus big.jsonl --seconds 0   # to the end

Generates the seeded throughput corpus of ``--size-mb`` into a temp dir (or uses
``--corpus``), runs the real CLI on it in a subprocess, and samples the resident memory of
the CLI process and of every worker (Linux VmHWM: the high-water mark, so spikes between
samples count too). Coding 1 GB takes hours on a small machine; ``--seconds`` stops the run
after that long (the input is read and the pool has reached its steady state by then) and
reports how far it got, so the figures can be extrapolated.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from dyads.engines import peak_rss_mb_of

REPO = Path(__file__).resolve().parents[1]
DYADS = [sys.executable, "-m", "dyads"]


def make_corpus(folder: Path, size_mb: float) -> Path:
    out = folder / "corpus.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_throughput_corpus.py"),
                    str(out), "--size-mb", str(size_mb)], check=True)
    return out


def sample(root: psutil.Process, peaks: dict[int, tuple[str, float]]) -> None:
    """Update each process's peak; the CLI is 'main', its grandchildren the pool's workers."""
    try:
        family = [root] + root.children(recursive=True)
    except psutil.NoSuchProcess:
        return
    for proc in family:
        try:
            role = "main" if proc.pid == root.pid else (
                "helper" if proc.ppid() == root.pid else "worker")
        except psutil.NoSuchProcess:
            continue
        hwm = peak_rss_mb_of(proc.pid)
        if hwm:
            peaks[proc.pid] = (role, max(hwm, peaks.get(proc.pid, (role, 0.0))[1]))


def run_cli(corpus: Path, workers: int, seconds: float, out: Path) -> dict:
    cmd = DYADS + ["code", str(corpus), "--workers", str(workers), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, start_new_session=True)  # its own group: stopped as one
    root, peaks = psutil.Process(proc.pid), {}
    while proc.poll() is None:
        sample(root, peaks)
        if seconds and time.perf_counter() - started > seconds:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.5)
    return {"seconds": round(time.perf_counter() - started, 1), "finished": proc.poll() == 0,
            "peaks": peaks}


def summary(run: dict, corpus: Path, out: Path) -> dict:
    by_role: dict[str, list[float]] = {}
    for role, mb in run["peaks"].values():
        by_role.setdefault(role, []).append(round(mb))
    events = sum(1 for _ in out.open()) if out.exists() else 0
    return {"corpus_mb": round(corpus.stat().st_size / 1e6, 1), "seconds": run["seconds"],
            "finished": run["finished"], "events_written": events,
            "main_peak_rss_mb": max(by_role.get("main", [0])),
            "worker_peak_rss_mb": sorted(by_role.get("worker", []), reverse=True),
            "helper_peak_rss_mb": sorted(by_role.get("helper", []), reverse=True)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=1024)
    ap.add_argument("--corpus", type=Path, help="use this JSONL corpus instead of generating one")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=300, help="stop after this long (0: never)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or make_corpus(Path(tmp), args.size_mb)
        out = Path(tmp) / "events.jsonl"
        run = run_cli(corpus, args.workers, args.seconds, out)
        print(json.dumps(summary(run, corpus, out), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
