"""Places: an offline gazetteer and the event-location finder.

The gazetteer (``data/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py`` from
GeoNames and mledoze/countries) holds countries, US states, a few conflict regions and
34k cities of 15,000+ people with their Latin alternate names (Kyiv/Kiev).
``find_location`` reads an event's location off the dependency parse of its sentence.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from spacy.tokens import Span

from dyads.docview import doc_memo, sentence_bounds, view_of
from dyads.packed_lines import PackedLines, SortedKeyedLines
from dyads.records import Location

KIND_PRECISION = {"country": "country", "region": "region", "city": "city"}
BIG_CITY = 1_000_000  # a city this big outranks a same-named region ("New York")
ALIAS_DISCOUNT = 10  # an alternate name counts as a tenth of the population
HINT_BOOST = 8  # a city in a hinted country counts as eight times its population
DIRECTION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "upper", "lower", "greater", "the",
}
GENERIC_HEADS = {
    "province", "region", "city", "town", "village", "district", "peninsula", "governorate",
    "state", "county", "area", "valley", "enclave", "port", "capital", "oblast",
}


class GazetteerMissingError(FileNotFoundError):
    """The shipped gazetteer file is absent."""


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    geonames_id: int | None
    population: int
    precision: str  # city | region | country


@dataclass(frozen=True)
class _Entry:
    place: Place
    kind: str
    admin1: str
    capital: bool

    @property
    def tier(self) -> int:
        """Lower wins when no country context decides: country, big city, region, city."""
        if self.kind == "country":
            return 0
        if self.kind == "city" and (self.capital or self.place.population >= BIG_CITY):
            return 1
        return 2 if self.kind == "region" else 3


def normalize(name: str) -> str:
    """Case-, diacritics- and punctuation-blind key: 'Kyïv' -> 'kyiv', 'U.S.' -> 'us'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[.'\u2018\u2019\u02bb\u02bc`]", "", text.lower())
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _hint_set(country_hint: str | Iterable[str] | None) -> frozenset[str]:
    if not country_hint:
        return frozenset()
    if isinstance(country_hint, str):
        return frozenset({country_hint.upper()})
    return frozenset(c.upper() for c in country_hint if c)


def _parse_row(fields: list[str]) -> _Entry:
    kind, gid, name, iso3, admin1, pop, lat, lon, capital = fields[:9]
    place = Place(name=name, country=iso3 or None, lat=float(lat), lon=float(lon),
                  geonames_id=int(gid) if gid else None, population=int(pop or 0),
                  precision=KIND_PRECISION[kind])
    return _Entry(place, kind, admin1, capital == "1")


class Gazetteer:
    """Name -> place index; ``lookup`` picks one place using country context."""

    def __init__(self, rows: PackedLines, postings: SortedKeyedLines):
        self._rows = rows  # raw place rows, parsed into entries on first use
        self._entries: dict[int, _Entry] = {}
        self._postings = postings  # normalized name -> "12,345a" (a: alternate name)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        path = Path(path) if path else _default_path()
        if not path.exists():
            raise GazetteerMissingError(
                f"gazetteer not found at {path}; run scripts/build_gazetteer.py to build it")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            places, _, keys = fh.read().partition("\n#keys\n")
        rows = PackedLines(places.partition("\n")[2])  # after the header line
        return cls(rows, SortedKeyedLines(keys.rstrip("\n")))

    def _entry(self, number: int) -> _Entry:
        entry = self._entries.get(number)
        if entry is None:
            entry = self._entries[number] = _parse_row(self._rows[number].split("\t"))
        return entry

    def lookup(self, name: str, country_hint: str | Iterable[str] | None = None) -> Place | None:
        """The place most likely meant by ``name``; ``country_hint`` is ISO3 context."""
        hint = _hint_set(country_hint)
        if "," in name:
            qualified = self._lookup_qualified(name, hint)
            if qualified:
                return qualified
        for key in _name_variants(name):
            found = self._best(self._candidates(key), hint)
            if found:
                return found.place
        return None

    def _candidates(self, key: str) -> list[tuple[_Entry, bool]]:
        postings = self._postings.get(key)
        if not postings:
            return []
        return [(self._entry(int(p.rstrip("a"))), not p.endswith("a"))
                for p in postings.split(",")]

    def _lookup_qualified(self, name: str, hint: frozenset[str]) -> Place | None:
        """'Paris, Texas' / 'Bam, Iran': the qualifier restricts the place's country/state."""
        head, qualifier = (part.strip() for part in name.rsplit(",", 1))
        scope = self._best(self._candidates(normalize(qualifier)), hint)
        if not scope or scope.kind == "city":
            return None
        for key in _name_variants(head):
            inside = [(e, p) for e, p in self._candidates(key) if _within(e, scope)]
            found = self._best(inside, frozenset({scope.place.country or ""}))
            if found:
                return found.place
        return None

    @staticmethod
    def _best(candidates: list[tuple[_Entry, bool]], hint: frozenset[str]) -> _Entry | None:
        if not candidates:
            return None
        if hint:
            chosen = _best_with_hint(candidates, hint)
            if chosen:
                return chosen
        return min(candidates, key=_rank)[0]

    def __len__(self) -> int:
        return len(self._rows)


def _weight(candidate: tuple[_Entry, bool]) -> float:
    entry, primary = candidate
    return entry.place.population / (1 if primary else ALIAS_DISCOUNT)


def _rank(candidate: tuple[_Entry, bool]) -> tuple[int, float]:
    return candidate[0].tier, -_weight(candidate)


def _best_with_hint(candidates: list[tuple[_Entry, bool]], hint: frozenset[str]) -> _Entry | None:
    """Country context decides among countries/regions ('Georgia' + USA -> the state), but
    a hinted town never beats a country ('Lebanon' stays LBN) or a city more than
    HINT_BOOST times bigger ('Paris' stays FRA); None falls back to the plain ranking."""
    hinted = [c for c in candidates if c[0].place.country in hint]
    if not hinted:
        return None
    major = [c for c in hinted if c[0].tier <= 2]
    if major:
        return min(major, key=_rank)[0]
    if any(c[0].tier == 0 for c in candidates):
        return None
    local = max(hinted, key=_weight)
    rivals = [c for c in candidates if c[0].place.country not in hint and c[0].tier != 2]
    if rivals and max(_weight(c) for c in rivals) > HINT_BOOST * _weight(local):
        return None
    return local[0]


def _within(entry: _Entry, scope: _Entry) -> bool:
    if entry.place.country != scope.place.country or entry is scope:
        return False
    return scope.kind == "country" or (entry.kind == "city" and entry.admin1 == scope.admin1)


def _name_variants(name: str) -> list[str]:
    """The name, then without direction words ('south Lebanon') and generic heads
    ('Jaffna peninsula', 'province of Herat', 'town of Rafah')."""
    words = normalize(name).split()
    variants = [" ".join(words)]
    while words and words[0] in DIRECTION_WORDS:
        words = words[1:]
    if len(words) > 2 and words[0] in GENERIC_HEADS and words[1] == "of":
        words = words[2:]
    if len(words) > 1 and words[-1] in GENERIC_HEADS:
        words = words[:-1]
    variants.append(" ".join(words))
    return [v for i, v in enumerate(variants) if v and v not in variants[:i]]


def _default_path() -> Path:
    return Path(str(resources.files("dyads") / "data" / "gazetteer.tsv.gz"))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process on first use."""
    return Gazetteer.load()


# --- finding an event's location in a parsed sentence -------------------------------------

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISTAGGED_LABELS = {"PERSON", "ORG", "NORP"}  # the small model's labels for unfamiliar towns
# Cost of the preposition that introduces a mention: lower is a surer event location.
PREP_COST = {
    "in": 0, "at": 0, "near": 0, "outside": 0, "inside": 0, "around": 0, "throughout": 0,
    "across": 0, "within": 0, "on": 1, "into": 1, "onto": 1, "to": 1, "toward": 1,
    "towards": 1, "over": 1, "from": 2, "of": 2, "off": 2,
}
NOT_PLACE_PREPS = {"by", "with", "against", "for", "between", "among", "about", "than", "like"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
LINK_DEPS = {"appos", "conj", "flat"}  # the mention shares its head's role
MODIFIER_DEPS = {"compound", "poss", "nmod", "amod"}  # the mention qualifies its head
TOPIC_WORDS = {"about", "including", "regarding", "concerning", "pertaining"}
MAX_COST = 4.0  # beyond this (about eight tree edges away) a place is not the event's
NO_PREP_COST = 2  # a bare mention (object, apposition) is a weaker location clue
MODIFIER_COST = 3  # a place naming a thing, not where it is ("a Baghdad hospital")
PLACE_NOUNS = GENERIC_HEADS | {"outskirts", "suburb", "suburbs", "border", "heart",
                               "centre", "center", "street", "streets", "camp", "square",
                               "airport", "harbour", "harbor", "outskirt", "sector", "zone"}


def find_location(sent, trigger, exclude: set[int], gazetteer: Gazetteer,
                  country_hint: str | Iterable[str] | None = ()) -> Location | None:
    """The location of the event carried by ``trigger`` in sentence ``sent`` (spaCy Span
    and Token), or None. Token indices in ``exclude`` are actors, never places."""
    best: tuple[tuple[float, int], Location] | None = None
    for span, text_span, place in _resolved_mentions(sent, gazetteer, country_hint):
        if any(t.i in exclude for t in text_span) or _is_actor(span.root):
            continue
        cost = _mention_cost(span.root, trigger)
        if cost is None:
            continue
        key = (cost, abs(span.start - trigger.i))
        if best is None or key < best[0]:
            best = (key, _to_location(place, text_span))
    return best[1] if best else None


def _to_location(place: Place, span) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonames_id=place.geonames_id, precision=place.precision,
                    text=span.text, start=span.start_char, end=span.end_char)


def _resolved_mentions(sent, gazetteer: Gazetteer, country_hint):
    """(mention, text span, place) for every mention the gazetteer knows. 'Paris, Texas'
    and 'Bam, Iran' are one mention when the pair resolves; else ('Russia, Ukraine and
    Belarus') each name stands alone."""
    spans = sorted(_candidate_spans(sent), key=lambda s: s.start)
    consumed = set()
    for i, span in enumerate(spans):
        if span.start in consumed:
            continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt and nxt.start == span.end + 1 and span.doc[span.end].text == ",":
            pair = span.doc[span.start:nxt.end]
            place = gazetteer.lookup(pair.text, country_hint)
            if place is not None:
                consumed.add(nxt.start)
                yield span, pair, place
                continue
        place = gazetteer.lookup(span.text, country_hint)
        if place is not None:
            yield span, span, place


def _candidate_spans(sent) -> list:
    """Place entities, plus proper nouns after a preposition that the small model left
    untagged or mistagged ('near the town of Samarra' as NORP), and names on a generic
    place noun ('the Jaffna peninsula'). Found once per sentence: each event asks."""
    memo, key = doc_memo(sent.doc, CANDIDATES_KEY), (sent.start, sent.end)
    if key not in memo:
        memo[key] = [(s.start, s.end, s.label) for s in _find_candidate_spans(sent)]
    return [Span(sent.doc, start, end, label=label) for start, end, label in memo[key]]


# Doc.user_data slot: sentence bounds -> (start, end, label) of its candidates; no Spans,
# which would tie the Doc into a reference cycle through its own user_data
CANDIDATES_KEY = "dyads_place_candidates"


def _find_candidate_spans(sent) -> list:
    doc, deps = sent.doc, view_of(sent.doc).dep
    ents = sentence_entities(sent)
    spans = [e for e in ents if e.label_ in PLACE_LABELS]
    seen = {i for e in spans for i in range(e.start, e.end)}
    entity_of = {i: e for e in ents for i in range(e.start, e.end)}
    for i in range(sent.start, sent.end):
        if i in seen or deps[i] != "pobj":
            continue
        extra = _extra_span(doc[i], entity_of.get(i))
        if extra is not None:
            spans.append(extra)
            seen.update(range(extra.start, extra.end))
    return spans


def sentence_entities(sent) -> list:
    """The entities inside ``sent`` (what ``sent.ents`` gives), from the Doc's view:
    ``Span.ents`` rebuilds every entity of the whole doc on each call."""
    return [Span(sent.doc, start, end, label=label)
            for start, end, label in view_of(sent.doc).entities_within(sent.start, sent.end)]


def _extra_span(token, ent):
    """A mention the entity tagger missed, headed by the preposition object ``token``."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in GENERIC_HEADS:
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return token.doc[names[0].i:token.i + 1] if names else None
    if token.pos_ != "PROPN":
        return None
    _, prep = _governor(token)
    if ent is None and prep in PREP_COST:
        return _proper_noun_span(token)
    if ent is not None and ent.label_ in MISTAGGED_LABELS and PREP_COST.get(prep) == 0:
        return ent
    return None


def _proper_noun_span(token):
    start, first = token.i, sentence_bounds(token.doc, token.i)[0]
    while start > first and token.doc[start - 1].dep_ in ("compound", "flat") \
            and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start:token.i + 1]


def _governor(token):
    """(the token carrying the mention's role, its preposition or None), climbing links that
    keep the role: 'the capital Kabul', 'the town of Gorazde', 'outside of Basra',
    "Kyiv's main square", 'Kabul airport'."""
    while token.head is not token:
        head = token.head
        if token.dep_ in LINK_DEPS and head.pos_ in ("PROPN", "NOUN"):
            token = head
        elif token.dep_ in MODIFIER_DEPS and head.lemma_.lower() in PLACE_NOUNS:
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PREP_COST:
            return token, head.head.lower_
        elif (token.dep_ == "pobj" and head.lower_ == "of"
              and head.head.lemma_.lower() in PLACE_NOUNS):
            token = head.head
        else:
            break
    return token, (token.head.lower_ if token.dep_ == "pobj" else None)


def _is_actor(root) -> bool:
    """Subjects ('Moscow said', 'Washington imposed', 'the Kabul government said') and
    agents are actors, not places; so are the objects of 'by', 'with', 'against' ..."""
    gov, prep_word = _governor(root)
    if gov.dep_ in ACTOR_DEPS or root.dep_ in ACTOR_DEPS or prep_word in NOT_PLACE_PREPS:
        return True
    return gov.dep_ in MODIFIER_DEPS and gov.head.dep_ in ACTOR_DEPS


def _mention_cost(root, trigger) -> float | None:
    """Preposition cost plus half the tree distance to the trigger; None: not the event's
    place (an owner, a topic, the content of a report, or too far away in the tree)."""
    gov, prep_word = _governor(root)
    if gov.dep_ == "poss" or _is_topic_or_report(gov, trigger):
        return None  # "sanctions on Tehran's oil exports", "spoke about Ukraine"
    if prep_word is not None:
        base = PREP_COST.get(prep_word, NO_PREP_COST)
    elif gov.dep_ in MODIFIER_DEPS:
        base = MODIFIER_COST
    else:
        base = NO_PREP_COST
    cost = base + _tree_distance(gov, trigger) / 2
    return cost if cost <= MAX_COST else None


def _is_topic_or_report(gov, trigger) -> bool:
    """The mention hangs below a topic word ('talks about Ukraine', 'priorities including
    the situation in Ukraine') or inside what the trigger reports ('said that ... in Kyiv')."""
    below_trigger = []
    for token in [gov] + list(gov.ancestors):
        if token.i == trigger.i:
            return any(t.dep_ == "ccomp" and t.head.i == trigger.i for t in below_trigger)
        if token is not gov and token.lower_ in TOPIC_WORDS:
            return True
        below_trigger.append(token)
    return bool(TOPIC_WORDS & {gov.head.lower_})


def _tree_distance(a, b) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = [a] + list(a.ancestors)
    depth_b = {t.i: d for d, t in enumerate([b] + list(b.ancestors))}
    for d, t in enumerate(up_a):
        if t.i in depth_b:
            return d + depth_b[t.i]
    return len(up_a) + len(depth_b)
