"""The actor-phrase helpers that read the Doc's view give what the Token walks they
replace gave, on texts with lists, split names, titles and coordinated modifiers."""
from dyads.actors import mentions, names, phrases
from dyads.actors.names import shared_title
from dyads.actors.phrases import listed_appos, phrase_of, place_conjuncts
from dyads.parse import entity_span

TEXTS = ("Russia and Ukraine met the Turkish and Greek sides in Geneva on Monday.",
         "Sens. Jo Harkwell, Amy Doe and Tim Vance wrote to Barack Obama and Vladimir Putin.",
         "The members, Reps. Ann Lee of Maryland and Bob Cole of Michigan, criticized "
         "Fox News Chairman and CEO Roger Ailes. Foreign Minister Wang Yi met Wang.",
         "British Defence Secretary Tom King said the US, Russia, and Switzerland agreed. "
         "EAM Jaishankar and NATO chief Jens Stoltenberg spoke; Stoltenberg left.",
         "", "Hello")


def walk_name_children(token):
    span = entity_span(token)
    if span is None or span.label_ != "PERSON" or span.root.i != token.i or len(span) < 2:
        return list(token.children)
    return [c for t in span for c in t.children if not span.start <= c.i < span.end]


def walk_conjuncts(token):
    out, stack = [], [token]
    while stack:
        t = stack.pop(0)
        listed = [c for c in walk_name_children(t) if (c.dep_ == "conj" or listed_appos(c))
                  and c.pos_ in {"NOUN", "PROPN", "PRON"}] + place_conjuncts(t)
        if not (t.pos_ == "NOUN" and any(c.dep_ == "appos" for c in listed)) \
                and not shared_title(t):
            out.append(t)
        stack += listed
    return out


def walk_given_name(doc, a, b):
    found = [t for t in doc[a:b] if t.ent_type_ == "PERSON" and t.is_alpha
             and t.lower_.rstrip(".") not in names.HONORIFICS
             and not (t.is_upper and len(t) > 1)]
    return found[0].text.lower() if len(found) >= 2 else None


def test_conjuncts_equal_the_token_walk(nlp):
    listed = 0
    for text in TEXTS:
        for token in nlp(text):
            found = phrases.conjuncts(token)
            assert [t.i for t in found] == [t.i for t in walk_conjuncts(token)]
            listed += len(found) > 1
    assert listed >= 4  # the texts hold lists


def test_title_words_and_given_names_equal_the_token_walks(nlp):
    from dyads.docview import view_of

    for text in TEXTS:
        doc = nlp(text)
        for token in doc:
            phrase = phrase_of(token)
            for name_span in (None, (token.i, token.i + 1), (phrase.left, phrase.right)):
                walked = " ".join(t.text for t in doc[phrase.left:phrase.right]
                                  if t.pos_ in {"PROPN", "NOUN"}
                                  and not mentions._inside((t.i, t.i + 1), name_span))
                assert mentions._title_words(view_of(doc), phrase, name_span) == walked
            for a, b in ((phrase.left, phrase.right), (token.i, min(len(doc), token.i + 3))):
                assert names._given_name(doc, a, b) == walk_given_name(doc, a, b)


def test_same_text_indices_equal_a_scan_of_the_words(nlp):
    for text in TEXTS:
        doc = nlp(text)
        for token in doc:
            for _ in range(2):  # the second answer comes from the kept index
                assert names._same_text(doc, token) == [t.i for t in doc if t.text == token.text]


def test_split_person_names_widen_the_phrase_as_the_span_says(nlp):
    for text in TEXTS:
        doc = nlp(text)
        for token in doc:
            phrase = phrase_of(token)
            span = entity_span(token)
            if span is None or span.label_ != "PERSON" or span.root.i != token.i:
                expected = phrase
            else:
                expected = phrases.Phrase(min(phrase.left, span.start),
                                          max(phrase.right, span.end), phrase.head)
            assert mentions._with_split_name(token, phrase) == expected


def walk_place_conjuncts(token):
    if token.pos_ != "PROPN":
        return []
    return [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for place in prep.children
            if place.dep_ == "pobj" and place.ent_type_ in phrases.HOME_PLACE_ENTITIES
            for c in place.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]


def test_place_conjuncts_equal_the_token_walk(nlp):
    found = 0
    for text in TEXTS + ("The members, Reps. Elijah Cummings of Maryland and John Conyers of "
                         "Michigan, wrote to the FBI.",):
        for token in nlp(text):
            listed = [t.i for t in place_conjuncts(token)]
            assert listed == [t.i for t in walk_place_conjuncts(token)]
            found += bool(listed)
    assert found >= 1
