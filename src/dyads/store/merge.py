"""Incremental, order-independent merging of mentions into real-world events.

Two mentions report the same event when they share a *block* (CAMEO root + dyad, the
dyad unordered for the symmetric roots 03, 04, 05, 06, 19), their dates (event date, else
publication date) are at most one day apart, and their locations are compatible (either
unknown, same GeoNames id or name, one is the other's country, or within 50 km).

Events are the connected components of that "same event" graph. Each new (or orphaned)
mention is compared with every stored mention of its block, so after any sequence of
batches the components, and hence the events, are those of the whole graph: the result
does not depend on the order articles arrive in. An event's id is derived from its
smallest mention uid, its representative mention is the first asserted, most confident
one (ties: smallest uid).

Counts set here are over stored articles only; the writer then recounts them over every
copy (``copies.recount_docs``).

Mechanics: the writer hands a batch's mentions over as an Arrow table ``pending`` (the
columns of ``mentions``); ``merge_pending`` links them, inserts them into ``mentions`` with
their event ids and rebuilds the events they touch. Mentions are inserted once, with their
final event id: updating freshly inserted rows makes DuckDB commits several times slower,
and a temporary staging table would copy every mention twice.
"""
from __future__ import annotations

import hashlib

import duckdb
import pyarrow as pa

from dyads.store.schema import FLAT_COLUMNS

NEAR_KM = 50.0

_COMPATIBLE_PLACE = f"""(
    dl IS NULL OR ml IS NULL
    OR dl.geonames_id = ml.geonames_id
    OR lower(dl.name) = lower(ml.name)
    OR ((dl.precision = 'country' OR ml.precision = 'country') AND dl.country = ml.country)
    OR 111.2 * sqrt(power(dl.lat - ml.lat, 2)
        + power(cos(radians((dl.lat + ml.lat) / 2)) * (dl.lon - ml.lon), 2)) <= {NEAR_KM})"""

# Every pair (pending mention, other pending or stored mention) reporting the same event.
# Stored mentions are first matched on narrow columns (block, date); only the few that
# match have their location read, by rowid: reading every location is most of the cost.
_EDGES = f"""
WITH span AS (SELECT min(merge_date) - 1 AS lo, max(merge_date) + 1 AS hi FROM pending),
near AS MATERIALIZED (
    SELECT d.uid AS d_uid, d.location AS dl, s.rid
    FROM pending d JOIN (
        SELECT rowid AS rid, block_key, merge_date FROM mentions
        WHERE merge_date BETWEEN (SELECT lo FROM span) AND (SELECT hi FROM span)) s
      ON d.block_key = s.block_key
     AND s.merge_date BETWEEN d.merge_date - 1 AND d.merge_date + 1),
pairs AS (
    SELECT near.d_uid, m.uid AS m_uid, m.merged_id, near.dl, m.location AS ml
    FROM near JOIN (SELECT rowid AS rid, uid, merged_id, location FROM mentions
                    WHERE rowid IN (SELECT rid FROM near)) m USING (rid)
    UNION ALL
    SELECT d.uid, m.uid, NULL, d.location, m.location
    FROM pending d JOIN pending m
      ON d.block_key = m.block_key AND m.merge_date BETWEEN d.merge_date - 1 AND d.merge_date + 1
    WHERE m.uid <> d.uid)
SELECT d_uid, m_uid, merged_id FROM pairs WHERE {_COMPATIBLE_PLACE}
"""

EVENT_ID_SQL = "'ev-' || left(sha1({0}), 16)"

_EVENT_COLUMNS = """source, target, cameo, cameo_root, plover, plover_mode, quad_class,
    goldstein, modality, {date}, date_precision, date_text, {location}, confidence,
    source_key, target_key"""

# Schema v2's flat filter columns, taken from the representative mention.
_FLAT = ", ".join(FLAT_COLUMNS)

