"""Build src/dyads/data/lexicon_cameo2.yaml, the generated event-lexicon layer, from the
PETRARCH CAMEO 2.0 verb dictionary (../shared/kb-sources/petrarch2/CAMEO.2.0.txt, Open
Event Data Alliance, MIT; see DATA_LICENSES.md).

The dictionary holds verb synonym blocks (a default code per block or per verb) and
patterns "- <before> * <after> [code]". A pattern becomes a lexicon entry when dyads'
dependency matcher can say the same thing: a verb with at most one particle, one object
head word (or a synonym set of single words), one prepositional phrase "(PREP NOUN)" and a
target "(PREP +)" or source "(PREP $)" preposition. Everything else is counted, with the
reason, and left out. Lemmas are written as spaCy lemmatises them, so they can match.

The hand lexicon (lexicon.yaml) stays on top: dyads.events.lexicon takes from this layer
only what the hand lexicon leaves open. Verbs and codes that cost precision on the
development sets are excluded below, each with its reason.

Usage:  python scripts/build_cameo_verbs.py [--shared DIR] [--out FILE] [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyads.events.codes import is_cameo_code

REPO = Path(__file__).resolve().parents[1]
SOURCE = Path("kb-sources") / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "lexicon_cameo2.yaml"
WORD = re.compile(r"^[a-z][a-z']*$")  # as dyads.events.lexicon.WORD

# Words that hang off a verb as a particle ("set OUT", "put FORWARD", "call OFF").
PARTICLES = frozenset("up down out off back away aside forward over along apart ahead "
                      "together around about through".split())
PREPOSITIONS = frozenset("to with against for from into on in at by of about over toward "
                         "towards under before after behind between among across through upon "
                         "onto within without near during amid beyond along around off out "
                         "as since until despite inside outside beside".split())
VERB_PREFIXES = {"re"}  # "RE_+ARREST": spaCy and the matcher join "re-arrest" to "rearrest"

# Pruned by coding the development sets with the layer on and off. Not converted at all:
# the verbs' default codes (PETRARCH codes a verb seen without any pattern by its block's
# code); on news they fired on generic verbs ("want", "think", "manage", "serve", "face":
# 61 of 65 such events on the news development sets were wrong). Only patterns are kept.
EXCLUDED_CODES: dict[str, str] = {}
# Verbs whose patterns coded false events on the development sets (real news and the
# one-sentence CAMEO/PLOVER examples), with what went wrong.
EXCLUDED_VERBS: dict[str, str] = {
    "cast": "'cast ballots' (voting) is no CAMEO 014 policy consideration",
    "pronounce": "'pronounced his support for free trade' backs a policy, not an actor (051)",
    "address": "'a letter addressed to X' is no visit (042)",
    "oversee": "'peacekeepers deployed to oversee a ceasefire' names a purpose, not an event (074)",
    "arrange": "'unless X arranges a ceasefire' fired as a de-escalation (0356) on conditions",
    "uphold": "'failing to uphold rights' is no threat (130)",
}


@dataclass(frozen=True)
class Verb:
    word: str                 # as written, lower case, hyphens joined
    particle: str | None      # "ask" of "+ASK_FOR" carries "for"


@dataclass(frozen=True)
class Shape:
    """What a pattern asks of the parse, in the lexicon's terms (words not yet lemmatised)."""
    particle: str | None = None
    nouns: tuple[str, ...] = ()
    target_prep: str | None = None
    source_prep: str | None = None


@dataclass
class Block:
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # text, code


class Skip(Exception):
    """A pattern or verb the matcher cannot express; the message is the counted reason."""


# ---------------------------------------------------------------- reading the file

def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _join(word: str) -> str:
    """'SIT-IN' -> 'sitin', as dyads writes hyphenated words ("ceasefire")."""
    return word.lower().replace("-", "")


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&LABEL followed by +ITEM lines; multi-word items ("PRIME_MINISTER") stay as phrases
    so that the pattern reader can tell them apart from single words."""
    sets: dict[str, list[str]] = {}
    label = None
    for raw in lines:
        line = _strip_comment(raw).strip()
        if line.startswith("&"):
            label = line.rstrip("_")
            sets[label] = []
        elif line.startswith("+") and label:
            item = line[1:].strip().rstrip("_").replace("_", " ")
            sets[label].append(" ".join(_join(w) for w in item.split()))
    return sets


def read_blocks(lines: list[str]) -> list[Block]:
    """'---  NAME [code]  ---' opens a block of verb lines and '- ... [code]' patterns; the
    verbs' own default codes are not needed (see EXCLUDED_CODES)."""
    blocks: list[Block] = []
    for raw in lines:
        line = _strip_comment(raw).strip()
        if not line or line.startswith("~"):
            continue
        if line.startswith("---"):
            blocks.append(Block())
        elif line.startswith("-") and blocks:
            body, _, rest = line[1:].partition("[")
            blocks[-1].patterns.append((body.strip(), rest.partition("]")[0].strip()))
        elif blocks:
            blocks[-1].verbs.append(_verb_line(line))
    return blocks


