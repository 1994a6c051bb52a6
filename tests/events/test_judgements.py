"""Judgements: reported words that criticise, accuse, deny or praise; sentences written here."""
import pytest

import dyads
from dyads.events.judgements import JudgementError, default_judgements, parse_judgements

DATE = "2012-10-10"


def events(text, date=DATE):
    return [(e.source.name if e.source else None, e.target.name if e.target else None,
             e.cameo, e.trigger.rule) for e in dyads.code(text, date=date).events]


def codes(text, date=DATE):
    return [(s, t, c) for s, t, c, _ in events(text, date)]


# ------------------------------------------------------------------ the data file

def test_shipped_words_load_and_every_lemma_has_one_code():
    words = default_judgements()
    assert words.code_of["liar"] == "112" and words.code_of["unfit"] == "111"
    assert words.code_of["courageous"] == "051" and words.code_of["baseless"] == "016"
    assert words.negated_code_of["true"] == "016"
    assert "say" in words.verbs and "insist" in words.insisting
    assert words.order[0] == "112"  # an accusation says more than criticism


def test_a_lemma_under_two_codes_is_an_error_naming_it():
    doc = {"verbs": ["say"], "order": ["111", "051"],
           "words": {"111": ["weak"], "051": ["weak"]}}
    with pytest.raises(JudgementError, match="'weak' is listed under 111 and 051"):
        parse_judgements(doc)


def test_a_yaml_boolean_is_reported_as_a_bad_lemma():
    doc = {"verbs": ["say"], "order": ["016"], "words": {"016": [False]}}
    with pytest.raises(JudgementError, match="lower-case single words"):
        parse_judgements(doc)


def test_order_must_cover_the_codes():
    doc = {"verbs": ["say"], "order": ["111"], "words": {"111": ["weak"], "051": ["brave"]}}
    with pytest.raises(JudgementError, match="order"):
        parse_judgements(doc)


# ------------------------------------------------------------------ what the words make

def test_a_copula_judgement_in_a_reported_clause_criticises_its_subject():
    assert codes("Mitt Romney said Barack Obama was unfit to lead.") == [
        ("Mitt Romney", "Barack Obama", "111")]


def test_an_accusation_word_outranks_criticism():
    got = events("Barack Obama said Mitt Romney is a reckless liar.")
    assert [(s, t, c) for s, t, c, _ in got] == [("Barack Obama", "Mitt Romney", "112")]
    assert got[0][3] == "112:say/verb+judged:liar"  # the rule says which word judged


def test_a_possessor_is_the_target_of_a_judged_plan():
    assert codes("Mitt Romney said Barack Obama's plan would lead to a disaster.") == [
        ("Mitt Romney", "Barack Obama", "111")]


def test_praise_of_a_person():
    assert codes("Barack Obama said Hillary Clinton is a courageous leader.") == [
        ("Barack Obama", "Hillary Clinton", "051")]


def test_praise_of_a_state_of_affairs_praises_no_one():
    assert codes("Barack Obama said relations with Russia are good.") == []


def test_a_negated_judgement_is_none():
    assert codes("Mitt Romney said Barack Obama was not unfit to lead.") == []


def test_a_first_person_clause_judges_the_speaker():
    assert codes('"We were wrong about the Obama plan," Mitt Romney said.') == []


def test_a_reported_deed_is_that_deed_not_a_judgement():
    got = codes("The court said a judge opened fraud investigations against Russian officials.",
                date="2012-10-10")
    assert all(c[:2] != "11" for _, _, c in got)


def test_found_with_an_object_predicate():
    assert codes("John McCain found Barack Obama's speech troubling.") == [
        ("John McCain", "Barack Obama", "111")]


def test_not_true_denies_the_claimant():
    assert codes("Barack Obama said the story Mitt Romney tells is just not true.") == [
        ("Barack Obama", "Mitt Romney", "016")]


