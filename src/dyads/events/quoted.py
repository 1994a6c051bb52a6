"""Quoted judgements: a quotation's own sentences that judge, coded as the speaker's words.

'"It is categorically untrue. It is baseless," the lawyer said.' and '"He is a liar and a
crook," she said.' carry their event in the quoted words, with no judging verb in the
sentence that holds them: the quotation's speaker denies (016) or accuses, criticises or
praises (112, 111, 051) the actor the sentence is about. A sentence counts when its main
clause lies inside a quotation that has a speaker with a country, and the sentence holds
no candidate event already (a sentence with a cue verb is judged by that verb).
"""
from __future__ import annotations

from .judgements import DENIAL_CODE, default_judgements, predicate_words, strongest_word
from .lexicon import LexEntry
from .match import FIRST_PERSON, EventCandidate

QUOTED_MARK = "+quoted:"
# Subjects that name what is denied ("It is untrue", "This is a hoax", "The claim is false").
THING_SUBJECTS = {"it", "this", "that", "these", "those"}
CLAIM_HEADS = {"claim", "allegation", "accusation", "report", "story", "charge", "lawsuit",
               "suit", "rumor", "rumour", "suggestion", "idea", "notion"}
# The speaker's judgement is the main clause: 'be' or a verb whose words judge.
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def quoted_judgements(doc, quotes, candidates, actors) -> list[EventCandidate]:
    """Candidates for the judging sentences inside quotations, in text order."""
    taken = {c.sentence_index for c in candidates}
    words = default_judgements()
    out, said = [], set()
    for index, sent in enumerate(doc.sents):
        if index in taken:
            continue
        quote = _holding_quote(sent.root, quotes)
        if quote is None or _has_cue(sent, quote, words):
            continue
        found = _judgement(sent.root, words, actors)
        if found is None or _self(found[2], quote.speaker) or (quote.start, found[0]) in said:
            continue  # one quotation's run of denials ("It is untrue. It is baseless.") is one
        code, word, target = found
        said.add((quote.start, code))
        out.append(_candidate(sent.root, word, code, quote.speaker, target, index))
    return out


def _has_cue(sent, quote, words) -> bool:
    """The sentence tells who says it ('"...," he said, "who ..."'): its cue verb judges."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in words.verbs
               and not quote.start <= t.idx < quote.end for t in sent)


def _self(target, speaker) -> bool:
    """'"He is very smart," Blackwell wrote' about another; a 'he' read as the speaker
    himself is a misreading, not self-praise."""
    return target is not None and target.key == speaker.key


def _holding_quote(root, quotes):
    """The quotation, with a speaker of known country, that holds the sentence's verb."""
    return next((q for q in quotes if q.start <= root.idx < q.end and q.speaker is not None
                 and q.speaker.country and q.kind == "direct"), None)


def _judgement(root, words, actors):
    """(code, judgement word, target actor or None) for a main clause that judges."""
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return None  # "I was wrong", "we are disappointed": no judgement of another
    found = strongest_word(predicate_words(root), words)
    if found is None:
        return None
    code, word = found
    if code == DENIAL_CODE:
        denied = subject.lower_ in THING_SUBJECTS or subject.lemma_.lower() in CLAIM_HEADS
        return (code, word, _claimant(subject, actors)) if denied else None
    if subject.lower_ in THING_SUBJECTS:
        return None  # "It's horrifying": a judgement of a thing, not of an actor
    targets = [a for a in actors.at(subject) if a.country or a.code]
    return (code, word, targets[0]) if len(targets) == 1 else None


CLAIM_LOOKBACK_SENTENCES = 2


def _claimant(subject, actors):
    """Whose claim a quoted 'It is untrue' denies: the claim's own possessor or 'by' actor
    ('the woman's allegations', 'claims by the senator'), else the last claim named in the
    two sentences before ('X denied the woman's allegations. "It is baseless," ...')."""
    doc = subject.doc
    first = subject.sent.start
    for _ in range(CLAIM_LOOKBACK_SENTENCES):
        if first > 0:
            first = doc[first - 1].sent.start
    claims = [t for t in doc[first:subject.i + 1] if t.lemma_.lower() in CLAIM_HEADS]
    for claim in reversed(claims):
        holders = [c for c in claim.children if c.dep_ == "poss"] + [
            g for c in claim.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj"]
        found = [a for h in holders for a in actors.at(h) if a.country]
        if found:
            return found[0]
    return None


def _candidate(root, word, code, speaker, target, index) -> EventCandidate:
    lemma = root.lemma_.lower()
    entry = LexEntry(code=code, lemma=lemma, pos="verb", particle=None, objects=(),
                     target_prep=None, xcomp=(), source_prep=None, negated_code=None,
                     id=f"{code}:{lemma}/verb{QUOTED_MARK}{word.lemma_.lower()}",
                     specificity=0)
    return EventCandidate(root.i, entry, code, speaker, target, "asserted", index,
                          (root.i,), None, None)
