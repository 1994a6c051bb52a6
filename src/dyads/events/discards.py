"""Discards: sports, business and entertainment copy that mimics political interaction.

Rules live in ``data/discards.yaml`` (human-edited). Political actors (governments,
militaries, international bodies) keep an event even in a sports story: a minister who
attends a final still meets his counterpart.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

POLITICAL_SECTORS = {"GOV", "MIL", "IGO", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "OPP", "INS"}


@dataclass(frozen=True)
class Discards:
    sentence_patterns: tuple[re.Pattern, ...]
    story_words: frozenset[str]
    story_share: float
    actor_phrases: tuple[str, ...]
    idioms: frozenset[tuple[str, str]] = frozenset()
    disaster_words: frozenset[str] = frozenset()

    def is_disaster_story(self, words: list[str]) -> bool:
        """Weather and disaster copy: its rescuers and victims act in no political event
        unless someone named (a government, a foreign team) takes part."""
        return self._made_of(words, self.disaster_words)

    def _made_of(self, words: list[str], vocabulary: frozenset[str]) -> bool:
        """At least three words, and ``story_share`` of all, are from ``vocabulary``."""
        if not words:
            return False
        hits = sum(w.lower() in vocabulary for w in words)
        return hits >= 3 and hits / len(words) >= self.story_share

    def sentence_is_discarded(self, text: str) -> bool:
        return any(p.search(text) for p in self.sentence_patterns)

    def story_is_discarded(self, words: list[str]) -> bool:
        return self._made_of(words, self.story_words)

    def is_idiom(self, trigger) -> bool:
        """'relations hit a new low': the trigger's object or particle makes it an idiom."""
        lemma = trigger.lemma_.lower()
        words = {c.lemma_.lower() for c in trigger.children if c.dep_ in {"dobj", "prt", "attr"}}
        words |= {g.lemma_.lower() for c in trigger.children if c.dep_ == "prep"  # "looked
                  for g in c.children if g.dep_ == "pobj"}  # into the camera"
        return any((lemma, w) in self.idioms for w in words)

    def actor_is_discarded(self, phrase: str) -> bool:
        lower = phrase.lower()
        return any(name in lower for name in self.actor_phrases)


@functools.lru_cache(maxsize=1)
def default_discards() -> Discards:
    text = resources.files("dyads.data").joinpath("discards.yaml").read_text(encoding="utf-8")
    return parse_discards(yaml.safe_load(text))


def parse_discards(data: dict) -> Discards:
    return Discards(
        sentence_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["sentence_patterns"]),
        story_words=frozenset(w.lower() for w in data["story_words"]),
        story_share=float(data["story_share"]),
        actor_phrases=tuple(p.lower() for p in data["actor_phrases"]),
        idioms=frozenset(tuple(i.lower().split(None, 1)) for i in data.get("idioms", ())),
        disaster_words=frozenset(w.lower() for w in data.get("disaster_words", ())))


def is_political(actor, in_sports_story: bool = False) -> bool:
    """A government, military, court, party ... or a KB person or international body. In a
    sports or business story a country named alone is a team or a market ("Argentina
    attacked from the first whistle", "Ethiopia's Almaz"), not its government."""
    if actor is None:
        return False
    if in_sports_story and actor.resolved_by in NAMED_ONLY_AS_COUNTRY:
        return False
    return actor.sector in POLITICAL_SECTORS or actor.resolved_by in {"igo", "person"}


# How a country word becomes an actor without any political role in the text.
NAMED_ONLY_AS_COUNTRY = {"country", "metonym", "demonym", "context", "located"}


# Actors known only as a kind of people, given a country by where the text is set.
GENERIC_RESOLUTIONS = {"context", "sector", "located"}


def keep_event(event, discards: Discards, story_discarded: bool, disaster: bool = False) -> bool:
    """Drop non-political events in discarded sentences/stories and club 'actors'; in a
    disaster story, events between unnamed rescuers and victims."""
    for actor in (event.source, event.target):
        if actor is not None and discards.actor_is_discarded(actor.text):
            return False
    if disaster and all(a is None or a.resolved_by in GENERIC_RESOLUTIONS
                        for a in (event.source, event.target)):
        return False
    political = (is_political(event.source, story_discarded)
                 or is_political(event.target, story_discarded))
    if political:
        return True
    return not (story_discarded or discards.sentence_is_discarded(event.sentence.text))
