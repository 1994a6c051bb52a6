"""The parsed, checked shipped lexicon kept as a pickle in the user's cache folder.

Reading and checking the YAML lexicon takes most of a second; unpickling the result takes a
few hundredths. The YAML files stay the source of truth: the cache file is named by a hash
of their text, of dyads' version and of the loader's own source, so any edit to one of
them makes a new file (and a broken or unreadable cache file is simply rebuilt).

Folder: ``$DYADS_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyads``, else ``~/.cache/dyads``;
``DYADS_CACHE_DIR=off`` turns the cache off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

CACHE_ENV = "DYADS_CACHE_DIR"
OFF = "off"


def cache_folder() -> Path | None:
    """Where cached files go, or None when caching is off."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == OFF:
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyads"


def cache_key(parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:32]


def cached(name: str, parts: Iterable[bytes], build: Callable[[], object],
           folder: Path | None) -> object:
    """``build()``'s result, from ``folder/name-KEY.pickle`` when one was stored for these
    ``parts`` (KEY is their hash); otherwise built and stored (when the folder is writable)."""
    if folder is None:
        return build()
    path = folder / f"{name}-{cache_key(parts)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file, named by its content's hash
    except Exception:  # missing, truncated or from an incompatible build: rebuild it
        pass
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically (a temp file renamed into place); a read-only folder is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        try:
            os.unlink(tmp.name)
        except (OSError, NameError):
            pass
