"""Lookups against the shipped actor knowledge base."""
from __future__ import annotations

import pickle
from datetime import date

import pytest

from dyads.actors.kb import (Entity, KnowledgeBase, KnowledgeBaseError, PersonMatch,
                             composite_code, default_kb)

BLINKEN = "Q7821917"
ZELENSKY = "Q3874799"
JAISHANKAR = "Q16186720"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


# ---- people and dated roles -------------------------------------------------------------
def test_blinken_is_secretary_of_state_in_2022(kb):
    match = kb.person("Blinken", on="2022-03-30")
    assert isinstance(match, PersonMatch)
    assert (match.kb_id, match.country, match.sector) == (BLINKEN, "USA", "GOV")
    assert match.role.title == "Secretary of State"


def test_blinken_was_deputy_secretary_in_2015(kb):
    match = kb.person("Antony Blinken", on=date(2015, 6, 1))
    assert match.role.title == "Deputy Secretary of State"
    assert match.role.start <= "2015-06-01" <= match.role.end


def test_blinken_after_leaving_office_is_a_former_official(kb):
    match = kb.person("Antony Blinken", on="2025-06-01")
    assert match.kb_id == BLINKEN and match.role is None
    assert (match.country, match.sector) == ("USA", "ELI")


def test_rubio_succeeds_blinken(kb):
    match = kb.person("Marco Rubio", on="2025-03-01")
    assert match.role.title == "Secretary of State" and match.country == "USA"


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy",
                                      "Volodymyr Zelensky", "Zelenski"])
def test_zelensky_spellings_share_one_id(kb, spelling):
    match = kb.person(spelling, on="2022-03-30")
    assert match is not None and match.kb_id == ZELENSKY
    assert (match.country, match.sector) == ("UKR", "GOV")


def test_zelensky_is_not_his_wife(kb):
    assert kb.person("Olena Zelenska", on="2022-03-30").kb_id != ZELENSKY


@pytest.mark.parametrize("written", ["Dr S Jaishankar", "S Jaishankar", "S. Jaishankar",
                                     "Subrahmanyam Jaishankar", "Jaishankar", "EAM Jaishankar"])
def test_jaishankar_forms(kb, written):
    match = kb.person(written, on="2022-03-30")
    assert match.kb_id == JAISHANKAR
    assert (match.country, match.sector) == ("IND", "GOV")
    assert "External Affairs" in match.role.title


def test_override_people_from_the_seed_story(kb):
    fomin = kb.person("Alexander Fomin", on="2022-03-29")
    assert (fomin.country, fomin.sector) == ("RUS", "MIL")
    antonov = kb.person("Anatoly Antonov", on="2022-03-29")
    assert (antonov.country, antonov.sector) == ("RUS", "GOV")
    price = kb.person("Ned Price", on="2022-03-30")
    assert (price.country, price.sector) == ("USA", "GOV")


def test_putin_role_depends_on_date(kb):
    assert kb.person("Vladimir Putin", on="2010-01-01").role.title == "Prime Minister"
    assert kb.person("Putin", on="2022-03-30").role.title == "President"


def test_shared_surname_prefers_office_holder_on_date(kb):
    assert kb.person("Johnson", on="2021-01-01").name == "Boris Johnson"
    assert kb.person("Scholz", on="2022-06-01").country == "DEU"
    assert kb.person("Merz", on="2025-06-01").role.title == "Chancellor"


def test_open_role_is_less_certain_after_snapshot(kb):
    closed = kb.person("Antony Blinken", on="2022-03-30")
    open_late = kb.person("Sergey Lavrov", on="2030-01-01")
    assert closed.confidence > open_late.confidence > 0


@pytest.mark.parametrize("text", ["Foobar Quuxley", "price", "the", "", "May", "said", "2022",
                                  "Green", "Will", "Long", "Meanwhile"])
def test_unknown_names_and_common_words_give_none(kb, text):
    assert kb.person(text, on="2022-03-30") is None


# ---- handles ----------------------------------------------------------------------------
def test_handles(kb):
    assert kb.handle("@SecBlinken", on="2022-03-30").kb_id == BLINKEN
    assert kb.handle("@DrSJaishankar").kb_id == JAISHANKAR
    assert kb.handle("@StateDeptSpox", on="2022-03-30").name == "Ned Price"
    assert kb.handle("StateDeptSpox", on="2024-01-10").name == "Matthew Miller"
    assert kb.handle("@POTUS", on="2022-03-30").name == "Joe Biden"
    assert kb.handle("@POTUS", on="2025-06-01").name == "Donald Trump"
    assert kb.handle("@nobody_here_xyz") is None


