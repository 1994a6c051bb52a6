"""The KB file's schema and the writing of gathered people, entities and words into it."""
from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

from dyads.actors.sectors import norm_text

from .entities import Entities
from .people import People
from .person_keys import STOP_SURNAMES, key_rows, merge_roles, spacy_stop_words

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources (name TEXT PRIMARY KEY, snapshot TEXT, count INTEGER, licence TEXT);
CREATE TABLE people (pid INTEGER PRIMARY KEY, kb_id TEXT, name TEXT, prominence REAL);
-- kind: f(ull name) a(lias) s(hort: first+last, initial+last) n (surname only)
CREATE TABLE person_keys (key TEXT, pid INTEGER, kind TEXT,
                          PRIMARY KEY (key, pid)) WITHOUT ROWID;
CREATE TABLE titles (tid INTEGER PRIMARY KEY, title TEXT, rank REAL);
CREATE TABLE roles (pid INTEGER, n INTEGER, tid INTEGER, country TEXT, sector TEXT, start TEXT,
                    end TEXT, source TEXT, snapshot TEXT, PRIMARY KEY (pid, n)) WITHOUT ROWID;
-- roles.source: o(verrides) w(ikidata) f(actbook) p(hoenix); snapshot only for open spells
CREATE TABLE handles (key TEXT, pid INTEGER, start TEXT, end TEXT);
CREATE TABLE entities (key TEXT PRIMARY KEY, name TEXT, kb_id TEXT, country TEXT, sector TEXT,
                       code TEXT, kind TEXT, acronym INTEGER, priority INTEGER) WITHOUT ROWID;
CREATE TABLE countries (iso3 TEXT PRIMARY KEY, name TEXT, official TEXT, qid TEXT,
                        capital TEXT, demonym TEXT, independent INTEGER);
CREATE TABLE sector_words (key TEXT PRIMARY KEY, code TEXT) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX handles_key ON handles(key);
"""


def write_people(db: sqlite3.Connection, people: People, blocked: set[str]) -> None:
    """People with at least one role (or project-made ids), their roles, keys and handles."""
    pids, titles = {}, {}
    for pid, kb_id in enumerate(sorted(people.names), start=1):
        roles = merge_roles(people.roles.get(kb_id, []))
        if not roles and not kb_id.startswith("dyads:"):
            continue
        pids[kb_id] = pid
        prominence = max((r["rank"] for r in roles), default=0) + 0.1 * min(len(roles), 10)
        if any(r["source"] == "overrides" for r in roles):
            prominence += 1.5  # curated because they are in the news
        db.execute("INSERT INTO people VALUES (?,?,?,?)",
                   (pid, kb_id, people.names[kb_id], round(prominence, 2)))
        for r in roles:
            titles.setdefault(r["title"], (len(titles) + 1, r["rank"]))
        db.executemany("INSERT INTO roles VALUES (?,?,?,?,?,?,?,?,?)", [
            (pid, n, titles[r["title"]][0], r["country"], r["sector"], r["start"], r["end"],
             r["source"][0], None if r["end"] else r["snapshot"]) for n, r in enumerate(roles)])
        db.executemany("INSERT OR IGNORE INTO person_keys VALUES (?,?,?)",
                       key_rows(pid, people.aliases[kb_id], people.names[kb_id], blocked))
    db.executemany("INSERT INTO titles VALUES (?,?,?)",
                   [(tid, title, rank) for title, (tid, rank) in titles.items()])
    db.executemany("INSERT INTO handles VALUES (?,?,?,?)", [
        ("@" + norm_text(h).lstrip("@").replace(" ", "_"), pids[kb], s, e)
        for h, kb, s, e in people.handles])


def write_kb(out: Path, sources: list[dict], people: People, ents: Entities,
             countries: list[tuple], words: dict) -> None:
    """Write the KB to a temporary file first, so a failed build never leaves a broken KB."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    # words that name places, groups or sectors (or are function words) are no surnames
    blocked = STOP_SURNAMES | set(ents.rows) | set(words) | spacy_stop_words()
    write_people(db, people, blocked)
    db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
                   [(k, *row[1:8], row[0]) for k, row in ents.rows.items()])
    db.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?)", countries)
    db.executemany("INSERT INTO sector_words VALUES (?,?)", sorted(words.items()))
    db.executemany("INSERT INTO sources VALUES (?,?,?,?)",
                   [(s["name"], s["snapshot"], s["count"], s["licence"]) for s in sources])
    db.executemany("INSERT INTO meta VALUES (?,?)", [
        ("built", build_date(sources)), ("schema", "1"),
        ("precedence", "overrides > wikidata > factbook > phoenix")])
    db.executescript(INDEXES)
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)


def build_date(sources) -> str:
    """The date the KB is 'built' as: SOURCE_DATE_EPOCH when set, else the newest source
    snapshot, so the same inputs give the same file (same sha256) on any day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
    snapshots = [str(s["snapshot"]) for s in sources if s.get("snapshot")]
    return max(snapshots) if snapshots else date(1970, 1, 1).isoformat()
