"""The store's tables, its schema version and the migrations between versions.

Layout (version 1, extended by version 2 below):
- ``articles``: one row per distinct article body (``content_hash`` = sha256 of the
  normalised body); body, metadata, errors, and which coder version coded it when.
- ``doc_aliases``: other doc ids whose body hashed the same as a stored article.
- ``coding_runs``: append-only provenance, one row each time an article is (re)coded.
- ``mentions``: every coded event (the OUTPUT.md event object, nested parts kept as
  STRUCTs) plus derived keys used for merging (``block_key``, ``merge_date``) and the
  id of the merged event it belongs to (``merged_id``).
- ``events``: merged events (one per real-world event) with counts and first/last seen.
- ``quotes``, ``actors``.

Version 2 appends flat filter columns to ``mentions`` and ``events``: ``source_country``,
``target_country`` and ``dyad_key`` (the two countries in sorted order joined by ``|``,
NULL unless both are known). Filters on a flat column are pushed into DuckDB's scan and
read one small dictionary-compressed column; the same filters on STRUCT fields read the
whole actor STRUCTs and, when OR-ed over both sides, are not pushed down at all. The
migration rewrites both tables ordered by date, so date filters skip row groups.

Version 3 keeps every copy traceable: ``articles.outlet``, the alias's own ``published``,
``title``, ``url``, ``outlet`` and ``added_at`` in ``doc_aliases``, and
``events.num_sources``; counts over copies are explained in ``copies.py``. Coding runs
record ``data_hash``, the knowledge files in force (``provenance.py``).

Version 4 adds ``ingest_log``: what ``dyads ingest`` fetched or read (per page URL or
watched file: the bytes' hash, the body's hash, the feed's stamp, ETag and Last-Modified),
so a rerun skips known items before fetching, and known bodies before parsing; see
``ingestlog.py``.

No PRIMARY KEY constraints: uniqueness is kept by the writer inside one transaction per
batch, and DuckDB appends much faster without ART indexes to maintain.
"""
from __future__ import annotations

from typing import Callable

import duckdb

from dyads.store import copies

SCHEMA_VERSION = 4

ACTOR_STRUCT = (
    "STRUCT(text VARCHAR, start BIGINT, \"end\" BIGINT, name VARCHAR, kb_id VARCHAR, "
    "country VARCHAR, sector VARCHAR, code VARCHAR, resolved_by VARCHAR)"
)
LOCATION_STRUCT = (
    "STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonames_id BIGINT, "
    "precision VARCHAR, text VARCHAR, start BIGINT, \"end\" BIGINT)"
)
SENTENCE_STRUCT = "STRUCT(\"index\" BIGINT, start BIGINT, \"end\" BIGINT, text VARCHAR)"
CODER_STRUCT = "STRUCT(name VARCHAR, version VARCHAR)"
TRIGGER_STRUCT = "STRUCT(text VARCHAR, start BIGINT, \"end\" BIGINT, rule VARCHAR)"

# The OUTPUT.md event object, in its documented key order: shared by mentions and events.
EVENT_CORE_COLUMNS = f"""
    source {ACTOR_STRUCT}, target {ACTOR_STRUCT},
    cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, plover_mode VARCHAR,
    quad_class TINYINT, goldstein DOUBLE, modality VARCHAR,
    date DATE, date_precision VARCHAR, date_text VARCHAR,
    location {LOCATION_STRUCT}
"""

_V1 = [
    """CREATE TABLE articles (
        doc_id VARCHAR, content_hash VARCHAR, published DATE, title VARCHAR, url VARCHAR,
        meta VARCHAR, body VARCHAR, errors VARCHAR[], coder_version VARCHAR,
        coded_at TIMESTAMP)""",
    "CREATE TABLE doc_aliases (alias_doc_id VARCHAR, doc_id VARCHAR, content_hash VARCHAR)",
    """CREATE TABLE coding_runs (
        doc_id VARCHAR, content_hash VARCHAR, coder_version VARCHAR, coded_at TIMESTAMP,
        action VARCHAR, num_mentions INTEGER)""",
    f"""CREATE TABLE mentions (
        uid VARCHAR, event_id VARCHAR, doc_id VARCHAR, published DATE,
        {EVENT_CORE_COLUMNS},
        quote VARCHAR, sentence {SENTENCE_STRUCT}, confidence DOUBLE,
        coder {CODER_STRUCT}, "trigger" {TRIGGER_STRUCT}, mentions INTEGER, extra VARCHAR,
        coder_version VARCHAR, source_key VARCHAR, target_key VARCHAR,
        block_key VARCHAR, merge_date DATE, merged_id VARCHAR)""",
    f"""CREATE TABLE events (
        event_id VARCHAR, anchor_uid VARCHAR,
        {EVENT_CORE_COLUMNS},
        confidence DOUBLE, source_key VARCHAR, target_key VARCHAR,
        num_mentions INTEGER, num_articles INTEGER, first_seen DATE, last_seen DATE)""",
    f"""CREATE TABLE quotes (
        doc_id VARCHAR, idx INTEGER, speaker {ACTOR_STRUCT}, quote VARCHAR,
        start BIGINT, "end" BIGINT, cue VARCHAR, cue_start BIGINT, cue_end BIGINT,
        speaker_key VARCHAR)""",
    """CREATE TABLE actors (
        key VARCHAR, code VARCHAR, name VARCHAR, kb_id VARCHAR, country VARCHAR,
        sector VARCHAR)""",
]



