"""Long articles: dyads' coding time against spaCy's parse of the same text, and peak memory.

    .venv/bin/python benchmarks/long_articles.py                 # both cases, default sizes
    .venv/bin/python benchmarks/long_articles.py --case repeated --chars 50000 100000 300000
    .venv/bin/python benchmarks/long_articles.py --case real --chars 200000 --profile 25

Two cases (targets: dyads within 3x spaCy's time, peak RSS under 1.5 GB):
- ``real``: the bundled example articles (``examples/articles``) joined, paragraph by
  paragraph, into one article of the given length (their ``date`` headers dropped);
- ``repeated``: two news sentences repeated to the given length, in one paragraph.

Each (case, length) runs in a fresh child process, so its peak RSS (Linux VmHWM, which also
counts the model) is its own. In the child, spaCy alone parses the text (``nlp.pipe`` with
the very model object dyads loads), then dyads codes it as one article (``code_articles``,
which parses it again and codes it with the per-article budget lifted). Prints one JSON
line per run: seconds, the ratio dyads/spaCy, peak RSS in MB and the event count.
``--profile N`` prints the N costliest functions (cProfile, cumulative) of the dyads run.
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


def real_text(chars: int) -> str:
    paragraphs: list[str] = []
    for path in sorted((REPO / "examples" / "articles").glob("*.txt")):
        body = re.sub(r"\A\s*date\s+\S+\s+", "", path.read_text(encoding="utf-8"))
        paragraphs += [p.strip() for p in body.split("\n\n") if p.strip()]
    out, size, i = [], 0, 0
    while size < chars:
        out.append(paragraphs[i % len(paragraphs)])
        size += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def repeated_text(chars: int) -> str:
    return (REPEATED * (chars // len(REPEATED) + 1))[:chars].rsplit(". ", 1)[0] + "."


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(case: str, chars: int, profile: int) -> dict:
    from dyads.pipeline import Settings, code_articles, load_resources
    from dyads.records import Article

    text = real_text(chars) if case == "real" else repeated_text(chars)
    resources = load_resources()
    resources.nlp.max_length = max(resources.nlp.max_length, len(text) + 1)
    list(resources.nlp.pipe(["Warm up the model."]))
    started = time.perf_counter()
    list(resources.nlp.pipe([text]))
    spacy_s = time.perf_counter() - started
    budget = {"max_article_tokens": 0, "max_article_seconds": 0}  # no budget here
    settings = Settings(**{k: v for k, v in budget.items() if hasattr(Settings, k)})
    article = Article(doc_id=f"{case}-{chars}", body=text, published="2023-03-24")
    started = time.perf_counter()
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        coded = prof.runcall(lambda: list(code_articles([article], resources, settings)))[0]
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
    else:
        coded = list(code_articles([article], resources, settings))[0]
    dyads_s = time.perf_counter() - started
    return {"case": case, "chars": len(text), "spacy_s": round(spacy_s, 2),
            "dyads_s": round(dyads_s, 2), "ratio": round(dyads_s / max(spacy_s, 1e-9), 2),
            "peak_rss_mb": round(peak_rss_mb()), "events": len(coded.events),
            "errors": list(coded.errors)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--case", choices=["real", "repeated", "both"], default="both")
    ap.add_argument("--chars", type=int, nargs="+", help="article lengths (default per case)")
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.case, args.chars[0], args.profile)), flush=True)
        return 0
    for case in (["real", "repeated"] if args.case == "both" else [args.case]):
        for chars in args.chars or DEFAULT_CHARS[case]:
            cmd = [sys.executable, __file__, "--child", "--case", case, "--chars", str(chars),
                   "--profile", str(args.profile)]
            subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
