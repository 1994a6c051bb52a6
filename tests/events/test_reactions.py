"""Reactions: the one angered or dismayed by an actor's deed criticises that actor."""
import pytest

import dyads


def codes(text, date="2016-10-30"):
    return [(e.cameo, e.source and e.source.name, e.target and e.target.name)
            for e in dyads.code(text, date=date).events]


@pytest.mark.parametrize("text, expected", [
    ("Democrats were outraged by James Comey's announcement on Friday.",
     ("111", "Democratic Party", "James Comey")),
    ("Israel was angered by the remarks of Recep Tayyip Erdogan.",
     ("111", "Israel", "Recep Tayyip Erdogan")),
    ("Israel is angry at Turkey.", ("111", "Israel", "Turkey")),
    ("India was disappointed with the decision of China.", ("111", "India", "China")),
])
def test_the_feeler_criticises_the_owner_of_the_deed(text, expected):
    assert codes(text) == [expected]


@pytest.mark.parametrize("text", [
    "The storm worried farmers in Kenya.",
    "Russia is concerned about the talks.",
    "Voters were angered by the long queues.",
])
def test_no_actor_as_cause_no_criticism(text):
    assert [c for c in codes(text) if c[0][:2] == "11"] == []


def test_the_date_of_the_cause_does_not_date_the_reaction():
    [event] = dyads.code("Democrats were outraged by James Comey's announcement on Friday.",
                         date="2016-10-31").events
    assert event.date == "2016-10-31"


def test_feeling_words_from_the_view_equal_the_token_reads(nlp):
    """reactions._lemma reads lemma and lower-case form from the Doc's view."""
    from dyads.docview import view_of
    from dyads.events import reactions

    doc = nlp("Iran was angered by the sanctions, and Tehran is furious at Washington. "
              "Officials, dismayed and upset, said the move annoyed allies who were livid.")
    view = view_of(doc)

    def walked(token):
        lemma = token.lemma_.lower()
        if lemma in reactions.ANGER or lemma in reactions.DISMAY:
            return lemma
        return reactions.PARTICIPLES.get(token.lower_)

    found = [reactions._lemma(view, t.i) for t in doc]
    assert found == [walked(t) for t in doc]
    assert sum(f is not None for f in found) >= 4
