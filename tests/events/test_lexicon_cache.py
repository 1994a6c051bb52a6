"""The cached shipped lexicon is the very Lexicon the YAML files give, and follows their edits."""
from __future__ import annotations

from dyads.events import lexicon_cache
from dyads.events.lexicon import default_lexicon, load_lexicon


def test_cached_lexicon_equals_the_one_read_from_yaml(tmp_path, monkeypatch):
    monkeypatch.setenv(lexicon_cache.CACHE_ENV, str(tmp_path))
    default_lexicon.cache_clear()
    try:
        stored = default_lexicon()  # built from the YAML and stored
        assert len(list(tmp_path.glob("lexicon-*.pickle"))) == 1
        default_lexicon.cache_clear()
        fast = default_lexicon()  # read back from the cache file
    finally:
        default_lexicon.cache_clear()
    from_yaml = load_lexicon()
    assert fast == from_yaml == stored
    assert [e.id for e in fast.entries] == [e.id for e in from_yaml.entries]


def test_changed_sources_make_a_new_file(tmp_path):
    calls = []

    def build():
        calls.append(1)
        return {"built": len(calls)}

    assert lexicon_cache.cached("x", [b"a"], build, tmp_path) == {"built": 1}
    assert lexicon_cache.cached("x", [b"a"], build, tmp_path) == {"built": 1}
    assert lexicon_cache.cached("x", [b"b"], build, tmp_path) == {"built": 2}
    assert len(list(tmp_path.glob("x-*.pickle"))) == 2


def test_a_broken_cache_file_is_rebuilt(tmp_path):
    path = tmp_path / f"x-{lexicon_cache.cache_key([b'a'])}.pickle"
    path.write_bytes(b"not a pickle")
    assert lexicon_cache.cached("x", [b"a"], lambda: "fresh", tmp_path) == "fresh"
    assert lexicon_cache.cached("x", [b"a"], lambda: "again", tmp_path) == "fresh"


def test_cache_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv(lexicon_cache.CACHE_ENV, "off")
    assert lexicon_cache.cache_folder() is None
    assert lexicon_cache.cached("x", [b"a"], lambda: 1, None) == 1
    monkeypatch.setenv(lexicon_cache.CACHE_ENV, str(tmp_path))
    assert lexicon_cache.cache_folder() == tmp_path
