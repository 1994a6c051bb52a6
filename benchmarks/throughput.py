"""Words per second of dyads against spaCy's own ``nlp.pipe`` on the same texts.

    .venv/bin/python benchmarks/throughput.py [--size-mb 0.2] [--repeat 3] [--workers 1 2]
        [--processes]

Generates the fixed corpus (scripts/make_throughput_corpus.py, seeded) into a temp dir,
reads it into Articles (not timed), then in one process times, alternately and
``--repeat`` times each: spaCy's full pipeline over the texts (``nlp.pipe`` of the pinned
model as its package loads it, untouched by dyads) and dyads' in-process coder
(``pipeline.code_articles``, whose own copy of the model has dyads' sentence bounds,
indexed attribute rules, dyads.rule_index, and its entity recogniser decoded by
dyads.entity_decoder: the same annotations, faster). With
``--workers`` it also times the process-pool engine (model loading excluded: the pool is
warmed up before the clock starts). Words are the alphabetic tokens of the parse, the
count dyads reports. Prints medians by wall clock and by CPU time (steadier when other
programs share the machine), the dyads/spaCy ratio (target: >= 0.90) with each run's
paired ratio, and the peak RSS
of this process and of the pool's workers, and the split of dyads' own CPU time by stage
(parse, actors, events, quotes, dates, places, assemble, other) from one extra, separately
timed run (benchmarks/stages.py), so the wrappers never slow the compared runs. As
dyads' parse is not spaCy's stock one, ``ratio_to_own_parse`` also gives the share of
dyads' CPU that is its parse: what everything after the parse costs, apart from how fast
the parse itself is. ``--processes`` also times whole processes from a fresh interpreter
(``dyads code --workers 1`` writing its events, against a spaCy process parsing the same
texts), start-up and loading included.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_corpus(folder: Path, size_mb: float) -> Path:
    out = folder / "corpus.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_throughput_corpus.py"),
                    str(out), "--size-mb", str(size_mb)], check=True, capture_output=True)
    return out


def clocks() -> tuple[float, float]:
    """Wall and CPU seconds; CPU time is the steadier figure on a shared machine."""
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def time_spacy(nlp, texts: list[str], batch_size: int) -> tuple[tuple[float, float], int]:
    start = clocks()
    words = sum(sum(1 for t in doc if t.is_alpha) for doc in nlp.pipe(texts, batch_size=batch_size))
    return since(start), words


def time_dyads(articles, resources, batch_size: int) -> tuple[tuple[float, float], int]:
    from dyads.pipeline import code_articles

    start = clocks()
    words = sum(c.words for c in code_articles(articles, resources, batch_size=batch_size))
    return since(start), words


def workers_cpu_seconds(pids: list[int]) -> float:
    import psutil

    return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids)


def time_pool(articles, workers: int, repeat: int) -> dict:
    """Wall seconds per run for a warmed-up pool, and the CPU seconds its workers used."""
    from dyads.engines import WorkerPool

    runs, cpu, words = [], [], 0
    with WorkerPool(workers) as pool:
        pool.warm_up()
        for _ in range(repeat):
            cpu_before, started = workers_cpu_seconds(pool.worker_pids()), time.perf_counter()
            words = sum(c.words for c in pool.code(articles))
            runs.append(time.perf_counter() - started)
            cpu.append(workers_cpu_seconds(pool.worker_pids()) - cpu_before)
        peaks = pool.peak_rss_mb()
    print(f"  pool of {workers}: worker peak RSS {', '.join(f'{p:.0f}' for p in peaks)} MB")
    per_cpu_s = words / statistics.median(cpu)  # words per CPU second, all workers together
    return {"seconds": [round(s, 2) for s in runs], "worker_cpu_seconds": [round(c, 2) for c in cpu],
            "words_per_s": round(words / statistics.median(runs)),
            "words_per_worker_cpu_s": round(per_cpu_s)}


# spaCy's whole process: load the pinned model, parse the corpus' texts, count the words
SPACY_PROCESS = """
import json, sys
import {model} as model
nlp = model.load()
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
texts = [row.get("text") or row.get("body") or "" for row in rows]
print(sum(sum(1 for t in doc if t.is_alpha) for doc in nlp.pipe(texts, batch_size=16)))
"""


def time_process(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process, start-up included."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def whole_processes(corpus: Path, repeat: int) -> dict:
    """``dyads code CORPUS --workers 1`` against a spaCy process parsing the same texts,
    alternately, each from a fresh interpreter: imports, model and KB loading, reading,
    coding and writing the events all count. Ratios are spaCy's seconds over dyads'."""
    import compileall

    from dyads import parse

    # byte-compiled first, as pip compiles a package it installs: an editable checkout
    # run with PYTHONDONTWRITEBYTECODE would compile dyads' modules in every process
    compileall.compile_dir(str(Path(parse.__file__).parent), quiet=1)
    dyads = [sys.executable, "-m", "dyads", "code", str(corpus), "--workers", "1",
             "--out", os.devnull, "--quiet"]
    spacy = [sys.executable, "-c", SPACY_PROCESS.format(model=parse.MODEL_PACKAGE), str(corpus)]
    runs = [(time_process(spacy), time_process(dyads)) for _ in range(repeat)]
    result = {}
    for i, clock in enumerate(("wall", "cpu")):
        ratios = sorted(s[i] / d[i] for s, d in runs)
        result[clock] = {"spacy_seconds": [round(s[i], 2) for s, _ in runs],
                         "dyads_seconds": [round(d[i], 2) for _, d in runs],
                         "ratio_median": round(statistics.median(ratios), 3),
                         "ratio_range": [round(ratios[0], 3), round(ratios[-1], 3)]}
    return result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_split(articles, resources, batch_size: int) -> dict:
    """One more dyads run, with each stage's own CPU time added up (benchmarks/stages.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stages import StageTimer

    with StageTimer() as timer:
        (_, cpu), _ = time_dyads(articles, resources, batch_size)
    return timer.split(cpu)


