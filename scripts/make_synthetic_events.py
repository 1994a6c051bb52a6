"""Fill a store with N synthetic events (one mention, article-less) for benchmarks.

    .venv/bin/python scripts/make_synthetic_events.py --events 10000000 --db /tmp/syn.duckdb

Rows are generated inside DuckDB from hashes of the row number (deterministic for a
seed): 20 countries x 6 sectors as actors, 20 CAMEO codes, dates over ten years, a
location on one event in four. Each event is its own merged event (no merging runs);
events are inserted in date order, as a migrated (or ``Store.cluster``-ed) store holds them.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from dyads.store import Store
from dyads.store.schema import dyad_key_sql

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IND", "GBR", "FRA", "DEU", "TUR", "IRN", "ISR",
             "PAK", "JPN", "KOR", "PRK", "BRA", "ZAF", "NGA", "EGY", "SAU"]
SECTORS = ["GOV", "MIL", "OPP", "BUS", "CVL", "MED"]
CAMEOS = ["010", "020", "036", "042", "043", "046", "051", "057", "061", "071", "111",
          "112", "120", "130", "138", "141", "163", "173", "190", "193"]
PLOVER = {"03": "COOPERATE", "04": "CONSULT", "05": "COOPERATE", "06": "COOPERATE",
          "07": "AID", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
          "16": "SANCTION", "17": "COERCE", "19": "ASSAULT"}


def _pick(options: list[str], salt: int) -> str:
    items = ", ".join(f"'{o}'" for o in options)  # constants of this script, not user input
    return f"[{items}][(hash(i * 64 + $seed * 16 + {salt}) % {len(options)})::INTEGER + 1]"


def _actor(country: str, sector: str) -> str:
    return (f"struct_pack(text := {country} || {sector}, start := 0::BIGINT, "
            f"\"end\" := 6::BIGINT, name := {country} || ' ' || {sector}, "
            f"kb_id := NULL::VARCHAR, country := {country}, sector := {sector}, "
            f"code := {country} || {sector}, resolved_by := 'country')")


MENTIONS_SQL = f"""
INSERT INTO mentions
WITH r AS (
  SELECT i, {_pick(COUNTRIES, 1)} AS sc, {_pick(SECTORS, 2)} AS ss,
         {_pick(COUNTRIES, 3)} AS tc, {_pick(SECTORS, 4)} AS ts, {_pick(CAMEOS, 5)} AS cameo,
         DATE '2014-01-01' + (hash(i * 64 + $seed * 16 + 6) % 3650)::INTEGER AS d,
         (hash(i * 64 + $seed * 16 + 7) % 2000)::DOUBLE / 100 - 10 AS g,
         hash(i * 64 + $seed * 16 + 8) % 4 = 0 AS located
  FROM range($lo, $hi) t(i))
SELECT 'syn|' || i, 'syn-' || i, 'syn-doc-' || (i // 5), d + 1,
       {_actor('sc', 'ss')}, {_actor('tc', 'ts')}, cameo, left(cameo, 2),
       MAP {{{', '.join(f"'{k}': '{v}'" for k, v in PLOVER.items())}}}[left(cameo, 2)],
       NULL, CASE WHEN left(cameo, 2) IN ('01', '02') THEN 0 WHEN left(cameo, 2) < '06' THEN 1
                  WHEN left(cameo, 2) < '09' THEN 2 WHEN left(cameo, 2) < '14' THEN 3 ELSE 4 END,
       g, 'asserted', d, 'day', 'published',
       CASE WHEN located THEN struct_pack(name := 'Capital of ' || tc, country := tc,
            lat := (hash(i) % 120)::DOUBLE - 60, lon := (hash(i) % 360)::DOUBLE - 180,
            geonames_id := (hash(i) % 1000000)::BIGINT, precision := 'city',
            text := 'the capital', start := 0::BIGINT, "end" := 11::BIGINT) END,
       NULL, struct_pack("index" := 0::BIGINT, start := 0::BIGINT, "end" := 90::BIGINT,
            text := 'Officials of ' || sc || ' and ' || tc || ' met on day ' || d
                    || ' over matter number ' || (i % 9973) || '.'),
       (hash(i * 64 + $seed * 16 + 9) % 100)::DOUBLE / 100,
       struct_pack(name := 'dyads', version := 'synthetic'), NULL, 1, NULL, 'synthetic',
       sc || ss, tc || ts, left(cameo, 2) || '|' || sc || ss || '|' || tc || ts, d,
       'ev-syn' || i, sc, tc, {dyad_key_sql('sc', 'tc')}
FROM r
"""

def fill(path: Path, n: int, seed: int = 1, chunk: int = 2_000_000) -> dict:
    start = time.perf_counter()
    with Store.open(path) as store:
        con = store._con
        for lo in range(0, n, chunk):
            con.execute(MENTIONS_SQL, {"lo": lo, "hi": min(n, lo + chunk), "seed": seed})
        # in date order, as a migrated or clustered store holds them
        con.execute("INSERT INTO events SELECT merged_id, uid, source, target, cameo, "
                    "cameo_root, plover, plover_mode, quad_class, goldstein, modality, date, "
                    "date_precision, date_text, location, confidence, source_key, target_key, "
                    "1, 1, published, published, source_country, target_country, dyad_key "
                    "FROM mentions WHERE coder_version = 'synthetic' ORDER BY date, merged_id")
        con.execute("CHECKPOINT")
    return {"events": n, "seconds": round(time.perf_counter() - start, 1),
            "store_mb": round(path.stat().st_size / 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(fill(Path(args.db), args.events, args.seed))


if __name__ == "__main__":
    main()
