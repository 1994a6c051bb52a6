"""What produced an export: coder versions, hashes of the knowledge files, filters, time.

Counts are only defensible when one can say which coder and which knowledge base made
them. ``data_hashes`` fingerprints the shipped data files in two groups: the actor
knowledge base (``kb``: actors, offices, places) and the lexicon (``lexicon``: verb
patterns, CAMEO tables, date and discard rules). The writer records them with every
coding run, so an export reports the hashes in force when its events were coded, and
also those of the installed dyads that wrote the file.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import duckdb

from dyads import __version__

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KB_FILES = ("kb.sqlite", "kb_overrides.yaml", "gazetteer.tsv.gz")
LEXICON_FILES = ("lexicon.yaml", "lexicon_cameo2.yaml", "cameo_codes.json", "code_shifts.yaml",
                 "date_expressions.yaml", "discards.yaml", "judgements.yaml")


@lru_cache(maxsize=8)
def _group_hash(names: tuple[str, ...], stamp: tuple) -> str:
    digest = hashlib.sha256()
    for name in names:
        path = DATA_DIR / name
        digest.update(name.encode() + b"\0")
        if path.exists():
            digest.update(path.read_bytes())
    return "sha256:" + digest.hexdigest()[:16]


def _stamp(names: tuple[str, ...]) -> tuple:
    """Sizes and mtimes: the cache is redone when a data file is rebuilt in place."""
    return tuple((p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else None
                 for p in (DATA_DIR / n for n in names))


def data_hashes() -> dict[str, str]:
    """{"kb": ..., "lexicon": ...} for the installed data files."""
    return {"kb": _group_hash(KB_FILES, _stamp(KB_FILES)),
            "lexicon": _group_hash(LEXICON_FILES, _stamp(LEXICON_FILES))}


def data_hash_label() -> str:
    h = data_hashes()
    return f"kb={h['kb']};lexicon={h['lexicon']}"


_CODED_BY = """
SELECT coalesce(a.coder_version, '?') AS coder_version,
       coalesce(r.data_hash, 'unrecorded') AS data_hash, count(DISTINCT a.doc_id) AS articles
FROM articles a LEFT JOIN (SELECT doc_id, arg_max(data_hash, coded_at) AS data_hash
                           FROM coding_runs GROUP BY doc_id) r USING (doc_id)
WHERE a.doc_id IN (SELECT doc_id FROM mentions WHERE merged_id IN (SELECT event_id FROM e))
GROUP BY ALL ORDER BY 1, 2
"""


def coded_by(con: duckdb.DuckDBPyConnection, events_sql: str, params: list) -> list[dict]:
    """Coder versions and data hashes of the articles behind the exported events."""
    cur = con.execute(f"WITH e AS ({events_sql}) {_CODED_BY}", params)
    return [{"coder_version": v, "data_hash": h, "articles": n} for v, h, n in cur.fetchall()]


def record(fmt: str, filters: dict, coded: list[dict], rows: int, columns: list[str]) -> dict:
    """The provenance record written beside (or into) an export."""
    return {
        "format": fmt, "rows": rows, "columns": columns,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "exported_by": {"name": "dyads", "version": __version__, **data_hashes()},
        "coded_by": coded, "filters": filters,
    }


def write_sidecar(path: Path, meta: dict) -> Path:
    """``OUT.json`` beside a CSV/TSV/JSONL export (for ``out.tsv``: ``out.tsv.json``)."""
    side = path.with_name(path.name + ".json")
    side.write_text(json.dumps(meta, indent=1, default=str) + "\n", encoding="utf-8")
    return side


def parquet_metadata(meta: dict) -> str:
    """DuckDB's COPY option carrying the record as Parquet key-value metadata."""
    kv = {"dyads_provenance": json.dumps(meta, default=str),
          "dyads_coder_versions": ",".join(sorted({c["coder_version"] for c in meta["coded_by"]})),
          "dyads_version": __version__}
    body = ", ".join(f"{k}: '{v.replace(chr(39), chr(39) * 2)}'" for k, v in kv.items())
    return f"KV_METADATA {{{body}}}"
