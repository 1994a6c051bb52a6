"""Build src/dyads/data/cameo_codes.json, the CAMEO code table shipped with dyads.

Inputs (in ../shared/kb-sources/cameo, see DATA_LICENSES.md):
  cameo-codes.csv        code, short name, Goldstein score for every CAMEO code
  CAMEO2PLOVER-2021.txt  "code: PLOVER_TYPE, mode, context # comment" lines

Only facts are shipped (code, short name, score, class, PLOVER type and mode); the
manual's prose descriptions, usage notes and examples are deliberately left out.

QuadClass follows the Phoenix convention, which is the one whose classes include the
OUTPUT.md "0 neutral statement":
  0 neutral (roots 01 statements, 02 appeals — the roots PLOVER leaves unmapped),
  1 verbal cooperation (03-05), 2 material cooperation (06-08),
  3 verbal conflict (09-13), 4 material conflict (14-20).

Usage:  python scripts/build_codes.py [--sources DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = REPO.parent / "shared" / "kb-sources" / "cameo"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "cameo_codes.json"

QUAD_BY_ROOT = {
    **{f"{r:02d}": 0 for r in (1, 2)},
    **{f"{r:02d}": 1 for r in (3, 4, 5)},
    **{f"{r:02d}": 2 for r in (6, 7, 8)},
    **{f"{r:02d}": 3 for r in (9, 10, 11, 12, 13)},
    **{f"{r:02d}": 4 for r in range(14, 21)},
}
UNMAPPED_ROOTS = {"01", "02"}  # CAMEO roots without a PLOVER equivalent
# The conversion table puts a context, not a mode, in the mode column of these lines.
NOT_MODES = {"pro_autocracy"}


def read_cameo_rows(path: Path) -> list[dict]:
    """Code, name and Goldstein score of each CAMEO code, in manual order."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {"code": r["code"].strip(), "name": clean_name(r["name"]),
         "goldstein": float(r["goldstein"])}
        for r in rows
    ]


def clean_name(name: str) -> str:
    """Names are short titles; a few are all capitals (roots) or lower-case."""
    name = " ".join(name.split())
    if name.isupper():
        return name.capitalize()
    return name[:1].upper() + name[1:]


def parse_plover_line(line: str) -> tuple[str, str, str | None] | None:
    """'041: CONSULT, phone, ... # note' -> ('041', 'CONSULT', 'phone')."""
    body = line.split("#", 1)[0].strip()
    if ":" not in body or not body[:1].isdigit():
        return None
    code, rest = body.split(":", 1)
    fields = [f.strip() for f in rest.split(",")]
    ptype = fields[0].upper()
    mode = fields[1] if len(fields) > 1 and fields[1] else None
    if mode in NOT_MODES:
        mode = None
    return code.strip(), ptype, mode


def read_plover_map(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode); first mention wins (root 08 appears twice)."""
    mapping: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parsed = parse_plover_line(line)
        if parsed and parsed[0] not in mapping:
            mapping[parsed[0]] = (parsed[1], parsed[2])
    return mapping


def plover_for(code: str, plover: dict[str, tuple[str, str | None]]):
    """PLOVER (type, mode) of a code; a 2-digit root takes its 'x0' base code's type."""
    root = code[:2]
    if root in UNMAPPED_ROOTS:
        return None, None
    if len(code) == 2:
        return plover[root + "0"][0], None
    if code in plover:
        return plover[code]
    return plover[code[:3]][0], None  # 4-digit code missing from the table: parent type


def build_table(sources: Path) -> list[dict]:
    plover = read_plover_map(sources / "CAMEO2PLOVER-2021.txt")
    table = []
    for row in read_cameo_rows(sources / "cameo-codes.csv"):
        ptype, mode = plover_for(row["code"], plover)
        table.append({**row, "quad_class": QUAD_BY_ROOT[row["code"][:2]],
                      "plover": ptype, "plover_mode": mode})
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    table = build_table(args.sources)
    document = {
        "source": "CAMEO codes (cameo-codes.csv) and CAMEO2PLOVER-2021 conversion table",
        "quad_class": "0 roots 01-02, 1 roots 03-05, 2 roots 06-08, 3 roots 09-13, 4 roots 14-20",
        "codes": table,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} codes to {args.out}")


if __name__ == "__main__":
    main()
