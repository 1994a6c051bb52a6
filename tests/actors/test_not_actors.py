"""Title objects and hypothetical nouns read from the Doc's view: the same answers as the
token walks they replace."""
from dyads.actors import not_actors

TEXTS = ("The secretary of state met the minister of defence and any candidate for the "
         "post. Any Russian attack would draw a response, the head of the department said.",
         "Not any country of the bloc agreed; the ambassador of France and the envoy to "
         "Kabul spoke of any truly conservative candidate and of any Iranian proposal.")


def walk_title_object(token):
    prep = token.head
    return (token.dep_ == "pobj" and prep.lower_ == "of" and token.is_lower
            and prep.head.lemma_.lower() in not_actors.TITLE_HEADS)


def walk_hypothetical(token):
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any"
                                        for c in token.children) \
        and not any(t.pos_ == "PROPN" for t in token.subtree)


def test_title_objects_and_hypotheticals_equal_the_token_walks(nlp):
    titles = hypotheticals = 0
    for text in TEXTS:
        doc = nlp(text)
        for token in doc:
            assert not_actors.title_object(token) == walk_title_object(token), token.text
            assert not_actors.hypothetical(token) == walk_hypothetical(token), token.text
            titles += not_actors.title_object(token)
            hypotheticals += not_actors.hypothetical(token)
    assert titles >= 2 and hypotheticals >= 2
