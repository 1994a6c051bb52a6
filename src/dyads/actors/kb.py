"""The actor knowledge base: people with dated roles, countries, organisations, sector words.

The KB is a read-only SQLite file built by ``scripts/build_kb.py`` and shipped in
``dyads/data/kb.sqlite``. Keys are normalised at build time with the functions in
``dyads.actors.sectors`` so a lookup is one indexed query; the entity names and sector
words, asked for most often, are read into memory on first use (``dyads.actors.kb_index``).
"""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dyads.actors.kb_index import NameIndex
from dyads.actors.sectors import (
    entity_key,
    loose_key,
    norm_text,
    person_key,
    phrase_forms,
    primary_sector,
    title_sector_from_code,
    title_windows,
)

SOURCE_RANK = {"overrides": 4, "wikidata": 3, "factbook": 2, "phoenix": 1}
SOURCE_NAMES = {name[0]: name for name in SOURCE_RANK}  # stored as one letter
KEY_KINDS = {"f": "full", "a": "alias", "s": "short", "n": "surname"}
LOOKUP_CACHE = 4096  # answers kept per lookup kind and KB instance
# How much a kind of name match is worth before roles are considered.
# A word is a first name when at least this many people carry it first, and this many
# times more than carry it as their surname.
GIVEN_NAME_MIN, GIVEN_NAME_RATIO = 5, 3
MATCH_WEIGHT = {"full": 1.0, "alias": 0.95, "handle": 1.0, "short": 0.9, "surname": 0.75}


ROLES_SQL = ("SELECT r.*, t.title, t.rank FROM roles r JOIN titles t ON t.tid = r.tid "
             "WHERE r.pid IN ({marks})")


class KnowledgeBaseError(RuntimeError):
    """The KB file is missing or unreadable."""


@dataclass(frozen=True)
class Role:
    title: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None
    source: str
    rank: float = 1.0  # how notable the office is (3 heads of state/government, 2 key posts)


@dataclass(frozen=True)
class PersonMatch:
    kb_id: str  # a Wikidata QID ("Q…") or a local id ("dyads:…") for people without one
    name: str
    country: str | None
    sector: str | None
    role: Role | None
    confidence: float
    reason: str
    name_kind: str = "full"  # full | alias | short | surname | handle: how the name matched
    ambiguous: bool = False  # other KB people fit the name almost as well

    @property
    def qid(self) -> str | None:
        """The Wikidata QID, or None for people known only by a local id."""
        return self.kb_id if self.kb_id.startswith("Q") else None


@dataclass(frozen=True)
class Entity:
    name: str
    kb_id: str | None
    country: str | None
    sector: str | None
    code: str
    kind: str  # country | metonym | igo | ngo | armed_group | institution


