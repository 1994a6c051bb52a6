"""The generated lexicon layer (lexicon_cameo2.yaml, from the PETRARCH CAMEO 2.0 verb
dictionary): rebuilt exactly by its script, well-formed, marked as generated, and always
under the hand lexicon."""
import importlib.util
import sys
from importlib import resources

import pytest
from repo_scripts import REPO_ROOT

from dyads.events.codes import is_cameo_code
from dyads.events.lexicon import (GENERATED_FILE, GENERATED_PREFIX, NO_GENERATED_ENV,
                                  default_lexicon, load_lexicon, under_hand)

LAYER = resources.files("dyads.data").joinpath(GENERATED_FILE)


@pytest.fixture(scope="module")
def hand():
    return load_lexicon(generated=False)


@pytest.fixture(scope="module")
def layer_alone():
    """The layer loaded as a lexicon of its own: every entry through the loader's checks."""
    return load_lexicon(LAYER)


def _build_script():
    """The build script as a module, registered so its dataclasses can resolve annotations."""
    spec = importlib.util.spec_from_file_location(
        "build_cameo_verbs", REPO_ROOT / "scripts" / "build_cameo_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_layer_is_exactly_what_the_script_builds(shared_dir, nlp):
    script = _build_script()
    text, report = script.build_text(shared_dir, nlp)
    assert text == LAYER.read_text(encoding="utf-8"), (
        "lexicon_cameo2.yaml is stale or edited by hand: run scripts/build_cameo_verbs.py")
    assert report["converted"] > 1000 and report["patterns"] > 4000


def test_layer_says_it_is_generated_and_by_what():
    head = LAYER.read_text(encoding="utf-8")[:600]
    assert "GENERATED FILE" in head and "scripts/build_cameo_verbs.py" in head
    assert "CAMEO.2.0.txt" in head and "MIT" in head


def test_every_generated_entry_passes_the_lexicon_checks(layer_alone):
    assert len(layer_alone.entries) > 1000
    assert all(is_cameo_code(e.code) for e in layer_alone.entries)
    assert all(e.pos == "verb" and e.specificity > 0 for e in layer_alone.entries)


def test_generated_ids_carry_the_prefix(hand):
    lexicon = default_lexicon()
    hand_ids = {e.id for e in hand.entries}
    added = [e for e in lexicon.entries if e.id not in hand_ids]
    assert added and all(e.id.startswith(GENERATED_PREFIX) for e in added)
    assert not any(i.startswith(GENERATED_PREFIX) for i in hand_ids)


def test_hand_entries_come_first_for_every_lemma(hand):
    """Within a lemma the matcher takes the first of equally specific entries."""
    for lemma, group in default_lexicon().verbs.items():
        for a, b in zip(group, group[1:]):
            if a.specificity == b.specificity and a.id.startswith(GENERATED_PREFIX):
                assert b.id.startswith(GENERATED_PREFIX), (lemma, a.id, b.id)


def _write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


HAND = ('entries:\n  "163":\n    - {verb: impose, objects: [sanction], target_prep: on}\n'
        '  "111":\n    - {verb: condemn}\nuncovered:\n  "1421": "left to refinement"\n')
GENERATED = ('entries:\n  "172":\n    - {verb: impose, objects: [sanction, curfew]}\n'
             '  "112":\n    - {verb: condemn, objects: [attack]}\n'
             '  "0874":\n    - {verb: complete, objects: [withdrawal]}\n'
             '  "1421":\n    - {verb: starve, objects: [protest]}\n')


def test_hand_lexicon_wins_on_a_constructed_conflict(tmp_path):
    lex = load_lexicon(_write(tmp_path, "hand.yaml", HAND),
                       generated=_write(tmp_path, "gen.yaml", GENERATED))
    assert [e.id for e in lex.entries_for("impose", "verb")] == ["163:impose/verb"]
    assert [e.code for e in lex.entries_for("condemn", "verb")] == ["111"]
    assert [e.id for e in lex.entries_for("complete", "verb")] == ["gen:0874:complete/verb"]
    assert lex.entries_for("starve", "verb") == ()  # the hand leaves 1421 uncovered


def test_on_known_lemmas_the_layer_may_only_add_what_the_hand_leaves_open(tmp_path):
    hand = load_lexicon(_write(tmp_path, "hand.yaml", HAND)).entries
    generated = load_lexicon(_write(tmp_path, "gen.yaml", GENERATED)).entries
    generated += load_lexicon(_write(tmp_path, "bare.yaml", 'entries:\n  "010":\n'
                                     '    - {verb: [impose, decree]}\n')).entries
    kept = {(e.lemma, e.code): e for e in under_hand(list(hand), list(generated),
                                                     {"1421": "x"}, new_lemmas_only=False)}
    assert kept[("impose", "172")].objects == ("curfew",)  # "sanction" is the hand's
    assert ("impose", "010") not in kept  # no generated default beside the hand's lemma
    assert ("decree", "010") in kept and ("condemn", "112") in kept
    assert ("starve", "1421") not in kept


def test_a_custom_lexicon_loads_without_the_layer(tmp_path):
    lex = load_lexicon(_write(tmp_path, "hand.yaml", HAND))
    assert not any(e.id.startswith(GENERATED_PREFIX) for e in lex.entries)


def test_the_layer_can_be_switched_off_for_measurement(monkeypatch, hand):
    monkeypatch.setenv(NO_GENERATED_ENV, "1")
    assert len(load_lexicon().entries) == len(hand.entries)
    monkeypatch.delenv(NO_GENERATED_ENV)
    assert len(load_lexicon().entries) > len(hand.entries)


def test_a_sentence_is_coded_through_a_generated_entry(hand):
    import dyads

    assert hand.entries_for("complete", "verb") == (), "the hand lexicon now covers it"
    coded = dyads.code("Syrian troops completed their withdrawal from the border town on "
                       "Tuesday.", date="2022-03-31", doc_id="t")
    events = [e for e in coded.events if e.trigger.rule.startswith(GENERATED_PREFIX)]
    assert [(e.cameo, e.trigger.text, e.source.country) for e in events] == [
        ("0874", "completed", "SYR")]
