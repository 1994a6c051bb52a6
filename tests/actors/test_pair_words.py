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


def test_a_pair_word_acting_with_no_target_makes_the_two_act_on_each_other():
    import dyads

    text = ("German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on "
            "Monday. Both sides pledged to deepen cooperation on defence.")
    pledges = {(e.source.code, e.target.code) for e in dyads.code(text, date="2023-06-06").events
               if e.trigger.text == "pledged"}
    assert pledges == {("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")}


def test_the_source_a_pair_sentence_is_told_by_is_not_one_of_the_pair(resources):
    text = ("Foreign Minister Subrahmanyam Jaishankar spoke with Secretary of State Antony "
            "Blinken on Tuesday. According to spokesperson Ned Price, the two ministers "
            "discussed trade.")
    pair = _at(resources, text, "ministers", "2022-03-30")
    assert [c for _, c in pair] == ["INDGOV", "USAGOV"]
    assert "Ned Price" not in {name for name, _ in pair}


def test_both_political_parties_are_a_kind_of_body_not_two_sides_named_before(resources):
    text = ("Mexico criticized the United States on Monday. As both political parties "
            "belatedly recognize the anger of workers, the consensus is fraying.")
    assert ("Mexico", "MEX") not in _at(resources, text, "parties")
    assert _at(resources, text.replace("political ", ""), "parties") == [("Mexico", "MEX"),
                                                                         ("United States", "USA")]
