"""The trigger tests that read the Doc's view give what the Token walks they replace gave."""
from dyads.events import arguments as args
from dyads.events import triggers as tr
from dyads.events.lemmas import verb_lemma

TEXTS = ("Bush called on Congress again for talks, and on Sunday he called for Putin to be "
         "tried. The ministers re-examined the cease-fire and co-operated on a counter-attack.",
         "Police lathi-charged protesters. She called the visit a reckless provocation and "
         "called Scholz. They have sworn to fight until the end and allowed refugees to return.",
         "The hunger strike ended after a sexually abused prisoner was freed; Russia urged "
         "Ukraine to end the war in a phone call with Erdogan.",
         "", "Hello")
PARTICLES = ("on", "for", "up", "off", "with", "out", "to", "against")
MODIFIERS = ({"hunger"}, {"sexually", "reckless"}, {"phone", "air"})


def walk_has_particle(verb, particle):
    return any(c.lower_ == particle and c.dep_ in {"prt", "advmod", "prep"} and c.i > verb.i
               and not tr._dates(c) for c in verb.children) \
        or walk_for_to_clause(verb, particle) is not None


def walk_for_to_clause(verb, particle):
    if particle != "for":
        return None
    doc = verb.doc
    return next((c for c in verb.children if c.dep_ in {"advcl", "ccomp"} and c.i > verb.i
                 and any(m.dep_ == "mark" and m.lower_ == "for" and m.i > verb.i
                         and all(doc[i].pos_ == "ADV" for i in range(verb.i + 1, m.i))
                         for m in c.children)), None)


def walk_joined_lemma(token):
    lemma = token.lemma_.lower().replace("-", "")
    if token.pos_ == "VERB":
        lemma = verb_lemma(token).replace("-", "")
    i = token.i
    if i >= 2 and token.doc[i - 1].text == "-" and (
            token.doc[i - 2].head.i == i or token.doc[i - 2].lower_ in tr.JOINED_PREFIXES):
        return token.doc[i - 2].lemma_.lower() + lemma
    return lemma


def walk_infinitive_of(verb):
    xcomp = args.child(verb, "xcomp")
    if xcomp is not None:
        return xcomp
    return next((c for c in verb.children if c.dep_ in {"advcl", "ccomp"} and c.tag_ == "VB"
                 and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
                None)


def walk_predicate_fits(verb, predicates):
    preds = [c for c in verb.children if c.dep_ == "oprd"]
    pred = preds[-1] if preds else None
    if pred is None or pred.pos_ == "PROPN":
        return False
    words = {pred.lemma_.lower()} | {c.lemma_.lower() for c in pred.children}
    return tr.ANY_PREDICATE in predicates or bool(words & set(predicates))


def walk_has_modifier(token, modifiers):
    return any(c.lemma_.lower() in modifiers for c in token.children
               if c.dep_ in tr.MODIFIER_CHILD_DEPS)


def _index(token):
    return None if token is None else token.i


def test_view_reads_equal_the_token_walks(nlp):
    for text in TEXTS:
        for token in nlp(text):
            assert tr.joined_lemma(token) == walk_joined_lemma(token)
            assert _index(tr.infinitive_of(token)) == _index(walk_infinitive_of(token))
            for particle in PARTICLES:
                assert tr._has_particle(token, particle) == walk_has_particle(token, particle)
            for words in MODIFIERS:
                assert tr._has_modifier(token, words) == walk_has_modifier(token, words)
                assert tr._predicate_fits(token, words) == walk_predicate_fits(token, words)
            assert tr._predicate_fits(token, {tr.ANY_PREDICATE}) == \
                walk_predicate_fits(token, {tr.ANY_PREDICATE})


def test_the_texts_exercise_the_constructions(nlp):
    """The oracle above means something only if the texts have the constructions."""
    tokens = [t for text in TEXTS for t in nlp(text)]
    assert any(walk_has_particle(t, "on") for t in tokens)
    assert any(walk_for_to_clause(t, "for") is not None or walk_has_particle(t, "for")
               for t in tokens)
    assert any(walk_joined_lemma(t) != t.lemma_.lower() for t in tokens)
    assert any(walk_infinitive_of(t) is not None for t in tokens)
    assert any(walk_predicate_fits(t, {tr.ANY_PREDICATE}) for t in tokens)
    assert any(walk_has_modifier(t, {"hunger"}) for t in tokens)


def test_best_entry_looks_the_lemma_up_first_with_the_same_result(nlp):
    """best_entry skips the parse tests of words without entries: same entries as testing
    every word in full."""
    from dyads.events.lexicon import default_lexicon

    lexicon = default_lexicon()
    for text in TEXTS:
        for token in nlp(text):
            entry = tr.best_entry(token, lexicon)
            if not lexicon.entries_for(walk_joined_lemma(token), "verb") and \
                    not lexicon.entries_for(walk_joined_lemma(token), "noun"):
                assert entry is None
            if entry is not None:
                assert entry in lexicon.entries_for(walk_joined_lemma(token), entry.pos)


OBJECT_TEXTS = ("Russia launched air strikes and offered military aid to the rebels. They called "
                "for talks and handed over 700 kg of medicine. The EU pledged $85 million in "
                "assistance and ended its mediation efforts.",
                "The court accused him of espionage; the army allowed refugees to return and "
                "summoned Ambassador Nicholas Burns. A medical team arrived.")


def test_constrained_objects_and_their_lemmas_made_once_equal_a_fresh_search(nlp):
    """The object an entry constrains and its lemmas are kept per token: what the kept
    answers say equals what searching the parse again says, for every particle."""
    from dyads.events.lexicon import LexEntry

    found = 0
    for text in OBJECT_TEXTS + TEXTS:
        doc = nlp(text)
        for token in doc:
            for particle in (None,) + PARTICLES + ("of", "in"):
                entry = LexEntry(code="010", lemma="x", pos="verb", particle=particle,
                                 objects=(), target_prep=None, xcomp=(), source_prep=None,
                                 negated_code=None, id="t", specificity=0)
                for _ in range(2):  # the second answer is the kept one
                    obj = tr._constrained_object(token, entry)
                    fresh = tr._find_constrained_object(token, particle)
                    assert obj == fresh
                if obj is not None:
                    found += 1
                    for _ in range(2):
                        assert tr._object_lemmas(obj) == frozenset(tr._find_object_lemmas(obj))
    assert found > 20