def stock_pipeline():
    """The pinned model as its package loads it: the floor dyads is measured against."""
    from dyads.parse import MODEL_PACKAGE

    return __import__(MODEL_PACKAGE).load()


def single_process(articles, resources, repeat: int, batch_size: int) -> dict:
    texts = [a.body for a in articles]
    stock = stock_pipeline()
    time_spacy(stock, texts[:20], batch_size)  # warm-up: lazy init, caches
    time_dyads(articles[:20], resources, batch_size)
    spacy_s, dyads_s = [], []
    for _ in range(repeat):
        seconds, spacy_words = time_spacy(stock, texts, batch_size)
        spacy_s.append(seconds)
        seconds, dyads_words = time_dyads(articles, resources, batch_size)
        dyads_s.append(seconds)
    result = {"words": dyads_words, "spacy_words": spacy_words,
              "dyads_cpu_by_stage": stage_split(articles, resources, batch_size)}
    for i, clock in enumerate(("wall", "cpu")):
        spacy_rate = spacy_words / statistics.median(s[i] for s in spacy_s)
        dyads_rate = dyads_words / statistics.median(s[i] for s in dyads_s)
        paired = sorted((dyads_words / d[i]) / (spacy_words / s[i]) for s, d in zip(spacy_s, dyads_s))
        result[clock] = {"spacy_words_per_s": round(spacy_rate),
                         "dyads_words_per_s": round(dyads_rate),
                         "ratio": round(dyads_rate / spacy_rate, 3),
                         "paired_ratios": [round(r, 3) for r in paired],
                         "spacy_seconds": [round(s[i], 2) for s in spacy_s],
                         "dyads_seconds": [round(s[i], 2) for s in dyads_s]}
    stages = result["dyads_cpu_by_stage"]
    result["cpu"]["ratio_to_own_parse"] = round(
        stages["parse"]["cpu_s"] / sum(v["cpu_s"] for v in stages.values()), 3)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=0.2)
    ap.add_argument("--corpus", type=Path, help="use this JSONL corpus instead of generating one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both")
    ap.add_argument("--workers", type=int, nargs="*", default=[],
                    help="also time the process pool with these worker counts")
    ap.add_argument("--pool-only", action="store_true", help="skip the single-process timings")
    ap.add_argument("--processes", action="store_true",
                    help="also time whole processes: 'dyads code --workers 1' against a spaCy "
                         "process, start-up included")
    args = ap.parse_args(argv)

    from dyads.ingest import read_inputs
    from dyads.pipeline import load_resources

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or make_corpus(Path(tmp), args.size_mb)
        articles = list(read_inputs([str(corpus)]))
        processes = whole_processes(corpus, args.repeat) if args.processes else None
    resources = load_resources()
    result = {} if args.pool_only else single_process(articles, resources, args.repeat,
                                                      args.batch_size)
    result["articles"] = len(articles)
    result["peak_rss_mb"] = round(peak_rss_mb())
    pools = {n: time_pool(articles, n, args.repeat) for n in args.workers}
    base = pools.get(1)
    for n, figures in pools.items():
        if base:
            figures["speedup_vs_1"] = round(figures["words_per_s"] / base["words_per_s"], 2)
            # what n free cores would give: n workers at the measured per-CPU-second rate
            figures["cpu_bound_speedup_vs_1"] = round(
                n * figures["words_per_worker_cpu_s"] / base["words_per_worker_cpu_s"], 2)
    if pools:
        result["pool"] = pools
    if processes:
        result["whole_processes"] = processes
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
