"""Hand-built docs records (OUTPUT.md shape) for the store tests.

A module of its own, not conftest: tests/api has a conftest too, and a plain
``from conftest import`` picks whichever directory pytest put first on the path."""
from __future__ import annotations

import hashlib

PLOVER_BY_ROOT = {"03": "COOPERATE", "04": "CONSULT", "05": "COOPERATE", "10": "REQUEST",
                  "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
                  "17": "COERCE", "19": "ASSAULT", "01": None, "02": None}
QUAD_BY_ROOT = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "10": 3, "11": 3, "12": 3,
                "13": 3, "14": 3, "17": 4, "19": 4}

PEOPLE = {
    "USAGOV": ("Antony Blinken", "Q2854400", "USA"),
    "INDGOV": ("Subrahmanyam Jaishankar", "Q7631185", "IND"),
    "RUSGOV": ("Sergey Lavrov", "Q173203", "RUS"),
    "UKRGOV": ("Dmytro Kuleba", "Q20605557", "UKR"),
    "CHNGOV": ("Wang Yi", "Q360155", "CHN"),
}
PLACES = {
    "Istanbul": ("TUR", 41.01, 28.95, 745044, "city"),
    "Ankara": ("TUR", 39.93, 32.86, 323786, "city"),
    "Geneva": ("CHE", 46.20, 6.14, 2660646, "city"),
}


def actor(code: str | None, text: str | None = None) -> dict | None:
    if code is None:
        return None
    name, kb_id, country = PEOPLE.get(code, (code.title(), None, code[:3]))
    text = text or name
    return {"text": text, "start": 0, "end": len(text), "name": name, "kb_id": kb_id,
            "country": country, "sector": code[3:] or None, "code": code,
            "resolved_by": "person"}


def place(name: str | None) -> dict | None:
    if name is None:
        return None
    country, lat, lon, gid, precision = PLACES[name]
    return {"name": name, "country": country, "lat": lat, "lon": lon, "geonames_id": gid,
            "precision": precision, "text": name, "start": 0, "end": len(name)}


def event(doc_id: str, idx: int, source: str | None, target: str | None, cameo: str,
          date: str | None, sentence: str, location: str | None = None,
          published: str | None = None, version: str = "0.1.0", **extra) -> dict:
    root = cameo[:2]
    eid = hashlib.sha1(f"{doc_id}|{idx}|{sentence}|{version}".encode()).hexdigest()[:16]
    out = {
        "event_id": eid, "doc_id": doc_id, "published": published or date,
        "source": actor(source), "target": actor(target), "cameo": cameo, "cameo_root": root,
        "plover": PLOVER_BY_ROOT.get(root), "plover_mode": None,
        "quad_class": QUAD_BY_ROOT.get(root, 1), "goldstein": 1.0 if root < "10" else -4.0,
        "modality": "asserted", "date": date, "date_precision": "day" if date else None,
        "date_text": "on Wednesday" if date else None, "location": place(location),
        "quote": None, "sentence": {"index": idx, "start": 0, "end": len(sentence),
                                    "text": sentence},
        "confidence": 0.8, "coder": {"name": "dyads", "version": version},
        "trigger": None, "mentions": 1,
    }
    out.update(extra)
    return out


def doc(doc_id: str, body: str, events: list[dict], published: str | None = "2022-03-31",
        quotes: list[dict] | None = None, **extra) -> dict:
    out = {"doc_id": doc_id, "published": published, "title": f"Title of {doc_id}",
           "url": f"https://news.example/{doc_id}", "meta": {}, "events": events,
           "quotes": quotes or [], "errors": [], "body": body}
    out.update(extra)
    return out


def call_doc(doc_id: str, body: str, source: str, target: str, date: str,
             location: str | None = None, cameo: str = "041",
             published: str = "2022-03-31", version: str = "0.1.0") -> dict:
    """An article reporting one phone call between two actors."""
    return doc(doc_id, body, [event(doc_id, 0, source, target, cameo, date, body,
                                    location=location, published=published,
                                    version=version)], published=published)
