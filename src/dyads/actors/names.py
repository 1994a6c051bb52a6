"""People the article names in full, for the lone name words that refer back to them.

News names a person in full once ("Hillary Clinton", "Michael Flynn") and then by one word
("Clinton", "Flynn", sometimes "Hillary"). That word must be the article's person, not a
KB namesake found by surname ("Clinton" is also Bill Clinton's alias, "Donald" a
Surinamese leader's surname), whether or not the parser made the full mention an actor.
"""
from __future__ import annotations

from ..docview import doc_memo, view_of
from ..parse import entity_span
from .gender import agrees, mention_cue, name_sex, word_sex
from .kb import KnowledgeBase
from .sectors import norm_text

HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "prof", "gen",
              "col", "lt", "maj", "capt", "sgt", "rev", "sheikh", "sheik", "imam", "ayatollah",
              "president", "minister", "premier", "chancellor", "king", "queen", "prince",
              "general", "secretary", "senator", "governor", "mayor", "judge", "ambassador"}

NAMES_KEY = "dyads_full_names"  # cache slot in Doc.user_data
# Titles and honorifics a tagger may put inside a person's name ("Sen. Warren").
NAME_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "sir", "dame",
               "president", "senator", "secretary", "governor", "lord", "lady", "prof",
               "judge", "justice", "rev", "col", "lt", "capt", "sgt", "maj", "adm",
               "sens", "reps", "senators", "officer"}  # "Sens. A and B"
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PLURAL_NAME_TITLES = {"sens", "reps", "govs", "gens", "drs"}