def test_insisting_on_a_negated_deed_denies_it_with_no_target():
    got = events("Hillary Clinton insisted she never sent the files to Barack Obama.")
    assert got == [("Hillary Clinton", None, "016", "016:insist/verb+denied:never")]


@pytest.mark.parametrize("text,rule", [
    ("Mitt Romney said he never took money from the company.", "016:say/verb+denied:never"),
    ('"We did nothing wrong," Mitt Romney told reporters.', "016:tell/verb+denied:nothing"),
    ("Mitt Romney said on Monday that his campaign did not break any rules.",
     "016:say/verb+denied:not"),
])
def test_saying_ones_own_side_did_not_do_it_denies_it(text, rule):
    # the denied deed is not coded as well: it did not happen
    assert events(text) == [("Mitt Romney", None, "016", rule)]


@pytest.mark.parametrize("text", [
    "Mitt Romney said he did not want to run for governor.",  # a wish, no deed
    '"I would not have done what they did," Mitt Romney said.',  # what would have been
    "Mitt Romney asserted that voters don't want Barack Obama.",  # a present state
    "Mitt Romney said he will not sign the bill.",             # a future act
    "Mitt Romney acknowledged that his plan had not won over voters.",  # an admission
])
def test_no_denial_without_a_past_deed_denied(text):
    assert "016" not in [c for _, _, c in codes(text)]


@pytest.mark.parametrize("text", ["Russia claimed on Monday that Ecuador was behind the disruption.",
                                  "Russia said Ecuador was responsible for the attack on the plant."])
def test_laying_a_wrong_on_someone_accuses_them(text):
    assert codes(text) == [("Russia", "Ecuador", "112")]


def test_responsibility_for_no_wrong_blames_no_one():
    assert codes("Russia said Ecuador is responsible for security at the border.") == []


def test_a_past_activity_denied_is_a_denial():
    got = codes("Mitt Romney's campaign contended that it was not hiding anything.")
    assert got == [("Mitt Romney", None, "016")]


def test_a_clause_about_someone_else_is_no_denial_by_the_speaker():
    got = codes("Mitt Romney said Barack Obama never apologized to the families.")
    assert ("Mitt Romney", None, "016") not in got


def test_saying_someone_was_not_involved_defends_them_with_no_target():
    assert events('"She was not involved in this at all," Mitt Romney said.') == [
        ("Mitt Romney", None, "016", "016:say/verb+denied:involve")]


# ------------------------------------------------------------------ attacks in words

@pytest.mark.parametrize("text", ["John McCain battled Barack Obama over the budget on Monday.",
                                  "The clash between John McCain and Barack Obama was over the budget."])
def test_two_politicians_battling_battle_in_words(text):
    assert codes(text) == [("John McCain", "Barack Obama", "111")]


def test_forces_battling_still_fight():
    assert [c for _, _, c in codes("Ukraine fought Russia near Bakhmut on Monday.")] == ["190"]


def test_a_persons_attacks_on_a_person_are_in_words():
    assert codes("The crowd cheered Mitt Romney's attacks on John McCain.") == [
        ("Mitt Romney", "John McCain", "111")]


def test_a_person_attacking_a_person_attacks_in_words():
    assert codes("Mitt Romney spent the rally attacking John McCain.") == [
        ("Mitt Romney", "John McCain", "111")]


def test_a_weapon_keeps_the_attack_physical():
    got = codes("Mitt Romney attacked Barack Obama with a knife.")
    assert all(c[:2] != "11" for _, _, c in got)


def test_attacking_a_rival_record_is_criticism():
    assert codes("Barack Obama attacked Mitt Romney's record.") == [
        ("Barack Obama", "Mitt Romney", "111")]


def test_two_people_of_one_country_are_two_actors():
    assert codes("John McCain criticized Barack Obama.") == [
        ("John McCain", "Barack Obama", "111")]