def dyad_key_sql(a: str, b: str) -> str:
    """SQL for the unordered country pair of two expressions; NULL when either is unknown
    (DuckDB's least/greatest skip NULLs, hence the explicit CASE)."""
    return (f"CASE WHEN {a} IS NOT NULL AND {b} IS NOT NULL "
            f"THEN least({a}, {b}) || '|' || greatest({a}, {b}) END")


def dyad_key(a: str, b: str) -> str:
    """The Python twin of ``dyad_key_sql`` for two known countries."""
    return "|".join(sorted((a, b)))


# The flat columns version 2 appends (in this order) to mentions and events.
FLAT_COLUMNS = ("source_country", "target_country", "dyad_key")
FLAT_SELECT = ("source.country AS source_country, target.country AS target_country, "
               f"{dyad_key_sql('source.country', 'target.country')} AS dyad_key")
CLUSTER_ORDER = {"mentions": "merge_date, uid", "events": "date, event_id"}


def rewrite_sorted(table: str, extra: str = "") -> list[str]:
    """Statements that rewrite ``table`` in date order (plus ``extra`` columns)."""
    return [f"CREATE TABLE {table}_sorted AS SELECT *{extra} FROM {table} "
            f"ORDER BY {CLUSTER_ORDER[table]}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}_sorted RENAME TO {table}"]


_V2 = rewrite_sorted("mentions", ", " + FLAT_SELECT) + rewrite_sorted("events", ", " + FLAT_SELECT)

# Version 3 keeps every id: an alias (a copy of a stored body under another doc id) keeps
# its own url, title, outlet and date, so copies can be counted and traced; events get
# ``num_sources`` (distinct outlets over the article and its copies).
_V3 = [
    "ALTER TABLE articles ADD COLUMN outlet VARCHAR",
    "UPDATE articles SET outlet = " + copies.OUTLET_SQL.format(meta="meta", url="url"),
    "ALTER TABLE doc_aliases ADD COLUMN published DATE",
    "ALTER TABLE doc_aliases ADD COLUMN title VARCHAR",
    "ALTER TABLE doc_aliases ADD COLUMN url VARCHAR",
    "ALTER TABLE doc_aliases ADD COLUMN outlet VARCHAR",
    "ALTER TABLE doc_aliases ADD COLUMN added_at TIMESTAMP",
    "ALTER TABLE events ADD COLUMN num_sources INTEGER",
    "ALTER TABLE coding_runs ADD COLUMN data_hash VARCHAR",
    copies.recount_all,
]

# Version 4: the ingest log (dyads ingest), see ingestlog.py for what each column is for.
_V4 = [
    """CREATE TABLE ingest_log (
        key VARCHAR, source VARCHAR, doc_id VARCHAR, status VARCHAR, raw_hash VARCHAR,
        content_hash VARCHAR, stamp VARCHAR, etag VARCHAR, last_modified VARCHAR,
        first_seen TIMESTAMP, last_seen TIMESTAMP)""",
]

# version -> statements that bring the schema from version-1 to version.
MIGRATIONS: dict[int, list[str | Callable]] = {1: _V1, 2: _V2, 3: _V3, 4: _V4}


class StoreSchemaError(RuntimeError):
    """The database file was written by a newer dyads; upgrade dyads to open it."""


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> int:
    """Apply every pending migration up to ``target``, each in its own transaction."""
    version = current_version(con)
    if version > target:
        raise StoreSchemaError(
            f"store schema version {version} is newer than this dyads supports ({target}); "
            "upgrade dyads or open a different --db file"
        )
    if version == 0:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                    "(version INTEGER, applied_at TIMESTAMP)")
    for step in range(version + 1, target + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[step]:
                statement(con) if callable(statement) else con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [step])
            con.execute("COMMIT")
        except BaseException:  # a failed step leaves the store at the previous version
            con.execute("ROLLBACK")
            raise
    return target


def cluster(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite mentions and events in date order (one transaction): after large loads of
    articles from many dates, date filters then skip most row groups again."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in CLUSTER_ORDER:
            for statement in rewrite_sorted(table):
                con.execute(statement)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def check_readable(con: duckdb.DuckDBPyConnection) -> None:
    """A read-only store cannot migrate: say what to do when it is not current."""
    version = current_version(con)
    if version != SCHEMA_VERSION:
        raise StoreSchemaError(
            f"store schema version is {version}, expected {SCHEMA_VERSION}; open it once "
            "writable (e.g. `dyads load` or `dyads code --db`) to create or migrate it"
        )
