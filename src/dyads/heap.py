"""Handing freed heap memory back to the system, where the C library allows it (glibc).

Parsing a long article allocates tens of megabytes of short-lived network arrays. With
glibc's defaults the heap keeps what they freed (its threshold for giving big blocks their
own mapping rises with every big block freed), so a worker's resident size ratchets up to
the sum of its largest transients and stays there. Two calls keep it near its working
size: a fixed threshold, so big arrays get mappings of their own that go back when freed,
and a trim between chunks of articles, which returns the heap's free pages. Elsewhere (not
Linux, or another C library) both do nothing.
"""
from __future__ import annotations

import ctypes
import functools
import sys

M_MMAP_THRESHOLD = -3  # mallopt parameter, from glibc's malloc.h
BIG_BLOCK_BYTES = 1 << 20  # blocks from 1 MB up get mappings of their own


@functools.lru_cache(maxsize=1)
def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt, libc.malloc_trim  # absent from other C libraries (musl)
    except (OSError, AttributeError):
        return None
    return libc


def map_big_blocks(threshold: int = BIG_BLOCK_BYTES) -> bool:
    """Give heap blocks of ``threshold`` bytes and more mappings of their own from now on;
    True when the C library took the setting."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_MMAP_THRESHOLD, threshold))


def trim() -> bool:
    """Return the heap's free pages to the system; True when some were released."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
