"""The KB's small, much-asked tables in memory: entity names and sector words.

Per 100 news articles the coder asks about 17,000 entity names and 34,000 sector words
(nine in ten of the KB's SQL statements). Both tables are small (about 16,000 and 3,500
rows; ~5 MB of dicts, ~0.03 s to read), so they are read once per KB instance, on first
use, and answered from dicts. People, their keys and roles stay in SQL: the person-key
table is ten times larger and costs more to read (~0.25 s, ~45 MB) than the few thousand
indexed queries it would save.
"""
from __future__ import annotations

import sqlite3

ENTITY_COLUMNS = "name, kb_id, country, sector, code, kind, acronym"


class NameIndex:
    """Entities by key (the columns of ENTITY_COLUMNS) and sector-word codes by key."""

    def __init__(self, db: sqlite3.Connection):
        self.entities: dict[str, tuple] = {row[0]: tuple(row)[1:] for row in db.execute(
            f"SELECT key, {ENTITY_COLUMNS} FROM entities")}
        self.sector_words: dict[str, str] = {
            row[0]: row[1] for row in db.execute("SELECT key, code FROM sector_words")}
