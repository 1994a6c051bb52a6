"""``dyads eval``: code gold files' texts (or read coded output) and score them.

The matching rules are in ``events`` (default, ``strict`` and ``same_sentence``), gold
reading in ``gold``, quotation scoring in ``quotes``. Whole news articles are the yardstick
that counts: there an event is only found when it comes from the gold's sentence and carries
its date (``strict``); the default rules, which ask neither, suit one-sentence gold records.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .events import SAME_SENTENCE, STRICT, score_records, summarise
from .gold import code_gold, gold_article, gold_events, load_gold
from .quotes import score_quotes

__all__ = ["evaluate_files", "format_report", "score_records", "summarise", "score_quotes",
           "load_gold", "code_gold", "gold_article", "gold_events", "STRICT", "SAME_SENTENCE"]

FULL_QUOTE_KINDS = {"direct", "tweet"}
MODE_LABELS = {STRICT: "strict (gold's sentence and date)", SAME_SENTENCE: "same sentence"}


def load_output(path: Path) -> dict[str, dict]:
    """doc_id -> {"events", "quotes"} from `dyads code` output, one line per article or per event."""
    docs = {}
    for row in load_gold(path):
        doc_id = str(row.get("doc_id"))
        if "events" in row:
            docs[doc_id] = row
        else:
            docs.setdefault(doc_id, {"events": [], "quotes": []})["events"].append(row)
    return docs


def evaluate_files(paths: list[Path], output: str | None = None, workers: int = 1,
                   strict: bool = False, same_sentence: bool = False) -> dict:
    """One report per gold file: the default figures under "events", and with ``strict`` /
    ``same_sentence`` those rules' figures under "strict" / "same_sentence" too."""
    modes = [m for m, wanted in ((STRICT, strict), (SAME_SENTENCE, same_sentence)) if wanted]
    coded = load_output(Path(output)) if output else None
    reports = {}
    for path in paths:
        records = load_gold(path)
        docs = coded if coded is not None else code_gold(records, path, workers)
        reports[path.stem] = _report(records, docs, modes)
    return reports


def _report(records: list[dict], docs: dict, modes: list[str]) -> dict:
    counts, misses, confusion = score_records(records, docs)
    report = {"events": summarise(counts), "quotes": _quote_report(records, docs)}
    for mode in modes:
        mode_counts, mode_misses, _ = score_records(records, docs, mode)
        report[mode] = summarise(mode_counts)
        if mode == modes[0]:
            # the misses worth reading are those under the strictest rules asked for
            misses, report["misses_rules"] = mode_misses, mode
    report["misses_by_root"] = dict(Counter(r for m in misses for r in m["roots"][:1]))
    report["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}
    return report


def _quote_report(records: list[dict], docs: dict) -> dict | None:
    """All quotes; where gold separates direct from partial quotes, full quotations too."""
    every = score_quotes(records, docs)
    if every is None or not any("direct_quote" in q for r in records for q in r.get("quotes") or []):
        return every
    full = score_quotes(records, docs, kinds=FULL_QUOTE_KINDS)
    return {**full, "quote_f1_with_phrases": every["quote_f1"],
            "quote_precision_with_phrases": every["quote_precision"]}


HEADLINE = ["dyad_recall", "dyad_precision", "dyad_f1", "type_recall", "date_accuracy",
            "actor_accuracy"]


def format_report(reports: dict) -> str:
    lines = []
    for name, rep in reports.items():
        lines.append(f"== {name}")
        for mode, label in MODE_LABELS.items():
            if rep.get(mode):
                # under strict rules every event found has its date: that is no figure
                keys = [k for k in HEADLINE if not (mode == STRICT and k == "date_accuracy")]
                figures = {k: rep[mode][k] for k in keys if rep[mode][k] is not None}
                lines.append(f"  {label}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
        default = "default rules: " if any(rep.get(m) for m in MODE_LABELS) else ""
        lines.append(f"  {default}" + ", ".join(f"{k} {v}" for k, v in rep["events"].items() if v is not None))
        lines += _detail_lines(rep)
    return "\n".join(lines)


def _detail_lines(rep: dict) -> list[str]:
    lines = []
    if rep["quotes"]:
        lines.append("  quotes: " + ", ".join(f"{k} {v}" for k, v in rep["quotes"].items()))
    if rep["misses_by_root"]:
        rules = f" ({MODE_LABELS[rep['misses_rules']]})" if rep.get("misses_rules") else ""
        misses = sorted(rep["misses_by_root"].items())
        lines.append(f"  misses by root{rules}: " + " ".join(f"{r}:{n}" for r, n in misses))
    wrong = {k: v for k, v in rep["confusion"].items() if k.split("->")[0] != k.split("->")[1]}
    if wrong:
        lines.append("  confusion (gold->coded, off-diagonal): " +
                     " ".join(f"{k}:{v}" for k, v in sorted(wrong.items())))
    return lines