# ---- countries, metonyms, organisations -------------------------------------------------
@pytest.mark.parametrize("text,country", [
    ("Russia", "RUS"), ("Russian", "RUS"), ("Ukrainian", "UKR"), ("US", "USA"), ("U.S.", "USA"),
    ("United States", "USA"), ("America", "USA"), ("American", "USA"), ("UK", "GBR"),
    ("Britain", "GBR"), ("British", "GBR"), ("the United Kingdom", "GBR"), ("India", "IND"),
    ("French", "FRA"), ("Chinese", "CHN"), ("Germany", "DEU")])
def test_countries_and_demonyms(kb, text, country):
    entity = kb.entity(text)
    assert entity.country == country and entity.kind == "country" and entity.code == country


@pytest.mark.parametrize("text,code", [
    ("the Kremlin", "RUSGOV"), ("Kremlin", "RUSGOV"), ("Moscow", "RUSGOV"),
    ("Washington", "USAGOV"), ("White House", "USAGOV"), ("the State Department", "USAGOV"),
    ("the Pentagon", "USAMIL"), ("Beijing", "CHNGOV"), ("Downing Street", "GBRGOV"),
    ("Kyiv", "UKRGOV"), ("Kiev", "UKRGOV")])
def test_metonyms(kb, text, code):
    assert kb.entity(text).code == code


@pytest.mark.parametrize("text,code", [
    ("NATO", "IGOWSTNAT"), ("the UN Security Council", "IGOUNO"), ("United Nations", "IGOUNO"),
    ("UN", "IGOUNO"), ("EU", "IGOEUREEC"), ("IAEA", "IGOUNOIAE"), ("WHO", "IGOUNOHLHWHO"),
    ("IMF", "IGOBUSIMF")])
def test_igos(kb, text, code):
    entity = kb.entity(text)
    assert entity.kind == "igo" and entity.code == code and entity.country is None


def test_armed_groups(kb):
    taliban = kb.entity("Taliban")
    assert (taliban.kind, taliban.country, taliban.sector) == ("armed_group", "AFG", "REB")
    assert kb.entity("Hamas").country == "PSE"
    assert kb.entity("ISIS").kind == "armed_group"


def test_lowercase_acronym_is_not_an_organisation(kb):
    assert kb.entity("who") is None and kb.entity("us") is None
    assert isinstance(kb.entity("WHO"), Entity)


def test_unknown_entity(kb):
    assert kb.entity("Zzyzx Foundation of Nowhere") is None


# ---- sector words and titles ------------------------------------------------------------
@pytest.mark.parametrize("word,sector", [
    ("minister", "GOV"), ("government", "GOV"), ("diplomat", "GOV"), ("ambassador", "GOV"),
    ("troops", "MIL"), ("troop", "MIL"), ("soldiers", "MIL"), ("army", "MIL"), ("police", "COP"),
    ("rebels", "REB"), ("militants", "REB"), ("opposition", "OPP"), ("court", "JUD"),
    ("judge", "JUD"), ("parliament", "LEG"), ("MPs", "LEG"), ("lawmakers", "LEG"),
    ("protesters", "CVL"), ("company", "BUS"), ("journalist", "MED"), ("party", "PTY"),
    ("students", "EDU"), ("doctors", "HLH"), ("cleric", "REL"), ("refugees", "REF"),
    ("spy", "SPY")])
def test_sector_words(kb, word, sector):
    assert kb.sector(word) == sector


def test_sector_unknown_word(kb):
    assert kb.sector("banana") is None


@pytest.mark.parametrize("title,sector", [
    ("Deputy Defense Minister", "MIL"), ("Foreign Minister", "GOV"), ("army chief", "MIL"),
    ("Ambassador", "GOV"), ("External Affairs Minister", "GOV"), ("police chief", "COP")])
def test_title_sector(kb, title, sector):
    assert kb.title_sector(title) == sector


def test_composite_code():
    assert composite_code("USA", "GOV") == "USAGOV"
    assert composite_code(None, "IGO") == "IGO"
    assert composite_code("UKR", None) == "UKR"
    assert composite_code(None, None) is None


# ---- loading ----------------------------------------------------------------------------
def test_info_lists_sources_with_snapshots(kb):
    info = kb.info()
    names = {s["name"]: s for s in info["sources"]}
    assert {"overrides", "wikidata", "factbook", "phoenix"} <= set(names)
    assert all(len(s["snapshot"]) == 10 for s in info["sources"])


