"""Each merged event's evidence: the mention merging picks to stand for it (asserted
first, then the most confident), with its sentence, trigger, rule id, article, the
coder version that coded that article and when. Shared by the exports and the
explorer's CSV download, so both cite the same sentence."""
from __future__ import annotations

# A CTE over a CTE ``e`` of events (it needs only ``e.event_id``).
EVIDENCE_CTE = """evidence AS (
    SELECT r.merged_id, r.sentence.text AS evidence_sentence,
           struct_extract(r.sentence, 'index') AS sentence_index,
           r."trigger".text AS trigger_text, r."trigger".rule AS rule_id,
           r.doc_id AS evidence_doc_id, a.coder_version, a.coded_at
    FROM (SELECT merged_id, sentence, "trigger", doc_id, row_number() OVER (
              PARTITION BY merged_id ORDER BY (modality = 'asserted') DESC,
              confidence DESC NULLS LAST, uid) AS rn
          FROM mentions WHERE merged_id IN (SELECT event_id FROM e)) r
    LEFT JOIN articles a ON a.doc_id = r.doc_id WHERE r.rn = 1)"""

# The columns a flat row takes from it (``v`` joined on ``v.merged_id = e.event_id``).
EVIDENCE_COLUMNS = """v.evidence_sentence, v.trigger_text AS "trigger", v.rule_id,
    v.evidence_doc_id, v.coder_version, CAST(v.coded_at AS DATE) AS coded_date"""


def with_evidence(events_sql: str, fields: str, order: str) -> str:
    """``events_sql`` (a SELECT * over events) with ``fields`` of each event and its
    evidence columns, in ``order``."""
    return (f"WITH e AS ({events_sql}), {EVIDENCE_CTE} SELECT * FROM ("
            f"SELECT {fields}, {EVIDENCE_COLUMNS} FROM e "
            f"LEFT JOIN evidence v ON v.merged_id = e.event_id) ORDER BY {order}")
