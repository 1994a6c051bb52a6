"""``dyads eval``: code gold files' texts and score them.

Matching follows the project's scoring rules: an output event matches a gold event when
its CAMEO root is the gold root (or an allowed alternative; or the PLOVER type agrees) and
its source and target countries agree with the gold actors (a null/unknown gold actor
matches anything; bodies without a country compare by code prefix); consults, cooperation
and fighting may be swapped. Each output event matches at most one gold event.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from .ingest import make_article, parse_seed_layout
from .records import Article

SWAPPABLE = {"03", "04", "05", "06", "19"}


def load_gold(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("{") and "\n{" not in text.strip():
        return [json.loads(text)]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def gold_article(record: dict, gold_path: Path) -> Article:
    """The article a gold record describes: inline text, or its file beside the gold."""
    doc_id = str(record.get("id"))
    if record.get("text") is not None:
        return make_article(doc_id, record["text"], record.get("date") or record.get("published"))
    name = record.get("file") or f"{doc_id}.txt"
    for folder in (gold_path.parent, gold_path.parent / "articles"):
        if (folder / name).is_file():
            return parse_seed_layout((folder / name).read_text(encoding="utf-8"), doc_id,
                                     record.get("published"))
    return make_article(doc_id, None, extra_errors=[f"gold text {name} not found"])


def code_gold(records, gold_path: Path, workers: int = 1) -> dict[str, dict]:
    from .engines import run

    articles = [gold_article(r, gold_path) for r in records]
    return {c.doc_id: c.to_dict() for c in run(articles, workers=workers)}


# Country codes of older CAMEO actor lists that differ from ISO 3166 alpha-3, which dyads
# emits (as OUTPUT.md asks): compared as the same country.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}


def _country(code) -> str | None:
    if not code or not isinstance(code, str) or code.startswith("---"):
        return None
    code = code[:3].upper()
    return LEGACY_COUNTRY_CODES.get(code, code)


def _gold_actor(actor) -> str | None:
    if actor is None:
        return None
    if isinstance(actor, str):
        return _country(actor)
    return (actor.get("country") or "").upper() or _country(actor.get("code"))


def _out_actor(actor) -> str | None:
    if not actor:
        return None
    return (actor.get("country") or "").upper() or _country(actor.get("code") or actor.get("sector"))


def gold_events(record: dict) -> list[dict]:
    out = []
    for e in record.get("events") or []:
        if "source_actor" in e or "target_actor" in e:
            src, tgt = _country(e.get("source_actor")), _country(e.get("target_actor"))
            srcsec, tgtsec = _sector(e.get("source_actor")), _sector(e.get("target_actor"))
        else:
            src, tgt = _gold_actor(e.get("source")), _gold_actor(e.get("target"))
            srcsec = (e.get("source") or {}).get("sector")
            tgtsec = (e.get("target") or {}).get("sector")
        codes = [e.get("cameo")] + list(e.get("alt_cameo") or [])
        out.append({"roots": {str(c)[:2] for c in codes if c}, "plover": e.get("plover"),
                    "src": src, "tgt": tgt, "src_sector": srcsec, "tgt_sector": tgtsec,
                    "date": e.get("event_date", e.get("date_gold")),
                    "cameo": e.get("cameo")})
    return out


def _sector(code) -> str | None:
    return code[3:6] if isinstance(code, str) and len(code) >= 6 else None


def _root(out: dict) -> str:
    return str(out.get("cameo_root") or str(out.get("cameo") or "")[:2])


def type_agrees(gold: dict, out: dict) -> bool:
    if gold["roots"]:
        return _root(out) in gold["roots"] or bool(gold["plover"] and out.get("plover") == gold["plover"])
    if gold["plover"]:
        return out.get("plover") in set(gold["plover"].split("|"))
    return True


def actors_agree(gold: dict, out: dict) -> bool:
    def ok(key, actor):
        return key is None or key == _out_actor(actor)

    src, tgt = out.get("source"), out.get("target")
    if ok(gold["src"], src) and ok(gold["tgt"], tgt):
        return True
    return _root(out) in SWAPPABLE and ok(gold["src"], tgt) and ok(gold["tgt"], src)


def assign(golds, outs, with_actors: bool) -> list[tuple[int, int]]:
    """Pair each gold event with an unused output that agrees; among several, the one
    dated as the gold event (two attacks on two days are two events, not interchangeable)."""
    used, pairs = set(), []
    for gi, g in enumerate(golds):
        fits = [oi for oi, o in enumerate(outs) if oi not in used and type_agrees(g, o)
                and (not with_actors or actors_agree(g, o))]
        if fits:
            oi = next((oi for oi in fits if g["date"] and _same_date(outs[oi].get("date"), g["date"])),
                      fits[0])
            used.add(oi)
            pairs.append((gi, oi))
    return pairs


def score_records(records: list[dict], docs: dict[str, dict]) -> tuple[Counter, list, Counter]:
    """Counts for events, the misses, and a (gold root, predicted root) confusion table."""
    c, misses, confusion = Counter(), [], Counter()
    for rec in records:
        golds = gold_events(rec)
        outs = (docs.get(str(rec.get("id"))) or {}).get("events") or []
        c["gold"] += len(golds)
        c["predicted"] += len(outs)
        if rec.get("no_event"):
            c["no_event_docs"] += 1
            c["no_event_false_alarms"] += bool(outs)
        typed = assign(golds, outs, with_actors=False)
        full = assign(golds, outs, with_actors=True)
        c["type_hits"] += len(typed)
        c["dyad_hits"] += len(full)
        _actor_accuracy(c, golds, outs, typed)
        for gi, oi in full:
            if golds[gi]["date"]:
                c["dated_hits"] += 1
                c["date_right"] += _same_date(outs[oi].get("date"), golds[gi]["date"])
        _confusion(confusion, golds, outs)
        hit = {gi for gi, _ in full}
        misses += [{"doc": rec.get("id"), "roots": sorted(g["roots"]), "src": g["src"],
                    "tgt": g["tgt"]} for gi, g in enumerate(golds) if gi not in hit]
    return c, misses, confusion


def _same_date(out: str | None, gold: str) -> bool:
    """At the gold's precision: a gold '2023-06' (month) is met by any day of June."""
    return out is not None and out[:len(gold)] == gold


