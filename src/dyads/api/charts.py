"""Geometry for the server-drawn SVG charts. Pure functions: numbers in, shapes out.

Templates turn these shapes into SVG with autoescaping on, so labels need no escaping here.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

QUAD_NAMES = {0: "neutral", 1: "verbal cooperation", 2: "material cooperation",
              3: "verbal conflict", 4: "material conflict"}


def _nice_max(value: float) -> float:
    """Round an axis maximum up to 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


# Label every k-th period, k from these steps (months: quarters, years ...).
LABEL_STEPS = {"day": (1, 2, 7, 14, 28, 91, 182, 364), "week": (1, 2, 4, 8, 13, 26, 52, 104),
               "month": (1, 2, 3, 6, 12, 24, 60, 120), "year": (1, 2, 5, 10, 20, 50)}
LABEL_PX = {"day": 80, "week": 80, "month": 62, "year": 44}  # room one label needs


def _period_index(day: date, freq: str) -> int:
    """A running number of the period (months since year 0, ...): steps and alignment."""
    if freq == "month":
        return day.year * 12 + day.month - 1
    if freq == "year":
        return day.year
    if freq == "week":  # day 1 of the proleptic calendar is a Monday: weeks start on Monday
        return (day.toordinal() - 1) // 7
    return day.toordinal()