def composite_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: ('USA', 'GOV') -> 'USAGOV'; (None, 'IGO') -> 'IGO'."""
    parts = [p for p in (country, sector) if p]
    return "".join(parts) if parts else None


def iso_date(on: str | date | None) -> str | None:
    if on is None or on == "":
        return None
    return on.isoformat() if isinstance(on, date) else str(on)[:10]


def _pad(day: str | None, low: bool) -> str | None:
    """Complete a partial ISO date ('2017' -> '2017-01-01' or '2017-12-31')."""
    if not day:
        return None
    tail = {4: ("-01-01", "-12-31"), 7: ("-01", "-31")}.get(len(day))
    return day + (tail[0] if low else tail[1]) if tail else day


def role_confidence(role_row: sqlite3.Row, on: str | None) -> float | None:
    """How sure we are that a role holds on `on`; None if it does not hold."""
    if on is None:
        return 0.9 if not role_row["end"] else 0.6
    start, end = _pad(role_row["start"], True), _pad(role_row["end"], False)
    if start and on < start:
        return None
    if end:
        return 1.0 if on <= end else None
    snapshot = role_row["snapshot"] or ""
    return 0.9 if on <= snapshot else 0.65  # open end: trusted up to the source snapshot


class KnowledgeBase:
    """Lookups against the shipped KB. Cheap to load; connections open read-only."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise KnowledgeBaseError(
                f"KB file {self.path} not found: run scripts/build_kb.py to build it")
        self._local = threading.local()
        # Names and titles repeat within and across articles: memoise the pure lookups per
        # instance (the file is read-only, so an answer never goes stale).
        self._person = lru_cache(maxsize=LOOKUP_CACHE)(self._person_uncached)
        self._entity = lru_cache(maxsize=LOOKUP_CACHE)(self._entity_uncached)
        self._handle = lru_cache(maxsize=LOOKUP_CACHE)(self._handle_uncached)
        self._sector = lru_cache(maxsize=LOOKUP_CACHE)(self._sector_uncached)
        self._title_sector = lru_cache(maxsize=LOOKUP_CACHE)(self._title_sector_uncached)
        self._given_name = lru_cache(maxsize=LOOKUP_CACHE)(self._given_name_uncached)
        self._has_title = lru_cache(maxsize=LOOKUP_CACHE)(self._has_title_uncached)
        self._could_start = lru_cache(maxsize=LOOKUP_CACHE)(self._could_start_uncached)
        self._first_words: frozenset[str] | None = None  # built on first use
        self._index: NameIndex | None = None  # built on first use

    @classmethod
    def load(cls, path: str | Path | None = None) -> "KnowledgeBase":
        return cls(Path(path) if path else shipped_kb_path())

    def __getstate__(self) -> dict:  # picklable for worker processes: reopen by path
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    @property
    def index(self) -> NameIndex:
        """Entity names and sector words in memory, read on first use."""
        if self._index is None:
            self._index = NameIndex(self.db)
        return self._index

    # ---- people -------------------------------------------------------------------
    def person(self, name: str, on: str | date | None = None) -> PersonMatch | None:
        return self._person(name, iso_date(on))

    def _person_uncached(self, name: str, on: str | None) -> PersonMatch | None:
        key = person_key(name)
        if not key or key.isdigit():
            return None
        candidates = self._person_candidates(key, name)
        if not candidates:
            return None
        return self._best_person(candidates, on, name)

    def handle(self, handle: str, on: str | date | None = None) -> PersonMatch | None:
        return self._handle(handle, iso_date(on))

    def _handle_uncached(self, handle: str, on_iso: str | None) -> PersonMatch | None:
        key = "@" + norm_text(handle).lstrip("@").replace(" ", "_")
        rows = self.db.execute("SELECT pid, start, end FROM handles WHERE key = ?",
                               (key.lower(),)).fetchall()
        valid = [r for r in rows if on_iso is None or (
            (not r["start"] or _pad(r["start"], True) <= on_iso)
            and (not r["end"] or on_iso <= _pad(r["end"], False)))]
        if not valid:
            return None
        return self._best_person([(r["pid"], "handle") for r in valid], on_iso, handle)

    def _person_candidates(self, key: str, written: str) -> list[tuple[int, str]]:
        if written.strip().islower() and " " not in written.strip():
            return []  # a lowercase single word is a common word, not a name
        rows = self.db.execute("SELECT pid, kind FROM person_keys WHERE key = ?",
                               (key,)).fetchall()
        if not rows and key.count(" ") == 1:  # family name first: "Kishida Fumio"
            rows = [{"pid": r["pid"], "kind": "s"} for r in self.db.execute(
                "SELECT pid, kind FROM person_keys WHERE key = ? AND kind IN ('f', 'a', 's')",
                (" ".join(reversed(key.split())),))]
        if not rows and loose_key(key) != key and not self._first_word(key):
            rows = self.db.execute("SELECT pid, kind FROM person_keys WHERE key = ?",
                                   (loose_key(key),)).fetchall()
            rows = [{"pid": r["pid"], "kind": "s" if r["kind"] in "fa" else r["kind"]}
                    for r in rows]
        best: dict[int, str] = {}
        for row in rows:
            kind = KEY_KINDS.get(row["kind"], row["kind"])
            if MATCH_WEIGHT[kind] > MATCH_WEIGHT.get(best.get(row["pid"], ""), 0):
                best[row["pid"]] = kind
        return list(best.items())

    def _first_word(self, key: str) -> bool:
        """A one-word key that begins some KB person's full name or alias ("barack"): a
        name in its own right, not a spelling variant of another person's ("Barak")."""
        return " " not in key and self.db.execute(
            "SELECT 1 FROM person_keys WHERE key >= ? AND key < ? AND kind IN ('f', 'a') "
            "LIMIT 1", (key + " ", key + "!")).fetchone() is not None

    def is_surname(self, word: str) -> bool:
        """Whether some KB person has this word as a surname ("Austin": Lloyd Austin)."""
        key = person_key(word)
        return bool(key) and " " not in key and self.db.execute(
            "SELECT 1 FROM person_keys WHERE key = ? AND kind = 'n' LIMIT 1",
            (key,)).fetchone() is not None

    def is_given_name(self, word: str) -> bool:
        """Whether the KB's people have this word as a first name far more often than as
        a surname ("Donald": dozens of Donalds, two people surnamed Donald)."""
        key = person_key(word)
        if not key or " " in key:
            return False
        return self._given_name(key)

    def _given_name_uncached(self, key: str) -> bool:
        first = self.db.execute(  # keys "donald ..." sort between "donald " and "donald!"
            "SELECT count(DISTINCT pid) FROM person_keys WHERE key >= ? AND key < ? "
            "AND kind IN ('f', 'a')", (key + " ", key + "!")).fetchone()[0]
        last = self.db.execute("SELECT count(*) FROM person_keys WHERE key = ? AND kind = 'n'",
                               (key,)).fetchone()[0]
        return first >= GIVEN_NAME_MIN and first > GIVEN_NAME_RATIO * last

    def _best_person(self, candidates, on: str | None, written: str) -> PersonMatch | None:
        people, roles = self._load_people([pid for pid, _ in candidates])
        candidates = [(pid, kind) for pid, kind in candidates
                      if not self._part_of_name(written, people[pid]["name"], kind)]
        if not candidates:
            return None
        scored = [self._score_person(people[pid], roles.get(pid, []), kind, on)
                  for pid, kind in candidates]
        scored.sort(key=lambda s: (s[0], _trust(s[1])), reverse=True)
        top = scored[0]
        if top[0] <= 0:
            return None
        match = top[1]
        rivals = [s for s in scored[1:] if s[0] >= top[0] * 0.8]
        if rivals:
            names = ", ".join(s[1].name for s in rivals[:3])
            # namesakes of one country (the two Presidents Bush) still give the same code
            other_country = any(s[1].country != match.country and _trust(s[1]) >= _trust(match)
                                for s in rivals)
            match = _with(match, confidence=round(match.confidence * 0.7, 3),
                          ambiguous=other_country,
                          reason=match.reason + f"; also possible: {names}")
        return match

    def _part_of_name(self, written: str, name: str, kind: str) -> bool:
        """'Elizabeth' alone is not Elizabeth II: a common given name written by itself
        (no title before it) matches a person whose name it is only the first word of
        only by an alias; the article's own full mention is found by ``names`` instead."""
        words = norm_text(written).split()
        return kind == "full" and len(words) == 1 and len(name.split()) > 1 \
            and self.is_given_name(words[0])

    def _load_people(self, pids: list[int]) -> tuple[dict, dict]:
        """People rows and their roles for several candidates, in two queries."""
        marks = ",".join("?" * len(pids))
        people = {r["pid"]: r for r in self.db.execute(
            f"SELECT pid, kb_id, name, prominence FROM people WHERE pid IN ({marks})", pids)}
        roles: dict[int, list] = {}
        for row in self.db.execute(ROLES_SQL.format(marks=marks), pids):
            roles.setdefault(row["pid"], []).append(row)
        return people, roles

    def _score_person(self, person, roles, kind: str, on: str | None) -> tuple[float, PersonMatch]:
        weight = MATCH_WEIGHT[kind]
        held = [(role_confidence(r, on), r) for r in roles]
        held = [(c, r) for c, r in held if c is not None]
        if held:
            conf, row = max(held, key=lambda cr: (cr[1]["rank"], cr[1]["source"] == "o",
                                                   cr[1]["source"] == "w", cr[0],
                                                   cr[1]["start"] or ""))
            role = _role(row)
            score = 10 + row["rank"] * 3 + person["prominence"] + conf
            match = PersonMatch(person["kb_id"], person["name"], role.country, role.sector,
                                role, round(weight * conf, 3),
                                f"{kind} name match; role {role.title} ({role.source}) "
                                f"valid on {on or 'any date'}", kind)
            return score * weight, match
        return self._person_without_role(person, roles, kind, on)

    def _person_without_role(self, person, roles, kind, on) -> tuple[float, PersonMatch]:
        weight = MATCH_WEIGHT[kind]
        if kind == "surname" and len(roles) == 0:
            return 0.0, PersonMatch(person["kb_id"], person["name"], None, None, None, 0, "", kind)
        past = [r for r in roles if on and r["end"] and _pad(r["end"], False) < on]
        ref = max(past or roles, key=lambda r: (r["rank"], r["start"] or ""), default=None)
        country = ref["country"] if ref is not None else None
        sector = "ELI" if past else None  # former office holders count as elites
        reason = f"{kind} name match; no role held on {on}"
        if ref is not None:
            reason += f"; country from {ref['title']} ({SOURCE_NAMES.get(ref['source'])})"
        score = (1 + person["prominence"]) * weight * (0.5 if kind == "surname" else 1)
        return score, PersonMatch(person["kb_id"], person["name"], country, sector, None,
                                  round(weight * 0.5, 3), reason, kind)

    # ---- entities, sectors --------------------------------------------------------
    def entity(self, text: str) -> Entity | None:
        return self._entity(text)

    def could_start_entity(self, word: str) -> bool:
        """Whether some country, metonym or organisation name begins with this word (a cheap
        test before trying every window of a phrase)."""
        return self._could_start(word)  # asked of every word of every actor phrase

    def _could_start_uncached(self, word: str) -> bool:
        if self._first_words is None:
            self._first_words = frozenset(k.split(" ", 1)[0] for k in self.index.entities if k)
        key = entity_key(word)
        return bool(key) and key.split(" ", 1)[0] in self._first_words

    def _entity_uncached(self, text: str) -> Entity | None:
        key = entity_key(text)
        if not key:
            return None
        row = self.index.entities.get(key)  # the columns of kb_index.ENTITY_COLUMNS
        if row is None or (row[6] and not text.replace(".", "").isupper()):
            return None  # "who" is not the WHO
        return Entity(*row[:6])

    def sector(self, word: str) -> str | None:
        return self._sector(word)

    def _sector_uncached(self, word: str) -> str | None:
        words = self.index.sector_words
        for form in phrase_forms(word):
            if form in words:
                return title_sector_from_code(words[form]) if " " in form else \
                    primary_sector(words[form])
        return None

    def title_sector(self, title_words: str) -> str | None:
        return self._title_sector(title_words)

    def _title_sector_uncached(self, title_words: str) -> str | None:
        for window in title_windows(title_words):
            for form in phrase_forms(window):
                if form in self.index.sector_words:
                    return title_sector_from_code(self.index.sector_words[form])
        return None

    def has_title(self, country: str, title: str, on: str | date | None = None) -> bool:
        """Someone held exactly this office ('president') in the country on the date (any
        date when ``on`` is None): Japan has prime ministers, not a president."""
        return self._has_title(country, title.lower(), iso_date(on))

    def _has_title_uncached(self, country: str, title: str, on: str | None) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM roles r JOIN titles t ON r.tid = t.tid WHERE r.country = ? "
            "AND lower(t.title) = ? AND (? IS NULL OR ((r.start IS NULL OR r.start <= ?) "
            "AND (r.end IS NULL OR r.end >= ?))) LIMIT 1", (country, title, on, on, on)).fetchone()
        return row is not None

    def info(self) -> dict:
        sources = [dict(r) for r in self.db.execute("SELECT * FROM sources ORDER BY name")]
        counts = {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("people", "roles", "titles", "person_keys", "entities", "countries",
                            "sector_words", "handles")}
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        return {"path": str(self.path), "meta": meta, "sources": sources, "counts": counts}


def _role(row: sqlite3.Row) -> Role:
    return Role(row["title"], row["country"], row["sector"], row["start"], row["end"],
                SOURCE_NAMES.get(row["source"], row["source"]), row["rank"])


def _trust(match: PersonMatch) -> int:
    """How trusted the source of the match's role is (curated > Wikidata > Factbook > Phoenix)."""
    return SOURCE_RANK.get(match.role.source, 0) if match.role is not None else 0


def _with(match: PersonMatch, **changes) -> PersonMatch:
    from dataclasses import replace
    return replace(match, **changes)


def shipped_kb_path() -> Path:
    return Path(str(resources.files("dyads") / "data" / "kb.sqlite"))


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The shipped KB, loaded once per process."""
    return KnowledgeBase.load()
