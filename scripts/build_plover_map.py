"""Build src/dyads/data/cameo2plover.tsv: CAMEO code -> PLOVER event, mode and context.

Source: the CAMEO to PLOVER conversion table of the PLOVER manual (draft 0.8,
17 September 2021, ed. Philip Schrodt), as kept in ../shared/kb-sources/cameo
(CAMEO2PLOVER-2021.txt, MIT licence, Copyright (c) 2022 Andreas Beger).

That table has no rows for CAMEO 01 (statements: no PLOVER type) or 02 (appeals). PLOVER's
REQUEST covers asking as well as demanding, and CAMEO's 02x appeals parallel its 10x
demands code by code (021 appeal for / 101 demand material cooperation, ..., 028 appeal
for / 108 demand mediation), so each 02x row takes REQUEST with the mode and context of
its 10x twin.

    python scripts/build_plover_map.py [--sources DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = REPO.parent / "shared" / "kb-sources"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "cameo2plover.tsv"
APPEALS = ("020", "021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232",
           "0233", "0234", "024", "0241", "0242", "0243", "0244", "025", "0251", "0252",
           "0253", "0254", "0255", "0256", "026", "027", "028")
_ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def parse(text: str) -> dict[str, tuple[str, str, str]]:
    """code -> (event, mode, context); blank mode/context stay empty."""
    out = {}
    for line in text.splitlines():
        m = _ROW.match(line.strip())
        if m:
            out[m.group(1)] = (m.group(2), (m.group(3) or "").strip(), (m.group(4) or "").strip())
    return out


def with_appeals(table: dict) -> dict:
    for code in APPEALS:
        twin = table.get("10" + code[2:]) or table["10"]
        table.setdefault(code, ("REQUEST", twin[1], twin[2]))
    table.setdefault("02", ("REQUEST", "", ""))
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    text = (args.sources / "cameo" / "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    table = with_appeals(parse(text))
    lines = ["# CAMEO -> PLOVER from CAMEO2PLOVER-2021 (MIT, (c) 2022 Andreas Beger); 02x "
             "appeals as REQUEST. Built by scripts/build_plover_map.py", "cameo\tevent\tmode\tcontext"]
    lines += ["\t".join((code,) + table[code]) for code in sorted(table)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} codes to {args.out}")


if __name__ == "__main__":
    main()
