"""Named entities (countries, institutions, IGOs, armed groups) keyed by their lookup text."""
from __future__ import annotations

from dyads.actors.sectors import entity_key

# Entity priorities: lower wins when two sources claim the same key.
PRI_OVERRIDE, PRI_COUNTRY, PRI_DEMONYM, PRI_IGO, PRI_CAPITAL, PRI_PHOENIX = 0, 1, 2, 3, 4, 5


class Entities:
    """Keyed entity rows; the lowest priority number wins a contested key.

    A key that two different actors claim at the same priority (an alias several groups
    share) is ambiguous: it is dropped rather than given to whichever came first, unless a
    stronger source (an override) settles it.
    """

    def __init__(self):
        self._rows: dict[str, tuple] = {}
        self._contested: dict[str, int] = {}

    @property
    def rows(self) -> dict[str, tuple]:
        return {k: row for k, row in self._rows.items() if self._contested.get(k) != row[0]}

    def contested(self) -> list[str]:
        return sorted(k for k in self._rows if self._contested.get(k) == self._rows[k][0])

    def add(self, text: str, priority: int, name: str, kb_id, country, sector, code, kind,
            group: str | None = None):
        key = entity_key(text)
        if len(key) < 2 or not code:
            return
        # Short all-capital forms (WHO, US, AU) only match when written in capitals. Phoenix
        # writes every name in capitals, so there only very short names count as acronyms.
        limit = 4 if priority == PRI_PHOENIX or priority == PRI_IGO else 5
        acronym = int(text.replace(".", "").isupper() and len(key) <= limit and " " not in key)
        row = (priority, name, kb_id, country, sector, code, kind, acronym, group or name)
        old = self._rows.get(key)
        if old is None or priority < old[0]:
            self._rows[key] = row
        elif priority == old[0] and _identity(old) != _identity(row) and old[8] != row[8]:
            self._contested[key] = priority


def _identity(row: tuple) -> tuple:
    """What a lookup would return for a row: two claims alike in this are no conflict."""
    return row[3], row[4], row[5], row[6]
