"""Political relevance (events.relevance): sports results, markets, weather and ordinary crime
make no event; political acts about sport or business stay. Every text is written here."""
from importlib import resources as files

import pytest
import yaml

import dyads
from dyads.events import relevance
from dyads.pipeline import Settings

DATE = "2024-05-01"

DISTRACTORS = [
    "Brazil defeated Argentina 3-1 in a friendly in Sao Paulo on Tuesday. The visitors "
    "attacked early but Brazil's striker scored twice before half-time.",
    "Carlos Alcaraz beat Novak Djokovic in straight sets to win the Wimbledon title on Sunday, "
    "overpowering the Serbian in the final.",
    "Kenya's Peres Jepchirchir won the London Marathon on Sunday, beating Ethiopia's Tigist "
    "Assefa by eight seconds in a sprint to the line.",
    "India crushed Pakistan by seven wickets in the World Cup match in Ahmedabad on Saturday, "
    "chasing down the target with ten overs to spare.",
    "The United States beat China to the gold medal in women's gymnastics, with the Americans "
    "finishing three points clear of the Chinese team.",
    "Japan warned England that they would attack from the first whistle, and England's captain "
    "said his team was ready for the World Cup quarter-final.",
    "The Australian swimmer accused her Chinese rival of cheating after losing the 400 metres "
    "freestyle final, and the Chinese team rejected the claim.",
    "The Mexican boxer knocked out his British opponent in the fourth round to retain the world "
    "heavyweight title in Las Vegas.",
    "Germany defeated Hungary on Saturday to reach the last eight, and the German coach praised "
    "his young side for attacking from the first minute.",
    "Shares in Tokyo fell sharply on Wednesday as investors sold technology stocks, and the "
    "Nikkei index lost 2 percent.",
    "Apple beat analysts' estimates for the quarter as iPhone sales rose in China, and the "
    "company said it would buy back more of its shares.",
    "Amazon attacked Walmart's pricing in a new advertising campaign, and Walmart hit back by "
    "cutting prices on thousands of products.",
    "Deutsche Bank sued a former trader in London, accusing him of hiding losses of 300 million "
    "euros from the bank.",
    "China's stock market rallied on Tuesday while the United States saw its shares fall, as "
    "investors worried about interest rates.",
    "A powerful storm hit the coast of Portugal on Sunday, killing two people and leaving "
    "thousands of homes without power.",
    "An earthquake of magnitude 6.8 struck central Morocco late on Friday, killing more than "
    "2,000 people and destroying villages in the mountains.",
    "Typhoon Haikui battered Taiwan on Sunday, injuring dozens of people, uprooting trees and "
    "cutting electricity to 200,000 homes.",
    "Storm Ciaran struck France and Britain on Thursday, killing at least five people and "
    "cutting power to a million homes.",
    "Floods have killed more than 1,000 people in Pakistan since June, and rescuers said "
    "villages in Sindh were still under water.",
    "Two armed men robbed a jewellery shop in Manchester on Tuesday and threatened the staff "
    "with a knife before escaping on a motorbike.",
    "A gunman killed three people at a bar in Texas on Saturday night before fleeing in a car, "
    "witnesses said.",
    "Robbers attacked a bus on the road to Mombasa on Sunday, stealing passengers' phones and "
    "cash and injuring the driver.",
    "Rival gangs clashed in a suburb of Marseille, and one teenager was shot dead in the "
    "fighting.",
    "Burglars broke into the home of a retired teacher in Leeds and threatened her before "
    "escaping with jewellery.",
]


def codes(text, settings=None):
    return [(e.cameo, e.source and e.source.code, e.target and e.target.code)
            for e in dyads.code(text, date=DATE, settings=settings).events]


