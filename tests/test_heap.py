"""The heap calls are harmless everywhere and take effect where glibc is the C library."""
import sys

from dyads import heap


def test_heap_calls_report_whether_they_took_effect():
    assert isinstance(heap.map_big_blocks(), bool)
    assert isinstance(heap.trim(), bool)
    if heap._glibc() is not None:
        assert heap.map_big_blocks()  # glibc accepts a fixed threshold


def test_heap_calls_do_nothing_without_glibc(monkeypatch):
    monkeypatch.setattr(heap, "_glibc", lambda: None)
    assert heap.map_big_blocks() is False and heap.trim() is False


def test_trim_gives_freed_pages_back_on_glibc():
    if heap._glibc() is None or not sys.platform.startswith("linux"):
        return
    heap.map_big_blocks(1 << 30)  # keep the blocks below in the heap, so trim has work
    blocks = [bytearray(64 * 1024) for _ in range(400)]  # ~26 MB of small heap blocks
    del blocks
    released = heap.trim()
    heap.map_big_blocks()
    assert released
