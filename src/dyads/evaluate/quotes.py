"""Quotations: found when they share 80% of the longer text with a gold quote; the speaker is
right when gold and output share a name word."""
from __future__ import annotations

import re
from collections import Counter

from .events import ratio

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
HALVES_GAP = 80  # characters between two halves of a quotation split by its cue


def _joined_halves(outs: list[dict]) -> list[tuple[tuple[int, int], dict]]:
    """'"A," she said. "B."': dyads gives A and B as two quotations, as the output contract
    asks (no quote marks, no cue inside); attribution corpora (PolNeAR) mark one region
    from A to B. Each pair of neighbours with one cue and speaker is offered joined too."""
    joined = []
    for i in range(len(outs) - 1):
        a, b = outs[i], outs[i + 1]
        if None in (a.get("start"), b.get("start")) or "direct" not in (a.get("kind"), b.get("kind")):
            continue
        if (a.get("cue_start"), a.get("cue")) != (b.get("cue_start"), b.get("cue")):
            continue
        if _speaker_start(a) != _speaker_start(b) or not 0 <= b["start"] - a["end"] <= HALVES_GAP:
            continue
        joined.append(((i, i + 1), {**a, "end": b["end"],
                                    "quote": f"{a.get('quote') or ''} {b.get('quote') or ''}"}))
    return joined


def _speaker_start(quote: dict):
    return (quote.get("speaker") or {}).get("start")


def score_quotes(records: list[dict], docs: dict[str, dict], kinds=None) -> dict | None:
    """Direct quotes found (≥ 80% overlap) and speakers sharing a name word with gold.

    ``kinds`` limits dyads' quotes to some kinds: corpora that annotate partial quotations
    as indirect speech (PolNeAR) are compared with dyads' full quotations only.
    """
    c = Counter()
    for rec in records:
        golds = [q for q in rec.get("quotes") or [] if q.get("direct_quote", True)]
        every = (docs.get(str(rec.get("id"))) or {}).get("quotes") or []
        kept = {i for i, q in enumerate(every) if kinds is None or q.get("kind", "direct") in kinds}
        c["gold"] += len(golds)
        c["predicted"] += len(kept)
        used = set()
        candidates = [((i,), every[i]) for i in sorted(kept)] + _joined_halves(every)
        for g in golds:
            best = max(((_overlap(g, o), ids) for ids, o in candidates if not used & set(ids)),
                       default=(0, None))
            if best[0] < 0.8:
                continue
            used.update(best[1])
            c["hits"] += 1
            # two halves of one attribution count once; a half outside ``kinds`` was not counted
            c["predicted"] += 1 - len(kept & set(best[1]))
            gold_speaker = g.get("source") or g.get("speaker") or ""
            if gold_speaker.lower() in _PRONOUNS or not _name_words(gold_speaker):
                continue
            sp = every[best[1][0]].get("speaker") or {}
            c["judged"] += 1
            c["right"] += bool(_name_words(gold_speaker) & _name_words(f"{sp.get('text')} {sp.get('name')}"))
    if not c["gold"]:
        return None
    recall, precision = ratio(c["hits"], c["gold"]), ratio(c["hits"], c["predicted"])
    f1 = round(2 * recall * precision / (recall + precision), 3) if recall and precision else 0.0
    return {"gold_quotes": c["gold"], "quote_recall": recall, "quote_precision": precision,
            "quote_f1": f1, "speaker_accuracy": ratio(c["right"], c["judged"])}
