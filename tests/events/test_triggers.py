"""Trigger matching over real parses: which token carries the event and which code it gets.

One test per construction, on sentences written here."""
import pytest

from dyads.events.combine import find_triggers
from dyads.events.lexicon import default_lexicon


@pytest.fixture(scope="module")
def nlp():
    from dyads.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def triggers(nlp):
    lexicon = default_lexicon()

    def run(text: str) -> dict[str, str]:
        """Trigger word (lower case) → code, for a one-sentence text."""
        doc = nlp(text)
        out = {}
        for sent in doc.sents:
            out.update({doc[i].lower_: e.code for i, e in find_triggers(sent, lexicon).items()})
        return out
    return run


@pytest.mark.parametrize("text,word,code", [
    # an intent verb takes its kind from the aid it offers (not "aid" as a deed, 070)
    ("Japan offered military aid to Kenya.", "offered", "0332"),
    ("The minister offered concessions to the unions.", "offered", "035"),
    # a support verb takes the noun's own modifier reading
    ("The prisoners went on hunger strike.", "went", "142"),
    ("The navy launched air strikes on the port.", "launched", "195"),
    ("The two armies conducted joint exercises near the border.", "conducted", "062"),
    # a deed done by a doer alone stays on the verb, which knows its subject and tense
    ("Students staged a protest outside the embassy.", "staged", "141"),
    ("The miners continued their hunger strike.", "continued", "142"),
    # the object's compound names what it is
    ("Egypt ended its mediation efforts.", "ended", "165"),
    ("The rebels violated the ceasefire agreement.", "violated", "196"),
    # a statement verb written for its object keeps it
    ("The ministry rejected the allegations.", "rejected", "016"),
    ("The cabinet accepted the demands of the strikers.", "accepted", "083"),
    ("The envoy reiterated his demand for an apology.", "reiterated", "100"),
    # an object constraint beats a bare particle: rockets fired at a town are shelling
    ("The militia fired rockets at the town.", "fired", "194"),
    # purpose infinitives are events; an attempt on a life is CAMEO 185, not the killing
    ("An attempt to assassinate the governor failed.", "assassinate", "185"),
    ("Gunmen tried to assassinate the mayor.", "assassinate", "185"),
    ("Gunmen assassinated the mayor.", "assassinated", "186"),
    # new families
    ("The troops remained on alert.", "remained", "152"),
    ("The army strengthened its forces along the border.", "strengthened", "154"),
    ("The court cancelled the restrictions on broadcasters.", "cancelled", "081"),
    ("Police released the correspondent.", "released", "0841"),
    ("The soldiers set fire to the village school.", "set", "1712"),
    ("The militia forced out the villagers.", "forced", "201"),
    ("The rebels engaged in fighting with the army.", "engaged", "190"),
    ("The government reneged on its promise.", "reneged", "120"),
    # the lemmatiser's "stag" for "staged" is mended
    ("The rebels waged war on the government.", "waged", "190"),
])
def test_trigger_codes(triggers, text, word, code):
    assert triggers(text).get(word) == code


@pytest.mark.parametrize("text,kept,dropped", [
    ("France announced a suspension of flights.", "suspension", "announced"),  # noun is the deed
    ("Japan offered military aid to Kenya.", "offered", "aid"),
    ("The council condemned the air strikes.", "condemned", "strikes"),  # the topic
])
def test_one_event_per_verb_and_object(triggers, text, kept, dropped):
    found = triggers(text)
    assert kept in found and dropped not in found


def test_condemning_a_deed_stays_a_condemnation(triggers):
    assert triggers("The council condemned the air strikes.")["condemned"] == "111"


def test_bare_statement_gives_way_to_its_event_noun(triggers):
    assert triggers("France announced a suspension of flights.") == {"suspension": "160"}


@pytest.mark.parametrize("text,word,code", [
    # an event noun as subject names the kind of violence
    ("An explosion wounded two French policemen.", "wounded", "183"),
    ("A car bombing killed three Kenyan soldiers.", "killed", "1832"),
    # ... and so does "in an <attack>"
    ("Gunmen wounded four villagers in a bomb attack.", "wounded", "183"),
    # cutting a kind of aid is cutting that aid, not giving it
    ("Japan halted economic aid to Serbia.", "halted", "1621"),
    # a measure noun hands its constraint on to what it measures
    ("Doctors handed over 700 kg of medicine to the Red Cross.", "handed", "073"),
    # a to-clause parsed as adverbial still counts as the infinitive
    ("The rebels have sworn to fight until they capture the town.", "sworn", "138"),
    ("The coalition agreed to a ceasefire on Monday.", "agreed", "0356"),
    ("The council denied the request for a permit.", "denied", "120"),
])
def test_trigger_codes_of_combined_constructions(triggers, text, word, code):
    assert triggers(text).get(word) == code


def test_event_noun_subject_is_folded_into_its_verb(triggers):
    assert "explosion" not in triggers("An explosion wounded two French policemen.")


def test_participle_of_a_document_is_a_trigger(triggers):
    found = triggers("Activists signed a letter demanding new elections.")
    assert found.get("demanding", "")[:2] == "10"


