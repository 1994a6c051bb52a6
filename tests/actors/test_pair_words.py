"""'both sides', 'the two leaders' refer back to two actors; 'both State and FBI officials'
names its two itself (issue 13)."""


def _at(resources, text, word, date="2016-10-01"):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = next(t for t in doc if t.text == word)
    return [(a.name, a.code) for a in actors.at(token)]


def test_pair_word_with_named_modifiers_is_not_a_reference_back(resources):
    text = ("Donald Trump attacked Hillary Clinton on Monday. "
            "Both State and FBI officials denied the claim.")
    assert [c for _, c in _at(resources, text, "officials")] == ["USAGOV"]


def test_bare_pair_word_still_refers_back(resources):
    text = "Putin met Erdogan on Monday. Both leaders denied the claim."
    assert [c for _, c in _at(resources, text, "leaders", "2020-01-01")] == ["RUSGOV", "TURGOV"]
