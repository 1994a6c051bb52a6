"""A coarse, offline world outline for the explorer's map.

The outline is a set of land cells on an equirectangular grid, derived from GeoNames
(CC BY 4.0): every cell holding a town of 15,000+ people, plus, per country, a disc of the
country's area around the mean position of its towns (so deserts and tundra are not blank).
It is built once with ``python -m dyads.api.world SHARED_KB_DIR`` and shipped as
``static/world.json``; the server only reads it.
"""
from __future__ import annotations

import csv
import json
import math
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

WORLD_FILE = Path(__file__).resolve().parent / "static" / "world.json"
CELL_DEG = 2.0
KM_PER_DEG = 111.2
ANTARCTIC_LAT = -66.0  # no towns there; the continent is filled south of this latitude


def read_towns(tsv_path: Path) -> list[tuple[str, float, float]]:
    """(ISO2, lat, lon) of every town in the GeoNames cities file."""
    with tsv_path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["iso2"], float(r["lat"]), float(r["lon"])) for r in rows]


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    """Grid cell (row from the north, column from the date line) holding a point."""
    row = min(int((90.0 - lat) // CELL_DEG), int(180 / CELL_DEG) - 1)
    col = min(int((lon + 180.0) // CELL_DEG), int(360 / CELL_DEG) - 1)
    return row, col


def town_cells(towns: list[tuple[str, float, float]]) -> set[tuple[int, int]]:
    return {cell_of(lat, lon) for _, lat, lon in towns}


def disc_cells(lat: float, lon: float, area_km2: float) -> set[tuple[int, int]]:
    """Cells within the radius of a disc of the given area around a point."""
    radius_deg = math.sqrt(max(area_km2, 0.0) / math.pi) / KM_PER_DEG
    cells: set[tuple[int, int]] = set()
    steps = int(radius_deg // CELL_DEG) + 1
    for i in range(-steps, steps + 1):
        for j in range(-3 * steps, 3 * steps + 1):
            dlat, dlon = i * CELL_DEG, j * CELL_DEG
            if math.hypot(dlat, dlon * math.cos(math.radians(lat))) <= radius_deg:
                p_lat = max(min(lat + dlat, 89.9), -89.9)
                cells.add(cell_of(p_lat, ((lon + dlon + 180.0) % 360.0) - 180.0))
    return cells


def country_discs(towns, countries: dict) -> set[tuple[int, int]]:
    """Area discs centred on the mean position of each country's towns."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for iso2, lat, lon in towns:
        by_country[iso2].append((lat, lon))
    cells: set[tuple[int, int]] = set()
    for iso2, points in by_country.items():
        area = float((countries.get(iso2) or {}).get("areakm2") or 0.0)
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        cells |= disc_cells(lat, lon, area)
    return cells


def antarctic_cells() -> set[tuple[int, int]]:
    first_row = cell_of(ANTARCTIC_LAT, 0.0)[0]
    return {(r, c) for r in range(first_row, int(180 / CELL_DEG)) for c in range(int(360 / CELL_DEG))}


def cells_to_path(cells: set[tuple[int, int]]) -> str:
    """An SVG path (x = lon, y = -lat) of horizontal runs of land cells."""
    parts = []
    for row in sorted({r for r, _ in cells}):
        cols = sorted(c for r, c in cells if r == row)
        start = prev = cols[0]
        for col in cols[1:] + [None]:
            if col is not None and col == prev + 1:
                prev = col
                continue
            x, y = -180 + start * CELL_DEG, -90 + row * CELL_DEG
            parts.append(f"M{x:g} {y:g}h{(prev - start + 1) * CELL_DEG:g}v{CELL_DEG:g}h{-(prev - start + 1) * CELL_DEG:g}z")
            if col is not None:
                start = prev = col
    return "".join(parts)


def build_outline(geonames_dir: Path) -> dict:
    towns = read_towns(geonames_dir / "cities15000_latin.tsv")
    countries = json.loads((geonames_dir / "countries.json").read_text(encoding="utf-8"))
    cells = town_cells(towns) | country_discs(towns, countries) | antarctic_cells()
    return {
        "cell_deg": CELL_DEG,
        "view_box": "-180 -90 360 180",
        "land_path": cells_to_path(cells),
        "source": "Derived from GeoNames (geonames.org, CC BY 4.0): town positions and country areas.",
    }


@lru_cache(maxsize=1)
def load_outline() -> dict:
    """The shipped outline; an empty one (graticule only) if the file is missing."""
    if not WORLD_FILE.exists():
        return {"cell_deg": CELL_DEG, "view_box": "-180 -90 360 180", "land_path": "", "source": ""}
    return json.loads(WORLD_FILE.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m dyads.api.world PATH/TO/kb-sources", file=sys.stderr)
        return 2
    outline = build_outline(Path(argv[0]) / "geonames")
    WORLD_FILE.write_text(json.dumps(outline, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {WORLD_FILE} ({len(outline['land_path'])} chars)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
