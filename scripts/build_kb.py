#!/usr/bin/env python
"""Build the shipped actor knowledge base (src/dyads/data/kb.sqlite) from the raw sources.

Usage: python scripts/build_kb.py [--sources DIR] [--out FILE] [--overrides FILE]

Sources (see ../shared/kb-sources/README.md), by precedence when they disagree:
project overrides (src/dyads/data/kb_overrides.yaml) > Wikidata officeholders >
CIA World Factbook history > Phoenix / CountryInfo dictionaries.
The work is done by the kb_build package next to this script, one module per source.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent
# The script runs from a checkout, possibly loaded by path: make both the dyads package and
# the kb_build package next to this file importable.
for folder in (REPO / "src", SCRIPTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from kb_build.pipeline import build

DEFAULT_SOURCES = REPO.parent / "shared" / "kb-sources"
DEFAULT_OUT = REPO / "src" / "dyads" / "data" / "kb.sqlite"
DEFAULT_OVERRIDES = REPO / "src" / "dyads" / "data" / "kb_overrides.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--overrides", type=Path, default=DEFAULT_OVERRIDES)
    args = parser.parse_args(argv)
    counts = build(args.sources, args.out, args.overrides)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB): {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