def test_coordinated_speakers_each_deny_alone():
    got = sorted(codes("Both John McCain and Mitt Romney have denied any connection to the group."))
    assert got == [("John McCain", None, "016"), ("Mitt Romney", None, "016")]


def test_declining_to_comment_needs_no_target():
    assert codes("Barack Obama declined to comment.") == [("Barack Obama", None, "011")]


def test_a_denied_deed_is_not_an_event():
    got = codes("Russia denied shelling the Ukrainian town.", date="2022-03-31")
    assert [c[:2] for _, _, c in got] == ["01"]


def test_a_negated_virtue_criticises_the_grammatical_subject():
    assert codes("Mitt Romney said Barack Obama could not be trusted by voters.") == [
        ("Mitt Romney", "Barack Obama", "111")]


def test_facing_criticism_from_someone():
    assert codes("John McCain faced sharp criticism from Barack Obama.") == [
        ("Barack Obama", "John McCain", "111")]


def test_a_mood_aimed_at_someone_criticises_them():
    assert codes("Barack Obama said he was alarmed at Mitt Romney's comments.") == [
        ("Barack Obama", "Mitt Romney", "111")]


def test_a_mood_about_no_one_stays_a_comment():
    assert codes("Barack Obama said he was worried about the economy.") == [
        ("Barack Obama", None, "012")]


def test_no_threats_is_no_judgement():
    assert codes("The mayor of Boston said there had been no credible threats against "
                 "Barack Obama.") == []


def test_a_mistake_to_do_something_judges_a_deed_not_an_actor():
    assert codes("Hillary Clinton said it was a mistake to use private email at the "
                 "State Department.", date="2016-10-18") == []


def test_a_rival_of_the_same_country_is_a_target_even_without_a_sector():
    got = codes("Donald Trump attacked Hillary Clinton for her support of military action in "
                "Iraq and Libya.", date="2016-10-18")
    assert ("Donald Trump", "Hillary Clinton", "111") in got


def test_a_verbal_attack_between_kb_people_the_parser_does_not_tag():
    import dyads
    text = ("Donald Trump and Hillary Clinton campaigned in Ohio. Trump spent much of his rally "
            "on Monday attacking Clinton over her emails.")
    got = [(e.cameo, e.source.name, e.target.name) for e in dyads.code(text, date="2016-10-31").events
           if e.sentence.index == 1]
    assert got == [("111", "Donald Trump", "Hillary Clinton")]


def test_calling_someone_a_name_when_the_parser_hangs_both_as_predicates():
    import dyads
    text = 'Elizabeth Warren called Barack Obama the "biggest barrier" to progress on Friday.'
    got = [(e.cameo, e.source.name, e.target.name) for e in dyads.code(text, date="2016-10-15").events]
    assert ("111", "Elizabeth Warren", "Barack Obama") in got
    assert not any(c == "041" for c, _, _ in got)  # not a phone call


def test_a_listed_group_reporting_what_they_found_judges_each():
    import dyads
    text = ('Sens. Tom Carper, Dianne Feinstein, Patrick Leahy and Ben Cardin said they '
            'found James Comey\'s letter "troubling".')
    events = dyads.code(text, date="2016-10-29").events
    assert [(e.cameo, e.source.name, e.target.name) for e in events] == [
        ("111", name, "James Comey")
        for name in ("Tom Carper", "Dianne Feinstein", "Patrick Leahy", "Ben Cardin")]


@pytest.mark.parametrize("text,code,word", [
    ("Jeb Bush called Donald Trump a great leader.", "051", "great"),
    ("Tim Scott has called Donald Trump's comments ''racially toxic.''", "111", "toxic"),
    ('Bernie Sanders called Donald Trump a "pathological liar."', "112", "liar"),
])
def test_naming_verbs_take_the_code_of_the_predicate_written_or_quoted(text, code, word):
    got = [(e.source.name, e.target.name, e.cameo, e.trigger.rule)
           for e in dyads.code(text, date="2016-06-09").events]
    assert got == [(text.split(" ha")[0].split(" called")[0], "Donald Trump", code,
                    f"{code}:call/verb+judged:{word}")]


