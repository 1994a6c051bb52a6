"""Political relevance: sports results, markets, weather and ordinary crime make no event.

Runs over an article's coded events (actors and codes known, before reports are merged).
Each event gets a ``Decision`` (``judge_events``) that names the rule and the features behind
it, so a dropped event can be explained: the sentence's domain cues (``data/relevance.yaml``),
the trigger's sense in that domain, the doer when it is a natural hazard, and whether either
actor is a political body. Conservative by design: a political cue or a political actor keeps
the event (a boycott of the Olympics, sanctions on a bank, a minister criticising a company).
"""
from __future__ import annotations

import functools
from collections import Counter
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from ..docview import span_text, view_of
from .discards import NAMED_ONLY_AS_COUNTRY, POLITICAL_SECTORS

# A person found this weakly (a fuzzy name match) does not vouch for
# the event's politics on its own: "Ethiopia's Tigist Assefa" is no minister Assefa.
MIN_POLITICAL_CONFIDENCE = 0.6
# The trigger's clause and the clauses it hangs from, for the doer of "killing" in
# "the storm hit the coast, killing two people".
DOER_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"advcl", "xcomp", "conj", "relcl", "acl", "ccomp"}


@dataclass(frozen=True)
class Domain:
    name: str
    strong: frozenset[str]
    weak: frozenset[str]
    senses: frozenset[str]
    patterns: tuple[re.Pattern, ...]
    country_is_political: bool


@dataclass(frozen=True)
class Rules:
    threshold: int
    story_hits: int
    story_share: float
    weak_alone: int
    political_cues: frozenset[str]
    hazards: frozenset[str]
    domains: tuple[Domain, ...]


@dataclass(frozen=True)
class Decision:
    """Whether an event is political, by which rule, and the features that decided it."""

    relevant: bool
    rule: str  # no_domain | political_cue | political_actor | hazard_doer | <domain name>
    reason: str


@functools.lru_cache(maxsize=1)
def default_rules() -> Rules:
    text = resources.files("dyads.data").joinpath("relevance.yaml").read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))


def _words(items) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items)


def parse_rules(data: dict) -> Rules:
    domains = tuple(
        Domain(name=name, strong=_words(d["strong"]), weak=_words(d["weak"]),
               senses=_words(d["senses"]),
               patterns=tuple(re.compile(p, re.IGNORECASE) for p in d.get("patterns") or ()),
               country_is_political=bool(d["country_is_political"]))
        for name, d in data["domains"].items())
    return Rules(threshold=int(data["threshold"]), story_hits=int(data["story_hits"]),
                 story_share=float(data["story_share"]), weak_alone=int(data["weak_alone"]),
                 political_cues=_words(data["political_cues"]), hazards=_words(data["hazards"]),
                 domains=domains)


def _word_pairs(sent) -> list[tuple[str, str]]:
    """(as written, lemma) of each token and each two-token run of a span, lowercased:
    read from the Doc's view and looked up in every domain's vocabulary (each walk of a
    span makes new Token objects)."""
    view = view_of(sent.doc)
    pairs = [(view.lower[i], view.lemma_lower[i]) for i in range(sent.start, sent.end)]
    pairs += [(f"{w1} {w2}", f"{l1} {l2}") for (w1, l1), (w2, l2) in zip(pairs, pairs[1:])]
    return pairs


def _cues(pairs: list[tuple[str, str]], vocabulary: frozenset[str]) -> list[str]:
    """The cues of ``vocabulary`` among a run's ``_word_pairs``, each word counted once: as
    written, else as its lemma ("goals" once, not also "goal"); two-word cues likewise."""
    found = set()
    for word, lemma in pairs:
        if word in vocabulary:
            found.add(word)
        elif lemma in vocabulary:
            found.add(lemma)
    return sorted(found)


def story_domains(doc, rules: Rules) -> frozenset[str]:
    """The domains a whole article is written in ("a sports story"), from its cue words."""
    view = view_of(doc)  # the words without a Token object per token
    words = [w for w, alpha in zip(view.lower, view.is_alpha) if alpha]
    if not words:
        return frozenset()
    found, counts = set(), Counter(words)  # each distinct word looked up once per domain
    for domain in rules.domains:
        hits = sum(n for w, n in counts.items() if w in domain.strong or w in domain.weak)
        if hits >= rules.story_hits and hits / len(words) >= rules.story_share:
            found.add(domain.name)
    return frozenset(found)