def _verb_line(line: str) -> Verb | Skip:
    """'HURRY {HURRIES ...} [code]', '+ASK_FOR {...}', 'RE_+ARREST'."""
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()[0]
    if "_" not in word:
        return Verb(_join(word), None)
    parts = [_join(p) for p in word.split("_")]
    if len(parts) == 2 and parts[0].startswith("+") and parts[1] in PARTICLES | PREPOSITIONS:
        return Verb(parts[0][1:], parts[1])
    if len(parts) == 2 and parts[0] in VERB_PREFIXES and parts[1].startswith("+"):
        return Verb(parts[0] + parts[1][1:], None)
    return Skip("multi-word verb other than verb + particle")


# ---------------------------------------------------------------- patterns -> shapes

TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def _nouns(item: str, sets: dict[str, list[str]]) -> tuple[str, ...]:
    """A noun head: a word, '{WORD}', or a synonym set's single-word members."""
    if item.startswith("{"):
        words = item.strip("{}").split()
        if len(words) != 1:
            raise Skip("multi-word noun phrase")
        item = words[0]
    if item.startswith("&"):
        if item.rstrip("_") not in sets:
            raise Skip("undefined synonym set")
        single = tuple(w for w in sets[item.rstrip("_")] if " " not in w)
        if not single:
            raise Skip("synonym set of multi-word phrases")
        return single
    if item in {"+", "$", "%", "^"} or not WORD.match(_join(item)):
        raise Skip("actor marker or symbol in a noun position")
    return (_join(item),)


def _phrase(inner: list[str], shape: dict, sets) -> None:
    """'(PREP)', '(PREP +)', '(PREP $)', '(PREP NOUN)'."""
    prep = inner[0].lower() if inner else ""
    if prep not in PREPOSITIONS:
        raise Skip("prepositional phrase without a known preposition")
    rest = inner[1:]
    if rest == ["+"]:
        _put(shape, "target_prep", prep)
    elif rest == ["$"]:
        _put(shape, "source_prep", prep)
    elif not rest:
        _put(shape, "particle", prep)
    elif len(rest) == 1:
        _put(shape, "phrase", (prep, _nouns(rest[0], sets)))
    else:
        raise Skip("prepositional phrase of several words")


def _put(shape: dict, key: str, value) -> None:
    if key in shape:
        raise Skip({"particle": "two particles", "phrase": "several prepositional phrases",
                    "nouns": "several object words (linear pattern)"}.get(key, "two " + key))
    shape[key] = value


def _word(tokens: list[str], i: int, shape: dict, sets) -> int:
    """A bare word after the verb: particle, 'PREP +' target, 'PREP NOUN' phrase or noun."""
    word, nxt = tokens[i].lower(), tokens[i + 1] if i + 1 < len(tokens) else None
    if word in {"$", "%", "^"}:
        raise Skip("source, compound or skip marker outside a prepositional phrase")
    if word == "+":
        return i + 1  # the direct object is the target anyway
    if word in PREPOSITIONS and nxt == "+":
        _put(shape, "target_prep", word)
        return i + 2
    if word in PARTICLES and "particle" not in shape and "nouns" not in shape:
        _put(shape, "particle", word)
        return i + 1
    if word in PREPOSITIONS and nxt is not None and not nxt.startswith("("):
        _put(shape, "phrase", (word, _nouns(nxt, sets)))
        return i + 2
    _put(shape, "nouns", _nouns(tokens[i], sets))
    return i + 1


def pattern_shape(body: str, sets: dict[str, list[str]]) -> Shape:
    before, star, after = body.partition("*")
    if not star:
        raise Skip("no verb position")
    if before.strip():
        raise Skip("words before the verb (subject constraint)")
    tokens, shape, i = TOKEN.findall(after), {}, 0
    while i < len(tokens):
        if tokens[i].startswith("("):
            _phrase(TOKEN.findall(tokens[i][1:-1]), shape, sets)
            i += 1
        else:
            i = _word(tokens, i, shape, sets)
    return _compose(shape)