def _actor_accuracy(c: Counter, golds, outs, typed) -> None:
    """Of gold events found with the right root: do countries and sectors agree?"""
    for gi, oi in typed:
        g, o = golds[gi], outs[oi]
        if g["src"] is None and g["tgt"] is None:
            continue
        c["actor_judged"] += 1
        c["actor_country_right"] += actors_agree(g, o)
        pairs = [(g["src_sector"], o.get("source")), (g["tgt_sector"], o.get("target"))]
        judged = [(s, a) for s, a in pairs if s]
        if judged:
            c["sector_judged"] += 1
            c["sector_right"] += all(a and a.get("sector") == s for s, a in judged)


def _confusion(table: Counter, golds, outs) -> None:
    for g in golds:
        gold_root = min(g["roots"]) if g["roots"] else (g["plover"] or "?")
        got = next((_root(o) for o in outs if actors_agree(g, o)), None)
        table[(gold_root, got or "none")] += 1


def ratio(a, b):
    return round(a / b, 3) if b else None


def summarise(c: Counter) -> dict:
    recall, precision = ratio(c["dyad_hits"], c["gold"]), ratio(c["dyad_hits"], c["predicted"])
    f1 = round(2 * recall * precision / (recall + precision), 3) if recall and precision else 0.0
    return {"gold_events": c["gold"], "predicted_events": c["predicted"],
            "type_recall": ratio(c["type_hits"], c["gold"]), "dyad_recall": recall,
            "dyad_precision": precision, "dyad_f1": f1,
            "date_accuracy": ratio(c["date_right"], c["dated_hits"]),
            "actor_country_accuracy": ratio(c["actor_country_right"], c["actor_judged"]),
            "actor_sector_accuracy": ratio(c["sector_right"], c["sector_judged"]),
            "no_event_false_alarm_rate": ratio(c["no_event_false_alarms"], c["no_event_docs"])}


_NAME = re.compile(r"[^\w]+")
_STOP = {"the", "a", "an", "of", "and", "said", "says", "mr", "mrs", "ms", "dr", "tweet"}
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "his", "her", "their"}


def _name_words(text: str | None) -> set[str]:
    return {w for w in _NAME.sub(" ", (text or "").lower()).split() if w not in _STOP and len(w) > 1}


def _overlap(gold: dict, out: dict) -> float:
    """Share of the longer quote the two have in common, by offsets and by text.

    Text counts too because gold files differ in their offset base (the seed's gold counts
    from the start of the file, before the date header; dyads counts from the body).
    """
    return max(_span_overlap(gold, out), _text_overlap(gold, out))


def _span_overlap(gold: dict, out: dict) -> float:
    spans = gold.get("content_spans") or ([[gold["start"], gold["end"]]] if "start" in gold else None)
    if not spans or out.get("start") is None:
        return 0.0
    # some gold files list a quote's pieces out of text order: take the region they cover
    g0, g1 = min(s for s, _ in spans), max(e for _, e in spans)
    o0, o1 = out["start"], out["end"]
    return max(0, min(g1, o1) - max(g0, o0)) / max(g1 - g0, o1 - o0, 1)


