"""Rendering: the Jinja environment and the helper that gives every page its `.json` twin."""
from __future__ import annotations

import inspect
import json
import math
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, ChainableUndefined, select_autoescape

from dyads.api import charts

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
QUAD_LABELS = {0: "neutral", 1: "verbal coop.", 2: "material coop.",
               3: "verbal conflict", 4: "material conflict"}


def plain(value):
    """JSON-safe copy: dates as ISO text, NaN and infinities as null."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot serialise {type(value).__name__} to JSON")


def json_bytes(data) -> bytes:
    """Compact JSON; the slow `plain` walk only runs when a NaN or infinity is present."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=_json_default)
    except ValueError:
        text = json.dumps(plain(data), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


class DataResponse(JSONResponse):
    """JSON response that tolerates dates, decimals and NaN in store results."""

    def render(self, content) -> bytes:
        return json_bytes(content)


def fmt_num(value, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    try:
        return f"{float(value):.{digits}f}"
    except (TypeError, ValueError):
        return str(value)


def actor_label(actor: dict | None) -> str:
    if not actor:
        return "—"
    return actor.get("name") or actor.get("code") or actor.get("text") or "?"


def actor_key(actor: dict | None) -> str | None:
    if not actor:
        return None
    return actor.get("key") or actor.get("kb_id") or actor.get("code")


@lru_cache(maxsize=1)
def _cameo_names() -> dict[str, str]:
    from dyads.events.codes import all_codes

    return {code: c.name for code, c in all_codes().items()}


def cameo_name(code) -> str:
    """The CAMEO code's name ("020" -> "Make an appeal or request"), whatever its PLOVER."""
    return _cameo_names().get(str(code or ""), "")


def joined(value) -> str:
    """A filter value for a form field: several values joined by commas."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def sort_href(path: str, items, key: str, current: str | None) -> str:
    """A column header's link: sort by ``key``, or reverse when it is the current sort;
    paging starts again."""
    new = ("-" + key) if current == key else key
    return with_query(path, items, sort=new, offset=None)


def with_query(path: str, items, **changes) -> str:
    """`path?query` keeping `items` (pairs or dict) and applying `changes` (None drops)."""
    pairs = dict(items.items() if isinstance(items, dict) else items)
    pairs.update(changes)
    kept = [(k, str(v)) for k, v in pairs.items() if v not in (None, "")]
    return path + ("?" + urlencode(kept) if kept else "")


def joined_query(request: Request) -> list[tuple[str, str]]:
    """The query's pairs, a repeated name's values joined by commas (modality=a&modality=b
    -> modality=a,b), so links built from it keep every value."""
    joined: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        joined.setdefault(name, []).append(value)
    return [(name, ",".join(v for v in values if v)) for name, values in joined.items()]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=ChainableUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=fmt_num, actor=actor_label, key=actor_key, tone=charts.tone,
                       cameo_name=cameo_name, joined=joined,
                       u=lambda s: quote(str(s), safe=""), up=lambda s: quote(str(s), safe="/"))
    env.globals.update(with_query=with_query, quad_labels=QUAD_LABELS, charts=charts,
                       sort_href=sort_href)
    return env


def render(template: str, data: dict, status: int = 200) -> HTMLResponse:
    html = environment().get_template(template).render(**data)
    return HTMLResponse(html, status_code=status)


def _keyword_only(fn: Callable, extra: list[inspect.Parameter]) -> inspect.Signature:
    sig = inspect.signature(fn, eval_str=True)  # the wrappers live in another module
    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in sig.parameters.values()]
    return sig.replace(parameters=extra + params)


def twin(router: APIRouter, path: str, template: str, *, tags: list[str], summary: str,
         decorate: Callable[[dict], dict] | None = None):
    """Register `fn` (params -> data) as `path.json` (in the spec) and as the HTML `path`.

    `decorate` adds what only the HTML needs (chart geometry) to the data.
    """

    def register(fn: Callable[..., dict]) -> Callable[..., dict]:
        def as_json(**kwargs):
            return DataResponse(fn(**kwargs))

        def as_html(request: Request, **kwargs):
            data = fn(**kwargs)
            extra = decorate(data) if decorate else {}
            query = joined_query(request)
            return render(template, {**data, **extra, "query": query,
                                     "json_href": with_query(request.url.path + ".json", query)})

        as_json.__signature__ = _keyword_only(fn, [])
        as_html.__signature__ = _keyword_only(fn, [inspect.Parameter(
            "request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)])
        as_json.__name__, as_html.__name__ = fn.__name__ + "_json", fn.__name__ + "_page"
        errors = {404: {"description": "nothing with that key"}} if "{" in path else {}
        router.add_api_route(path + ".json", as_json, methods=["GET"], tags=tags,
                             summary=summary, response_class=DataResponse, responses=errors,
                             description=(fn.__doc__ or "").strip())
        router.add_api_route(path, as_html, methods=["GET"], include_in_schema=False,
                             response_class=HTMLResponse)
        return fn

    return register
