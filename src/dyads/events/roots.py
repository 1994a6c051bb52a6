"""CAMEO root families the matcher treats alike."""
from __future__ import annotations

STATEMENT_ROOT = "01"
FIGHT_ROOT = "19"
MATERIAL_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
CONTAINER_ROOTS = {"02", "03", "10", "12", "13"}  # their infinitive is the content, not an event
CONTENT_ROOTS = CONTAINER_ROOTS | {"01", "11"}  # "demanded/said/accused ... that X ..." → X is the target
# Deeds done to someone, whose noun's "of" phrase names that someone: "an investigation of
# X", "the arrest of X", "the killing of X" (not "a visit of X", "a protest of students").
DONE_TO_ROOTS = {"09", "17", "18", "20"}
# Verbal interactions need a counterpart; a lone doer is an event only for deeds
# (protests, force postures, violence) where the place or the act itself is the news.
NEED_TARGET_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}
# Statements that are news without a counterpart: declining to comment (011), a gloomy or
# hopeful outlook (012, 013), admitting (015), denying (016). Article gold codes them with
# the speaker alone ("the ministry declined to comment", "X denied any wrongdoing").
STANDALONE_STATEMENTS = {"011", "012", "013", "015", "016"}
