"""What ``dyads ingest`` remembers between runs (schema version 4): the ``ingest_log``.

One row per item a source listed and dyads read: a page URL as the feed or list gave it,
or ``file:`` + the absolute path of a file in a watched folder. It keeps what the
articles table cannot: the fetch-level facts that let a rerun skip work early.

- ``stamp``: the feed entry's updated/published time, or a file's ``mtime_ns:size``. A
  known URL whose feed entry gives no newer stamp is not fetched again; a file with the
  same stamp is not read again.
- ``raw_hash``: sha256 of the bytes fetched or read. Same bytes: nothing is extracted.
- ``content_hash``: the article body's hash (``write.content_hash``) and ``doc_id``, the
  stored article it is (or repeats). A body already stored is never parsed again.
- ``etag`` / ``last_modified``: sent back, so a page asked again may answer 304.
- ``status``: stored | unchanged | duplicate | no-text (a page without article text) |
  read (a file; its articles were judged one by one, by their body hashes).

Only items that were read are logged: a failed fetch leaves no row and is tried again on
the next pass. Rows are written after the articles they describe, in their own
transaction: a crash in between costs a re-fetch, which the hash check then stops.
"""
from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pyarrow as pa

from dyads.store import copies
from dyads.store.write import content_hash

COLUMNS = ("key", "source", "doc_id", "status", "raw_hash", "content_hash", "stamp",
           "etag", "last_modified")



def _probe(con: duckdb.DuckDBPyConnection, name: str, values: Iterable[str]) -> list[str]:
    values = sorted({str(v) for v in values if v is not None})
    con.register(name, pa.table({"v": pa.array(values, pa.string())}))
    return values


def lookup(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> dict[str, dict]:
    """The logged rows for ``keys``: key -> {column: value}."""
    if not _probe(con, "probe_keys", keys):
        con.unregister("probe_keys")
        return {}
    rows = con.execute(f"SELECT {', '.join(COLUMNS)} FROM ingest_log "
                       "WHERE key IN (SELECT v FROM probe_keys)").fetchall()
    con.unregister("probe_keys")
    return {row[0]: dict(zip(COLUMNS, row)) for row in rows}


def record(con: duckdb.DuckDBPyConnection, rows: list[dict], now) -> None:
    """Log (or update) one row per key, in one transaction; ``first_seen`` is kept."""
    if not rows:
        return
    latest = {row["key"]: row for row in rows}  # a key met twice in a batch: the last wins
    cols = {c: pa.array([_text(r.get(c)) for r in latest.values()], pa.string()) for c in COLUMNS}
    con.register("log_rows", pa.table(cols))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE TEMP TABLE log_first AS SELECT key, min(first_seen) AS first_seen "
                    "FROM ingest_log WHERE key IN (SELECT key FROM log_rows) GROUP BY key")
        con.execute("DELETE FROM ingest_log WHERE key IN (SELECT key FROM log_rows)")
        con.execute(f"INSERT INTO ingest_log SELECT {', '.join('r.' + c for c in COLUMNS)}, "
                    "coalesce(f.first_seen, $now), $now FROM log_rows r "
                    "LEFT JOIN log_first f USING (key)", {"now": now})
        con.execute("DROP TABLE log_first")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("log_rows")


def known_hashes(con: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> dict[str, set[str]]:
    """For each stored body hash among ``hashes``: every doc id that carries it (the
    article's own and its aliases'). A hash missing from the answer is a new body."""
    if not _probe(con, "probe_hashes", hashes):
        con.unregister("probe_hashes")
        return {}
    rows = con.execute(
        "SELECT content_hash, doc_id FROM articles WHERE content_hash IN (SELECT v FROM probe_hashes) "
        "UNION ALL SELECT content_hash, alias_doc_id FROM doc_aliases "
        "WHERE content_hash IN (SELECT v FROM probe_hashes)").fetchall()
    con.unregister("probe_hashes")
    found: dict[str, set[str]] = {}
    for h, doc_id in rows:
        found.setdefault(h, set()).add(doc_id)
    return found


def add_copies(con: duckdb.DuckDBPyConnection, docs: list[dict], now) -> int:
    """Keep docs records whose body is already stored (under another id) as aliases of
    that article, without coding them again; returns how many aliases were new."""
    stored = {}
    for doc in docs:
        stored.setdefault(content_hash(doc), []).append(doc)
    if not _probe(con, "probe_hashes", stored):
        con.unregister("probe_hashes")
        return 0
    owners = dict(con.execute("SELECT content_hash, min(doc_id) FROM articles WHERE "
                              "content_hash IN (SELECT v FROM probe_hashes) GROUP BY 1").fetchall())
    con.unregister("probe_hashes")
    aliases = [(doc["doc_id"], owners[h], h, doc) for h, group in stored.items() if h in owners
               for doc in group if doc["doc_id"] != owners[h]]
    before = con.execute("SELECT count(*) FROM doc_aliases").fetchall()[0][0]
    con.execute("BEGIN TRANSACTION")
    try:
        copies.insert_aliases(con, aliases, now)
        copies.recount_docs(con, [a[1] for a in aliases])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT count(*) FROM doc_aliases").fetchall()[0][0] - before


def _text(value) -> str | None:
    return None if value is None else str(value)
