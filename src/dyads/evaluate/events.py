"""Matching coded events to gold events, and the figures that come of it.

An output event matches a gold event when its CAMEO root is the gold root (or an allowed
alternative; or the PLOVER type agrees) and its source and target agree with the gold
actors; consults, cooperation and fighting may be swapped. Each output event matches at
most one gold event. Three rule sets:

- default: a null gold actor, or one with no country, matches anything; of several fitting
  outputs the one carrying the gold's date is paired (two attacks on two days are two events);
- ``STRICT``: the output must also come from the gold's evidence sentence and carry its
  date at the gold's precision (an undated gold event accepts no date or the publication
  date), and a country-less gold actor is compared by its sector (IGO, NGO, REB ...);
- ``SAME_SENTENCE``: as strict without the date condition, so date accuracy then says how
  often the events found in the right sentence carry the right date.

In both sentence modes the first fitting output is paired, in output order: a date
preference there would let date accuracy pick its own pairs.
"""
from __future__ import annotations

from collections import Counter

from .gold import gold_events, out_actor, published

SWAPPABLE = {"03", "04", "05", "06", "19"}
STRICT, SAME_SENTENCE = "strict", "same_sentence"


def _root(out: dict) -> str:
    return str(out.get("cameo_root") or str(out.get("cameo") or "")[:2])


def type_agrees(gold: dict, out: dict) -> bool:
    if gold["roots"]:
        return _root(out) in gold["roots"] or bool(gold["plover"] and out.get("plover") == gold["plover"])
    if gold["plover"]:
        return out.get("plover") in set(gold["plover"].split("|"))
    return True


def actors_agree(gold: dict, out: dict, mode: str | None = None) -> bool:
    def ok(key, actor):
        return key is None or key == out_actor(actor)

    gsrc, gtgt = (gold["src_body"], gold["tgt_body"]) if mode else (gold["src"], gold["tgt"])
    src, tgt = out.get("source"), out.get("target")
    if ok(gsrc, src) and ok(gtgt, tgt):
        return True
    return _root(out) in SWAPPABLE and ok(gsrc, tgt) and ok(gtgt, src)


def _plain(text: str | None) -> str:
    """Lower-case letters and digits, every other run of characters one space."""
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text or "").split())


def same_sentence(gold: dict, out: dict) -> bool:
    """The output comes from the gold's evidence: one text contains the other, or they share
    60% of the shorter one's words (evidence may be a clause, or a sentence the splitter cut
    differently). Where either side has no text there is nothing to hold against it."""
    evidence, sentence = _plain(gold.get("evidence")), _plain((out.get("sentence") or {}).get("text"))
    if not evidence or not sentence or evidence in sentence or sentence in evidence:
        return True
    ev_words, sent_words = set(evidence.split()), set(sentence.split())
    return len(ev_words & sent_words) >= 0.6 * min(len(ev_words), len(sent_words))


def same_date(gold_date: str | None, out: dict, published_on: str) -> bool:
    """The output date agrees at the gold's precision; an undated gold event accepts an
    undated output or one dated by the publication (the coder's fallback for 'no date')."""
    date = out.get("date")
    if gold_date is None:
        return date is None or date == published_on or out.get("date_text") == "published"
    return _same_date(date, gold_date)


def _same_date(out: str | None, gold: str) -> bool:
    """At the gold's precision: a gold '2023-06' (month) is met by any day of June."""
    return bool(out) and str(out)[:len(gold)] == gold


def _fits(gold, out, with_actors, mode, published_on) -> bool:
    if not type_agrees(gold, out):
        return False
    if mode and not same_sentence(gold, out):
        return False
    if mode == STRICT and not same_date(gold["date"], out, published_on):
        return False
    return not with_actors or actors_agree(gold, out, mode)


def assign(golds, outs, with_actors: bool, mode: str | None = None,
           published_on: str = "") -> list[tuple[int, int]]:
    """Pair each gold event with an unused output that fits (see the module's rules)."""
    used, pairs = set(), []
    for gi, g in enumerate(golds):
        fits = [oi for oi, o in enumerate(outs)
                if oi not in used and _fits(g, o, with_actors, mode, published_on)]
        if fits:
            oi = fits[0]
            if not mode and g["date"]:
                oi = next((i for i in fits if _same_date(outs[i].get("date"), g["date"])), oi)
            used.add(oi)
            pairs.append((gi, oi))
    return pairs


def score_records(records: list[dict], docs: dict[str, dict],
                  mode: str | None = None) -> tuple[Counter, list, Counter]:
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
        typed = assign(golds, outs, False, mode, published(rec))
        full = assign(golds, outs, True, mode, published(rec))
        c["type_hits"] += len(typed)
        c["dyad_hits"] += len(full)
        _actor_accuracy(c, golds, outs, typed, mode)
        for gi, oi in full:
            if golds[gi]["date"]:
                c["dated_hits"] += 1
                c["date_right"] += _same_date(outs[oi].get("date"), golds[gi]["date"])
        _confusion(confusion, golds, outs)
        hit = {gi for gi, _ in full}
        misses += [{"doc": rec.get("id"), "roots": sorted(g["roots"]), "src": g["src"],
                    "tgt": g["tgt"]} for gi, g in enumerate(golds) if gi not in hit]
    return c, misses, confusion


def _actor_accuracy(c: Counter, golds, outs, typed, mode) -> None:
    """Of gold events found with the right root: do countries and sectors agree?"""
    for gi, oi in typed:
        g, o = golds[gi], outs[oi]
        keys = (g["src_body"], g["tgt_body"]) if mode else (g["src"], g["tgt"])
        if keys == (None, None):
            continue
        c["actor_judged"] += 1
        c["actor_country_right"] += actors_agree(g, o, mode)
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
            # of the events found with the right type, the share with the right actors too
            "actor_accuracy": ratio(c["dyad_hits"], c["type_hits"]),
            "actor_country_accuracy": ratio(c["actor_country_right"], c["actor_judged"]),
            "actor_sector_accuracy": ratio(c["sector_right"], c["sector_judged"]),
            "no_event_false_alarm_rate": ratio(c["no_event_false_alarms"], c["no_event_docs"])}