# A pending mention linked to nothing is an event of its own.
_SINGLE_EVENTS = f"""
INSERT INTO events
SELECT {EVENT_ID_SQL.format('uid')}, uid,
       {_EVENT_COLUMNS.format(date='date', location='location')},
       coalesce(mentions, 1), 1, published, published, {_FLAT}, 1
FROM pending WHERE uid NOT IN (SELECT key FROM merge_map WHERE kind = 'u')
"""

_STORE_PENDING = f"""
INSERT INTO mentions SELECT p.* REPLACE (
    coalesce(mm.new_id, {EVENT_ID_SQL.format('p.uid')}) AS merged_id)
FROM pending p LEFT JOIN merge_map mm ON mm.kind = 'u' AND mm.key = p.uid
"""

# The members of merged events: linked pending mentions (before they move into mentions),
# plus, only when stored events were joined, the stored mentions of those events; a batch
# that joins nothing stored does not scan the mentions table.
_GROUP_PENDING = """SELECT p.* REPLACE (mm.new_id AS merged_id) FROM pending p
    JOIN merge_map mm ON mm.kind = 'u' AND mm.key = p.uid"""
_GROUP_STORED = """UNION ALL SELECT s.* EXCLUDE (rid) REPLACE (mm.new_id AS merged_id)
    FROM stored_members s JOIN merge_map mm ON mm.kind = 'e' AND mm.key = s.merged_id"""

# The stored mentions of some events, with their rowids. rowid first: the filter then reads
# one narrow column and only matching rows are fetched whole (a plain IN filter reads
# every column of every row: ~3x slower at 1M mentions).
_STORED_MEMBERS = """SELECT rowid AS rid, * FROM mentions WHERE rowid IN (
    SELECT rowid FROM mentions WHERE merged_id IN (SELECT id FROM joined_events))"""

_REBUILD_EVENTS = """
INSERT INTO events
WITH grp AS MATERIALIZED ({members}),
rep AS (SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY merged_id ORDER BY (modality = 'asserted') DESC,
                                 confidence DESC NULLS LAST, uid) AS rn FROM grp) WHERE rn = 1),
place AS (SELECT merged_id, arg_min(location, uid) AS location FROM grp
          WHERE location IS NOT NULL GROUP BY merged_id),
agg AS (SELECT merged_id, min(uid) AS anchor, sum(coalesce(mentions, 1)) AS n,
               count(DISTINCT doc_id) AS na, min(published) AS fs, max(published) AS ls,
               min(date) AS first_date
        FROM grp GROUP BY merged_id)
SELECT r.merged_id, a.anchor,
       """ + _EVENT_COLUMNS.format(date="coalesce(r.date, a.first_date)",
                                   location="coalesce(r.location, p.location)") + """,
       a.n, a.na, a.fs, a.ls, """ + _FLAT + """, a.na
FROM rep r JOIN agg a USING (merged_id) LEFT JOIN place p USING (merged_id)
"""


def event_id_for(anchor_uid: str) -> str:
    """A merged event's id: stable for the same smallest mention uid (= EVENT_ID_SQL)."""
    return "ev-" + hashlib.sha1(anchor_uid.encode("utf-8")).hexdigest()[:16]


class _Components:
    """Union-find over hashable nodes."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict:
        out: dict = {}
        for node in list(self.parent):
            out.setdefault(self.find(node), []).append(node)
        return out


def _components(con: duckdb.DuckDBPyConnection) -> _Components:
    """Linked pending mentions ("u", uid) and the stored events ("e", id) they join."""
    comps = _Components()
    for d_uid, m_uid, m_event in con.execute(_EDGES).fetchall():
        comps.union(("u", d_uid), ("e", m_event) if m_event else ("u", m_uid))
    return comps


def _stored_members(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> pa.Table | None:
    """Every stored mention of the given events (None when there are none)."""
    if not event_ids:
        return None
    con.register("joined_events", pa.table({"id": pa.array(event_ids, pa.string())}))
    members = con.sql(_STORED_MEMBERS).to_arrow_table()
    con.unregister("joined_events")
    return members


def _anchors(members: pa.Table | None) -> dict[str, str]:
    """An event's anchor is its smallest mention uid (as the rebuild computes it)."""
    if members is None:
        return {}
    grouped = members.group_by("merged_id").aggregate([("uid", "min")])
    return dict(zip(grouped["merged_id"].to_pylist(), grouped["uid_min"].to_pylist()))


