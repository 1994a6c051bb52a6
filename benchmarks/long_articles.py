"""Long articles: dyads' coding time against spaCy's parse of the same text, and peak memory.

    .venv/bin/python benchmarks/long_articles.py                 # both cases, default sizes
    .venv/bin/python benchmarks/long_articles.py --case repeated --chars 50000 100000 300000
    .venv/bin/python benchmarks/long_articles.py --case real --chars 200000 --profile 25

Two cases (targets: dyads within 3x spaCy's time, peak RSS under 1.5 GB):
- ``real``: the bundled example articles (``examples/articles``), or the articles of a JSON
  Lines corpus given with ``--corpus``, joined paragraph by paragraph into one article of
  the given length (the examples' ``date`` headers dropped);
- ``repeated``: two news sentences repeated to the given length, in one paragraph.

For each (case, length) three runs, each in a fresh child process so that its peak RSS
(Linux VmHWM, the model included) is its own: spaCy alone on the whole text (``nlp.pipe``
with the very model object dyads loads), spaCy alone on the windows dyads cuts a long text
into (dyads.windows; the whole text where there are none), and dyads coding the text as
one article (``code_articles``, parse included, per-article budget lifted). Prints one
JSON line per (case, length): the seconds, ``ratio`` (dyads / spaCy on the whole text, the
target; ``ratio_cpu`` the same by CPU time, steadier on a busy machine),
``ratio_to_windows`` (dyads / spaCy on the same windows: what dyads adds to its own
parse), both peak RSS figures and the event count. ``--profile N`` prints the N
costliest functions (cProfile, cumulative) of the dyads run on stderr.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPEATED = ("Police fired tear gas at protesters in Nairobi on Monday, witnesses said. "
            "The opposition leader Raila Odinga called for talks with President William Ruto. ")
DEFAULT_CHARS = {"real": [50_000, 100_000, 200_000], "repeated": [75_000, 150_000, 300_000]}


def real_text(chars: int, corpus: str | None = None) -> str:
    paragraphs: list[str] = []
    for body in _corpus_texts(corpus) if corpus else _example_texts():
        paragraphs += [p.strip() for p in body.split("\n\n") if p.strip()]
    out, size, i = [], 0, 0
    while size < chars:
        out.append(paragraphs[i % len(paragraphs)])
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def _example_texts() -> list[str]:
    return [re.sub(r"\A\s*date\s+\S+\s+", "", path.read_text(encoding="utf-8"))
            for path in sorted((REPO / "examples" / "articles").glob("*.txt"))]


def _corpus_texts(path: str) -> list[str]:
    """The ``text`` of each line of a JSON Lines corpus, read at run time (a corpus that
    may not be copied into the repository stays outside it)."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def repeated_text(chars: int) -> str:
    return (REPEATED * (chars // len(REPEATED) + 1))[:chars].rsplit(". ", 1)[0] + "."


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(engine: str, case: str, chars: int, profile: int, corpus: str | None) -> dict:
    """One timed run in this process: spaCy on the whole text, spaCy on the windows dyads
    parses, or dyads."""
    from dyads.pipeline import Settings, code_articles, load_resources
    from dyads.records import Article

    text = real_text(chars, corpus) if case == "real" else repeated_text(chars)
    resources = load_resources()
    resources.nlp.max_length = max(resources.nlp.max_length, len(text) + 1)
    list(resources.nlp.pipe(["Warm up the model."]))
    budget = {"max_article_tokens": 0, "max_article_seconds": 0}  # no budget here
    settings = Settings(**{k: v for k, v in budget.items() if hasattr(Settings, k)})
    article = Article(doc_id=f"{case}-{chars}", body=text, published="2023-03-24")
    work = {"spacy": lambda: list(resources.nlp.pipe([text])),
            "spacy-windows": lambda: list(resources.nlp.pipe(_windows(text))),
            "dyads": lambda: list(code_articles([article], resources, settings))}[engine]
    started, cpu_started = time.perf_counter(), time.process_time()
    if profile and engine == "dyads":
        import cProfile
        import pstats

        prof = cProfile.Profile()
        result = prof.runcall(work)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
    else:
        result = work()
    seconds = time.perf_counter() - started
    # CPU seconds too: on a shared machine the wall clock also counts others' work
    out = {"seconds": round(seconds, 2), "cpu_s": round(time.process_time() - cpu_started, 2),
           "peak_rss_mb": round(peak_rss_mb())}
    if engine == "dyads":
        out |= {"events": len(result[0].events), "errors": list(result[0].errors)}
    return out


def _windows(text: str) -> list[str]:
    try:
        from dyads.windows import split_windows
    except ImportError:  # a dyads without windows parses the text whole
        return [text]
    return [text[a:b] for a, b in split_windows(text)]


def measure(case: str, chars: int, profile: int, corpus: str | None) -> dict:
    """Each engine in a fresh child process, so each peak RSS is its own."""
    runs = {}
    for engine in ("spacy", "spacy-windows", "dyads"):
        cmd = [sys.executable, __file__, "--child", engine, "--case", case, "--chars",
               str(chars), "--profile", str(profile)] + (["--corpus", corpus] if corpus else [])
        done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
        runs[engine] = json.loads(done.stdout.strip().splitlines()[-1])
    dyads_s = runs["dyads"]["seconds"]
    return {"case": case, "chars": chars, "spacy_s": runs["spacy"]["seconds"],
            "spacy_windows_s": runs["spacy-windows"]["seconds"], "dyads_s": dyads_s,
            "ratio": round(dyads_s / max(runs["spacy"]["seconds"], 1e-9), 2),
            "spacy_cpu_s": runs["spacy"]["cpu_s"], "dyads_cpu_s": runs["dyads"]["cpu_s"],
            "ratio_cpu": round(runs["dyads"]["cpu_s"] / max(runs["spacy"]["cpu_s"], 1e-9), 2),
            "ratio_to_windows": round(dyads_s / max(runs["spacy-windows"]["seconds"], 1e-9), 2),
            "spacy_peak_rss_mb": runs["spacy"]["peak_rss_mb"],
            "dyads_peak_rss_mb": runs["dyads"]["peak_rss_mb"],
            "events": runs["dyads"]["events"], "errors": runs["dyads"]["errors"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--case", choices=["real", "repeated", "both"], default="both")
    ap.add_argument("--chars", type=int, nargs="+", help="article lengths (default per case)")
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    ap.add_argument("--corpus", metavar="JSONL", help="real articles from this JSON Lines "
                    "file ('text' per line) instead of the bundled examples")
    ap.add_argument("--child", choices=["spacy", "spacy-windows", "dyads"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.case, args.chars[0], args.profile,
                                     args.corpus)), flush=True)
        return 0
    for case in (["real", "repeated"] if args.case == "both" else [args.case]):
        for chars in args.chars or DEFAULT_CHARS[case]:
            print(json.dumps(measure(case, chars, args.profile, args.corpus)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
