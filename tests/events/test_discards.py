"""Political relevance: sports, markets and disaster copy yield no events; texts written here."""
import dyads

SPORTS = ("Spain beat Italy 2-0 in the European Championship semifinal on Tuesday. Spain "
          "attacked from the start and the coach praised his players. The referee showed "
          "three yellow cards, and the fans in the stadium sang until the final whistle.")
DISASTER = ("Floods swept through villages in northern Italy on Monday after days of heavy "
            "rainfall, and firefighters evacuated hundreds of residents. Forecasters warned "
            "that the storm would bring more flooding, and a landslide blocked a road.")
DISASTER_WITH_AID = DISASTER + " Germany sent rescue teams and helicopters to Italy on Tuesday."


def test_a_country_named_as_a_team_is_no_government():
    assert dyads.code(SPORTS, date="2024-07-10").events == ()


def test_rescuers_and_victims_of_a_flood_act_in_no_political_event():
    assert dyads.code(DISASTER, date="2024-05-14").events == ()


def test_a_foreign_government_helping_in_a_disaster_stays_an_event():
    events = dyads.code(DISASTER_WITH_AID, date="2024-05-14").events
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in events] == [
        ("DEU", "ITA", "07")]


def test_hitting_the_campaign_trail_is_no_attack():
    import dyads

    got = dyads.code("Donald Trump is hitting the campaign trail with Mike Pence this week.",
                     date="2016-10-05").events
    assert [e.cameo[:2] for e in got if e.cameo[:2] in {"18", "19"}] == []