def _text_overlap(gold: dict, out: dict) -> float:
    g = " ".join(_NAME.sub(" ", (gold.get("content") or gold.get("quote") or "").lower()).split())
    o = " ".join(_NAME.sub(" ", (out.get("quote") or "").lower()).split())
    if not g or not o or not (g in o or o in g):
        return 0.0
    return min(len(g), len(o)) / max(len(g), len(o))


FULL_QUOTE_KINDS = {"direct", "tweet"}


def score_quotes(records: list[dict], docs: dict[str, dict], kinds=None) -> dict | None:
    """Direct quotes found (≥ 80% overlap) and speakers sharing a name word with gold.

    ``kinds`` limits dyads' quotes to some kinds: corpora that annotate partial quotations
    as indirect speech (PolNeAR) are compared with dyads' full quotations only.
    """
    c = Counter()
    for rec in records:
        golds = [q for q in rec.get("quotes") or [] if q.get("direct_quote", True)]
        outs = [q for q in (docs.get(str(rec.get("id"))) or {}).get("quotes") or []
                if kinds is None or q.get("kind", "direct") in kinds]
        c["gold"] += len(golds)
        c["predicted"] += len(outs)
        used = set()
        for g in golds:
            best = max(((_overlap(g, o), i) for i, o in enumerate(outs) if i not in used), default=(0, None))
            if best[0] < 0.8:
                continue
            used.add(best[1])
            c["hits"] += 1
            gold_speaker = g.get("source") or g.get("speaker") or ""
            if gold_speaker.lower() in _PRONOUNS or not _name_words(gold_speaker):
                continue
            sp = outs[best[1]].get("speaker") or {}
            c["judged"] += 1
            c["right"] += bool(_name_words(gold_speaker) & _name_words(f"{sp.get('text')} {sp.get('name')}"))
    if not c["gold"]:
        return None
    recall, precision = ratio(c["hits"], c["gold"]), ratio(c["hits"], c["predicted"])
    f1 = round(2 * recall * precision / (recall + precision), 3) if recall and precision else 0.0
    return {"gold_quotes": c["gold"], "quote_recall": recall, "quote_precision": precision,
            "quote_f1": f1, "speaker_accuracy": ratio(c["right"], c["judged"])}


def evaluate_files(paths: list[Path], output: str | None = None, workers: int = 1) -> dict:
    reports = {}
    for path in paths:
        records = load_gold(path)
        if output:
            docs = {}
            for row in load_gold(Path(output)):
                docs.setdefault(str(row.get("doc_id")), {"events": [], "quotes": []})
                if "events" in row:
                    docs[str(row["doc_id"])] = row
                else:
                    docs[str(row["doc_id"])]["events"].append(row)
        else:
            docs = code_gold(records, path, workers)
        counts, misses, confusion = score_records(records, docs)
        report = {"events": summarise(counts), "quotes": _quote_report(records, docs),
                  "misses_by_root": dict(Counter(r for m in misses for r in m["roots"][:1])),
                  "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}}
        reports[path.stem] = report
    return reports


def _quote_report(records: list[dict], docs: dict) -> dict | None:
    """All quotes; where gold separates direct from partial quotes, full quotations too."""
    every = score_quotes(records, docs)
    if every is None or not any("direct_quote" in q for r in records for q in r.get("quotes") or []):
        return every
    full = score_quotes(records, docs, kinds=FULL_QUOTE_KINDS)
    return {**full, "quote_f1_with_phrases": every["quote_f1"],
            "quote_precision_with_phrases": every["quote_precision"]}


def format_report(reports: dict) -> str:
    lines = []
    for name, rep in reports.items():
        ev = rep["events"]
        lines.append(f"== {name}")
        lines.append("  " + ", ".join(f"{k} {v}" for k, v in ev.items() if v is not None))
        if rep["quotes"]:
            lines.append("  quotes: " + ", ".join(f"{k} {v}" for k, v in rep["quotes"].items()))
        if rep["misses_by_root"]:
            misses = sorted(rep["misses_by_root"].items())
            lines.append("  misses by root: " + " ".join(f"{r}:{n}" for r, n in misses))
        wrong = {k: v for k, v in rep["confusion"].items() if k.split("->")[0] != k.split("->")[1]}
        if wrong:
            lines.append("  confusion (gold->coded, off-diagonal): " +
                         " ".join(f"{k}:{v}" for k, v in sorted(wrong.items())))
    return "\n".join(lines)
