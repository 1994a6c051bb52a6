"""Argument finding on real parses: fallback target nouns stay inside the event's clause."""
import pytest

from dyads.events import arguments as args


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: nlp(text)


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_fallback_nouns_skip_a_coordinated_clause_with_its_own_subject(parse):
    doc = parse("Chad and Libya agreed to a truce, but local radio said fighting went on.")
    nouns = {t.text for t in args.subtree_nouns(_token(doc, "agreed"))}
    assert "truce" in nouns
    assert "radio" not in nouns


def test_fallback_nouns_skip_the_attribution(parse):
    doc = parse("Rebels killed five soldiers near the border, according to army sources.")
    nouns = {t.text for t in args.subtree_nouns(_token(doc, "killed"))}
    assert "soldiers" in nouns
    assert "sources" not in nouns


def test_fallback_nouns_keep_the_infinitive_content(parse):
    doc = parse("Iran threatened to launch an offensive in its war with Iraq.")
    nouns = {t.text for t in args.subtree_nouns(_token(doc, "threatened"))}
    assert "Iraq" in nouns


def test_subject_of_a_passive_is_its_agent(parse):
    doc = parse("The embassy was attacked by Kenyan students.")
    assert args.subject_of(_token(doc, "attacked")).text == "students"


def test_object_control_gives_the_subject_of_the_infinitive(parse):
    doc = parse("Germany urged Serbia to withdraw its troops.")
    assert args.subject_of(_token(doc, "withdraw")).text == "Serbia"


def test_the_passive_subject_of_an_object_control_verb_does_the_infinitive(parse):
    doc = parse("Kenya was urged by Britain to release the prisoners.")
    assert args.subject_of(_token(doc, "release")).text == "Kenya"


def test_a_place_in_the_doers_own_phrase_is_no_target():
    import dyads
    events = dyads.code("Emmanuel Macron, speaking in Brussels on Thursday, condemned the "
                        "strikes by Russia.", date="2023-03-24").events
    assert [(e.cameo, e.source.name, e.target.name) for e in events] == [
        ("111", "Emmanuel Macron", "Russia")]


def test_with_absolute_gives_the_participle_its_doer():
    import dyads
    got = dyads.code("Democratic candidates went further, with former Maryland Gov. Martin "
                     "O'Malley calling Donald Trump a fascist.", date="2015-12-08").events
    assert [(e.source.name, e.target.name, e.cameo) for e in got] == [
        ("Martin O'Malley", "Donald Trump", "111")]


def _walked_subtree_nouns(trigger, limit=12, places=False):
    """subtree_nouns as it was, walking Token children (before the Doc's view)."""
    def own_clause(verb):
        out, stack = [], [verb]
        while stack:
            t = stack.pop()
            out.append(t)
            stack += [c for c in t.children if c.lower_ != "according" and not (
                c.pos_ in {"VERB", "AUX"} and c.dep_ in {"conj", "parataxis"}
                and args.child(c, *args.SUBJECT_DEPS, *args.PASSIVE_SUBJECT_DEPS))]
        return out

    def outside(noun):
        out, stack = [], [noun]
        while stack:
            t = stack.pop()
            out.append(t)
            stack += [c for c in t.children if c.dep_ not in args.CLAUSE_DEPS
                      and c.lower_ != "according"]
        return out

    tokens = own_clause(trigger) if trigger.pos_ != "NOUN" else outside(trigger)
    if trigger.pos_ != "NOUN" and not places:
        doer = {t.i for c in trigger.children if c.dep_ in args.SUBJECT_DEPS for t in c.subtree}
        tokens = [t for t in tokens if not (t.i in doer and t.dep_ == "pobj"
                                            and t.head.lower_ in {"in", "at"})]
    found = [t for t in tokens if t.i != trigger.i and t.pos_ in args.NOUN_POS
             and t.dep_ not in {"compound", "amod", "poss"}]
    found.sort(key=lambda t: abs(t.i - trigger.i))
    return found[:limit]


def test_subtree_nouns_from_the_view_equal_the_token_walk(nlp):
    doc = nlp("Protesters in Tehran, according to state media, threatened to launch an "
              "offensive in its war with Iraq, and officials in Baghdad said they would "
              "respond. A trip aimed at a ceasefire in Gaza by envoys of Egypt and Qatar "
              "ended, but the talks on prisoners, aid and the border resumed on Monday.")
    nonempty = 0
    for token in doc:
        for limit, places in ((12, False), (12, True), (2, False)):
            got = [t.i for t in args.subtree_nouns(token, limit, places)]
            assert got == [t.i for t in _walked_subtree_nouns(token, limit, places)], token.text
            nonempty += bool(got)
    assert nonempty > 10


def test_a_clause_before_a_semicolon_is_not_what_the_next_verb_says():
    import dyads

    text = ("Bernie Sanders and Hillary Clinton debated on Monday. "
            "He proposes breaking up Wall Street banks; she backs tougher regulations.")
    assert not [e for e in dyads.code(text, date="2016-10-05").events if e.cameo == "051"]


def test_an_event_nouns_own_preposition_is_found_on_the_verb_it_is_the_object_of(parse):
    doc = parse("The agency reopened its probe into the senator's dealings with a donor.")
    probe = _token(doc, "probe")
    assert _token(doc, "into").head.text == "reopened"  # the parse this test is about
    assert args.noun_target(probe, "into").text == "dealings"
    assert args.noun_target(probe) is None  # without the entry's preposition: nothing


def test_the_of_phrase_is_the_target_only_of_deeds_done_to_someone(parse):
    doc = parse("Police began an investigation of the mayor after the visit of the minister.")
    assert args.noun_target(_token(doc, "investigation"), "into", of_target=True).text == "mayor"
    assert args.noun_target(_token(doc, "visit"), "to") is None


def test_a_passive_conjunct_shares_its_heads_subject(parse):
    doc = parse("The aide was granted immunity and has been interviewed by the agency.")
    assert args.passive_target(_token(doc, "interviewed")).text == "aide"
    assert args.subject_of(_token(doc, "interviewed")).text == "agency"


def test_a_relative_clause_on_an_apposition_is_about_the_one_named(parse):
    doc = parse("Democracy for America, an organization that endorsed Sanders, praised Clinton.")
    assert args.subject_of(_token(doc, "endorsed")).text == "Democracy"
    doc = parse("On Monday, Graham, who had endorsed Bush, will headline a fundraiser.")
    assert args.subject_of(_token(doc, "endorsed")).text == "Graham"


@pytest.mark.parametrize("text, trigger, left_out, kept", [
    ("The senator met donors as secretary of state.", "met", "secretary", "donors"),
    ("She retired from the navy as a rear admiral.", "retired", "admiral", "navy"),
    ("Iran criticized countries such as Israel.", "criticized", None, "Israel"),
    ("Blinken raised concerns about what he describes as China's support for Russia.",
     "raised", None, "support"),
])
def test_fallback_nouns_leave_out_the_capacity_someone_acts_in(parse, text, trigger,
                                                              left_out, kept):
    nouns = {t.text for t in args.subtree_nouns(_token(parse(text), trigger))}
    assert kept in nouns
    assert left_out is None or left_out not in nouns
