"""The CAMEO code table: name, Goldstein score, QuadClass and PLOVER type of each code.

Built by scripts/build_codes.py from the CAMEO code list and the CAMEO-to-PLOVER
conversion table; loaded once per process.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CODES_FILE = "cameo_codes.json"


class UnknownCameoCode(KeyError):
    """A CAMEO code that is not in the shipped code table."""

    def __init__(self, code: object):
        self.code = code
        super().__init__(
            f"unknown CAMEO code {code!r}: codes are 2-4 digit strings with leading zeros "
            f"kept (\"041\", \"0356\", \"1041\"); see dyads/data/{CODES_FILE}")

    def __str__(self) -> str:  # KeyError would otherwise show the repr of the message
        return self.args[0]


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int  # 0 neutral (01-02), 1 verbal coop, 2 material coop, 3/4 verbal/material conflict
    plover: str | None  # None for roots 01 and 02, which PLOVER does not map
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def _code_from_row(row: dict) -> CameoCode:
    return CameoCode(
        code=row["code"], name=row["name"], goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]), plover=row["plover"], plover_mode=row["plover_mode"])


@lru_cache(maxsize=1)
def _code_table() -> dict[str, CameoCode]:
    text = resources.files("dyads.data").joinpath(CODES_FILE).read_text(encoding="utf-8")
    return {row["code"]: _code_from_row(row) for row in json.loads(text)["codes"]}


def all_codes() -> dict[str, CameoCode]:
    """Every CAMEO code (roots included), keyed by code string; a fresh dict each call."""
    return dict(_code_table())


def is_cameo_code(code: object) -> bool:
    return isinstance(code, str) and code in _code_table()


def cameo_code(code: str) -> CameoCode:
    """The table entry of one code; raises UnknownCameoCode for anything else."""
    if not isinstance(code, str):
        raise UnknownCameoCode(code)
    try:
        return _code_table()[code]
    except KeyError:
        raise UnknownCameoCode(code) from None


@functools.lru_cache(maxsize=1)
def _shift_tables() -> dict[str, dict[str, str]]:
    import yaml

    text = resources.files("dyads.data").joinpath("code_shifts.yaml").read_text(encoding="utf-8")
    return {kind: {str(k): str(v) for k, v in table.items()}
            for kind, table in yaml.safe_load(text).items()}


SHIFT_DEFAULTS = {"future": None, "demand": "100", "refusal": "120", "cut": "162"}


def stance_code(adjective: str) -> str | None:
    """'confident' → 013 (optimistic comment), 'skeptical' → 012; else None."""
    return _shift_tables()["stance"].get(adjective.lower())


def shifted_code(kind: str, code: str) -> str:
    """The code of a deed that is announced (``future``), demanded (``demand``),
    refused (``refusal``) or, for aid, cut off (``cut``): "China will send aid" → 033;
    "Y must release" → 1053; "halted economic aid" → 1621."""
    table = _shift_tables()[kind]
    for length in range(len(code), 1, -1):  # longest prefix first
        hit = table.get(code[:length])
        if hit is not None:
            return hit
    return SHIFT_DEFAULTS[kind] or code


def future_code(code: str) -> str:
    return shifted_code("future", code)
