"""The speed shortcuts over one article's parse give what the plain walks give."""
from dyads.actors import coref
from dyads.events import arguments as args
from dyads.parse import SentenceTokens

TEXT = ("Iran signed a deal with the European Union in Vienna on Tuesday after talks with "
        "Russia and China about the sanctions. The agreement by the Iranian government "
        "angered lawmakers, and local officials in the city complained to reporters.")
PREPS = ("with", "to", "against", "on", "at", "in", "into", "from", "for", "by", "of",
         "about", "after", "over", "between")


def test_prepositional_objects_in_one_walk_match_one_preposition_at_a_time(nlp):
    doc = nlp(TEXT)
    for token in doc:
        found = args.prep_objects(token)
        for prep in PREPS:
            assert found.get(prep) == args.prep_object(token, prep), (token.text, prep)


def test_plain_nouns_by_capital_counts_match_the_subtree_walk(nlp):
    doc = nlp(TEXT)
    capitals = coref._capitals_before([t.text for t in doc])
    assert len(capitals) == len(doc) + 1
    assert [coref._plain_noun(t, capitals) for t in doc] == [coref._plain_noun(t) for t in doc]
    assert coref._plain_noun(next(t for t in doc if t.text == "sanctions"), capitals)
    assert not coref._plain_noun(next(t for t in doc if t.text == "government"), capitals)


def test_sentence_tokens_iterate_like_the_sentence_and_keep_its_doc(nlp):
    doc = nlp(TEXT)
    for sent in doc.sents:
        tokens = SentenceTokens(sent)
        assert [t.i for t in tokens] == [t.i for t in sent]
        assert [t.i for t in tokens] == [t.i for t in tokens]  # walked again, same tokens
        assert tokens.doc is doc


def test_subject_actors_are_worked_out_once_per_sentence_and_match(resources):
    from dyads import occasions
    from dyads.actors.resolve import ArticleActors
    from dyads.dating import ArticleDating

    doc = resources.nlp(TEXT)
    actors = ArticleActors(doc, resources.kb, "2015-07-14", resources.gazetteer)
    art = ArticleDating(doc, list(doc.sents), "2015-07-14", actors)
    for index, sent in enumerate(art.sentences):
        first = art.subject_actors(index)
        assert first == occasions.main_subject_actors(sent, actors)
        assert art.subject_actors(index) is first
    assert any(a.country == "IRN" for a in art.subject_actors(0))


def test_word_count_is_the_alphabetic_tokens(nlp):
    from dyads.parse import word_count

    for text in (TEXT, "", "  ", "42 - 7 = 35", "U.S. officials said: no."):
        doc = nlp(text)
        assert word_count(doc) == sum(1 for t in doc if t.is_alpha)
        assert type(word_count(doc)) is int


def test_child_and_passive_from_the_view_match_the_token_walk(nlp):
    doc = nlp(TEXT + " The envoy was urged by aides to resign, and he was told to go.")
    deps = [("nsubj",), ("dobj", "attr"), ("pobj", "pcomp"), ("prep", "agent", "dative"),
            ("aux",), ("xcomp", "ccomp")]
    for token in doc:
        for wanted in deps:
            plain = next((c for c in token.children if c.dep_ in wanted), None)
            assert args.child(token, *wanted) == plain, (token.text, wanted)
        assert args.is_passive(token) == any(
            c.dep_ in args.PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in token.children)
    assert any(args.is_passive(t) for t in doc)


def _plain_phrase(token):
    """phrase_of as a walk of token.children (the code before the Doc's view)."""
    from dyads.actors import phrases as m

    left, right = token.i, token.i + 1
    for c in token.children:
        if c.i < token.i and c.dep_ in m.PHRASE_DEPS - {"conj", "cc", "prep", "appos"}:
            left = min(left, c.left_edge.i)
        elif c.i > token.i and m._belongs_right(token, c):
            right = max(right, c.right_edge.i + 1)
    while left < token.i and token.doc[left].is_punct:
        left += 1
    while right - 1 > token.i and token.doc[right - 1].is_punct:
        right -= 1
    return m.Phrase(left, right, token.i)


