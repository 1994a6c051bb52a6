"""Many short text lines held as one UTF-8 blob and an array of where each line starts.

The gazetteer's 34k place rows and 117k name keys took 20 MB of a worker as Python strings
and a dict (about 170 bytes a line); packed, they take about 6 MB (#17). A line
is decoded only when it is read, and a file of sorted "key<TAB>value" lines is searched by
bisection, so nothing is built per line at load.
"""
from __future__ import annotations

from array import array

import numpy


class PackedLines:
    """The lines of ``text`` (no trailing newline), read by number: ``lines[i]``."""

    def __init__(self, text: str):
        self._blob = text.encode("utf-8")
        ends = numpy.flatnonzero(numpy.frombuffer(self._blob, dtype=numpy.uint8) == 10)
        # array, not numpy, for the offsets: it gives Python ints, five times faster to index
        self._starts = _int_array(numpy.concatenate(([0], ends + 1)))
        self._ends = _int_array(numpy.concatenate((ends, [len(self._blob)])))

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, number: int) -> str:
        return self._raw(number).decode("utf-8")

    def _raw(self, number: int) -> bytes:
        if not -len(self) <= number < len(self):
            raise IndexError(f"line {number} of {len(self)}")
        return self._blob[self._starts[number]:self._ends[number]]


class SortedKeyedLines(PackedLines):
    """Lines "key<TAB>value" sorted by key (as Python sorts str, which is UTF-8 byte
    order), keys unique and free of control characters; ``get(key)`` is the value of the
    line with that key, or None."""

    def get(self, key: str) -> str | None:
        wanted = key.encode("utf-8") + b"\t"
        blob, starts, ends = self._blob, self._starts, self._ends
        low, high = 0, len(starts)
        while low < high:  # the first line whose key is not below the wanted one
            middle = (low + high) // 2
            # a whole line sorts as its key would: the tab sorts below any key character
            if blob[starts[middle]:ends[middle]] < wanted:
                low = middle + 1
            else:
                high = middle
        if low < len(starts) and blob.startswith(wanted, starts[low]):
            return blob[starts[low] + len(wanted):ends[low]].decode("utf-8")
        return None

    def is_sorted(self) -> bool:
        """Whether the lines are in strictly ascending order of key (``get`` relies on it)."""
        return all(self._raw(i) < self._raw(i + 1) for i in range(len(self) - 1))


def _int_array(values) -> array:
    packed = array("i")
    packed.frombytes(values.astype(numpy.int32).tobytes())
    return packed
