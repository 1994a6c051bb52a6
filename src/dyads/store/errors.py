"""Errors of opening a store, in a module of their own so that the writer hand-off
(``dyads.store.handoff``) can name them without importing the store package."""
from __future__ import annotations


class StoreError(RuntimeError):
    """The store file cannot be opened; the message says why and what to do."""


class StoreLocked(StoreError):
    """Another process holds the store file (DuckDB allows one writer, or readers only)."""


def is_lock_conflict(exc: BaseException) -> bool:
    """True for DuckDB's 'Could not set lock on file ...' (another process has it open)."""
    return "lock" in str(exc).lower()
