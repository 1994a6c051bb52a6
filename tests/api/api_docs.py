"""Hand-made OUTPUT.md docs records (plus "body") for the API tests.

Offsets are found in the body by searching for the quoted words, so the records keep
`body[start:end] == text` however the sentences are edited.
"""
from __future__ import annotations

HOSTILE_MARKUP = '<script>window.__pwned = 1;</script><img src=x onerror="window.__pwned=2">'


def span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def actor(body: str, text: str, code: str, *, name=None, kb_id=None, country=None,
          sector=None, resolved_by="country", nth: int = 0) -> dict:
    start, end = span(body, text, nth)
    return {"text": text, "start": start, "end": end, "name": name or text, "kb_id": kb_id,
            "country": country if country is not None else code[:3], "sector": sector,
            "code": code, "resolved_by": resolved_by}


def sentence_of(body: str, inner: str) -> dict:
    at = body.index(inner)
    start = body.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = body.find(". ", at)
    end = len(body) if end < 0 else end + 1
    return {"index": body.count(". ", 0, start), "start": start, "end": end,
            "text": body[start:end]}


QUADS = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
         "09": 3, "10": 3, "11": 3, "12": 3, "13": 3}


def event(doc_id: str, n: int, body: str, published: str, *, trigger: str, cameo: str,
          source: dict | None, target: dict | None, date: str | None, date_text: str | None,
          goldstein: float, plover: str | None, location: dict | None = None,
          quote: str | None = None, modality: str = "asserted", rule: str = "") -> dict:
    t_start, t_end = span(body, trigger)
    return {
        "event_id": f"{doc_id}-e{n}", "doc_id": doc_id, "published": published,
        "source": source, "target": target, "cameo": cameo, "cameo_root": cameo[:2],
        "plover": plover, "plover_mode": None, "quad_class": QUADS.get(cameo[:2], 4),
        "goldstein": goldstein, "modality": modality, "date": date,
        "date_precision": "day" if date else None, "date_text": date_text,
        "location": location, "quote": quote, "sentence": sentence_of(body, trigger),
        "confidence": 0.8, "coder": {"name": "dyads", "version": "test"},
        "trigger": {"text": trigger, "start": t_start, "end": t_end,
                    "rule": rule or f"verb '{trigger}' -> {cameo}"},
        "mentions": 1,
    }


def place(body: str, text: str, country: str, lat: float, lon: float) -> dict:
    start, end = span(body, text)
    return {"name": text, "country": country, "lat": lat, "lon": lon, "geonames_id": None,
            "precision": "city", "text": text, "start": start, "end": end}


def talks_doc() -> dict:
    body = ("Foreign Minister Lena Varga met Secretary of State Paul Endicott in Geneva on "
            "Tuesday to discuss grain exports. Endicott said, \u201cWe want the corridor "
            "open before winter.\u201d On Wednesday, rebels attacked a police post near "
            "Aleppo, officials said.")
    published = "2023-05-11"
    varga = actor(body, "Foreign Minister Lena Varga", "HUNGOV", name="Lena Varga",
                  kb_id="Q900001", sector="GOV", resolved_by="title")
    endicott = actor(body, "Secretary of State Paul Endicott", "USAGOV", name="Paul Endicott",
                     kb_id="Q900002", sector="GOV", resolved_by="person")
    rebels = actor(body, "rebels", "SYRREB", country="SYR", sector="REB", resolved_by="sector")
    police = actor(body, "police", "SYRCOP", country="SYR", sector="COP", resolved_by="sector")
    quote_text = "We want the corridor open before winter."
    q_start, q_end = span(body, quote_text)
    c_start, c_end = span(body, "said", 0)
    events = [
        event("talks", 1, body, published, trigger="met", cameo="043", source=varga,
              target=endicott, date="2023-05-09", date_text="on Tuesday", goldstein=2.8,
              plover="CONSULT", location=place(body, "Geneva", "CHE", 46.2, 6.15)),
        event("talks", 2, body, published, trigger="attacked", cameo="190", source=rebels,
              target=police, date="2023-05-10", date_text="On Wednesday", goldstein=-10.0,
              plover="ASSAULT", location=place(body, "Aleppo", "SYR", 36.2, 37.16)),
    ]
    quotes = [{"speaker": {**endicott, "text": "Endicott", **dict(zip(("start", "end"),
                                                                      span(body, "Endicott", 1)))},
               "quote": quote_text, "start": q_start, "end": q_end, "cue": "said",
               "cue_start": c_start, "cue_end": c_end}]
    return {"doc_id": "talks", "published": published, "title": "Talks in Geneva",
            "url": "https://example.org/talks", "events": events, "quotes": quotes,
            "errors": [], "body": body}


def dyad_doc(month: int, hostile: bool) -> dict:
    """One article per month between the US and Russia: cooperation early, conflict later."""
    verb, cameo, g, plover = (("criticized", "111", -2.0, "ACCUSE") if hostile
                              else ("praised", "051", 3.4, "SUPPORT"))
    month_name = ("January", "February", "March", "April", "May", "June")[month - 1]
    body = (f"Washington {verb} Moscow on Monday over the shipping talks. "
            f"Analysts expect more meetings in {month_name}.")
    published = f"2023-{month:02d}-15"
    usa = actor(body, "Washington", "USAGOV", name="United States government",
                sector="GOV", resolved_by="metonym")
    rus = actor(body, "Moscow", "RUSGOV", name="Russian government", sector="GOV",
                resolved_by="metonym")
    doc_id = f"dyad-{month:02d}"
    ev = event(doc_id, 1, body, published, trigger=verb, cameo=cameo, source=usa, target=rus,
               date=f"2023-{month:02d}-13", date_text="on Monday", goldstein=g, plover=plover)
    return {"doc_id": doc_id, "published": published, "title": None, "url": None,
            "events": [ev], "quotes": [], "errors": [], "body": body}


def hostile_doc() -> dict:
    """An article whose text, actor names, quote and title all carry live markup."""
    body = (f"Minister <b>Mallory</b> {HOSTILE_MARKUP} condemned the raid. "
            f"Mallory said, \"{HOSTILE_MARKUP} must stop\". Officials in Kyiv agreed.")
    published = "2023-06-01"
    speaker = actor(body, "Minister <b>Mallory</b>", "UKRGOV", name="<b>Mallory</b><script>window.__pwned=3</script>",
                    kb_id=None, sector="GOV", resolved_by="title")
    quote_text = f"{HOSTILE_MARKUP} must stop"
    q_start, q_end = span(body, quote_text)
    ev = event("hostile", 1, body, published, trigger="condemned", cameo="122",
               source=speaker, target=None, date="2023-05-31", date_text=None,
               goldstein=-4.0, plover="ACCUSE", quote=quote_text,
               location=place(body, "Kyiv", "UKR", 50.45, 30.52),
               rule="<script>window.__pwned=4</script>")
    return {"doc_id": "hostile", "published": published,
            "title": "<script>window.__pwned=5</script><i>Markup</i> title",
            "url": "javascript:window.__pwned=6", "events": [ev],
            "quotes": [{"speaker": speaker, "quote": quote_text, "start": q_start, "end": q_end,
                        "cue": "said", "cue_start": None, "cue_end": None}],
            "errors": [], "body": body}


def all_docs() -> list[dict]:
    months = [dyad_doc(m, hostile=m > 3) for m in range(1, 7)]
    return [talks_doc(), hostile_doc(), *months]