def full_names(doc) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, text, name words) of every person named with two or more words; a
    name the tagger split at a non-breaking space ('Donald', 'Trump') is joined again."""
    cached = doc.user_data.get(NAMES_KEY)
    if cached is not None:
        return cached
    spans = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if spans and all(t.is_space for t in doc[spans[-1][1]:ent.start]):
            spans[-1] = (spans[-1][0], ent.end)
        else:
            spans.append((ent.start, ent.end))
    found = []
    for start, end in spans:
        while start < end and doc[start].lower_.rstrip(".") in NAME_TITLES:
            start += 1  # "Reps. Tom Harkwell" tagged whole: the name starts after the title
        words = tuple(w for w in _words(doc, start, end) if w not in NAME_TITLES)
        if sum(len(w) > 1 and w not in NAME_SUFFIXES for w in words) >= 2:  # not "J. Austin III"
            found.append((start, end, " ".join(doc[start:end].text.split()), words))
    doc.user_data[NAMES_KEY] = found
    return found


def _words(doc, start: int, end: int) -> list[str]:
    """The name words of tokens [start, end), read from the Doc's view (asked of every
    one-word name: a Span would make a Token per word)."""
    view = view_of(doc)
    return [w for i in range(start, end) if view.is_alpha[i] or "-" in view.words[i]
            for w in norm_text(view.words[i].replace("-", " ")).split()]


def article_full_name(doc, start: int, end: int, kb: KnowledgeBase | None = None) -> str | None:
    """The person named in full elsewhere in the article that the one-word name at
    [start, end) stands for: the last full mention before it, else the first after it;
    with ``kb``, names it knows as people come first ('Trump Tower' tagged a person is
    not who 'Trump' means). Titles before the word are ignored ('Secretary Clinton')."""
    memo = doc_memo(doc, FULL_NAME_KEY)  # asked again for the same words by several stages
    key = (start, end, kb)
    if key not in memo:
        memo[key] = _article_full_name(doc, start, end, kb)
    return memo[key]


FULL_NAME_KEY = "dyads_full_name_of"  # Doc.user_data slot: (start, end, kb) -> name


def _article_full_name(doc, start: int, end: int, kb: KnowledgeBase | None) -> str | None:
    words = [w for w in _words(doc, start, end) if w not in NAME_TITLES]
    if len(words) != 1:
        return None
    candidates = [(s, text) for s, e, text, names in full_names(doc)
                  if words[0] in names and not (s <= start and end <= e)]
    ordered = [t for s, t in reversed(candidates) if s < start] + \
        [t for s, t in candidates if s >= start]
    sex = _title_sex(doc, start, end)  # "Mr. Clinton" is not Hillary Clinton
    agreeing = [t for t in ordered if agrees(name_sex(t), sex)]
    known = [t for t in agreeing if kb is not None and _knows(kb, t)]
    if len(agreeing) < len(ordered):  # Mr. Obama after Michelle Obama: not "Obama Speech"
        return (known or [t for t in agreeing if name_sex(t) == sex] or [None])[0]
    return (known or ordered or [None])[0]


def _title_sex(doc, start: int, end: int) -> str | None:
    """The sex an honorific or sexed title of a one-word name gives ("Mrs. Clinton")."""
    before = word_sex(view_of(doc).words[start - 1]) if start > 0 else None
    return before or mention_cue(doc, end - 1)


def _knows(kb: KnowledgeBase, name: str) -> bool:
    match = kb.person(name)
    return match is not None and match.name_kind != "surname"


def propn_runs(doc, left: int, right: int) -> list[tuple[int, int]]:
    """Maximal runs of proper-noun tokens (names, with initials) inside [left, right);
    found once per range (a phrase is searched for names about twice)."""
    memo = doc_memo(doc, RUNS_KEY)
    runs = memo.get((left, right))
    if runs is None:
        runs = memo[(left, right)] = tuple(_propn_runs(doc, left, right))
    return list(runs)  # the caller's own list


RUNS_KEY = "dyads_propn_runs"  # Doc.user_data slot: (left, right) -> runs


def _propn_runs(doc, left: int, right: int) -> list[tuple[int, int]]:
    runs, start = [], None
    view = view_of(doc)  # asked of every actor phrase: read the lists, not Tokens
    pos, words = view.pos, view.words
    for i in range(left, right):
        # a capitalised word the tagger puts in a person's name counts whatever its
        # part of speech ("Barack" read as a preposition)
        is_name = pos[i] == "PROPN" or (words[i][:1].isupper() and view.ent_type[i] == "PERSON"
                                        and view.is_alpha[i])
        if view.is_space[i] and start is not None and i + 1 < right and pos[i + 1] == "PROPN":
            continue  # "Donald\xa0Trump": a non-breaking space inside a name
        if is_name and start is None:
            start = i
        elif not is_name and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, right))
    return runs


STANCE_PREFIXES = {"pro", "anti"}
BACKING_WORDS = {"backed", "sponsored", "supported", "allied", "aligned", "funded", "armed",
                 "trained", "installed", "endorsed", "appointed", "nominated", "financed",
                 "bankrolled",
                 "occupied", "controlled"}  # "the Israeli-occupied sector" is not Israel's own


def backer_only(doc, a: int, b: int) -> bool:
    """'pro-Iranian group', 'anti-Syria journalist', 'Syrian-backed militia', 'a Sanders-endorsed
    candidate': the country or person is the one the group leans to or is backed by, not
    the one it belongs to or is."""
    view = view_of(doc)  # asked for every entity found: no Token per look
    while b > a + 1 and view.is_punct[b - 1]:
        b -= 1  # "Iranian-" may match as a whole
    if a >= 2 and view.words[a - 1] == "-" and view.lower[a - 2] in STANCE_PREFIXES:
        return True
    return b + 2 <= len(view.words) and view.words[b] == "-" and view.lower[b + 1] in BACKING_WORDS


def find_person(doc, phrase, kb: KnowledgeBase, on, is_place=None):
    """The longest name inside the phrase that the KB knows as a person.

    A full name whose given name contradicts the KB's person ("Michel Suleiman" is not
    "Omar Suleiman") is an unknown person, not a namesake.
    """
    runs, head = propn_runs(doc, phrase.left, phrase.right), phrase.head
    named = article_full_name(doc, head, head + 1, kb) if view_of(doc).is_title[head] else None
    if named is not None and not any(a <= head < b for a, b in runs):
        match = kb.person(named, on=on)  # "Cuban" after "Mark Cuban", tagged a demonym
        return (match, (head, head + 1)) if match is not None else (None, None)
    for a, b in head_run_first(runs, head):
        if backer_only(doc, a, b):
            continue  # "a Sanders-endorsed candidate" is not Sanders
        given = _given_name(doc, a, b)
        for width in range(min(b - a, 4), 0, -1):  # names end where the run ends
            start = b - width
            named = article_full_name(doc, start, b, kb)
            if named is not None:  # "Clinton" after "Hillary Clinton": no namesake
                match = kb.person(named, on=on)
                if match is None or match.name_kind == "surname":
                    return None, None  # someone the KB does not know
                return match, (start, b)
            match = kb.person(view_of(doc).span_text(start, b), on=on)
            if match is not None and match.name_kind == "surname":
                match = _named_in_full(doc, doc[b - 1], kb, on) or match
            if match is not None and not _surname_stands(doc[start:b], match, kb, is_place):
                continue
            if match is not None and not agrees(name_sex(match.name), _title_sex(doc, start, b)):
                continue  # "Mr. Clinton" when the article names no Clinton in full
            if match is not None:
                if given is not None and not _given_agrees(given, match.name):
                    return None, None
                return match, (start, b)
        if _full_person_name(doc, a, b):
            return None, None  # "Clinton press secretary Jo Doe": Jo Doe, not Clinton
    return None, None


def _full_person_name(doc, a: int, b: int) -> bool:
    """The run ends in a name of two or more words the tagger marks as a person's."""
    return b - a >= 2 and doc[b - 1].ent_type_ == doc[b - 2].ent_type_ == "PERSON" \
        and doc[b - 1].ent_iob_ == "I"


PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
PROMINENT_RANK = 2.0  # heads of state/government and key cabinet posts
# The Phoenix agents file gives roles without end dates ("National Leader, 2000 – open").
OPEN_ENDED_SOURCE = "phoenix"
# Faiths the tagger may read as names; each is some leader's surname somewhere.
FAITHS = {"islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism", "sharia"}


def _surname_stands(span, match, kb: KnowledgeBase, is_place=None) -> bool:
    """A surname alone names a KB person only when that person held a prominent office on
    the date (or is one the KB keeps because they are in the news), no namesake of another
    country fits as well, and the tagger does not read the word as a place that exists ("a
    rally in Lagos" is not Ricardo Lagos; "President Obama" is a person whatever the tag)
    or as a faith or people ("Islam").
    People named in full in the article are found through them instead, and a word the
    KB knows mostly as a first name ("Donald") is not taken for a surname."""
    if match.name_kind != "surname":
        return True
    if kb.is_given_name(span[-1].text):
        return False
    role = match.role
    if match.ambiguous or role is None or (role.rank < PROMINENT_RANK and role.source != "overrides"):
        return False
    if role.source == OPEN_ENDED_SOURCE:
        return False  # "Roe v. Wade" is not Abdoulaye Wade: the agents file's roles never end
    titled = span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in HONORIFICS
    if titled:
        return True
    if any(t.ent_type_ == "NORP" or t.lower_ in FAITHS for t in span):
        return False  # "radical Islam" is a faith, not Bangladesh's Syed Ashraful Islam
    tagged_place = any(t.ent_type_ in PLACE_ENTITIES for t in span)
    return not (tagged_place and is_place is not None and is_place(span.text))


def _given_name(doc, a: int, b: int) -> str | None:
    """The first token the tagger marks as part of a person's name, when a surname follows."""
    view = view_of(doc)  # asked of every name run: the view's words, not Tokens
    names = [i for i in range(a, b) if view.ent_type[i] == "PERSON" and view.is_alpha[i]
             and view.lower[i].rstrip(".") not in HONORIFICS
             # acronyms are titles: "EAM Jaishankar"
             and not (view.words[i].isupper() and len(view.words[i]) > 1)]
    return view.words[names[0]].lower() if len(names) >= 2 else None


def _given_agrees(given: str, full_name: str) -> bool:
    words = [w.lower().strip(".") for w in full_name.replace("-", " ").split()]
    return any(w == given or (len(given) == 1 and w.startswith(given)) or
               (len(w) == 1 and given.startswith(w)) for w in words)


