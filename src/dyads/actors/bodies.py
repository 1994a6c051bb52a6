"""Organisations the KB does not know, named in an article about one country.

"the Clinton Foundation", "Judicial Watch", "Hofstra University security", "Nassau County
police", "Platte River Networks": news names domestic bodies by their own names, which no
KB lists. Such a body belongs to the place its name holds, else to the person its name
begins with ("Clinton" of the article), else to the country the article is about; its
sector comes from the last word of its name.
"""
from __future__ import annotations

from dataclasses import replace

from ..docview import view_of
from ..parse import entity_span
from ..records import Actor
from . import coref
from .kb import composite_code
from .sectors import norm_text
from .us_politics import chamber_body

# Last words of a body's name and the sector they give it.
BODY_SECTORS = {"university": "EDU", "college": "EDU", "school": "EDU", "institute": "NGO",
                "foundation": "NGO", "fund": "NGO", "watch": "NGO", "center": "NGO",
                "centre": "NGO", "naacp": "NGO", "aclu": "NGO", "coalition": "NGO",
                "pac": "PTY", "campaign": "PTY", "networks": "BUS", "network": "BUS",
                "inc": "BUS", "corp": "BUS", "corporation": "BUS", "company": "BUS",
                "llc": "BUS", "group": "BUS", "police": "COP", "sheriff": "COP",
                "security": "COP", "court": "JUD", "board": "GOV", "commission": "GOV",
                "department": "GOV", "office": "GOV", "county": "GOV", "council": "GOV",
                "treasury": "GOV", "ministry": "GOV", "agency": "GOV"}
NO_BODY_SECTORS = {"IGO", "MNC", "IMG"}


def body_span(token):
    """The ORG name the token heads or ends ('Foundation' of 'the Clinton Foundation';
    'security' after 'Hofstra University'), with its own head noun."""
    span = entity_span(token)
    if span is not None and span.label_ == "ORG" and span.root.i == token.i:
        return span, token
    mods = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    inner = entity_span(mods[-1]) if mods else None
    if inner is not None and inner.label_ == "ORG" and inner.end == token.i \
            and token.lower_ in BODY_SECTORS:  # "the Abedin emails" are no body
        return token.doc[inner.start:token.i + 1], token
    return None, None


class NamedBodies:
    """Mixin of ``ArticleActors``: uses its ``kb``, ``antecedents`` and ``_place``."""

    def _named_body(self, token, actor: Actor | None) -> Actor | None:
        """An unknown organisation with no country: its place's, its namesake's or the
        article's country, and the sector its name gives."""
        if actor is not None and (actor.country or actor.kb_id or actor.sector in NO_BODY_SECTORS):
            return actor
        span, head = body_span(token)
        if span is None or self.kb.entity(span.text) is not None:
            return actor
        words = [t.lower_.rstrip(".") for t in span]
        # the name's last word, else its head noun: "the Ohio Board of Elections"
        sector = "LEG" if chamber_body(span, head) else (
            (actor.sector if actor is not None else None) or BODY_SECTORS.get(words[-1])
            or BODY_SECTORS.get(head.lower_))
        country = self._body_place(span) or self._namesake_country(span) \
            or coref.dominant_country(self.antecedents, token.i)
        if country is None:
            return actor
        if span[0].lower_ == "the":
            span = span[1:]
        return Actor(text=span.text, start=span.start_char, end=span.end_char, name=span.text,
                     kb_id=None, country=country, sector=sector,
                     code=composite_code(country, sector), resolved_by="body", confidence=0.5)

    def _short_name(self, token, on) -> Actor | None:
        """'Platte River' after 'Platte River Networks': a proper name of two or more words
        that begins the name of an organisation named earlier is that organisation."""
        view, i = view_of(token.doc), token.i
        start = _name_start(view, i)
        if start is None:
            return None
        words = [norm_text(w) for w in view.words[start:i + 1]]
        for a, b, label in reversed(view.entities_within(0, start)):
            full = [norm_text(w) for w in view.words[a:b]]
            if label == "ORG" and len(full) > len(words) and full[:len(words)] == words:
                named = self._single(token.doc[b - 1], on)
                if len(named) != 1 or named[0].kb_id is None and named[0].country is None:
                    return None
                return replace(named[0], text=view.span_text(start, i + 1), start=view.idx[start],
                               end=view.idx[i] + len(view.words[i]), resolved_by="coref",
                               confidence=named[0].confidence * 0.9)
        return None

    def _body_place(self, span) -> str | None:
        """'Nassau County police', 'NC NAACP': a place inside the name."""
        for t in span:
            if t.ent_type_ in {"GPE", "LOC"} or t.is_upper:
                place = self._place(t) if t.ent_type_ in {"GPE", "LOC"} else None
                entity = self.kb.entity(t.text)
                if place is not None:
                    return place.country
                if entity is not None and entity.kind == "country" and entity.country:
                    return entity.country
        return None

    def _namesake_country(self, span) -> str | None:
        """'the Clinton Foundation' in a story about Hillary Clinton: her country."""
        first = next((t for t in span if t.pos_ == "PROPN"), None)
        word = norm_text(first.text) if first is not None else None
        named = next((a.actor for a in reversed(self.antecedents) if a.is_person
                      and a.token < span.start and a.actor.name
                      and word in norm_text(a.actor.name).split()), None)
        return named.country if named is not None else None


SHORT_NAME_WORDS = 2  # one word ("Clinton" after "the Clinton Foundation") is too often a person's


def _name_start(view, i: int) -> int | None:
    """Where the proper name headed at ``i`` begins, when it has two words or more."""
    if view.pos[i] != "PROPN" or view.dep[i] in {"compound", "flat"}:
        return None
    start = i
    while start > 0 and view.pos[start - 1] == "PROPN" and view.dep[start - 1] == "compound" \
            and view.head[start - 1] == i:
        start -= 1
    return start if i + 1 - start >= SHORT_NAME_WORDS else None