def _merge_map(comps: _Components, anchors: dict[str, str]) -> pa.Table:
    """(kind, key, new_id) for every linked pending mention and every stored event it joins."""
    kinds, keys, new_ids = [], [], []
    for members in comps.groups().values():
        new_id = event_id_for(min(anchors.get(k, k) if kind == "e" else k
                                  for kind, k in members))
        for kind, key in members:
            kinds.append(kind)
            keys.append(key)
            new_ids.append(new_id)
    s = pa.string()
    return pa.table({"kind": pa.array(kinds, s), "key": pa.array(keys, s),
                     "new_id": pa.array(new_ids, s)})


def pending_table(con: duckdb.DuckDBPyConnection, *parts: pa.Table | None) -> pa.Table:
    """Mentions to merge, from several sources, in the column types of ``mentions``."""
    schema = con.sql("SELECT * FROM mentions LIMIT 0").to_arrow_table().schema
    return pa.concat_tables([p.cast(schema) for p in parts if p is not None])


def merge_pending(con: duckdb.DuckDBPyConnection, pending: pa.Table) -> None:
    """Give every pending mention an event, merging the stored events it bridges, and
    insert it into ``mentions``. Runs inside the caller's transaction."""
    con.register("pending", pending)
    comps = _components(con)
    stored = _stored_members(con, [key for kind, key in comps.parent if kind == "e"])
    merge_map = _merge_map(comps, _anchors(stored))
    con.register("merge_map", merge_map)
    joins_stored = stored is not None
    if joins_stored:  # stored events grow or join
        con.register("stored_members", stored)
        con.execute("UPDATE mentions SET merged_id = mm.new_id FROM stored_members s "
                    "JOIN merge_map mm ON mm.kind = 'e' AND mm.key = s.merged_id "
                    "WHERE mentions.rowid = s.rid AND s.merged_id <> mm.new_id")
        con.execute("DELETE FROM events WHERE event_id IN "
                    "(SELECT key FROM merge_map WHERE kind = 'e')")
    con.execute(_SINGLE_EVENTS)
    if merge_map.num_rows:  # before _STORE_PENDING: pending rows are counted from pending
        members = _GROUP_PENDING + ("\n" + _GROUP_STORED if joins_stored else "")
        con.execute(_REBUILD_EVENTS.format(members=members))
    con.execute(_STORE_PENDING)
    for name in ("merge_map", "pending") + (("stored_members",) if joins_stored else ()):
        con.unregister(name)


def unmerge_docs(con: duckdb.DuckDBPyConnection, docs_table: str) -> pa.Table:
    """Before a doc's mentions are removed: dissolve the events they belonged to.

    The other mentions of those events are taken out of ``mentions`` and returned, to be
    merged again with ``merge_pending`` (an event may split once a bridging mention is
    gone). ``docs_table`` names a registered relation with a ``doc_id`` column."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE orphaned AS
        SELECT DISTINCT merged_id FROM mentions
        WHERE doc_id IN (SELECT doc_id FROM {docs_table}) AND merged_id IS NOT NULL""")
    con.execute("DELETE FROM events WHERE event_id IN (SELECT merged_id FROM orphaned)")
    orphans = con.sql(f"""SELECT * REPLACE (NULL AS merged_id) FROM mentions
        WHERE merged_id IN (SELECT merged_id FROM orphaned)
          AND doc_id NOT IN (SELECT doc_id FROM {docs_table})""").to_arrow_table()
    con.execute("DELETE FROM mentions WHERE merged_id IN (SELECT merged_id FROM orphaned)")
    con.execute("DROP TABLE orphaned")
    return orphans