def untagged_full_name(doc, phrase, kb: KnowledgeBase) -> str | None:
    """'Elijah Cummings' the tagger marks as no entity: the head's run of two or three
    capitalised words, a given name first, is a person's name."""
    head = doc[phrase.head]
    run = next(((a, b) for a, b in propn_runs(doc, phrase.left, phrase.right)
                if a <= head.i < b), None)
    # "Reps. Elijah Cummings" the tagger may read as a body: the plural title says people
    # (the parser may leave the title out of the phrase, hung on the verb)
    misread = run is not None and any(
        doc[i].lower_.rstrip(".") in PLURAL_NAME_TITLES for i in (run[0], run[0] - 1) if i >= 0)
    if head.pos_ != "PROPN" or (head.ent_type_ and not misread):
        return None
    if run is None or run[1] != head.i + 1:
        return None
    words = list(doc[run[0]:run[1]])
    while words and (not words[0].is_alpha or words[0].lower_ in HONORIFICS
                     or kb.title_sector(words[0].text)):
        words = words[1:]  # "Reps.", "Senator", "Mr" before the name
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) \
            or any(t.ent_type_ and not misread for t in words):
        return None
    return " ".join(t.text for t in words) if kb.is_given_name(words[0].text) else None


def head_run_first(runs, head: int) -> list:
    """Name runs from the last, the phrase head's own run first: "Rep. Jerry Nadler, a
    Clinton ally" names Nadler; "Clinton press secretary Jo Doe" names Jo Doe."""
    return sorted(reversed(runs), key=lambda run: not run[0] <= head < run[1])


def name_in(doc, phrase) -> str | None:
    """The proper name inside a title phrase ('Russian envoy Ivan Petrov' → 'Ivan Petrov')."""
    for a, b in head_run_first(propn_runs(doc, phrase.left, phrase.right), phrase.head):
        start = b
        while start > a and doc[start - 1].ent_type_ == "PERSON":
            start -= 1  # the PERSON-tagged end of the run: not its titles
        while start < b - 1 and doc[start].lower_.rstrip(".") in NAME_TITLES:
            start += 1  # "Reps. Tom Harkwell" tagged a person as a whole
        if start < b:
            return article_full_name(doc, start, b) or " ".join(doc[start:b].text.split())
    return None


def _named_in_full(doc, word, kb: KnowledgeBase, on):
    """'Minister Hamada' after 'Minister of Defense Hamada Yasukazu': the surname is the
    person the article names with a neighbouring name word (either order, tagged a person
    or not) when the KB knows that full name, not a namesake found by surname."""
    for i in _same_text(doc, word):
        if i == word.i:
            continue
        for a, b in ((i - 1, i + 1), (i, i + 2)):
            if a < 0 or b > len(doc) or not all(t.is_title and t.is_alpha for t in doc[a:b]):
                continue
            match = kb.person(doc[a:b].text, on=on)
            if match is not None and match.name_kind != "surname":
                return match
    return None


def _same_text(doc, word) -> list[int]:
    """Indices of the tokens written exactly as ``word``, in text order (one pass over the
    view's words: no Token objects built)."""
    text = word.text  # asked a few times per article: an index of every word costs more
    return [i for i, w in enumerate(view_of(doc).words) if w == text]


def name_head(token):
    """'Elizabeth' in 'Elizabeth Warren', 'Jo' in 'Mary Jo White': a word inside a longer
    person's name stands for the whole name (its head word), never for a KB person the
    word alone would match."""
    span = entity_span(token) if token.dep_ in {"compound", "flat"} else None
    if span is None or span.label_ != "PERSON":
        return token
    head = token
    while head.dep_ in {"compound", "flat"} and span.start <= head.head.i < span.end:
        head = head.head
    return head


# Titles a body's head holds, which news joins before one name ("Chairman and CEO X").
HEAD_TITLES = frozenset({"chairman", "chairwoman", "chair", "ceo", "president", "founder",
                         "director", "publisher", "editor", "owner", "secretary", "chief"})


def shared_title(token) -> bool:
    """'Fox News Chairman and CEO Roger Ailes': the first of two titles joined before a
    name is the named person's, not a second actor."""
    if token.lower_ not in HEAD_TITLES or token.ent_type_ == "PERSON":
        return False
    conj = [c for c in token.children if c.dep_ == "conj"]
    return len(conj) == 1 and conj[0].ent_type_ == "PERSON" and any(
        t.lower_ in HEAD_TITLES for t in token.doc[token.i + 1:conj[0].i])
