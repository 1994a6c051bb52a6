"""Names, places and things in real-news wording (issue 13): people named in full win over
KB namesakes, datelines and place modifiers are not actors, dated campaign roles."""
import dyads


def _actors(resources, text, word, date="2016-10-12", nth=0, places=False):
    from dyads.actors.resolve import ArticleActors

    doc = resources.nlp(text)
    actors = ArticleActors(doc, resources.kb, date, resources.gazetteer)
    token = [t for t in doc if t.text == word][nth]
    return actors.at(token, places=places)


def _codes(found):
    return [(a.name, a.code) for a in found]


def test_lone_surname_is_the_person_named_in_full_later_in_the_article(resources):
    text = "Clinton criticized Russia on Tuesday. Hillary Clinton later flew to Ohio."
    assert _codes(_actors(resources, text, "Clinton")) == [("Hillary Clinton", "USAPTY")]


def test_first_name_alone_is_not_a_namesake_surname(resources):
    alone = _actors(resources, "Donald criticized the media on Tuesday.", "Donald")
    assert [(a.kb_id, a.country) for a in alone] == [(None, None)]
    text = "Donald Trump arrived in Ohio on Monday. Donald accused China of cheating."
    assert _codes(_actors(resources, text, "Donald", nth=1)) == [("Donald Trump", "USAPTY")]


def test_name_split_by_a_non_breaking_space_is_one_name():
    event = dyads.code("Republican nominee\xa0Donald\xa0Trump accused China of cheating.",
                       date="2016-10-12").events[0]
    assert (event.source.name, event.source.code) == ("Donald Trump", "USAPTY")


def test_demonym_that_is_a_named_persons_surname_is_the_person(resources):
    text = "Billionaire Mark Cuban arrived in Ohio. Cuban praised Obama on Tuesday."
    found = _actors(resources, text, "Cuban", date="2016-05-22", nth=1)
    assert [(a.name, a.country) for a in found] == [("Mark Cuban", "USA")]


def test_titled_surname_is_the_person_named_before(resources):
    text = ("Austin met his Japanese counterpart, Minister of Defense Hamada Yasukazu, in "
            "Tokyo. Later Minister Hamada praised China.")
    found = _actors(resources, text, "Hamada", date="2023-06-01", nth=1)
    assert [(a.name, a.country) for a in found] == [("Yasukazu Hamada", "JPN")]


def test_family_name_first_finds_the_person(resources):
    assert resources.kb.person("Kishida Fumio", on="2023-06-01").name == "Fumio Kishida"


def test_candidates_are_party_people_while_they_run(resources):
    kb = resources.kb
    assert kb.person("Hillary Clinton", on="2016-10-12").sector == "PTY"
    assert kb.person("Mike Pence", on="2016-10-12").sector == "PTY"
    assert kb.person("Mike Pence", on="2018-05-01").sector == "GOV"
    assert kb.person("James Comey", on="2016-10-12").sector == "COP"


def test_dateline_is_not_an_actor(resources):
    text = "PHILADELPHIA (AP) — Hillary Clinton accused Russia of hacking."
    assert _codes(_actors(resources, text, "PHILADELPHIA")) == [("Hillary Clinton", "USAPTY")]
    text = "Headline here.\n\nWASHINGTON (Reuters) - The FBI said on Monday it was done."
    # the dateline itself is never the US government; where the parser makes it the
    # verb's subject, the subject beside it (the FBI) is who acts
    assert all(a.text != "WASHINGTON" for a in _actors(resources, text, "WASHINGTON"))


def test_a_subject_parsed_as_the_datelines_apposition_still_acts():
    import dyads
    events = dyads.code("WASHINGTON (Reuters) - Barack Obama on Tuesday criticized Donald "
                        "Trump over Russia.", date="2016-10-18").events
    assert [(e.source.name, e.target.name, e.cameo) for e in events] == [
        ("Barack Obama", "Donald Trump", "111")]


def test_old_capital_names_and_native_country_names_that_are_other_places(resources):
    assert resources.kb.entity("Philadelphia") is None  # an ancient name of Amman
    assert resources.kb.entity("Island") is None  # Iceland in Icelandic
    assert resources.kb.entity("Amman").country == "JOR"


def test_capital_modifying_a_thing_is_not_its_government(resources):
    text = "Clinton vowed to honor the Paris agreement on Monday."
    assert _actors(resources, text, "agreement") == []


def test_it_far_from_any_body_or_in_it_is_is_a_thing(resources):
    text = ("The Senate passed a bill on Monday. Voters were tired. "
            "The senators said they would win it anyway.")
    assert _actors(resources, text, "it") == []
    text = "The Senate passed a bill on Monday, and it is a surprise."
    assert _actors(resources, text, "it") == []
    text = "The Senate passed a bill on Monday, and it criticized Russia."
    assert [a.code for a in _actors(resources, text, "it")] == ["USALEG"]


def test_title_object_is_part_of_the_title(resources):
    text = "Clinton served as secretary of state until 2013."
    assert _actors(resources, text, "state") == []


def test_possessed_body_takes_the_possessors_country(resources):
    text = "Rodrigo Duterte spoke in Manila. Trump said he would not fire his cabinet."
    assert [a.country for a in _actors(resources, text, "cabinet")] == ["USA"]


def test_group_alias_inside_a_longer_name_is_not_the_group(resources):
    text = "The Clinton Foundation received money from donors on Monday."
    assert all(a.sector != "REB" for a in _actors(resources, text, "Foundation"))


def test_us_parties_outlets_and_armed_groups_carry_their_country(resources):
    kb = resources.kb
    assert kb.entity("Democrats").code == "USAPTY" and kb.entity("GOP").code == "USAPTY"
    assert kb.entity("Justice Department").code == "USAGOV"
    assert kb.entity("Washington Post").code == "USAMED"
    assert kb.entity("M23").code == "CODREB"
    assert kb.entity("Rapid Support Forces").code == kb.entity("RSF").code == "SDNREB"


def test_a_dateline_with_the_filing_day_is_no_actor():
    import dyads
    events = dyads.code("NEW YORK, Nov. 19 (UPI) — Hillary Clinton criticized Donald Trump "
                        "over his remarks.", date="2015-11-19").events
    assert [(e.source.name, e.target.name, e.cameo) for e in events] == [
        ("Hillary Clinton", "Donald Trump", "111")]


def test_a_faith_is_no_leaders_surname():
    import dyads
    events = dyads.code("Donald Trump attacked the hateful ideology of radical Islam.",
                        date="2016-08-15").events
    assert all(e.target is None or e.target.country != "BGD" for e in events)


def test_a_surname_alone_is_no_leader_whose_role_never_ends(resources):
    """The agents file's roles have no end date: 'Roe v. Wade' is not Senegal's Wade."""
    import dyads
    events = dyads.code("Hillary Clinton defended the Roe v. Wade decision that legalized "
                        "abortion.", date="2016-06-10").events
    assert all(a is None or a.country != "SEN" for e in events for a in (e.source, e.target))
