"""Coreference's description match reads the Doc's view and caches name words: the same
answers as the Span walks and the uncached folding."""
from dyads.actors import coref
from dyads.actors.kb import default_kb
from dyads.actors.phrases import phrase_of
from dyads.actors.resolve import ArticleActors
from dyads.actors.sectors import norm_text

TEXTS = ("Russian Foreign Minister Sergei Lavrov met Secretary of State Antony Blinken in "
         "Geneva. The Russian minister said the talks were useful, and the secretary agreed. "
         "This official later spoke to the Republican senator John Cornyn.",
         "President Emmanuel Macron visited Berlin. The French president met the chancellor, "
         "and the president of the commission joined them.")


def walk_description_match(token, antecedents, kb):
    """coref._description_match as it was, walking the phrase's Span."""
    phrase = phrase_of(token)
    span = token.doc[phrase.left:phrase.right]
    if span[0].lower_ not in {"the", "this", "that"} or any(
            t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in span):
        return None
    words = {t.lower_ for t in span if t.pos_ in coref.NOUN_HEAD_POS and kb.entity(t.text) is None}
    sector = kb.title_sector(" ".join(t.text for t in span[1:]))
    countries = {e.country for t in span if (e := kb.entity(t.text)) and e.country}
    party = {coref.PARTY_ADJECTIVES[t.lower_] for t in span if t.lower_ in coref.PARTY_ADJECTIVES}
    for ante in reversed(coref._before(antecedents, token.i)):
        if not ante.is_person or (countries and ante.actor.country not in countries):
            continue
        title_words = set(ante.title.replace("-", " ").split())
        title_words |= {s for w in title_words for s in coref.TITLE_SYNONYMS.get(w, ())}
        if party - title_words:
            continue
        if words and words <= title_words or (
                sector and ante.actor.sector == sector and token.lower_ in title_words):
            return ante, span
    return None


def _key(match):
    return None if match is None else (match[0].token, match[1].start, match[1].end)


def test_description_match_equals_the_span_walk(nlp):
    kb, matched = default_kb(), 0
    for text in TEXTS:
        doc = nlp(text)
        actors = ArticleActors(doc, kb, "2021-01-20")
        for token in doc:
            expected = walk_description_match(token, actors.antecedents, kb)
            assert _key(coref._description_match(token, actors.antecedents, kb)) == _key(expected)
            matched += expected is not None
    assert matched  # the texts have descriptions that find their person


def test_cached_name_words_equal_the_folding():
    for name in ("Jan Novák", "al-Thani", "Sergei Lavrov", "", "Jean-Yves Le Drian", "Jan Novák"):
        assert coref._name_words(name) == tuple(norm_text(name.replace("-", " ")).split())


SURNAME_TEXTS = TEXTS + (
    "Foreign Minister Wang Yi met Minister Hamada Yasukazu. Wang said Minister Hamada had "
    "agreed, and Mr. Wang left; Wang Tower stayed shut while Yi and Hamada spoke.",)


def walk_resolve_surname(token, antecedents):
    """coref.resolve_surname as it was, walking the token's children."""
    if token.pos_ != "PROPN" or not token.is_title or any(
            c.dep_ in {"compound", "flat", "amod"}
            and c.lower_.rstrip(".") not in coref.HONORIFICS | coref.NAME_TITLES
            for c in token.children):
        return None
    if token.dep_ in {"compound", "flat"}:
        return None
    word = norm_text(token.text)
    named = [a for a in reversed(coref._before(antecedents, token.i)) if a.is_person
             and a.token != token.i and a.actor.name and word in coref._name_words(a.actor.name)
             and len(coref._name_words(a.actor.name)) > 1]
    named.sort(key=lambda a: a.actor.kb_id is None)
    return coref._as_reference(named[0].actor, token.doc[token.i:token.i + 1]) if named else None


def test_surname_match_from_the_view_equals_the_token_walk(nlp):
    kb, matched = default_kb(), 0
    for text in SURNAME_TEXTS:
        doc = nlp(text)
        actors = ArticleActors(doc, kb, "2021-01-20")
        for token in doc:
            expected = walk_resolve_surname(token, actors.antecedents)
            assert coref.resolve_surname(token, actors.antecedents) == expected, token.text
            matched += expected is not None
    assert matched >= 2  # "Lavrov"-style lone names did resolve
