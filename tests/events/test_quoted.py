"""Quoted judgements: a quotation's own sentences that deny, accuse, criticise or praise
are the speaker's words; sentences written here."""
import dyads

DATE = "2016-10-05"


def events(text, date=DATE):
    return [(e.source.name if e.source else None, e.target.name if e.target else None,
             e.cameo, e.date, e.trigger.rule) for e in dyads.code(text, date=date).events]


def test_a_quoted_denial_of_a_claim_is_the_speakers_denial():
    text = '"It is completely untrue. It is baseless," Donald Trump said on Monday.'
    assert events(text) == [("Donald Trump", None, "016", "2016-10-03",
                             "016:be/verb+quoted:untrue")]


def test_a_quoted_sentence_judging_a_named_actor_targets_it():
    text = '"Donald Trump is a liar. I have said so before," Hillary Clinton said.'
    assert events(text) == [("Hillary Clinton", "Donald Trump", "112", DATE,
                             "112:be/verb+quoted:liar")]


def test_the_quote_is_said_when_its_cue_is_said_two_sentences_later():
    text = ('Hillary Clinton spoke in Ohio. "Donald Trump is unfit to serve. He has no plan '
            'for the economy. Voters know it," she said last Friday.')
    got = events(text)
    assert [(s, t, c, d) for s, t, c, d, _ in got] == [
        ("Hillary Clinton", "Donald Trump", "111", "2016-09-30")]


def test_first_person_and_thing_subjects_judge_no_actor():
    text = '"I was wrong about this. It is horrifying," Hillary Clinton said.'
    assert events(text) == []


def test_a_sentence_with_its_own_cue_is_left_to_the_cue_verb():
    from dyads.events.quoted import quoted_judgements
    from dyads.pipeline import load_resources
    from dyads.actors.resolve import ArticleActors
    from dyads.assemble import build_quotes
    from dyads.records import Article

    resources = load_resources()
    # the parser makes the quoted 'is' the root; the cue 'said' sits between the halves
    body = 'Hillary Clinton spoke. "Donald Trump," she said, "is a liar."'
    doc = resources.nlp(body)
    actors = ArticleActors(doc, resources.kb, DATE, resources.gazetteer)
    article = Article(doc_id="t", body=body, published=DATE)
    quotes = build_quotes(article, doc, actors)
    assert quoted_judgements(doc, quotes, [], actors) == []


def test_an_unattributed_quotation_codes_nothing():
    assert events('"Donald Trump is a liar."') == []


def test_a_quoted_denial_targets_the_claimant_named_just_before_and_counts_once():
    text = ("Donald Trump has denied Senator Ted Cruz's allegations. The senator had spoken "
            'on Monday. "It is untrue. It is baseless. It is a hoax," Trump lawyer Rudy '
            "Giuliani said.")
    quoted = [(s, t, c) for s, t, c, _, rule in events(text) if "+quoted:" in rule]
    assert quoted == [("Rudy Giuliani", "Ted Cruz", "016")]
