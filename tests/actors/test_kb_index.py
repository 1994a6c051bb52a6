"""The in-memory entity and sector-word index answers exactly what the KB file's SQL does."""
from __future__ import annotations

import pytest

from dyads.actors.kb import KnowledgeBase, shipped_kb_path
from dyads.actors.kb_index import ENTITY_COLUMNS


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(shipped_kb_path())


def test_every_entity_row_matches_its_indexed_query(kb):
    keys = [row[0] for row in kb.db.execute("SELECT key FROM entities")]
    assert len(kb.index.entities) == len(keys)
    for key in keys:
        row = kb.db.execute(f"SELECT {ENTITY_COLUMNS} FROM entities WHERE key = ?",
                            (key,)).fetchone()
        assert kb.index.entities[key] == tuple(row)


def test_every_sector_word_matches_its_indexed_query(kb):
    keys = [row[0] for row in kb.db.execute("SELECT key FROM sector_words")]
    assert len(kb.index.sector_words) == len(keys)
    for key in keys:
        row = kb.db.execute("SELECT code FROM sector_words WHERE key = ?", (key,)).fetchone()
        assert kb.index.sector_words[key] == row["code"]


def test_lookups_answer_from_memory_after_the_first(kb):
    kb.index  # noqa: B018 - read the tables
    statements = []
    kb.db.set_trace_callback(statements.append)
    try:
        assert kb.entity("United Nations") is not None
        assert kb.entity("who") is None  # lowercase is not the acronym
        kb.sector("police"), kb.title_sector("foreign minister")
    finally:
        kb.db.set_trace_callback(None)
    assert statements == []


def test_index_is_rebuilt_after_pickling(kb):
    import pickle

    copy = pickle.loads(pickle.dumps(kb))
    assert copy.entity("United Nations") == kb.entity("United Nations")
