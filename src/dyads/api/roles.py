"""Dated roles of a person for the actor page, looked up in the knowledge base.

The KB answers "which role did this person hold on that date"; the page asks for each
distinct date the actor's events fall on. Any KB trouble degrades to "no roles shown".
"""
from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)
MAX_DATES_ASKED = 12


def _role_row(match, on: str | None) -> dict | None:
    role = getattr(match, "role", None)
    if role is None:
        return None
    return {"on": on, "title": role.title, "country": role.country, "sector": role.sector,
            "start": role.start, "end": role.end, "source": role.source,
            "kb_id": getattr(match, "kb_id", None)}


def _spread(dates: list[str], n: int) -> list[str]:
    """At most n dates, evenly spread, always keeping the first and the last."""
    if len(dates) <= n:
        return dates
    step = (len(dates) - 1) / (n - 1)
    return sorted({dates[round(i * step)] for i in range(n)})


def roles_finder(kb_loader: Callable[[], object]) -> Callable[[dict, list[str]], list[dict]]:
    """A function (actor, dates) -> distinct roles held on those dates (undated if none)."""

    def roles_of(actor: dict, dates: list[str]) -> list[dict]:
        name = actor.get("name")
        if not actor.get("kb_id") or not name:
            return []
        try:
            kb = kb_loader()
            rows = [_role_row(kb.person(name, on=d), d) for d in _spread(dates, MAX_DATES_ASKED)]
            if not dates:
                rows.append(_role_row(kb.person(name, on=None), None))
        except Exception as exc:  # the page still works without the KB
            log.warning("no roles for %s: %s", name, exc)
            return []
        return _distinct(r for r in rows if r and r.get("kb_id") in (None, actor["kb_id"]))

    return roles_of


def _distinct(rows) -> list[dict]:
    seen, kept = set(), []
    for row in rows:
        key = (row["title"], row["country"], row["start"], row["end"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def default_kb_loader():
    from dyads.actors.kb import default_kb

    return default_kb()
