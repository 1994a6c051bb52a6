"""PLOVER JSON Lines from merged events, after the PLOVER manual's event record.

One object per event: ``id``, ``date``, ``actor`` and ``recipient`` (lists of actor
objects, empty where the text names none), ``event`` (the PLOVER type), ``mode``,
``context`` (a list), ``event_text`` (the evidence sentence), ``quad_code``, ``coder``,
``coded_date``, ``location`` (an object) and ``source`` (every article id, copies
included), plus dyads' own ``cameo``, ``modality``, ``date_precision``, ``rule_id``,
``trigger`` and counts. CAMEO codes map to PLOVER by ``data/cameo2plover.tsv``, built
from CAMEO2PLOVER-2021; the 02 appeals, absent there, are REQUEST (see
``scripts/build_plover_map.py``). CAMEO 01 statements have no PLOVER type and are left out.

``polecat-flat`` keeps the earlier flat layout (POLECAT's columns in snake_case).
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from dyads.store.gdelt import QUAD_CLASS_SQL

MAP_PATH = Path(__file__).resolve().parent.parent / "data" / "cameo2plover.tsv"


@lru_cache(maxsize=1)
def plover_map() -> pa.Table:
    """(cameo, event, mode, context list) from the shipped table."""
    with open(MAP_PATH, encoding="utf-8") as fh:
        rows = list(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"))
    contexts = [[c.strip() for c in r["context"].split(";") if c.strip()] for r in rows]
    return pa.table({"cameo": [r["cameo"] for r in rows], "event": [r["event"] for r in rows],
                     "mode": [r["mode"] or None for r in rows],
                     "context": pa.array(contexts, pa.list_(pa.string()))})


def _actor_list(side: str) -> str:
    return (f"CASE WHEN {side} IS NULL THEN [] ELSE [{{'name': {side}.name, "
            f"'code': {side}.code, 'country': {side}.country, 'sector': {side}.sector, "
            f"'wikidata_id': {side}.kb_id, 'text': {side}.text}}] END")


# FROM e, docs d, evidence v, plover_map pm (by code) and pr (by root).
PLOVER_SELECT = f"""e.event_id AS id, e.date AS date,
    {_actor_list('e.source')} AS actor, {_actor_list('e.target')} AS recipient,
    coalesce(e.plover, pm.event, pr.event) AS event,
    coalesce(e.plover_mode, pm.mode, '') AS mode,
    coalesce(pm.context, pr.context, []) AS context,
    v.evidence_sentence AS event_text, {QUAD_CLASS_SQL} AS quad_code,
    'dyads ' || coalesce(v.coder_version, '?') AS coder,
    CAST(v.coded_at AS DATE) AS coded_date,
    CASE WHEN e.location IS NULL THEN NULL ELSE {{'name': e.location.name,
        'country': e.location.country, 'lat': e.location.lat, 'lon': e.location.lon,
        'geonames_id': e.location.geonames_id, 'precision': e.location.precision}} END
        AS location,
    d.doc_ids AS source, e.cameo, e.goldstein AS event_intensity, e.modality,
    e.date_precision, v.rule_id, v.trigger_text AS "trigger",
    v.evidence_doc_id, e.num_mentions, e.num_articles, e.num_sources, e.confidence"""

PLOVER_JOINS = """LEFT JOIN plover_map pm ON pm.cameo = e.cameo
    LEFT JOIN plover_map pr ON pr.cameo = e.cameo_root"""
PLOVER_WHERE = "coalesce(e.plover, pm.event, pr.event) IS NOT NULL"


def _polecat_actor(side: str, prefix: str) -> str:
    return (f"{side}.name AS {prefix}_name, {side}.country AS {prefix}_country, "
            f"{side}.sector AS {prefix}_sector, {side}.kb_id AS {prefix}_wikidata_id, "
            f"{side}.code AS {prefix}_code, {side}.text AS {prefix}_name_raw")


POLECAT_SELECT = f"""e.event_id, e.date AS event_date, e.plover AS event_type,
    e.plover_mode AS event_mode, e.goldstein AS event_intensity, e.quad_class AS quad_code,
    [] :: VARCHAR[] AS contexts, {_polecat_actor('e.source', 'actor')},
    {_polecat_actor('e.target', 'recipient')}, e.location.name AS placename,
    e.location.country AS country, e.location.lat AS latitude, e.location.lon AS longitude,
    e.location.geonames_id AS geonames_id, e.location.precision AS feature_type,
    e.cameo, e.modality, e.num_mentions, e.num_articles, e.num_sources, d.doc_ids AS source,
    e.first_seen AS publication_date, 'dyads' AS coder, v.evidence_sentence,
    v.rule_id, v.trigger_text AS "trigger"
"""