def sentence_domain(sent, trigger, rules: Rules,
                    in_story=frozenset()) -> tuple[Domain, list[str]] | None:
    """The best-scoring domain of a sentence at or above the threshold, with its cues."""
    best, pairs, text = None, _word_pairs(sent), span_text(sent)
    for domain in rules.domains:
        strong, weak = _cues(pairs, domain.strong), _cues(pairs, domain.weak)
        cues = strong + weak
        score = 2 * len(strong) + len(weak)
        pattern = any(p.search(text) for p in domain.patterns)
        if pattern:
            score, cues = score + 2, cues + ["<score line>"]
        sense = trigger.lemma_.lower() in domain.senses
        if sense:
            score, cues = score + 1, cues + [f"sense:{trigger.lemma_.lower()}"]
        story = domain.name in in_story and score >= rules.threshold
        if story:
            score, cues = score + 1, cues + ["<story>"]
        anchored = strong or pattern or story or len(weak) >= rules.weak_alone
        if anchored and score >= rules.threshold and (best is None or score > best[0]):
            best = (score, domain, cues)
    return (best[1], best[2]) if best else None


def _is_hazard(token, hazards: frozenset[str]) -> bool:
    """'the storm', 'Typhoon Haikui', 'a 6.8 magnitude earthquake'."""
    names = {token.lower_, token.lemma_.lower()}
    names |= {c.lower_ for c in token.children if c.dep_ == "compound"}
    return bool(names & hazards)


def hazard_doer(trigger, hazards: frozenset[str]):
    """The natural hazard that does the trigger's act, if any: its subject, the subject of
    the clause it hangs from, or the agent of a passive ('killed by floods')."""
    token, steps = trigger, 0
    while token is not None and steps < 3:
        for child in token.children:
            if child.dep_ in DOER_DEPS and _is_hazard(child, hazards):
                return child
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj" and _is_hazard(obj, hazards):
                        return obj
        if token.dep_ not in CLAUSE_DEPS or token.head is token:
            return None
        token, steps = token.head, steps + 1
    return None


def political_actor(actor, country_is_political: bool) -> bool:
    """A government, party, military, police, court or rebel body, or an international one;
    a country named alone counts only where ``country_is_political``."""
    if actor is None:
        return False
    if actor.resolved_by == "igo" or actor.sector == "IGO":
        return True
    if actor.sector not in POLITICAL_SECTORS:
        return False
    if actor.resolved_by == "person" and actor.confidence < MIN_POLITICAL_CONFIDENCE:
        return False
    # police, soldiers, parties name their role in the text; only a bare country is a guess
    return (country_is_political or actor.sector != "GOV"
            or actor.resolved_by not in NAMED_ONLY_AS_COUNTRY)


def _describe(actor) -> str:
    return f"{actor.text!r} ({actor.code or '?'}, {actor.resolved_by or 'unresolved'})"


def judge(event, sent, trigger, rules: Rules, in_story=frozenset()) -> Decision:
    """Decide one event from its sentence (a spaCy span), its trigger token and its actors."""
    doer = hazard_doer(trigger, rules.hazards)
    if doer is not None:
        return Decision(False, "hazard_doer", f"{trigger.text!r} is done by {doer.text!r}, "
                        "a natural hazard, not a person or body")
    found = sentence_domain(sent, trigger, rules, in_story)
    if found is None:
        return Decision(True, "no_domain", "no sports, market, disaster or crime cues")
    domain, cues = found
    political = _cues(_word_pairs(sent), rules.political_cues)
    if political:
        return Decision(True, "political_cue",
                        f"{domain.name} cues {cues} but political cues {political}")
    for actor in (event.source, event.target):
        if political_actor(actor, domain.country_is_political):
            return Decision(True, "political_actor",
                            f"{domain.name} cues {cues} but actor {_describe(actor)}")
    actors = [_describe(a) for a in (event.source, event.target) if a is not None]
    return Decision(False, domain.name,
                    f"{domain.name} cues {cues}; no political cue or actor among {actors}")


def judge_events(events, doc, rules: Rules | None = None) -> list[tuple[object, Decision]]:
    """Each event of one parsed article with its decision, in order. To see why an event
    was dropped, code the article with ``Settings(political_relevance=False,
    dedupe_within_article=False)`` and judge its events here (tests/events/test_relevance.py)."""
    rules = rules or default_rules()
    in_story = story_domains(doc, rules)
    judged = []
    for event in events:
        sent = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
        trigger = doc.char_span(event.trigger.start, event.trigger.end,
                                alignment_mode="expand") if event.trigger else None
        if sent is None or not trigger:
            judged.append((event, Decision(True, "no_trigger", "no trigger to judge")))
            continue
        judged.append((event, judge(event, sent, trigger.root, rules, in_story)))
    return judged


def relevant_events(events, doc, rules: Rules | None = None) -> list:
    """The events of one article that are political."""
    return [e for e, decision in judge_events(events, doc, rules) if decision.relevant]

