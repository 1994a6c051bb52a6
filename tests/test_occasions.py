"""A speaker's look-back resolves a sentence's subject only when the sentence has a date."""
from dyads import occasions
from dyads.actors.resolve import ArticleActors
from dyads.dating import ArticleDating

TEXT = ("Foreign Minister Ivan Petrov met his Greek counterpart on Monday in Athens. "
        "Petrov said the talks had gone well. The ministry published a statement. "
        "On Tuesday, Petrov told reporters that Greece would reopen its embassy. "
        "Greek officials declined to comment, and the envoy left.")


def _checked_first(art, index, people):
    """_subject_date as it was: the subject's actors first, then the date phrase."""
    if not any(occasions._same_actor(p, a) for p in people for a in art.subject_actors(index)):
        return None
    return art.own(index, art.sentences[index].root)


def test_subject_date_equals_the_subject_first_order_and_skips_undated_sentences(resources):
    doc = resources.nlp(TEXT)
    actors = ArticleActors(doc, resources.kb, "2016-05-04", resources.gazetteer)
    lazy = ArticleDating(doc, list(doc.sents), "2016-05-04", actors)
    eager = ArticleDating(doc, list(doc.sents), "2016-05-04", actors)
    subjects = [a for i in range(len(eager.sentences)) for a in eager.subject_actors(i)]
    everyone = [a.actor for a in actors.antecedents] + subjects
    assert any(a.name == "Ivan Petrov" for a in everyone)
    found = []
    for index in range(len(lazy.sentences)):
        for people in [[a] for a in everyone] + [everyone, []]:
            found.append(occasions._subject_date(lazy, index, people))
            assert found[-1] == _checked_first(eager, index, people)
        if not lazy.mentions(index):  # no date phrase: its subject was never resolved
            assert index not in lazy._subjects
    dated = [i for i in range(len(lazy.sentences)) if lazy.mentions(i)]
    assert dated and len(dated) < len(lazy.sentences)
    assert any(d is not None for d in found)  # "On Tuesday, Petrov told ..."


def test_a_deed_at_the_talks_told_before_takes_the_talks_date():
    import dyads

    text = ("Prime Minister Narendra Modi held talks with President Vladimir Putin in the "
            "Kremlin on Tuesday.\n\nPutin had welcomed Modi at his residence on Monday "
            "evening for a dinner.\n\nAt the formal talks, the two sides agreed to expand "
            "trade.")
    agreed = [e for e in dyads.code(text, date="2024-07-10").events if e.trigger.text == "agreed"]
    assert agreed and {e.date for e in agreed} == {"2024-07-09"}


def test_he_for_a_minister_named_before_is_not_the_president_of_his_country():
    import dyads

    text = ("President Volodymyr Zelensky thanked the alliance on Monday.\n\nForeign Minister "
            "Andrii Sybiha accused Moscow of targeting power plants. He said Kyiv had asked "
            "the International Atomic Energy Agency to send experts.")
    asked = [e for e in dyads.code(text, date="2026-01-20").events if e.trigger.text == "asked"]
    assert asked and all(e.date != "2026-01-19" for e in asked)
