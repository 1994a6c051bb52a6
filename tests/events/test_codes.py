"""The shipped CAMEO code table: complete, consistent, and looked up strictly."""
import pytest

from dyads.events.codes import CameoCode, UnknownCameoCode, all_codes, cameo_code

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}


def test_table_has_every_root_and_the_full_code_list():
    codes = all_codes()
    assert {c for c in codes if len(c) == 2} == {f"{r:02d}" for r in range(1, 21)}
    assert len(codes) == 312  # every row of the CAMEO code list


def test_leading_zeros_are_kept():
    assert cameo_code("041").name == "Discuss by telephone"
    assert cameo_code("0356").code == "0356"
    assert cameo_code("1041").name == "Demand change in leadership"


def test_seed_example_matches_output_contract():
    assert cameo_code("041") == CameoCode("041", "Discuss by telephone", 1.0, 1, "CONSULT", "phone")


@pytest.mark.parametrize("root,quad", [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2),
                                       ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)])
def test_quad_class_follows_the_root(root, quad):
    assert {c.quad_class for c in all_codes().values() if c.root == root} == {quad}


def test_plover_is_null_exactly_for_statements_and_appeals():
    for code in all_codes().values():
        if code.root in {"01", "02"}:
            assert code.plover is None and code.plover_mode is None
        else:
            assert code.plover in PLOVER_TYPES, code


def test_goldstein_scores_are_in_range_and_parents_exist():
    codes = all_codes()
    for code in codes.values():
        assert isinstance(code.goldstein, float) and -10.0 <= code.goldstein <= 10.0
        if len(code.code) == 4:
            assert code.code[:3] in codes
        if len(code.code) == 3:
            assert code.code[:2] in codes


def test_a_few_known_facts():
    assert cameo_code("163").goldstein == -8.0
    assert cameo_code("0841").plover == "RETREAT" and cameo_code("0841").plover_mode == "release"
    assert cameo_code("190").plover == "ASSAULT"
    assert cameo_code("057").quad_class == 1


@pytest.mark.parametrize("bad", ["41", "9999", "", "0410", 41, None])
def test_unknown_codes_raise_a_clear_error(bad):
    with pytest.raises(UnknownCameoCode) as info:
        cameo_code(bad)
    assert "leading zeros" in str(info.value)


def test_all_codes_returns_a_copy():
    codes = all_codes()
    codes.pop("041")
    assert "041" in all_codes()
