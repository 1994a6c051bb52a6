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
def _intent_table() -> dict[str, str]:
    import yaml
    from importlib import resources as _res

    text = _res.files("dyads.data").joinpath("intent_codes.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in yaml.safe_load(text).items()}


def future_code(code: str) -> str:
    """The intent (03x) or threat (13x) code for an announced deed; else ``code``.

    "China will send aid" → 033 with modality future; "will attack" → 1384.
    """
    table = _intent_table()
    for length in range(len(code), 1, -1):
        hit = table.get(code[:length])
        if hit is not None:
            return hit
    return code
