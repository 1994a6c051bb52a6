"""Ingest rate of coded mentions into the store (target: 1M mentions in under 60 s).

    .venv/bin/python benchmarks/store_ingest.py --mentions 1000000 --per-doc 5

Builds synthetic docs records in memory (not timed), then times Store.add_docs,
which converts through Arrow, writes one transaction per batch and merges duplicates.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from dyads.store import BULK_BATCH_DOCS, Store

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IND", "GBR", "FRA", "DEU", "TUR", "IRN", "ISR",
             "PAK", "JPN", "KOR", "PRK", "BRA", "ZAF", "NGA", "EGY", "SAU"]
SECTORS = ["GOV", "MIL", "", "OPP", "BUS", "CVL"]
CAMEOS = ["010", "020", "036", "042", "043", "046", "051", "057", "061", "071", "111",
          "112", "120", "130", "138", "141", "163", "173", "190", "193"]


def _actor(rng: random.Random) -> dict:
    country, sector = rng.choice(COUNTRIES), rng.choice(SECTORS)
    code = country + sector
    return {"text": code, "start": 0, "end": len(code), "name": f"{country} {sector}".strip(),
            "kb_id": None, "country": country, "sector": sector or None, "code": code,
            "resolved_by": "country"}


def _event(rng: random.Random, doc_id: str, i: int, published: str) -> dict:
    cameo = rng.choice(CAMEOS)
    text = f"Synthetic sentence {i} of {doc_id} with cameo {cameo}."
    return {"event_id": f"{doc_id}-{i}", "doc_id": doc_id, "published": published,
            "source": _actor(rng), "target": _actor(rng), "cameo": cameo,
            "cameo_root": cameo[:2], "plover": "CONSULT", "plover_mode": None,
            "quad_class": rng.randint(0, 4), "goldstein": rng.uniform(-10, 10),
            "modality": "asserted", "date": published, "date_precision": "day",
            "date_text": "published", "location": None, "quote": None,
            "sentence": {"index": i, "start": 0, "end": len(text), "text": text},
            "confidence": rng.random(), "coder": {"name": "dyads", "version": "0.1.0"},
            "trigger": None, "mentions": 1}


def make_docs(n_docs: int, per_doc: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for d in range(n_docs):
        doc_id = f"doc{d:08d}"
        published = f"20{rng.randint(18, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events = [_event(rng, doc_id, i, published) for i in range(per_doc)]
        docs.append({"doc_id": doc_id, "published": published, "title": None, "url": None,
                     "meta": {}, "events": events, "quotes": [], "errors": [],
                     "body": f"Body of {doc_id}: " + " ".join(e["sentence"]["text"] for e in events)})
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--per-doc", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=BULK_BATCH_DOCS,
                    help="docs per transaction (default: as `dyads load`)")
    ap.add_argument("--db", help="store file (default: a temporary one)")
    args = ap.parse_args()
    docs = make_docs(args.mentions // args.per_doc, args.per_doc)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or Path(tmp) / "ingest.duckdb")
        start = time.perf_counter()
        with Store.open(path) as store:  # closing checkpoints: part of the timed work
            result = store.add_docs(docs, "0.1.0", batch_size=args.batch_size)
        seconds = time.perf_counter() - start
        size = path.stat().st_size
        print(json.dumps({"mentions": result["mentions_added"], "articles": result["articles_added"],
                          "events": result["events_merged_total"], "seconds": round(seconds, 2),
                          "mentions_per_second": round(result["mentions_added"] / seconds),
                          "store_mb": round(size / 1e6, 1)}))


if __name__ == "__main__":
    main()