def _from_index(n: int, freq: str) -> date:
    if freq == "month":
        return date(n // 12, n % 12 + 1, 1)
    if freq == "year":
        return date(n, 1, 1)
    return date.fromordinal(n * 7 + 1 if freq == "week" else n)


def _day(period) -> date:
    """A period's first day from '2022-03-01', '2022-03' or '2022'."""
    text = str(period)[:10]
    return date.fromisoformat(text + "-01-01"[len(text) - 4:] if len(text) < 10 else text)


def period_label(period: str, freq: str) -> str:
    """'2022-03-01' -> '2022-03' by month, '2022' by year; days and weeks keep the date."""
    return period[:7] if freq == "month" else period[:4] if freq == "year" else period[:10]


def fill_periods(series: list[dict], freq: str) -> list[dict]:
    """Every period from the first to the last of ``series``, zeros where none happened
    (``goldstein_mean`` stays null there), so the axis is true calendar time."""
    if not series or freq not in LABEL_STEPS:
        return list(series)
    known = {_day(p["period"]).isoformat(): p for p in series}
    days = sorted(date.fromisoformat(k) for k in known)
    first, last = _period_index(days[0], freq), _period_index(days[-1], freq)
    out = []
    for n in range(first, last + 1):
        key = _from_index(n, freq).isoformat()
        out.append(known.get(key) or {"period": key, "events": 0, "goldstein_sum": 0,
                                      "goldstein_mean": None, "q0": 0, "q1": 0, "q2": 0,
                                      "q3": 0, "q4": 0})
    return out


def _label_step(n: int, freq: str, plot_width: float) -> int:
    room = max(1, int(plot_width // LABEL_PX.get(freq, 70)))
    steps = LABEL_STEPS.get(freq, (1,))
    return next((k for k in steps if math.ceil(n / k) <= room), steps[-1])


def _labels(series: list[dict], freq: str, xs: list[float], plot_width: float) -> list[dict]:
    step = _label_step(len(series), freq, plot_width)
    out = []
    for p, x in zip(series, xs):
        day = _day(p["period"])
        if _period_index(day, freq) % step == 0 or len(series) == 1:
            out.append({"x": x, "text": period_label(str(p["period"]), freq)})
    return out


def timeline(series: list[dict], freq: str = "month", width: int = 760,
             height: int = 340) -> dict:
    """Diverging bars (cooperation up, conflict down) and a Goldstein-mean line below,
    one slot per period: ``series`` should be zero-filled (``fill_periods``)."""
    left, right, top = 48, 16, 16
    bars_h, gap, line_h = (height - top - 40) * 0.62, 28, (height - top - 40) * 0.38 - 28
    n = max(len(series), 1)
    slot = (width - left - right) / n
    coop = [int(p.get("q1") or 0) + int(p.get("q2") or 0) for p in series]
    conf = [int(p.get("q3") or 0) + int(p.get("q4") or 0) for p in series]
    peak = _nice_max(max(coop + conf + [0]))
    zero_y = top + bars_h / 2
    unit = (bars_h / 2) / peak
    bars, points = [], []
    line_top = top + bars_h + gap
    g_to_y = lambda g: line_top + (10 - g) / 20 * line_h  # noqa: E731 (Goldstein -10..10)
    xs = []
    for i, p in enumerate(series):
        x = left + i * slot + slot * 0.15
        w = max(slot * 0.7, 1.0)
        xs.append(x + w / 2)
        period = period_label(str(p.get("period")), freq)
        if coop[i]:
            bars.append({"x": x, "y": zero_y - coop[i] * unit, "w": w, "h": coop[i] * unit,
                         "cls": "coop", "title": f"{period}: {coop[i]} cooperative events"})
        if conf[i]:
            bars.append({"x": x, "y": zero_y, "w": w, "h": conf[i] * unit, "cls": "conflict",
                         "title": f"{period}: {conf[i]} conflictual events"})
        mean = p.get("goldstein_mean")
        if mean is not None:
            points.append({"x": x + w / 2, "y": g_to_y(float(mean)),
                           "title": f"{period}: mean Goldstein {float(mean):+.2f} "
                                    f"over {p.get('events', 0)} events"})
    return {
        "width": width, "height": height, "left": left, "right": width - right,
        "zero_y": zero_y, "top": top, "bars_bottom": top + bars_h, "peak": peak,
        "bars": bars, "labels": _labels(series, freq, xs, width - left - right),
        "label_y": height - 12, "line_top": line_top, "line_bottom": line_top + line_h,
        "line_zero": g_to_y(0), "points": points,
        "polyline": " ".join(f"{p['x']:.1f},{p['y']:.1f}" for p in points),
    }


def network(edges: list[dict], max_nodes: int = 30, size: int = 640) -> dict:
    """A circular layout of the busiest actors and the edges between them."""
    weight: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for e in edges:
        weight[e["source"]] += int(e.get("events") or 0)
        weight[e["target"]] += int(e.get("events") or 0)
        names.setdefault(e["source"], e.get("source_name") or e["source"])
        names.setdefault(e["target"], e.get("target_name") or e["target"])
    keep = sorted(weight, key=lambda k: (-weight[k], k))[:max_nodes]
    centre, radius = size / 2, size / 2 - 140  # room for labels outside the ring
    heaviest = max([weight[k] for k in keep] + [1])
    nodes = {}
    for i, key in enumerate(keep):
        angle = 2 * math.pi * i / max(len(keep), 1) - math.pi / 2
        nodes[key] = {"key": key, "label": _short(names[key]), "x": centre + radius * math.cos(angle),
                      "y": centre + radius * math.sin(angle), "events": weight[key],
                      "r": 4 + 10 * math.sqrt(weight[key] / heaviest),
                      "anchor": "start" if math.cos(angle) >= 0 else "end",
                      "lx": centre + (radius + 16) * math.cos(angle),
                      "ly": centre + (radius + 16) * math.sin(angle) + 4}
    busiest = max([int(e.get("events") or 0) for e in edges] + [1])
    lines = [_edge_shape(e, nodes, busiest) for e in edges
             if e["source"] in nodes and e["target"] in nodes and e["source"] != e["target"]]
    return {"size": size, "nodes": list(nodes.values()), "edges": lines}


def _short(name: str, room: int = 22) -> str:
    return name if len(name) <= room else name[:room - 1] + "…"


def tone(goldstein_mean: float | None) -> str:
    """CSS class for a Goldstein mean: cooperative, conflictual or in between."""
    if goldstein_mean is None:
        return "neutral"
    return "coop" if goldstein_mean >= 1 else "conflict" if goldstein_mean <= -1 else "neutral"


def _edge_shape(edge: dict, nodes: dict, busiest: int) -> dict:
    """A line from the source's rim to just short of the target's rim (room for the arrow)."""
    a, b = nodes[edge["source"]], nodes[edge["target"]]
    mean = edge.get("goldstein_mean")
    events = int(edge.get("events") or 0)
    mean_text = f"{float(mean):+.2f}" if mean is not None else "n/a"
    dx, dy = b["x"] - a["x"], b["y"] - a["y"]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    tail, head = a["r"] + 2, b["r"] + 3
    return {"x1": a["x"] + ux * tail, "y1": a["y"] + uy * tail,
            "x2": b["x"] - ux * head, "y2": b["y"] - uy * head,
            "width": 1 + 5 * events / busiest, "cls": tone(mean),
            "source": edge["source"], "target": edge["target"],
            "title": f"{edge['source']} → {edge['target']}: {events} events, "
                     f"mean Goldstein {mean_text}"}


def map_points(locations: list[dict]) -> list[dict]:
    """Group located events by position: one circle per place, sized by event count."""
    places: dict[tuple[float, float], dict] = {}
    for loc in locations:
        lat, lon = loc.get("lat"), loc.get("lon")
        if lat is None or lon is None:
            continue
        key = (round(float(lat), 2), round(float(lon), 2))
        place = places.setdefault(key, {"x": key[1], "y": -key[0], "name": loc.get("name"),
                                        "country": loc.get("country"), "events": []})
        place["events"].append(loc)
    points = []
    for place in places.values():
        count = len(place["events"])
        quads = [quad_of(e) for e in place["events"]]
        first = place["events"][0]
        points.append({**place, "count": count, "r": 1.2 + 0.8 * math.sqrt(count),
                       "cls": _quad_tone(quads), "event_id": first.get("event_id"),
                       "title": f"{place['name']} ({place['country'] or '?'}): {count} events"})
    return sorted(points, key=lambda p: -p["count"])


def quad_of(event: dict) -> int | None:
    """The event's quad class, or the one its CAMEO root implies (01-05 verbal
    cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material)."""
    if event.get("quad_class") is not None:
        return int(event["quad_class"])
    root = str(event.get("cameo") or "")[:2]
    if not root.isdigit():
        return None
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def _quad_tone(quads: list[int | None]) -> str:
    if not quads:
        return "neutral"
    conflict = sum(1 for q in quads if q in (3, 4))
    coop = sum(1 for q in quads if q in (1, 2))
    return "conflict" if conflict > coop else "coop" if coop > conflict else "neutral"


def graticule(step: int = 30) -> dict:
    return {"lons": list(range(-180, 181, step)), "lats": list(range(-90, 91, step))}
