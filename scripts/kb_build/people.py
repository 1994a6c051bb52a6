"""People gathered across sources: names, aliases, dated roles, and how notable an office is."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from dyads.actors.sectors import norm_text, person_key

HEAD_TITLES = {"president", "prime minister", "national leader", "chancellor", "federal chancellor", "king",
               "queen", "emir", "supreme leader", "first lord of the treasury", "taoiseach",
               "president of the republic", "sultan", "amir", "head of state",
               "general secretary of the chinese communist party", "premier",
               "secretary general of the united nations", "secretary general of nato",
               "president of the european commission", "director general of the iaea",
               "director general of the world health organization"}
# Cabinet posts that make the news most: foreign, defence, interior, finance ministers.
KEY_OFFICE = re.compile(
    r"(?:(?:minister|secretary)(?: of state)?(?: of| for)?(?: the)? (?:national )?"
    r"(?:foreign(?: affairs)?|external affairs|foreign and commonwealth affairs|defen[cs]e|"
    r"interior|internal affairs|home affairs|finance|the treasury)"
    r"|(?:foreign|defen[cs]e|interior|finance|home) (?:minister|secretary))")
MINOR_TITLE_WORDS = ("first lady", "first gentleman", "mayor", "governor of", "member of",
                     "lieutenant governor", "spouse", "premier of")


def title_rank(title: str) -> float:
    """How notable an office is, for choosing between people and between roles."""
    t = norm_text(title)
    if t in HEAD_TITLES:
        return 3.0
    if any(w in t for w in MINOR_TITLE_WORDS):
        return 0.5
    if t in {"vice president", "deputy prime minister", "secretary of state",
             "foreign secretary", "chief of the general staff", "home secretary"}:
        return 2.0
    if KEY_OFFICE.fullmatch(t):
        return 2.0
    if "minister" in t or "secretary" in t or "ambassador" in t or "spokes" in t:
        return 1.2
    return 1.0


def clean_date(value) -> str | None:
    """ISO date or partial date (YYYY, YYYY-MM) from YAML/CSV values; None when blank."""
    if value in (None, ""):
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ValueError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


class People:
    """Accumulates people, their names and roles across sources (keyed by kb id)."""

    def __init__(self):
        self.names: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.roles: dict[str, list[dict]] = defaultdict(list)
        self.handles: list[tuple[str, str, str | None, str | None]] = []
        self.by_name: dict[tuple[str, str | None], str] = {}
        self._surnames: dict | None = None

    def add(self, kb_id: str, name: str, *aliases: str) -> None:
        self.names.setdefault(kb_id, name)
        countries = {r["country"] for r in self.roles.get(kb_id, [])}
        for alias in (name, *aliases):
            if alias and alias not in self.aliases[kb_id]:
                self.aliases[kb_id].add(alias)
                self._index(kb_id, alias, countries | {"*"})

    def add_role(self, kb_id: str, **role) -> None:
        role["rank"] = title_rank(role["title"])
        self.roles[kb_id].append(role)
        for alias in self.aliases[kb_id]:
            self._index(kb_id, alias, {role["country"]})

    def _index(self, kb_id: str, alias: str, countries: set) -> None:
        for country in countries:
            self.by_name.setdefault((person_key(alias), country), kb_id)

    def surname_index(self) -> dict:
        """(country, surname key) -> {(kb id, first name)} over people known so far.

        Built once, on first use: Wikidata is loaded before the sources that match against
        it, so later sources match Wikidata people, not each other's.
        """
        if self._surnames is None:
            self._surnames = defaultdict(set)
            for kb_id, roles in self.roles.items():
                for alias in self.aliases[kb_id]:
                    words = person_key(alias).split()
                    for country in {r["country"] for r in roles} if len(words) > 1 else ():
                        self._surnames[(country, words[-1])].add((kb_id, words[0]))
        return self._surnames

    def find(self, name: str, country: str | None) -> str | None:
        """A known person with this name and a role in `country` ('*': any country)."""
        return self.by_name.get((person_key(name), country))


def match_surname(people: People, spell: dict, country: str) -> str | None:
    """A Wikidata person of the same country whose name ends with this surname."""
    index = people.surname_index()
    given = person_key(spell["given"])
    hits = {(kb, first) for kb, first in index.get((country, person_key(spell["surname"])), ())
            if not given or first[:1] == given[:1]}
    if len(hits) > 1:  # Joseph vs Joe and Jill Biden: compare the first two letters
        hits = {(kb, first) for kb, first in hits if first[:2] == given[:2]}
    return hits.pop()[0] if len(hits) == 1 else None
