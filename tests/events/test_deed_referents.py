"""A reaction to a deed named by a noun ("condemned the move") is aimed at its doer."""
import dyads


def _coded(text, code_root):
    return [(e.cameo, e.source.code, e.target.code)
            for e in dyads.code(text, date="2016-10-05").events
            if e.cameo.startswith(code_root) and e.target is not None]


def test_the_move_is_the_deed_told_in_the_sentence_before():
    text = "The Chinese government announced new tariffs on Monday. Japan condemned the move."
    assert _coded(text, "11") == [("111", "JPNGOV", "CHNGOV")]


def test_a_noun_that_names_the_verb_refers_to_its_doer():
    text = "Russia expelled two British diplomats on Tuesday. Britain condemned the expulsion."
    assert _coded(text, "11") == [("111", "GBRGOV", "RUSGOV")]


def test_the_same_noun_as_an_earlier_object_refers_to_its_doer():
    text = ("Beijing imposed new tariffs on Japanese steel on Monday. "
            "Japan criticized the tariffs, calling them unfair.")
    assert ("111", "JPNGOV", "CHNGOV") in _coded(text, "11")


def test_an_earlier_mention_with_its_own_doer_counts():
    text = ("The ruling made by the Supreme Court of Kenya surprised many people. "
            "Observers spent the day reading it. President Uhuru Kenyatta criticized the ruling.")
    assert _coded(text, "11") == [("111", "KENGOV", "KENJUD")]


def test_an_owned_noun_or_a_deed_too_far_back_finds_no_one_new():
    far = ("Russia expelled two British diplomats on Tuesday. The weather was cold. Trains ran "
           "late. Shops closed early. Britain condemned the decision.")
    assert _coded(far, "11") == []
    owned = ("Russia expelled two British diplomats on Tuesday. "
             "Britain condemned the decision of the court.")
    assert ("111", "GBRGOV", "RUSGOV") not in _coded(owned, "11")


def test_a_deed_of_the_reacting_side_is_its_own():
    text = ("Serbia and Kosovo signed a trade accord on Friday in Brussels. "
            "Serbian President Aleksandar Vucic called the decision a painful one.")
    assert _coded(text, "11") == []


def test_words_about_a_deed_are_not_the_deed():
    text = ("The court issued an arrest warrant for the general. A Russian spokesman called "
            "the move void. Ukraine's president praised the decision.")
    assert ("051", "UKRGOV", "RUSGOV") not in _coded(text, "05")


def test_another_party_of_the_same_country_is_not_the_same_side():
    text = ("Donald Trump decided to skip the debate on Monday. "
            "Hillary Clinton criticized the decision.")
    assert _coded(text, "11") == [("111", "USAPTY", "USAPTY")]