def test_actor_phrases_and_their_entities_from_the_view_match_the_token_walk(resources):
    from dyads.actors import mentions as m

    doc = resources.nlp(TEXT + " Russian Ambassador to the US Anatoly Antonov, a veteran "
                        "diplomat, met the U.S. Secretary of State and the United Nations.")
    for token in doc:
        phrase = m.phrase_of(token)
        assert phrase == _plain_phrase(token), token.text
        for e, (a, b) in m.find_entities(doc, phrase, resources.kb):
            assert resources.kb.entity(doc[a:b].text) == e
    found = {e.code for t in doc for e, _ in m.find_entities(doc, m.phrase_of(t), resources.kb)}
    assert {"IRN", "RUS", "USA"} <= {c[:3] for c in found if c}


def _plain_norm_text(text: str) -> str:
    """norm_text as it was before its ASCII shortcut: always decomposed and filtered."""
    import re
    import unicodedata

    from dyads.actors.sectors import _FOLD

    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    plain = re.sub(r"'s\b", "", plain)
    plain = re.sub(r"[.']", "", plain)
    plain = re.sub(r"[^a-z0-9@]+", " ", plain)
    return " ".join(plain.split())


def test_name_keys_with_the_ascii_shortcut_match_the_full_normalisation(nlp):
    from dyads.actors.sectors import norm_text

    samples = ["U.S.", "O'Brien's", "the `Guardian`", "António Guterres’s", "Łukaszenka",
               "Straße", "Æsir", "İstanbul", "ﬁnance", "Ｔｏｋｙｏ", "Zelenskyy", "@POTUS", "",
               "  Mr.  Xi   Jinping ", "Café\u0301", "½ price", "Hamas-led", "Kim Jong-un"]
    samples += [t.text for t in nlp(TEXT)]
    for text in samples:
        assert norm_text(text) == _plain_norm_text(text), text


def _plain_in_dateline(token) -> bool:
    """not_actors.in_dateline as a walk of Tokens (the code before the Doc's view)."""
    from dyads.actors import not_actors as na

    def word(t):
        return t.pos_ == "PROPN" or t.is_space or t.text in {"(", ")", ","}

    doc, start = token.doc, token.i
    stop = max(0, token.i - na.DATELINE_WORDS - 1)
    while start > stop and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    if token.i - start > na.DATELINE_WORDS or not all(word(t) for t in doc[start:token.i]):
        return False
    depth = 0
    for t in doc[token.i + 1:token.i + 1 + na.DATELINE_WORDS]:
        depth += (t.text == "(") - (t.text == ")")
        if t.text in na.DATELINE_DASHES and depth <= 0 and not na._party_tag_dash(t):
            return True
        if not word(t):
            return False
    return False


def test_datelines_from_the_view_match_the_token_walk(nlp):
    from dyads.actors.not_actors import in_dateline

    texts = ["PHILADELPHIA (AP) — Clinton said on Monday that Rep. Paul Ryan (R-Wis.) was wrong.",
             "Headline here\n\nWASHINGTON (Reuters) - Barack Obama on Tuesday criticized Iran.",
             "KABUL, Afghanistan —  The Taliban attacked.\nLONDON (AFP) – ( Britain ) said no",
             "Sen. Tim Kaine, D-Va., and Rep. X (R-Va.) spoke", TEXT]
    hits = 0
    for text in texts:
        doc = nlp(text)
        for token in doc:
            assert in_dateline(token) == _plain_in_dateline(token), (text, token.text)
            hits += in_dateline(token)
    assert hits >= 3


def _plain_propn_runs(doc, left, right):
    """names.propn_runs as a walk of Tokens (the code before the Doc's view)."""
    runs, start = [], None
    for i in range(left, right):
        tok = doc[i]
        is_name = tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.ent_type_ == "PERSON"
                                           and tok.is_alpha)
        if tok.is_space and start is not None and i + 1 < right and doc[i + 1].pos_ == "PROPN":
            continue
        if is_name and start is None:
            start = i
        elif not is_name and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, right))
    return runs


def test_name_runs_from_the_view_match_the_token_walk(nlp):
    from dyads.actors.names import propn_runs

    doc = nlp(TEXT + " Donald\xa0Trump met Barack Obama and Sen. Elizabeth Warren in New York.")
    for left in range(len(doc)):
        for right in range(left, min(len(doc), left + 8) + 1):
            assert propn_runs(doc, left, right) == _plain_propn_runs(doc, left, right)
    assert any(b - a >= 2 for a, b in propn_runs(doc, 0, len(doc)))