@pytest.mark.parametrize("text", DISTRACTORS)
def test_sports_markets_weather_and_crime_make_no_event(text):
    assert codes(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The United States announced a diplomatic boycott of the Beijing Winter Olympics on "
     "Monday, citing human rights abuses in Xinjiang.", ("163", "USAGOV", "CHNGOV")),
    ("FIFA suspended Russia from the World Cup after the invasion of Ukraine, and Poland "
     "refused to play the Russian team.", ("120", "POLGOV", "RUS")),
    ("Police arrested two men on Tuesday after the robbery of a bank in Madrid, the Spanish "
     "interior ministry said.", ("173", "ESPCOP", "ESPPPL")),
    ("After the earthquake, Turkey accepted an offer of rescue teams from Greece, and the "
     "Greek prime minister visited the disaster zone.", ("030", "TURGOV", "GRCGOV")),
    ("The European Union sent emergency aid to Libya after the storm, and the UN appealed for "
     "funds to help the survivors.", ("073", "IGO", "LBYGOV")),
    ("Indian Prime Minister Narendra Modi met Tesla's chief executive in New York on Tuesday "
     "to discuss investment.", ("040", "INDGOV", "USABUS")),
    ("Thousands of protesters demonstrated against the government of Qatar outside the "
     "stadium before the final.", ("141", "QATCVL", "QATGOV")),
    ("Ukraine accused Russia of shelling a football stadium in Kharkiv on Sunday night.",
     ("112", "UKRGOV", "RUSGOV")),
    ("Gunmen killed 12 villagers in an attack in northern Nigeria on Sunday, residents said.",
     ("190", "NGAUAF", "NGACVL")),
    ("Israeli forces killed two Palestinians in a raid near a market in Jenin on Tuesday.",
     ("190", "ISRMIL", "PSE")),
    # fire, waves and winds are not hazards: their doers are people
    ("Israeli fire killed two Palestinians in Gaza on Monday.", ("190", "ISR", "PSE")),
    ("Iran's government banned women from the stadium before the World Cup qualifier, drawing "
     "criticism from FIFA.", ("1722", "IRNGOV", "IRNCVL")),
    ("Russia banned its athletes from competing in the tournament in Ukraine.",
     ("1722", "RUSGOV", "UKRCVL")),
    ("China imposed tariffs on Australian wine, and Australia accused Beijing of economic "
     "coercion.", ("112", "AUSGOV", "CHNGOV")),
])
def test_political_acts_about_sport_business_and_disasters_stay(text, expected):
    assert expected in codes(text)


def test_the_setting_turns_the_stage_off():
    text = DISTRACTORS[2]  # the marathon: a win over a runner reads as force without it
    assert codes(text, Settings(political_relevance=False)) == [("182", "KEN", "ETHGOV")]
    assert codes(text) == []


@pytest.fixture(scope="module")
def judged(resources):
    """(rule, relevant, reason) of each event of a text, coded with the stage off and judged."""
    from dyads.ingest import make_article
    from dyads.parse import masked_text
    from dyads.pipeline import code_doc

    def judge(text):
        article = make_article("t", text, DATE)
        doc = resources.nlp(masked_text(article))
        unjudged = Settings(political_relevance=False, dedupe_within_article=False)
        coded = code_doc(article, doc, resources, unjudged)
        return [(d.rule, d.relevant, d.reason)
                for _, d in relevance.judge_events(coded.events, doc, resources.relevance)]
    return judge


def test_a_hazard_doing_the_act_is_named_in_the_reason(judged):
    assert judged(DISTRACTORS[16]) == [
        ("hazard_doer", False, "'battered' is done by 'Haikui', a natural hazard, not a person or body"),
        ("hazard_doer", False, "'injuring' is done by 'Haikui', a natural hazard, not a person or body"),
    ]


def test_a_sports_drop_lists_its_cues_and_actors(judged):
    [(rule, relevant, reason)] = judged(DISTRACTORS[2])
    assert (rule, relevant) == ("sports", False)
    assert reason.startswith("sports cues ['marathon', 'sprint', 'seconds', 'win', 'sense:beat']")
    # the runner's surname is no minister's (the agents file's open-ended roles name no one
    # by surname alone): her country is all the actor list shows
    assert "(ETHGOV, country)" in reason


def test_a_crime_drop_needs_three_weak_cues_without_a_strong_one(judged):
    [(rule, relevant, reason)] = judged(DISTRACTORS[20])
    assert (rule, relevant) == ("crime", False)
    assert reason.startswith("crime cues ['bar', 'car', 'witnesses', 'sense:kill']")


def test_killing_villagers_is_no_crime_or_disaster_domain(judged):
    text = "Gunmen killed 12 villagers in an attack in northern Nigeria on Sunday, residents said."
    assert judged(text) == [("no_domain", True, "no sports, market, disaster or crime cues")]


def test_a_political_cue_keeps_a_sports_sentence(judged):
    text = ("The United States announced a diplomatic boycott of the Beijing Winter Olympics on "
            "Monday, citing human rights abuses in Xinjiang.")
    [(rule, relevant, reason)] = judged(text)
    assert (rule, relevant) == ("political_cue", True)
    assert reason.endswith("political cues ['boycott', 'diplomatic', 'human rights']")


