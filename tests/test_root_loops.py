"""Loops up the parse stop at the sentence root (docview.is_root) with the answers the
old loops gave: their ``cur.head is cur`` test never held (spaCy makes a new Token on
every ``head``), so they walked on at the root until their step limits."""
from dyads.dates import attach
from dyads.docview import is_root
from dyads.events import arguments, match, senses, triggers

TEXTS = ("The woman who accused him said on Tuesday that Russia, which had invaded, was "
         "considering sending envoys to talks.",
         "Officials asked whether Iran would retaliate. Good relations. Protests in Kyiv!",
         "Lavrov urged Kyiv to end the war and demanded that the US cancel the sanctions, "
         "the ministry said.", "", "Hello")


def old_in_relative_clause(verb):
    cur = verb
    for _ in range(30):
        if attach.past_relative(cur):
            return True
        cur = cur.head
    return False


def old_path_up(low, high):
    tokens, cur = [], low
    for _ in range(30):
        if cur.i == high.i:
            return tokens
        tokens.append(cur)
        cur = cur.head
    return None


def old_clause_verb(token):
    cur = token
    for _ in range(12):
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
        cur = cur.head
    return cur


def old_governing_verb(token, max_steps=6):
    cur = token
    for _ in range(max_steps):
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


def old_unasserted(token, found):
    cur = token
    for _ in range(4):
        entry = found.get(cur.head.i)
        if entry is not None and entry.code == match.CONSIDER_CODE \
                and cur.dep_ in match.CONSIDERED_DEPS:
            return True
        cur = cur.head
    return False


def index(token):
    return None if token is None else token.i


def test_is_root_is_the_head_index_test(nlp):
    for text in TEXTS:
        for token in nlp(text):
            assert is_root(token) == (token.head.i == token.i)


def test_root_stopping_loops_answer_as_the_walks_on(nlp, resources):
    lexicon = resources.lexicon
    for text in TEXTS:
        doc = nlp(text)
        found = {t.i: e for t in doc if (e := triggers.best_entry(t, lexicon)) is not None}
        for token in doc:
            assert attach._in_relative_clause(token) == old_in_relative_clause(token)
            assert index(attach.clause_verb(token)) == index(old_clause_verb(token))
            assert index(arguments.governing_verb(token)) == index(old_governing_verb(token))
            assert match._unasserted(token, found) == old_unasserted(token, found)
            for high in doc:
                new, old = attach.path_up(token, high), old_path_up(token, high)
                assert (None if new is None else [t.i for t in new]) == \
                    (None if old is None else [t.i for t in old])