def test_entity_spans_from_the_view_match_doc_ents(nlp):
    from dyads.parse import entity_span

    doc = nlp(TEXT + " Donald Trump met the U.N. Secretary-General in New York City on May 1.")
    spans = {(e.start, e.end, e.label_) for e in doc.ents}
    for token in doc:
        span = entity_span(token)
        if token.ent_type_:
            assert (span.start, span.end, span.label_) in spans
            assert span.start <= token.i < span.end
        else:
            assert span is None


def test_name_words_from_the_view_match_the_span_walk(nlp):
    from dyads.actors import names
    from dyads.actors.sectors import norm_text

    doc = nlp("Jean-Yves Le Drian met Sen. Elizabeth Warren and U.S. Rep. Ro Khanna, D-Calif., "
              "in Washington; Donald\xa0Trump's aide O'Brien said 3-2.")
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            plain = [w for t in doc[start:end] if t.is_alpha or "-" in t.text
                     for w in norm_text(t.text.replace("-", " ")).split()]
            assert names._words(doc, start, end) == plain, (start, end)


def test_verb_passes_give_what_a_walk_of_every_token_gives(resources, monkeypatch):
    """The sentence passes that look only at verbs walk SentenceTokens.verbs: walking every
    token instead (as they did) finds the same triggers."""
    from dyads.actors.resolve import ArticleActors
    from dyads.events import claims, judgements, match, messages, prevention, shifts
    from dyads.parse import verbs_of

    text = (TEXT + " Officials said the minister was unfit and claimed that rebels had "
            "shelled the town. Turkey wants Greece to withdraw its troops, and police "
            "prevented protesters from marching; the envoy sent a letter denouncing Iran.")
    doc = resources.nlp(text)
    for sent in doc.sents:
        tokens = SentenceTokens(sent)
        assert tokens.verbs == [t for t in sent if t.pos_ == "VERB"] == verbs_of(sent)

    def events():
        actors = ArticleActors(doc, resources.kb, "2016-05-04", resources.gazetteer)
        found = match.match_events(doc, resources.lexicon, actors, resources.discards)
        return [(c.trigger, c.code, c.entry.id) for c in found]

    fast = events()
    for module in (claims, judgements, messages, prevention, shifts):
        monkeypatch.setattr(module, "verbs_of", list)  # every token of the sentence
    assert events() == fast
    assert len(fast) >= 4


def test_noun_and_entry_word_passes_give_what_a_walk_of_every_token_gives(resources,
                                                                         monkeypatch):
    """Trigger finding walks SentenceTokens.entry_words (verbs and nouns) and verbs, and
    the claim-noun passes walk SentenceTokens.nouns: walking every token instead (as they
    did) finds the same triggers, in the same order."""
    from dyads.actors.resolve import ArticleActors
    from dyads.events import claims, combine, judgements, match
    from dyads.parse import entry_words_of, nouns_of

    text = (TEXT + " Her claim that Russia hacked the emails angered him, and his assertion "
            "that the media is rigging the polls drew a warning. Israel launched air "
            "strikes on Gaza and offered military aid to the rebels.")
    doc = resources.nlp(text)
    for sent in doc.sents:
        tokens = SentenceTokens(sent)
        assert tokens.nouns == [t for t in sent if t.pos_ == "NOUN"] == nouns_of(sent)
        assert tokens.entry_words == [t for t in sent if t.pos_ in {"VERB", "NOUN"}] \
            == entry_words_of(sent)

    def events():
        actors = ArticleActors(doc, resources.kb, "2016-05-04", resources.gazetteer)
        found = match.match_events(doc, resources.lexicon, actors, resources.discards)
        return [(c.trigger, c.code, c.entry.id) for c in found]

    fast = events()
    for module in (claims, judgements):
        monkeypatch.setattr(module, "nouns_of", list)  # every token of the sentence
    monkeypatch.setattr(combine, "entry_words_of", list)
    monkeypatch.setattr(combine, "verbs_of", list)
    assert events() == fast
    assert len(fast) >= 4
