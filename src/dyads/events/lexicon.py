"""The event lexicon: which verb or event noun, under which constraints, means which CAMEO code.

The lexicon is a human-edited YAML file (dyads/data/lexicon.yaml; its header explains the
format, lexicon.schema.json describes it). Under it lies a generated layer in the same
format (dyads/data/lexicon_cameo2.yaml, built by scripts/build_cameo_verbs.py from the
PETRARCH CAMEO 2.0 verb dictionary): the hand lexicon wins wherever both speak, and
generated ids start with "gen:". This module loads both into LexEntry records, checks every
entry (known code, known fields, well-formed lemmas, no duplicates) and indexes them by
lemma. It does no matching itself: the matcher asks ``entries_for(lemma, pos)`` and
tests each entry's constraints against the parse, preferring the most specific entry.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyads.events.codes import is_cameo_code

LEXICON_FILE = "lexicon.yaml"
GENERATED_FILE = "lexicon_cameo2.yaml"
GENERATED_PREFIX = "gen:"
# Set to 1 to code with the hand lexicon alone (to measure what the generated layer adds).
NO_GENERATED_ENV = "DYADS_NO_GENERATED_LEXICON"
POS_KEYS = ("verb", "noun")
WORD = re.compile(r"^[a-z][a-z']*$")  # one spaCy token, lower case: no spaces, no hyphens
LIST_FIELDS = ("objects", "xcomp", "xcomp_objects", "modifiers", "predicates")
WORD_FIELDS = ("particle", "target_prep", "source_prep")
OTHER_FIELDS = ("negated_code", "id", "note")
ALLOWED_FIELDS = frozenset(POS_KEYS + LIST_FIELDS + WORD_FIELDS + OTHER_FIELDS)
TOP_LEVEL_KEYS = frozenset({"version", "sets", "entries", "uncovered"})


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class LexEntry:
    code: str                 # CAMEO code
    lemma: str                # verb lemma ("impose") or event-noun lemma ("talk")
    pos: str                  # "verb" | "noun"
    particle: str | None      # required particle/preposition child ("back" in "pull back")
    objects: tuple[str, ...]  # verb: direct-object head lemma in this set; noun: "of"-object
    target_prep: str | None   # preposition whose object is the target; None: direct object
    xcomp: tuple[str, ...]    # verb must govern a to-infinitive with one of these lemmas
    source_prep: str | None   # nouns: preposition introducing the source ("by")
    negated_code: str | None  # code to use when the trigger is negated
    id: str                   # stable id for explanations, e.g. "041:phone/verb"
    specificity: int          # number of constraints; the matcher prefers the highest
    xcomp_objects: tuple[str, ...] = ()  # the infinitive's direct object in this set
    modifiers: tuple[str, ...] = ()      # a compound/amod child of the trigger in this set
    # the verb's object predicate ("called the visit a PROVOCATION") or a word on it is in
    # this set; ANY_PREDICATE admits every object predicate
    predicates: tuple[str, ...] = ()
    # set by the matcher, never in the file: the verb's subject is an event noun whose own
    # doer is the source ("a Hamas BOMBING killed ...")
    doer_in_subject: bool = False


ANY_PREDICATE = "any"


def specificity_of(particle, objects, xcomp, xcomp_objects, modifiers, predicates=()) -> int:
    """How many constraints an entry carries (target/source prepositions only locate actors);
    a listed predicate says more than "any predicate"."""
    listed = bool(predicates) and tuple(predicates) != (ANY_PREDICATE,)
    return sum(1 for c in (particle, objects, xcomp, xcomp_objects, modifiers, predicates, listed)
               if c)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[LexEntry, ...]]  # by lemma, most specific first, then file order
    nouns: dict[str, tuple[LexEntry, ...]]
    uncovered: dict[str, str]               # codes deliberately without entries -> reason

    def entries_for(self, lemma: str, pos: str) -> tuple[LexEntry, ...]:
        """Candidate entries for a trigger; pos is "verb" or "noun" (spaCy VERB/NOUN ok)."""
        table = self.verbs if pos.lower() == "verb" else self.nouns
        return table.get(lemma.lower(), ())

    @property
    def entries(self) -> tuple[LexEntry, ...]:
        return tuple(e for table in (self.verbs, self.nouns) for group in table.values()
                     for e in group)

    def by_id(self, entry_id: str) -> LexEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def codes(self) -> frozenset[str]:
        return frozenset(e.code for e in self.entries)


# ---------------------------------------------------------------- field checks

def _where(code: str, index: int, raw: Any) -> str:
    lemma = raw.get("verb") or raw.get("noun") if isinstance(raw, dict) else None
    return f"lexicon entry {code!r} #{index + 1} ({lemma})"


def _word(value: Any, where: str, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not WORD.match(value):
        raise LexiconError(f"{where}: field {field!r} must be one lower-case word "
                           f"(no spaces or hyphens), got {value!r}")
    return value


def _words(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise LexiconError(f"{where}: field {field!r} must be a word or a non-empty list of words")
    words = tuple(_word(v, where, field) for v in items)
    if len(set(words)) != len(words):
        raise LexiconError(f"{where}: field {field!r} lists a word twice: {list(words)}")
    return words


def _lemmas_and_pos(raw: dict, where: str) -> tuple[tuple[str, ...], str]:
    present = [k for k in POS_KEYS if k in raw]
    if len(present) != 1:
        raise LexiconError(f"{where}: give exactly one of 'verb' or 'noun' (the trigger lemma)")
    pos = present[0]
    return _words(raw[pos], where, pos), pos


def _check_fields(raw: Any, where: str) -> None:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: an entry must be a mapping like {{verb: impose, ...}}")
    unknown = sorted(set(raw) - ALLOWED_FIELDS)
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {unknown}; allowed: {sorted(ALLOWED_FIELDS)}")


def _check_code(code: Any, where: str, field: str = "code") -> str:
    if not is_cameo_code(code):
        raise LexiconError(f"{where}: field {field!r} = {code!r} is not a CAMEO code "
                           f"(quote it in YAML so leading zeros stay: \"041\")")
    return code


# ---------------------------------------------------------------- entries

def _entries_from_raw(code: str, index: int, raw: Any) -> list[LexEntry]:
    """One YAML item -> one LexEntry per lemma it lists (synonyms share constraints)."""
    where = _where(code, index, raw)
    _check_fields(raw, where)
    lemmas, pos = _lemmas_and_pos(raw, where)
    c = {f: _words(raw.get(f), where, f) for f in LIST_FIELDS}
    w = {f: _word(raw.get(f), where, f) for f in WORD_FIELDS}
    if pos == "noun" and (c["xcomp"] or c["xcomp_objects"] or w["particle"] or c["predicates"]):
        raise LexiconError(f"{where}: nouns take no 'particle', 'xcomp', 'xcomp_objects' "
                           f"or 'predicates'")
    if c["xcomp_objects"] and not c["xcomp"]:
        raise LexiconError(f"{where}: field 'xcomp_objects' needs 'xcomp' (the infinitive)")
    negated = raw.get("negated_code")
    if negated is not None:
        _check_code(negated, where, "negated_code")
    explicit_id = raw.get("id")
    if explicit_id is not None and (len(lemmas) != 1 or not isinstance(explicit_id, str)):
        raise LexiconError(f"{where}: field 'id' must be a string, on a single-lemma entry")
    spec = specificity_of(w["particle"], c["objects"], c["xcomp"], c["xcomp_objects"],
                          c["modifiers"], c["predicates"])
    return [LexEntry(code=code, lemma=lemma, pos=pos, particle=w["particle"],
                     objects=c["objects"], target_prep=w["target_prep"], xcomp=c["xcomp"],
                     source_prep=w["source_prep"], negated_code=negated,
                     id=explicit_id or _base_id(code, lemma, pos, w["particle"]),
                     specificity=spec, xcomp_objects=c["xcomp_objects"],
                     modifiers=c["modifiers"], predicates=c["predicates"])
            for lemma in lemmas]


def _base_id(code: str, lemma: str, pos: str, particle: str | None) -> str:
    word = f"{lemma}_{particle}" if particle else lemma
    return f"{code}:{word}/{pos}"


def _signature(e: LexEntry) -> tuple:
    """What makes two entries fire on exactly the same text."""
    return (e.lemma, e.pos, e.particle, frozenset(e.objects), frozenset(e.xcomp),
            frozenset(e.xcomp_objects), frozenset(e.modifiers), frozenset(e.predicates))


def _unique_ids(entries: list[LexEntry]) -> list[LexEntry]:
    """Entries sharing a base id get '~2', '~3' ... in file order (stable while order is)."""
    seen: dict[str, int] = {}
    out = []
    for e in entries:
        n = seen[e.id] = seen.get(e.id, 0) + 1
        out.append(e if n == 1 else LexEntry(**{**e.__dict__, "id": f"{e.id}~{n}"}))
    return out


def _reject_duplicates(entries: list[LexEntry]) -> None:
    first: dict[tuple, LexEntry] = {}
    for e in entries:
        other = first.setdefault(_signature(e), e)
        if other is not e:
            what = "duplicates" if other.code == e.code else f"conflicts with {other.code} entry"
            raise LexiconError(f"lexicon entry {e.id}: {what} {other.id} (same lemma and "
                               f"constraints); merge them or add a constraint")
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise LexiconError(f"lexicon ids must be unique; repeated: {dup}")


def _index(entries: list[LexEntry], pos: str) -> dict[str, tuple[LexEntry, ...]]:
    groups: dict[str, list[LexEntry]] = {}
    for e in entries:
        if e.pos == pos:
            groups.setdefault(e.lemma, []).append(e)
    # sorted() is stable, so equally specific entries keep their file order
    return {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in groups.items()}


# ---------------------------------------------------------------- document

class _LexiconYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader where on/off/yes/no stay words: "on" is a particle here, not True."""


_LexiconYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _LexiconYamlLoader.__mro__[1].yaml_implicit_resolvers.items()
}
_LexiconYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def parse_yaml(text: str) -> Any:
    """YAML as the lexicon reads it (YAML 1.2 booleans: only true/false)."""
    return yaml.load(text, Loader=_LexiconYamlLoader)  # noqa: S506 - SafeLoader subclass


def _read_document(path: Path | None, shipped: str = LEXICON_FILE) -> dict:
    if path is None:
        text = resources.files("dyads.data").joinpath(shipped).read_text(encoding="utf-8")
        name = f"dyads/data/{shipped}"
    else:
        text, name = Path(path).read_text(encoding="utf-8"), str(path)
    try:
        doc = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{name} is not valid YAML: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), dict):
        raise LexiconError(f"{name}: expected a mapping with 'entries: {{code: [entry, ...]}}'")
    unknown = sorted(set(doc) - TOP_LEVEL_KEYS)
    if unknown:
        raise LexiconError(f"{name}: unknown top-level key(s) {unknown}; allowed: "
                           f"{sorted(TOP_LEVEL_KEYS)}")
    return doc


def _read_uncovered(doc: dict) -> dict[str, str]:
    raw = doc.get("uncovered") or {}
    if not isinstance(raw, dict):
        raise LexiconError("lexicon 'uncovered' must map code -> reason")
    for code, reason in raw.items():
        _check_code(code, f"lexicon 'uncovered' item {code!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise LexiconError(f"lexicon 'uncovered' item {code!r}: give a reason")
    return dict(raw)


def _checked_entries(doc: dict) -> list[LexEntry]:
    entries: list[LexEntry] = []
    for code, items in doc["entries"].items():
        _check_code(code, f"lexicon entries key {code!r}")
        if not isinstance(items, list) or not items:
            raise LexiconError(f"lexicon entries {code!r}: expected a non-empty list of entries")
        for index, raw in enumerate(items):
            entries.extend(_entries_from_raw(code, index, raw))
    entries = _unique_ids(entries)
    _reject_duplicates(entries)
    return entries


def parse_lexicon(doc: dict, layer: dict | None = None) -> Lexicon:
    """Check a loaded YAML document (and a generated layer under it) and build the Lexicon."""
    entries = _checked_entries(doc)
    uncovered = _read_uncovered(doc)
    both = sorted(set(uncovered) & {e.code for e in entries})
    if both:
        raise LexiconError(f"lexicon codes listed as 'uncovered' but having entries: {both}")
    if layer is not None:
        # ids are numbered within the layer alone, so hand edits never renumber them
        generated = [replace(e, id=GENERATED_PREFIX + e.id) for e in _checked_entries(layer)]
        # no recheck needed: under_hand keeps no entry whose signature a hand entry has
        entries = entries + under_hand(entries, generated, uncovered)
    return Lexicon(verbs=_index(entries, "verb"), nouns=_index(entries, "noun"),
                   uncovered=uncovered)


# ---------------------------------------------------------------- generated layer

def _constraint_key(e: LexEntry) -> tuple:
    """Entries with equal keys compete for the same text (objects aside)."""
    return (e.lemma, e.pos, e.particle, frozenset(e.xcomp), frozenset(e.xcomp_objects),
            frozenset(e.modifiers), frozenset(e.predicates), bool(e.objects))


def under_hand(hand: list[LexEntry], generated: list[LexEntry], uncovered: dict[str, str],
               new_lemmas_only: bool = True) -> list[LexEntry]:
    """The generated entries the hand lexicon leaves room for.

    new_lemmas_only (the default): the layer only brings lemmas the hand lexicon lacks.
    On lemmas it knows, generated patterns out-specify the hand's entries and recoded
    events it had right ("issued a statement", "called for sanctions", "killed in a
    gunbattle"): on the development sets they added false events and no right one.
    Otherwise a generated entry is dropped when a hand entry has its constraints (objects
    aside) and it names no object of its own (its objects are trimmed to those no hand
    entry claims), and a generated default (no constraint) for any lemma the hand lexicon
    knows, since the hand chose that lemma's default, or chose none ("hold", "take").
    Codes the hand lexicon leaves uncovered on purpose stay uncovered."""
    known = {(e.lemma, e.pos) for e in hand}
    claimed: dict[tuple, set[str]] = {}
    for e in hand:
        claimed.setdefault(_constraint_key(e), set()).update(e.objects)
    kept = []
    for e in generated:
        if e.code in uncovered or ((e.lemma, e.pos) in known and (
                new_lemmas_only or e.specificity == 0)):
            continue
        key = _constraint_key(e)
        if key not in claimed:
            kept.append(e)
        elif e.objects:
            rest = tuple(o for o in e.objects if o not in claimed[key])
            if rest:
                kept.append(replace(e, objects=rest))
    return kept


def _generated_layer(path, generated) -> dict | None:
    """The layer to load: by default the shipped one under the shipped lexicon only (a
    custom lexicon file stands alone unless a layer is asked for)."""
    if generated is None:
        generated = path is None and os.environ.get(NO_GENERATED_ENV, "") in {"", "0"}
    if generated is False:
        return None
    if generated is True:
        return _read_document(None, GENERATED_FILE)
    return _read_document(Path(generated))


def load_lexicon(path: str | Path | None = None, *,
                 generated: bool | str | Path | None = None) -> Lexicon:
    """Load and check a lexicon file; None means the one shipped with dyads. ``generated``:
    True/False to load the shipped generated layer under it or not, or a layer file's path;
    None: the shipped layer under the shipped lexicon, none under a custom file."""
    doc = _read_document(Path(path) if path is not None else None)
    return parse_lexicon(doc, _generated_layer(path, generated))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon with its generated layer, loaded once per process (from the
    user's cache of it when its YAML files are unchanged: dyads.events.lexicon_cache)."""
    from dyads import __version__
    from dyads.events import lexicon_cache

    generated = os.environ.get(NO_GENERATED_ENV, "") in {"", "0"}
    files = (LEXICON_FILE, GENERATED_FILE) if generated else (LEXICON_FILE,)
    data = resources.files("dyads.data")
    parts = [__version__.encode(), Path(__file__).read_bytes(),
             *(data.joinpath(name).read_bytes() for name in files)]
    return lexicon_cache.cached("lexicon", parts, load_lexicon, lexicon_cache.cache_folder())
