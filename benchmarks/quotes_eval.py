"""Measure the quotes stage against the PolNeAR direct quotes and the seed article.

    .venv/bin/python benchmarks/quotes_eval.py [--cache DIR] [--misses N]

Scores with the shared scorer's own ``score_quotes`` (a gold quote is found when the
spans share >= 80% of the longer one; the speaker is right when gold source and speaker
text share a name word). Reported quotes: every quote that is not a phrase, and phrases
that have a speaker. Three speaker readings: as found, pronoun speakers left unresolved,
and pronouns resolved naively to the last person named before the quote (an estimate of
what the pipeline's coreference will do). Parsed docs can be cached with --cache.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from spacy.tokens import DocBin

from dyads.ingest import find_boilerplate, make_article, parse_seed_layout
from dyads.parse import load_nlp, masked_text
from dyads.quotes import find_quotes, merge_split_quotes

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "eval" / "polnear_test_attributions.jsonl"
SEED = SHARED / "seed"


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parsed(articles, cache: Path | None):
    """Docs of the articles' masked bodies, from the cache when it matches."""
    nlp = load_nlp()
    key = hashlib.sha1("\n".join(a.body for a in articles).encode()).hexdigest()[:12]
    path = cache / f"quotes-eval-{key}.spacy" if cache else None
    if path and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(masked_text(a) for a in articles))
    if path:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return docs


def reported(quotes, with_phrases: bool = False):
    """Quotes as the output lists them: direct ones and tweets; optionally also phrases
    that have a speaker (the seed gold lists those, PolNeAR counts them as indirect)."""
    return [q for q in quotes if q.kind != "phrase" or (with_phrases and q.speaker_text)]


def last_person_before(doc, offset: int) -> str | None:
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= offset]
    return people[-1].text if people else None


def speaker_of(doc, q, mode: str) -> str | None:
    if not q.speaker_is_pronoun or mode == "as_found":
        return q.speaker_text
    return last_person_before(doc, q.start) if mode == "naive_coref" else None


def write_output(path: Path, ids, docs, quote_lists, mode: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        for doc_id, doc, quotes in zip(ids, docs, quote_lists):
            rows = [{"speaker": {"text": speaker_of(doc, q, mode)}, "quote": q.text,
                     "start": q.start, "end": q.end, "cue": q.cue} for q in quotes]
            f.write(json.dumps({"doc_id": doc_id, "quotes": rows}) + "\n")


def score_modes(scorer, ids, docs, quote_lists) -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("as_found", "pronouns_unresolved", "naive_coref"):
            path = Path(tmp) / f"{mode}.jsonl"
            write_output(path, ids, docs, quote_lists, mode)
            out[mode] = scorer.score_quotes(str(GOLD), str(path))
    return out


def show_misses(scorer, records, docs, quote_lists, limit: int) -> None:
    """Print gold quotes not found and found quotes whose speaker is wrong."""
    shown = 0
    for rec, doc, quotes in zip(records, docs, quote_lists):
        rows = [{"start": q.start, "end": q.end, "quote": q.text} for q in quotes]
        for g in (g for g in rec["quotes"] if g.get("direct_quote")):
            best = max(((scorer.quote_overlap(g, r), i) for i, r in enumerate(rows)),
                       default=(0.0, None))
            span = f"{g['content_spans'][0][0]}-{g['content_spans'][-1][1]}"
            if best[0] < 0.8:
                print(f"MISS {rec['id'][-30:]} {span} ov={best[0]:.2f} {g['content'][:90]!r}")
            else:
                q = quotes[best[1]]
                gold = g.get("source") or ""
                if scorer.name_tokens(gold) and not (
                        scorer.name_tokens(gold) & scorer.name_tokens(q.speaker_text or "")):
                    print(f"SPKR {rec['id'][-30:]} gold={gold!r} got={q.speaker_text!r} "
                          f"cue={q.cue!r} {q.text[:60]!r}")
                else:
                    continue
            shown += 1
            if shown >= limit:
                return


def check_seed() -> list[str]:
    raw = (SEED / "seed.txt").read_text(encoding="utf-8")
    article = parse_seed_layout(raw, "seed", None)
    tweets = [s for s in find_boilerplate(article.body) if s.kind == "tweet_signature"]
    quotes = find_quotes(load_nlp()(masked_text(article)), tweets)
    gold = json.loads((SEED / "seed_gold.json").read_text(encoding="utf-8"))["quotes"]
    lines = []
    for g in gold:
        hit = next((q for q in quotes if q.text.strip() == g["quote"].strip()), None)
        got = (f"{hit.kind} speaker={hit.speaker_text!r} pronoun={hit.speaker_is_pronoun} "
               f"cue={hit.cue!r}") if hit else "NOT FOUND"
        lines.append(f"seed: {g['speaker']!r:22} {g['quote'][:40]!r:44} -> {got}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args(argv)
    if not GOLD.exists():
        print(f"gold file not found at {GOLD}; nothing to measure", file=sys.stderr)
        return 1
    scorer = load_scorer()
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    # the raw text, unstripped, so that the gold offsets stay valid
    articles = [replace(make_article(r["id"], r["text"], r.get("date")), body=r["text"],
                        boilerplate=find_boilerplate(r["text"])) for r in records]
    docs = parsed(articles, args.cache)
    found = [find_quotes(d, [s for s in a.boilerplate if s.kind == "tweet_signature"])
             for a, d in zip(articles, docs)]
    ids = [r["id"] for r in records]
    for name, phrases, merge in (("direct, per stretch", False, None),
                                 ("direct, split quotes merged", False, False),
                                 ("direct, merged across paragraphs", False, True),
                                 ("direct + phrases with speaker, merged", True, False)):
        lists = [reported(qs, phrases) for qs in found]
        if merge is not None:
            lists = [merge_split_quotes(d, qs, merge) for d, qs in zip(docs, lists)]
        print(name, json.dumps(score_modes(scorer, ids, docs, lists)))
    merged = [merge_split_quotes(d, reported(qs)) for d, qs in zip(docs, found)]
    if args.misses:
        show_misses(scorer, records, docs, merged, args.misses)
    print("\n".join(check_seed()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