@pytest.mark.parametrize("text,word,code", [
    # refugees seeking refuge demand shelter of the host (1033); asking is an appeal (0233)
    ("Thousands of Afghans sought refuge in Iran.", "sought", "1033"),
    ("The villagers requested food and shelter.", "requested", "0233"),
    # demanding / urging an end to protests
    ("Police pressured the dockers to end their strike.", "pressured", "1052"),
    ("The bishop urged the farmers to call off their protest.", "urged", "0252"),
    # removing peacekeepers or aid agencies
    ("Thirty Dutch peacekeepers were flown out of the province.", "flown", "1661"),
    ("The junta forced the UN food agency out of the country.", "forced", "1663"),
    # letting refugees go home, with the infinitive parsed as a clause of its own
    ("Chad allowed the refugees to return.", "allowed", "0833"),
    # receiving from a giver
    ("The militia received rifles from the army.", "received", "072"),
    ("The town received loans from the bank.", "received", "071"),
    ("Kiev received assurances from Washington.", "received", "030"),
    ("The minister received the delegation.", "received", "040"),  # no giver: a meeting
    # agreeing on a view (019) versus agreeing on a deed (03x)
    ("Peru and Chile agreed that there was a need for calm.", "agreed", "019"),
    # refusing what an appeal asks for
    ("Oslo rejected calls by Riga for economic aid.", "rejected", "1221"),
    # travel warnings, permissions, re-examining
    ("Canada advised against travel to Haiti.", "advised", "160"),
    ("Oslo gave permission to the ship to dock.", "gave", "080"),
    ("The experts re-examined the site.", "examined", "090"),
])
def test_trigger_codes_of_new_wording(triggers, text, word, code):
    assert triggers(text).get(word) == code



@pytest.mark.parametrize("text,word,code", [
    # a verb with an object predicate names and judges: criticism, praise, or a denial
    ("The minister called the visit a dangerous provocation.", "called", "111"),
    ("The premier called the summit a historic success.", "called", "051"),
    ("The ministry called the allegations absurd.", "called", "016"),
    # a date after "on" is no particle: a phone call, not "call on X to ..."
    ("Macron called Scholz on Tuesday.", "called", "041"),
    # "called for X to be tried": the parser marks the clause with "for"
    ("The bishop called for the general to be put on trial.", "called", "020"),
    # lemma repairs and a judging verb that keeps its own code over its event-noun object
    ("Officials said they hoped for progress.", "hoped", "013"),
    ("The cabinet would consider new sanctions.", "consider", "014"),
    # a past-tense verb the parser hangs on its subject as a modifier
    ("Canada and ten other countries expelled fifty Russian diplomats.", "expelled", "161"),
    # what is measured out ("most of", "$40 million in") is not the object
    ("The government paused most of the new tariffs.", "paused", "085"),
    ("Japan pledged $40 million in humanitarian aid.", "pledged", "033"),
    # groups named by their kind, and carriers named by their compound
    ("The charity sent a medical team to the region.", "sent", "073"),
    ("The regime restricted internet access.", "restricted", "1721"),
    ("Germany will send an air defence system to Poland.", "send", "072"),
    ("Riot police used stun grenades against the crowd.", "used", "175"),
    ("Protesters burned flags outside the embassy.", "burned", "141"),
    ("The envoy raised concerns with Beijing.", "raised", "111"),
    ("The agency will work with local authorities.", "work", "050"),
    ("The king awarded the general a medal.", "awarded", "051"),
    ("Dock workers extended their strike.", "extended", "143"),
    # a named diplomat is known by the title before the name
    ("The deputy minister summoned U.S. Ambassador John Miller on Monday.", "summoned", "114"),
    ("The president dismissed the protesters as foreign agents.", "dismissed", "111"),
    ("The two leaders cut short their summit.", "cut", "164"),
    ("Norway is ready to facilitate talks between the rivals.", "facilitate", "045"),
    ("Qatar will try to bring the two sides to the negotiating table.", "bring", "045"),
])
def test_article_constructions(triggers, text, word, code):
    assert triggers(text).get(word) == code


def test_a_name_given_in_passing_is_no_event(triggers):
    assert "called" not in triggers("The army kept shelling what it called terrorist bases.")


def test_a_call_as_the_channel_of_a_verb_is_a_phone_call(triggers):
    assert triggers("Merkel urged Putin in a call on Sunday to withdraw.")["call"] == "041"
    # talks keep their own consultation reading
    assert triggers("Barak spoke to reporters during the talks.").get("talks", "046")[:2] == "04"


def test_a_particle_follows_its_verb_and_may_follow_an_adverb():
    import dyads
    said = dyads.code('On Twitter, former Florida Gov. Jeb Bush called Donald Trump "unhinged."',
                      date="2016-10-05").events
    assert [(e.cameo, e.trigger.rule) for e in said] == [("111", "111:call/verb+judged:unhinged")]
    again = dyads.code("Donald Trump called again for President Barack Obama to resign.",
                       date="2016-10-05").events
    assert [(e.cameo, e.target.name) for e in again if e.cameo == "020"] == [("020", "Barack Obama")]