def _compose(shape: dict) -> Shape:
    """A phrase becomes the particle whose object is constrained ("call FOR talks"); the
    matcher then reads the objects off the preposition, so a direct object cannot join."""
    particle, nouns = shape.get("particle"), shape.get("nouns", ())
    if "phrase" in shape:
        if nouns or particle:
            raise Skip("object or particle beside a prepositional phrase")
        particle, nouns = shape["phrase"]
    target, source = shape.get("target_prep"), shape.get("source_prep")
    if not (particle or nouns) and (target or source):
        particle = target or source  # "(TO +)": the preposition itself must be there
    if not (particle or nouns):
        raise Skip("no constraint (the verb's default)")
    return Shape(particle, nouns, target, source)


def pattern_code(raw: str) -> str:
    """'042:043' codes the source's deed first, the target's reply after the colon: the
    first part is the event; a pattern with only a reply ('[:173]') has none of its own."""
    code = raw.split(":", 1)[0].strip()
    if raw.strip() == "---" or code == "---":
        raise Skip("null code (no event)")
    if not code:
        raise Skip("reverse-role code only ([:X])")
    if not is_cameo_code(code):
        raise Skip("not a CAMEO code")
    return code


# ---------------------------------------------------------------- lemmas

def spacy_lemmas(nlp, words, pos: str) -> dict[str, str | None]:
    """word -> the lemma spaCy gives it in a plain sentence, if that lemma is stable (spaCy
    gives it back for itself, the condition the lexicon tests check); else None."""
    template, index = ("They will {} it .", 2) if pos == "verb" else ("They saw the {} .", 3)
    size = len(template.split())

    def lemma_of(items):
        items = sorted(set(items))
        docs = nlp.pipe([template.format(w) for w in items], disable=["ner", "parser"])
        return {w: d[index].lemma_.lower() if len(d) == size else None
                for w, d in zip(items, docs)}

    first = lemma_of(words)
    again = lemma_of(v for v in first.values() if v and WORD.match(v))
    return {w: v if v and again.get(v) == v else None for w, v in first.items()}


# ---------------------------------------------------------------- entries

@dataclass
class Table:
    """(lemma, particle, object lemma or None) -> (code, target_prep, source_prep); the
    first claim wins, so no object is claimed by two codes (file order decides)."""
    rows: dict[tuple, tuple] = field(default_factory=dict)

    def claim(self, key: tuple, value: tuple) -> str:
        held = self.rows.setdefault(key, value)
        if held is value:
            return "converted"
        return ("duplicate of an earlier pattern" if held[0] == value[0]
                else "conflicts with an earlier pattern's code")


def _verb_outcome(verb: Verb, lemma, shape: Shape, code: str, nouns, table: Table) -> str:
    if lemma is None:
        return "verb lemma unstable in spaCy"
    if verb.particle and shape.particle:
        return "two particles"
    if lemma in EXCLUDED_VERBS or code in EXCLUDED_CODES:
        return "excluded after measurement"
    if shape.nouns and not nouns:
        return "object words unstable in spaCy"
    particle = verb.particle or shape.particle
    outcomes = [table.claim((lemma, particle, n), (code, shape.target_prep, shape.source_prep))
                for n in (nouns or [None])]
    return "converted" if "converted" in outcomes else outcomes[0]


def _claim_patterns(shaped, vlem, nlem, table: Table, report: Counter) -> None:
    for block, shape, code in shaped:
        nouns = sorted({nlem[n] for n in shape.nouns if nlem.get(n)},
                       key=[nlem.get(n) for n in shape.nouns].index)
        outcomes = Counter(_verb_outcome(v, vlem.get(v.word), shape, code, nouns, table)
                           for v in block.verbs if not isinstance(v, Skip))
        if not outcomes:
            report["skipped: block has no usable verb"] += 1
        elif outcomes["converted"]:
            report["converted"] += 1
        else:
            report["skipped: " + min(outcomes, key=lambda r: (-outcomes[r], r))] += 1


def _shapes(blocks, sets, report: Counter) -> list[tuple[Block, Shape, str]]:
    shaped = []
    for block in blocks:
        for body, raw_code in block.patterns:
            report["patterns"] += 1
            try:
                shaped.append((block, pattern_shape(body, sets), pattern_code(raw_code)))
            except Skip as why:
                report[f"skipped: {why}"] += 1
    return shaped