def test_default_kb_is_cached():
    assert default_kb() is default_kb()


def test_kb_survives_pickling_for_worker_processes(kb):
    clone = pickle.loads(pickle.dumps(kb))
    assert clone.person("Blinken", on="2022-03-30").kb_id == BLINKEN


class _NoQueries:
    """Stands in for the KB connection: any query fails the test."""

    def execute(self, *args):
        raise AssertionError(f"the KB was queried again: {args}")


def test_repeated_lookups_are_answered_without_a_query(kb):
    fresh = KnowledgeBase(kb.path)
    first = (fresh.title_sector("Deputy Defense Minister"), fresh.sector("troops"),
             fresh.entity("Ukraine"), fresh.person("Blinken", on="2022-03-30"),
             fresh.handle("@SecBlinken", on="2022-03-30"))
    fresh._local.conn = _NoQueries()
    again = (fresh.title_sector("Deputy Defense Minister"), fresh.sector("troops"),
             fresh.entity("Ukraine"), fresh.person("Blinken", on=date(2022, 3, 30)),
             fresh.handle("@SecBlinken", on="2022-03-30"))
    assert again == first and first[0] == "MIL" and first[1] == "MIL"
    clone = pickle.loads(pickle.dumps(fresh))  # the copy starts with empty caches
    assert clone.title_sector("Foreign Minister") == "GOV"


def test_cached_phrase_forms_hand_out_fresh_lists():
    from dyads.actors.sectors import phrase_forms

    forms = phrase_forms("Armed Militias")
    forms.append("poison")
    assert phrase_forms("Armed Militias") == ["armed militias", "armed militia"]


def test_missing_file_says_how_to_fix(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="build_kb"):
        KnowledgeBase.load(tmp_path / "absent.sqlite")


# ---- gaps found on dev data -------------------------------------------------------------
@pytest.mark.parametrize("code", ["IN", "IT", "ME", "OR", "TO", "EC"])
def test_two_letter_codes_are_not_countries(kb, code):
    entity = kb.entity(code)
    assert entity is None or entity.kind != "country", entity


@pytest.mark.parametrize("text,country", [
    ("US", "USA"), ("U.S.", "USA"), ("UK", "GBR"), ("U.K.", "GBR"), ("UAE", "ARE"),
    ("DRC", "COD"), ("PRC", "CHN"), ("ROK", "KOR"), ("DPRK", "PRK")])
def test_common_country_abbreviations_stay(kb, text, country):
    assert kb.entity(text).country == country


@pytest.mark.parametrize("text", [
    "European Community", "EC", "EEC", "European Economic Community", "APEC",
    "Asia-Pacific Economic Cooperation", "UNHCR", "UNICEF", "WFP", "UNESCO", "UNDP", "IAEA",
    "WHO", "ILO", "FAO", "OCHA", "UNRWA", "UN Human Rights Council", "UN General Assembly",
    "UN Security Council", "International Court of Justice", "ICC", "NATO", "EU",
    "European Commission", "European Parliament", "Council of Europe", "OSCE", "OAS", "AU",
    "African Union", "OAU", "ECOWAS", "SADC", "IGAD", "ASEAN", "SCO", "BRICS", "G7", "G20",
    "GCC", "Arab League", "OIC", "OPEC", "IMF", "World Bank", "WTO", "Interpol",
    "the Commonwealth", "CIS", "CSTO", "Mercosur"])
def test_igos_named_in_wire_copy(kb, text):
    entity = kb.entity(text)
    assert entity is not None, text
    assert (entity.kind, entity.country, entity.sector) == ("igo", None, "IGO")
    assert entity.code.startswith("IGO")


def test_european_community_is_the_eu_code_not_ecuador(kb):
    assert kb.entity("EC").code == kb.entity("European Community").code == "IGOEUREEC"
    assert kb.entity("Ecuador").country == "ECU"


@pytest.mark.parametrize("text,country,sector", [
    ("Palestinian Islamic Jihad", "PSE", "REB"), ("UNITA", "AGO", "REB"),
    ("Islamic Jihad", "PSE", "REB"), ("Hezbollah", "LBN", "REB")])
def test_armed_group_codes(kb, text, country, sector):
    entity = kb.entity(text)
    assert (entity.country, entity.sector) == (country, sector)
    assert entity.code == country + sector


def test_regional_phoenix_prefix_gives_no_country(kb):
    kla = kb.entity("Kosovo Liberation Army")  # coded EEUREB (Eastern Europe) in the source
    assert (kla.country, kla.sector) == (None, "REB")