def test_calling_on_someone_stays_an_appeal():
    got = dyads.code("Donald Trump called on Bill de Blasio to restart the surveillance.",
                     date="2015-11-19").events
    assert [e.cameo for e in got] == ["020"]


def test_scathing_messages_aimed_at_someone_criticise_them():
    text = ("Hillary Clinton spoke in Ohio. The daughter of Eric Garner sent a series of "
            "scathing tweets targeted at Hillary Clinton.")
    assert events(text) == [(None, "Hillary Clinton", "111", "111:tweet/noun")]
    # a scathing letter is criticism of its addressee; a plain letter is not
    assert codes("Hillary Clinton wrote a scathing letter to the Donald Trump campaign.") == [
        ("Hillary Clinton", "Donald Trump", "111")]
    assert codes("Hillary Clinton wrote a letter to the Donald Trump campaign.") == []


def test_claiming_ignorance_denies_only_of_oneself():
    assert codes("Donald Trump said he was unaware of the deal.") == [("Donald Trump", None, "016")]
    assert codes("Donald Trump said Hillary Clinton was unaware of the deal.") == []


def test_brushing_off_findings_denies_them():
    assert events("Hillary Clinton brushed off the report's findings.") == [
        ("Hillary Clinton", None, "016", "016:brush_off/verb")]


def test_criticism_someone_faces_from_others_is_theirs_against_him():
    assert codes("Donald Trump faced heavy criticism from Hillary Clinton on Monday.") == [
        ("Hillary Clinton", "Donald Trump", "111")]


def test_verbal_attacks_skip_the_weapon_words_only_when_nothing_is_retyped(nlp):
    """A sentence with no attack trigger comes back as it was without its words being
    read; with one, a weapon word still keeps the attack physical."""
    from dyads.events.judgements import verbal_attacks
    from dyads.events.lexicon import default_lexicon
    from dyads.events.triggers import best_entry
    from dyads.parse import SentenceTokens

    lexicon = default_lexicon()
    for text, retyped in (("Trump attacked Clinton on Monday.", True),
                          ("Trump attacked Clinton with a knife.", False),
                          ("Trump met Clinton on Monday.", False)):
        sent = SentenceTokens(next(nlp(text).sents))
        found = {t.i: e for t in sent if (e := best_entry(t, lexicon)) is not None}
        out = verbal_attacks(sent, found, lambda t: t.text in {"Trump", "Clinton"})
        assert any(e.id.endswith("+in_words") for e in out.values()) == retyped
        assert set(out) == set(found)


def test_praise_in_a_verbless_sentence_stops_at_the_root():
    from dyads.events.judgements import _describes_actor
    from dyads.pipeline import load_resources

    doc = load_resources().nlp("A strong leader.")
    assert _describes_actor(doc[2]) is False  # walked up to the root, where it used to loop


# ------------------------------------------------------------ a wrong said to be done

def test_a_wrong_another_is_said_to_have_done_is_the_speakers_accusation():
    got = codes("Russia said on Monday that Ukraine had violated the ceasefire.", "2016-10-31")
    assert got == [("Russia", "Ukraine", "112")]  # not Ukraine's violation as a fact
    got = codes("The inspector general concluded that Hillary Clinton had mishandled "
                "classified material.", "2016-05-26")
    assert [(t, c) for _, t, c in got] == [("Hillary Clinton", "112")]


def test_a_clause_under_whether_or_if_accuses_no_one():
    assert codes("Senator Ted Cruz asked whether Hillary Clinton lied to the families.",
                 "2016-10-31") == []
    assert codes("The attorney general would not say if Donald Trump's charity violated any "
                 "laws.", "2016-09-30") == []
