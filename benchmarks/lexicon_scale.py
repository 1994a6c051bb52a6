"""dyads against spaCy's ``nlp.pipe`` with a lexicon several times larger (#17).

    .venv/bin/python benchmarks/lexicon_scale.py --corpus FILE [--scale 4] [--repeat 3]

Grows the loaded lexicon (hand entries and the generated CAMEO 2.0 layer) ``--scale``
times over: every entry gets ``scale - 1`` stricter copies that require a direct object
no English word has, so each trigger word's matcher tries ``scale`` times as many
candidates while the events stay the same (checked: the script stops if they differ).
Then in one process times, alternately and ``--repeat`` times each, spaCy's full pipeline,
dyads with the lexicon as shipped and dyads with the grown one, and prints the CPU
seconds, the dyads/spaCy ratio of the medians for each lexicon (target: >= 0.90 for both)
and what loading each lexicon from dyads' cache (a pickle) costs.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import stock_pipeline, time_spacy  # noqa: E402

NO_SUCH_OBJECT = "zzno-such-object"


def grown(lexicon, scale: int):
    """``lexicon`` with ``scale - 1`` never-fitting copies of every entry beside it."""
    def group(entries):
        copies = [dataclasses.replace(e, id=f"{e.id}~{k}", objects=(f"{NO_SUCH_OBJECT}{k}",),
                                      specificity=e.specificity + (not e.objects))
                  for k in range(1, scale) for e in entries]
        return tuple(entries) + tuple(copies)  # after the originals: ties keep file order

    return dataclasses.replace(
        lexicon, verbs={lemma: group(es) for lemma, es in lexicon.verbs.items()},
        nouns={lemma: group(es) for lemma, es in lexicon.nouns.items()})


def load_seconds(lexicon) -> float:
    """CPU seconds to unpickle ``lexicon``, as a process reads it from dyads' cache."""
    blob = pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL)
    start = time.process_time()
    pickle.loads(blob)
    return time.process_time() - start


def coded(articles, resources, batch_size: int):
    """CPU seconds to code ``articles`` in-process, and the events found."""
    from dyads.pipeline import code_articles

    start = time.process_time()
    events = [c.events for c in code_articles(articles, resources, batch_size=batch_size)]
    return time.process_time() - start, events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="a JSON Lines corpus")
    ap.add_argument("--scale", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)

    from dyads.ingest import read_inputs
    from dyads.pipeline import load_resources

    articles = list(read_inputs([str(args.corpus)]))
    shipped = load_resources()
    bigger = dataclasses.replace(shipped, lexicon=grown(shipped.lexicon, args.scale))
    stock, texts = stock_pipeline(), [a.body for a in articles]
    time_spacy(stock, texts[:20], args.batch_size)  # warm-up: lazy init, caches
    _, expected = coded(articles, shipped, args.batch_size)
    _, events = coded(articles, bigger, args.batch_size)
    if events != expected:
        print("the grown lexicon changed the events: its copies are not inert", file=sys.stderr)
        return 1
    runs = {"spacy": [], "shipped": [], "grown": []}
    for _ in range(args.repeat):
        runs["spacy"].append(time_spacy(stock, texts, args.batch_size)[0][1])
        runs["shipped"].append(coded(articles, shipped, args.batch_size)[0])
        runs["grown"].append(coded(articles, bigger, args.batch_size)[0])
    median = {name: statistics.median(seconds) for name, seconds in runs.items()}
    result = {
        "articles": len(articles), "scale": args.scale,
        "entries": {"shipped": len(shipped.lexicon.entries),
                    "grown": len(bigger.lexicon.entries)},
        "cpu_seconds": {name: [round(s, 2) for s in seconds] for name, seconds in runs.items()},
        "ratio": {name: round(median["spacy"] / median[name], 3) for name in ("shipped", "grown")},
        "grown_over_shipped_cpu": round(median["grown"] / median["shipped"], 3),
        "cache_load_cpu_s": {"shipped": round(load_seconds(shipped.lexicon), 3),
                             "grown": round(load_seconds(bigger.lexicon), 3)},
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