@pytest.mark.parametrize("text,country", [
    ("Serbs", "SRB"), ("Bosnian Serbs", "BIH"), ("Croats", "HRV"), ("Albanians", "ALB"),
    ("Palestinians", "PSE"), ("Israelis", "ISR"), ("Afghans", "AFG"), ("Iraqis", "IRQ"),
    ("Pakistanis", "PAK"), ("Syrians", "SYR")])
def test_plural_peoples_resolve_to_their_country(kb, text, country):
    assert kb.entity(text).country == country


@pytest.mark.parametrize("text", ["Kurds", "Shiites", "Sunnis", "Moslem", "Muslim"])
def test_peoples_without_one_country_are_not_countries(kb, text):
    entity = kb.entity(text)
    assert entity is None or entity.country is None


def test_community_sector_word_does_not_mask_the_igo(kb):
    assert kb.entity("The European Community").sector == "IGO"
    assert kb.sector("international community") is None


# ---- people: namesakes and full-name queries ---------------------------------------------
def test_former_leader_missing_from_wikidata_comes_from_countryinfo(kb):
    menem = kb.person("Carlos Menem", on=None)
    assert (menem.country, menem.sector) == ("ARG", "GOV")
    assert kb.person("Carlos Menem", on="1995-06-01").role.start == "1989-07-08"
    later = kb.person("Carlos Menem", on="2005-06-01")
    assert (later.country, later.sector, later.role) == ("ARG", "ELI", None)


def test_full_name_never_falls_back_to_another_given_name(kb):
    assert kb.person("Michel Suleiman", on="2009-01-01").country == "LBN"
    assert kb.person("Omar Suleiman", on="2011-02-01").country == "EGY"
    assert kb.person("Xavier Suleiman", on="2009-01-01") is None
    assert kb.person("Tom King", on=None) is None  # no such person in the sources


def test_full_name_namesakes_prefer_the_most_notable_office(kb):
    match = kb.person("Joe Biden", on=None)
    assert match.kb_id == "Q6279" and match.role.title == "President"


@pytest.mark.parametrize("text,country", [
    ("Yugoslavia", "SRB"), ("Yugoslav", "SRB"), ("Northern Ireland", "GBR"), ("Kyrgyz", "KGZ"),
    ("Congolese", "COD"), ("Liberation Tigers of Tamil Eelam", "LKA"), ("Tigers", "LKA"),
])
def test_older_names_and_missing_peoples(kb, text, country):
    assert kb.entity(text).country == country


def test_bonn_is_the_old_german_seat_of_government(kb):
    assert kb.entity("Bonn").code == "DEUGOV"


def test_surname_match_says_how_it_matched(kb):
    assert kb.person("Ricardo Lagos").name_kind == "full"
    lone = kb.person("Lagos")
    assert lone.name_kind == "surname" and lone.role is not None and lone.role.rank == 3.0


def test_namesakes_of_other_countries_make_a_surname_ambiguous(kb):
    assert kb.person("Hamad").ambiguous
    assert not kb.person("Obama").ambiguous  # the trusted source's president wins
    assert kb.person("Obama").name == "Barack Obama"


@pytest.mark.parametrize("name,country", [
    ("Czechoslovakia", "CZE"), ("Czechoslovak", "CZE"), ("East Germany", "DEU"),
    ("Yoruba", "NGA"), ("Rhodesia", "ZWE"),
])
def test_former_states_and_peoples_of_one_country(kb, name, country):
    assert kb.entity(name).country == country


def test_kinds_of_bodies_named_without_a_name(kb):
    assert kb.title_sector("international aid agency") == "NGO"
    assert kb.sector("fundamentalists") == "REL"


def test_an_office_is_held_only_where_the_country_has_it():
    from dyads.actors.kb import default_kb

    kb = default_kb()
    assert kb.has_title("USA", "President", "2023-06-01")
    assert not kb.has_title("JPN", "president", "2023-06-01")
    assert kb.has_title("JPN", "prime minister", "2023-06-01")
    assert not kb.has_title("DEU", "chancellor", "1800-01-01")


def test_could_start_entity_answers_as_its_uncached_test(kb):
    """The memoised first-word test gives what the index says, asked once or again."""
    words = ["United", "united", "the", "Iranian", "European", "talks", "Kharkiv", "", "U.S.",
             "Hamas", "officials", "New", "said"]
    first = [kb.could_start_entity(w) for w in words]
    assert first == [kb._could_start_uncached(w) for w in words]
    assert first == [kb.could_start_entity(w) for w in words]  # from the cache
    assert first[0] and first[3] and not first[7] and not first[12]
