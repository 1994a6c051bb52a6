"""Validate (and optionally repair the offsets of) the bundled example gold file.

The sample corpus in examples/articles/ comes with hand-written gold events in
examples/gold.jsonl. Offsets in the gold file point into each article's BODY: the text
after the `date YYYY-MM-DD` header with the surrounding white space removed (the same
convention as the output contract). This script checks that:

- every article has exactly one gold record, and every record has an article;
- `published` equals the article's header date and `id`/`file` match the file name;
- body[evidence_start:evidence_end] == evidence and body[start:end] == quote text;
- an event's `quote`, when set, occurs inside its evidence;
- every `cameo` and `alt_cameo` code exists in the CAMEO codebook (when it is available);
- every `event_date` is ISO (YYYY, YYYY-MM or YYYY-MM-DD) or null.

Usage:
    python scripts/check_examples_gold.py [--examples DIR] [--cameo CSV] [--fix]

--fix rewrites gold.jsonl with offsets recomputed from the evidence/quote strings
(first occurrence in the body), then checks again. Exit status 1 when problems remain.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EXAMPLES = REPO_ROOT / "examples"
DEFAULT_CAMEO = REPO_ROOT.parent / "shared" / "kb-sources" / "cameo" / "cameo-codes.csv"

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})")
_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def split_article(text: str) -> tuple[str | None, str]:
    """Return (header date or None, body) for a seed-layout article."""
    match = _HEADER.match(text)
    if match is None:
        return None, text.strip()
    return match.group(1), text[match.end():].strip()


def load_cameo_codes(path: Path) -> set[str] | None:
    """CAMEO codes from the codebook CSV, or None when the file is not available."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return {row["code"].strip() for row in csv.DictReader(handle)}


def load_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_articles(articles_dir: Path) -> dict[str, tuple[str | None, str]]:
    """Map article id (file stem) to (header date, body)."""
    return {
        path.stem: split_article(path.read_text(encoding="utf-8"))
        for path in sorted(articles_dir.glob("*.txt"))
    }


def is_iso_date(value: str) -> bool:
    """True for a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _ISO_PARTIAL.match(value):
        return False
    padded = value + "-01" * (2 - value.count("-"))
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def _span_errors(where: str, body: str, text: str | None, start, end) -> list[str]:
    if text is None:
        return [] if start is None and end is None else [f"{where}: offsets without text"]
    if not isinstance(start, int) or not isinstance(end, int):
        return [f"{where}: missing offsets"]
    if body[start:end] != text:
        return [f"{where}: body[{start}:{end}] is {body[start:end]!r}, not {text!r}"]
    return []


def check_event(where: str, event: dict, body: str, codes: set[str] | None) -> list[str]:
    errors = _span_errors(where + " evidence", body, event.get("evidence"),
                          event.get("evidence_start"), event.get("evidence_end"))
    if not event.get("evidence"):
        errors.append(f"{where}: empty evidence")
    quote = event.get("quote")
    if quote is not None and quote not in (event.get("evidence") or ""):
        errors.append(f"{where}: quote {quote!r} is not inside the evidence")
    for code in [event.get("cameo"), *event.get("alt_cameo", [])]:
        if not isinstance(code, str) or not re.fullmatch(r"\d{2,4}", code):
            errors.append(f"{where}: malformed CAMEO code {code!r}")
        elif codes is not None and code not in codes:
            errors.append(f"{where}: CAMEO code {code} is not in the codebook")
    date = event.get("event_date")
    if date is not None and not is_iso_date(date):
        errors.append(f"{where}: event_date {date!r} is not ISO")
    for role in ("source", "target"):
        actor = event.get(role)
        if actor is not None and not {"name", "country", "sector"} <= set(actor):
            errors.append(f"{where}: {role} needs name, country and sector")
    return errors


def check_record(record: dict, header_date: str | None, body: str,
                 codes: set[str] | None) -> list[str]:
    """All problems found in one gold record against its article."""
    rid = record.get("id")
    errors = []
    if record.get("file") != f"{rid}.txt":
        errors.append(f"{rid}: file is {record.get('file')!r}, expected {rid}.txt")
    if record.get("published") != header_date:
        errors.append(f"{rid}: published {record.get('published')!r} != header {header_date!r}")
    for i, event in enumerate(record.get("events", [])):
        errors += check_event(f"{rid} event {i}", event, body, codes)
    for i, quote in enumerate(record.get("quotes", [])):
        errors += _span_errors(f"{rid} quote {i}", body, quote.get("quote"),
                               quote.get("start"), quote.get("end"))
    return errors


def check_all(articles: dict, gold: list[dict], codes: set[str] | None) -> list[str]:
    """Problems across the whole corpus: coverage plus each record's own checks."""
    ids = [record.get("id") for record in gold]
    errors = [f"duplicate gold id {rid}" for rid in set(ids) if ids.count(rid) > 1]
    errors += [f"article {aid} has no gold record" for aid in articles if aid not in ids]
    for record in gold:
        if record.get("id") not in articles:
            errors.append(f"gold record {record.get('id')} has no article")
            continue
        header_date, body = articles[record["id"]]
        errors += check_record(record, header_date, body, codes)
    return errors


def fill_offsets(record: dict, body: str) -> dict:
    """Recompute evidence/quote offsets from their text (first occurrence)."""
    for event in record.get("events", []):
        start = body.find(event["evidence"])
        event["evidence_start"], event["evidence_end"] = start, start + len(event["evidence"])
    for quote in record.get("quotes", []):
        start = body.find(quote["quote"])
        quote["start"], quote["end"] = start, start + len(quote["quote"])
    return record


def write_gold(path: Path, gold: list[dict]) -> None:
    lines = (json.dumps(record, ensure_ascii=False) for record in gold)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES)
    parser.add_argument("--cameo", type=Path, default=DEFAULT_CAMEO)
    parser.add_argument("--fix", action="store_true", help="recompute offsets first")
    args = parser.parse_args(argv)
    articles = load_articles(args.examples / "articles")
    gold_path = args.examples / "gold.jsonl"
    gold = load_gold(gold_path)
    if args.fix:
        gold = [fill_offsets(r, articles[r["id"]][1]) if r["id"] in articles else r
                for r in gold]
        write_gold(gold_path, gold)
    codes = load_cameo_codes(args.cameo)
    if codes is None:
        print(f"note: {args.cameo} not found; CAMEO codes not checked", file=sys.stderr)
    errors = check_all(articles, gold, codes)
    for error in errors:
        print(error, file=sys.stderr)
    n_events = sum(len(r.get("events", [])) for r in gold)
    print(f"{len(articles)} articles, {len(gold)} gold records, {n_events} events, "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
