"""Copies of one article: syndicated bodies stored once, every doc id kept as an alias.

A wire story run by fifty outlets is one body: it is coded and stored once, and each
further doc id becomes a row of ``doc_aliases`` with its own url, title, outlet and date.
Counts follow GDELT's definitions over all copies: ``num_articles`` counts the article and
its aliases, ``num_mentions`` counts each copy's mentions, ``num_sources`` counts distinct
outlets (a copy whose outlet is unknown counts as an outlet of its own, so the count is
an upper bound there). Counts are recomputed after each batch for the events it touches,
because a copy may arrive long after the article it repeats was merged.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

# The outlet of an article: the input's ``outlet`` or ``source`` key (kept in ``meta``),
# else its url's host without ``www.``.
OUTLET_SQL = ("nullif(lower(coalesce(json_extract_string({meta}, '$.outlet'), "
              "json_extract_string({meta}, '$.source'), "
              "regexp_extract({url}, '^[a-z]+://(?:www\\.)?([^/:?#]+)', 1))), '')")

_RECOUNT = """
UPDATE events SET num_mentions = c.nm, num_articles = c.na, num_sources = c.ns FROM (
    WITH touched AS (SELECT DISTINCT merged_id FROM mentions WHERE {cond}),
    per_doc AS (SELECT merged_id, doc_id, sum(coalesce(mentions, 1)) AS n FROM mentions
                WHERE merged_id IN (SELECT merged_id FROM touched) GROUP BY ALL),
    copy AS (SELECT doc_id, doc_id AS copy_id, outlet FROM articles
             WHERE doc_id IN (SELECT doc_id FROM per_doc)
             UNION ALL SELECT doc_id, alias_doc_id, outlet FROM doc_aliases
             WHERE doc_id IN (SELECT doc_id FROM per_doc))
    SELECT p.merged_id, sum(p.n) AS nm, count(DISTINCT c.copy_id) AS na,
           count(DISTINCT coalesce(c.outlet, 'doc:' || c.copy_id)) AS ns
    FROM per_doc p JOIN copy c USING (doc_id) GROUP BY p.merged_id) c
WHERE events.event_id = c.merged_id
"""

_INSERT_ALIASES = f"""
INSERT INTO doc_aliases (alias_doc_id, doc_id, content_hash, published, title, url, outlet,
                         added_at)
SELECT DISTINCT ON (alias_doc_id) alias_doc_id, doc_id, content_hash,
       TRY_CAST(published AS DATE), title, url, {OUTLET_SQL.format(meta="meta", url="url")}, $t
FROM batch_aliases
WHERE alias_doc_id NOT IN (SELECT alias_doc_id FROM doc_aliases)
  AND alias_doc_id NOT IN (SELECT doc_id FROM articles)
"""


def recount_all(con: duckdb.DuckDBPyConnection) -> None:
    """Recount every event (the migration that introduces ``num_sources``)."""
    con.execute(_RECOUNT.format(cond="TRUE"))


def recount_docs(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Recount the events that hold a mention of any of ``doc_ids`` (stored doc ids)."""
    if not doc_ids:
        return
    con.register("recount_docs", pa.table({"doc_id": pa.array(sorted(set(doc_ids)), pa.string())}))
    con.execute(_RECOUNT.format(cond="doc_id IN (SELECT doc_id FROM recount_docs)"))
    con.unregister("recount_docs")


def insert_aliases(con: duckdb.DuckDBPyConnection, aliases: list[tuple], coded_at) -> None:
    """Store (alias id, stored doc id, hash, docs record) once per alias id: a re-run adds
    nothing, and an id stored as an article of its own is never also an alias."""
    if not aliases:
        return
    cols = {k: [] for k in ("alias_doc_id", "doc_id", "content_hash", "published", "title",
                            "url", "meta")}
    for alias_id, stored_id, h, doc in aliases:
        meta = doc.get("meta")
        for key, value in (("alias_doc_id", alias_id), ("doc_id", stored_id),
                           ("content_hash", h), ("published", doc.get("published")),
                           ("title", doc.get("title")), ("url", doc.get("url")),
                           ("meta", None if meta is None else _json(meta))):
            cols[key].append(None if value is None else str(value))
    con.register("batch_aliases", pa.table(cols, schema=pa.schema([(k, pa.string()) for k in cols])))
    con.execute(_INSERT_ALIASES, {"t": coded_at})
    con.unregister("batch_aliases")


def _json(value) -> str:
    import json

    return json.dumps(value, default=str)
