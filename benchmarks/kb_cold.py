"""CPU cost of actor resolution in a fresh process: cold KB (first pass) against warm.

    .venv/bin/python benchmarks/kb_cold.py [CORPUS.jsonl] [--articles 100]

Reads the articles (default: examples/articles), parses them all first (not counted), then
codes the parsed docs twice with ``pipeline.code_doc``: the first pass pays for the KB's
first lookups (and, with the in-memory index, its one-off load, also shown on its own), the
second runs with every cache warm. Prints CPU seconds (``time.process_time``) of both
passes, the actors stage of each (benchmarks/stages.py), SQL statements run, and peak RSS.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def coding_pass(articles, docs, resources, settings) -> dict:
    from stages import StageTimer
    from dyads import pipeline

    with StageTimer() as timer:
        started = time.process_time()
        for article, doc in zip(articles, docs):
            pipeline.code_doc(article, doc, resources, settings)
        cpu = time.process_time() - started
    split = timer.split(cpu)
    return {"cpu_s": round(cpu, 3), "actors_cpu_s": split["actors"]["cpu_s"],
            "events_cpu_s": split["events"]["cpu_s"]}


def count_statements(kb) -> list[int]:
    """Counts every SQL statement the KB's connection runs from now on."""
    counter = [0]
    kb.db.set_trace_callback(lambda _sql: counter.__setitem__(0, counter[0] + 1))
    return counter


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(REPO / "examples" / "articles"))
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args(argv)

    from dyads.ingest import read_inputs
    from dyads.parse import masked_text
    from dyads.pipeline import Settings, load_resources

    articles = [a for a in read_inputs([args.corpus]) if a.body][:args.articles]
    resources = load_resources()
    docs = list(resources.nlp.pipe([masked_text(a) for a in articles], batch_size=16))
    statements = count_statements(resources.kb)
    result = {"articles": len(articles)}
    if hasattr(resources.kb, "index"):  # the one-off load, timed on a fresh instance
        fresh = type(resources.kb).load()
        started = time.process_time()
        fresh.index  # noqa: B018
        result["index_load_cpu_s"] = round(time.process_time() - started, 3)
    result["cold"] = coding_pass(articles, docs, resources, Settings())
    result["cold"]["sql_statements"] = statements[0]
    result["warm"] = coding_pass(articles, docs, resources, Settings())
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