def build_entries(shared: Path, nlp) -> tuple[dict[str, list[dict]], Counter]:
    lines = (shared / SOURCE).read_text(encoding="utf-8", errors="replace").splitlines()
    split = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    sets, blocks, report = read_synsets(lines[:split]), read_blocks(lines[split:]), Counter()
    shaped = _shapes(blocks, sets, report)
    vlem = spacy_lemmas(nlp, [v.word for b in blocks for v in b.verbs
                              if not isinstance(v, Skip)], "verb")
    nlem = spacy_lemmas(nlp, [n for _b, s, _c in shaped for n in s.nouns], "noun")
    report["verbs skipped: multi-word verb other than verb + particle"] = sum(
        isinstance(v, Skip) for b in blocks for v in b.verbs)
    table = Table()
    _claim_patterns(shaped, vlem, nlem, table, report)
    return _group(table), report


def _group(table: Table) -> dict[str, list[dict]]:
    """Rows -> items: one per (code, constraints), synonyms sharing constraints together."""
    objects: dict[tuple, list[str]] = {}
    for (lemma, particle, obj), (code, target, source) in table.rows.items():
        got = objects.setdefault((code, lemma, particle, target, source, obj is not None), [])
        if obj is not None:
            got.append(obj)
    items: dict[tuple, list[str]] = {}
    for (code, lemma, particle, target, source, _), objs in objects.items():
        items.setdefault((code, particle, tuple(objs), target, source), []).append(lemma)
    out: dict[str, list[dict]] = {}
    for (code, particle, objs, target, source), lemmas in items.items():
        item = {"verb": lemmas, "particle": particle, "objects": list(objs),
                "target_prep": target, "source_prep": source}
        out.setdefault(code, []).append({k: v for k, v in item.items() if v})
    return dict(sorted(out.items()))


# ---------------------------------------------------------------- writing

HEADER = """\
# GENERATED FILE - do not edit by hand. Rebuild with: python scripts/build_cameo_verbs.py
#
# A generated layer of the dyads event lexicon, converted mechanically from the PETRARCH
# CAMEO 2.0 verb dictionary (kb-sources/petrarch2/CAMEO.2.0.txt, github.com/openeventdata/
# petrarch2), Copyright (c) 2015 Open Event Data Alliance, used under the MIT licence
# (https://opensource.org/licenses/MIT; see DATA_LICENSES.md). Same format as
# lexicon.yaml's entries, patterns only (no verb defaults). dyads loads it under the hand
# lexicon, which wins: only lemmas the hand lexicon lacks are taken from here, and their
# ids get the prefix "gen:". To change what is here, change the script's exclusion lists.
#
# {summary}

version: 1

entries:
"""
YAML_WORDS = {"null", "true", "false", "~"}  # words YAML would not read back as strings


def _scalar(word: str) -> str:
    return f'"{word}"' if word in YAML_WORDS else word


def _flow(item: dict) -> str:
    """One entry as a YAML flow mapping; a single verb is written bare."""
    def value(v):
        if isinstance(v, str):
            return _scalar(v)
        return _scalar(v[0]) if len(v) == 1 and v is item["verb"] else \
            "[" + ", ".join(map(_scalar, v)) + "]"
    return "{" + ", ".join(f"{k}: {value(v)}" for k, v in item.items()) + "}"


def render(entries: dict[str, list[dict]], report: Counter) -> str:
    summary = (f"{report['converted']} of {report['patterns']} patterns converted; "
               f"{sum(len(v['verb']) for items in entries.values() for v in items)} entries.")
    lines = [HEADER.format(summary=summary)]
    for code, items in entries.items():
        lines.append(f'  "{code}":\n')
        lines.extend(f"    - {_flow(item)}\n" for item in items)
    return "".join(lines)


def build_text(shared: Path, nlp=None) -> tuple[str, Counter]:
    if nlp is None:
        from dyads.parse import load_nlp
        nlp = load_nlp()
    entries, report = build_entries(shared, nlp)
    return render(entries, report), report


def print_report(report: Counter, out=sys.stdout) -> None:
    print(f"patterns: {report['patterns']}, converted: {report['converted']}", file=out)
    for reason, n in sorted(report.items(), key=lambda kv: (-kv[1], kv[0])):
        if reason.startswith(("skipped", "verbs")):
            print(f"  {n:5d}  {reason}", file=out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true",
                        help="only compare with the shipped file; exit 1 if it differs")
    args = parser.parse_args(argv)
    text, report = build_text(args.shared)
    print_report(report)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} differs from the build", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