def test_a_political_actor_keeps_a_sports_sentence(judged):
    text = "Police arrested 40 fans after the football match in Cairo on Friday."
    [(rule, relevant, reason)] = judged(text)
    assert (rule, relevant) == ("political_actor", True)
    assert reason.endswith("but actor 'Police' (EGYCOP, context)")


def test_a_country_alone_is_a_team_in_sport_but_a_government_in_markets():
    from dyads.records import Actor

    brazil = Actor(text="Brazil", start=0, end=6, country="BRA", sector="GOV", code="BRAGOV",
                   resolved_by="country")
    assert relevance.political_actor(brazil, country_is_political=False) is False
    assert relevance.political_actor(brazil, country_is_political=True) is True
    guessed = Actor(text="Ethiopia's Tigist Assefa", start=0, end=24, country="ETH",
                    sector="GOV", code="ETHGOV", resolved_by="person", confidence=0.49)
    assert relevance.political_actor(guessed, country_is_political=True) is False


def test_a_story_of_the_domain_lowers_the_bar(nlp):
    rules = relevance.default_rules()
    story = nlp("The marathon ended in a sprint. The runners, the race, the medal, the podium "
                "and the athletes drew fans. Kenya's Mary beat Ethiopia's Almaz by a minute.")
    sent = list(story.sents)[-1]
    trigger = next(t for t in sent if t.lemma_ == "beat")
    assert relevance.sentence_domain(sent, trigger, rules) is None  # one weak cue and the sense
    assert relevance.story_domains(story, rules) == frozenset({"sports"})
    domain, cues = relevance.sentence_domain(sent, trigger, rules, frozenset({"sports"}))
    assert domain.name == "sports" and "<story>" in cues


# --- the data file -------------------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    text = files.files("dyads.data").joinpath("relevance.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_the_data_file_parses_into_four_domains(data):
    rules = relevance.parse_rules(data)
    assert [d.name for d in rules.domains] == ["sports", "markets", "disaster", "crime"]
    assert rules.threshold >= 2 and rules.weak_alone >= 2 and 0 < rules.story_share < 1


def test_cue_lists_are_lower_case_strings_without_duplicates(data):
    lists = [data["political_cues"], data["hazards"]]
    lists += [d[k] for d in data["domains"].values() for k in ("strong", "weak", "senses")]
    for words in lists:
        assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words)
        assert len(words) == len(set(words)), sorted(w for w in words if words.count(w) > 1)


def test_no_political_cue_is_also_a_domain_cue(data):
    # a word in both lists would make a domain and unmake it in the same sentence
    political = set(data["political_cues"])
    for name, domain in data["domains"].items():
        assert political & set(domain["strong"] + domain["weak"]) == set(), name


def test_a_missing_key_is_an_error_not_a_silent_default(data):
    broken = {k: v for k, v in data.items() if k != "hazards"}
    with pytest.raises(KeyError):
        relevance.parse_rules(broken)


def test_word_pairs_from_the_view_equal_the_token_walk(nlp):
    """A sentence's (word, lemma) pairs and two-word runs read from the Doc's view are
    what walking its tokens gave."""
    from dyads.events.relevance import _word_pairs

    doc = nlp("The Lakers beat the Celtics 102-99 on Sunday. Shares fell sharply as "
              "investors fled; floods killed three people.")
    for sent in list(doc.sents) + [doc[0:0], doc[2:5]]:
        pairs = [(t.lower_, t.lemma_.lower()) for t in sent]
        pairs += [(f"{w1} {w2}", f"{l1} {l2}") for (w1, l1), (w2, l2) in zip(pairs, pairs[1:])]
        assert _word_pairs(sent) == pairs


def test_story_domains_count_each_word_as_the_plain_sum_did(nlp):
    """The hits per domain, counted over distinct words, equal the sum over every word."""
    from dyads.docview import view_of
    from dyads.events.relevance import default_rules, story_domains

    rules = default_rules()
    doc = nlp("The Lakers beat the Celtics. The Lakers scored late and the coach praised "
              "the team; the league fined the team's goalkeeper after the game.")
    words = [w for w, alpha in zip(view_of(doc).lower, view_of(doc).is_alpha) if alpha]
    plain = set()
    for domain in rules.domains:
        hits = sum(w in domain.strong or w in domain.weak for w in words)
        if hits >= rules.story_hits and hits / len(words) >= rules.story_share:
            plain.add(domain.name)
    assert story_domains(doc, rules) == frozenset(plain)
    assert plain  # the text is a sports story
