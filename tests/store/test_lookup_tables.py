"""The GDELT export's ISO3 -> FIPS table and the PLOVER export's CAMEO -> PLOVER table
are what their build scripts make from the sources in ../shared (skipped without it)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "dyads" / "data"


@pytest.mark.parametrize("script,table", [("build_fips", "iso3_fips.tsv"),
                                          ("build_plover_map", "cameo2plover.tsv")])
def test_shipped_table_rebuilds_from_the_sources(shared_dir, tmp_path, script, table):
    out = tmp_path / table
    subprocess.run([sys.executable, str(REPO / "scripts" / f"{script}.py"),
                    "--sources", str(shared_dir / "kb-sources"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (DATA / table).read_bytes()


def test_fips_table_covers_the_gazetteer_countries():
    """Every country a place can resolve to has a FIPS code, bar the few GeoNames has none for."""
    import gzip

    from dyads.store.gdelt import fips_table

    fips = dict(zip(*fips_table().to_pydict().values()))
    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        header = next(fh).rstrip("\n").split("\t")
        col = header.index("iso3")
        countries = {cells[col] for cells in (line.rstrip("\n").split("\t") for line in fh)
                     if len(cells) > col}
    missing = sorted(c for c in countries - set(fips) if c)
    assert len(missing) <= 3, missing
