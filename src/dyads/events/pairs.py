"""Actor pairs of an event: when two mentions are one actor, which source × target pairs
an event makes, and how the pair retypes it (police firing on a crowd is repression)."""
from __future__ import annotations

from ..actors.coref import GROUP_PRONOUNS, PERSON_PRONOUNS
from ..records import Actor
from .roots import FIGHT_ROOT


# Police firing on or fighting a crowd is repression (175), not combat between forces.
REPRESSION_CODE = "175"
CROWD_SECTORS = {"CVL", "PPL", "OPP", "EDU", "LAB"}


def repression(code: str, source: Actor | None, target: Actor | None) -> str:
    if (code[:2] == FIGHT_ROOT and source is not None and source.sector == "COP"
            and target is not None and target.sector in CROWD_SECTORS):
        return REPRESSION_CODE
    return code


# Sectors a doer deploys rather than acts upon: "Britain mobilized ARMY reservists".
OWN_FORCE_SECTORS = {"MIL", "SPY"}


def own_forces(actor: Actor) -> bool:
    """Forces given the doer's country only by context are its own, not its target;
    still taken when no other target is named (see _first_target's fallback)."""
    return actor.resolved_by == "context" and actor.sector in OWN_FORCE_SECTORS


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    """One actor on both sides: same person/body, or the same country with no other sector."""
    if a is None or b is None:
        return False
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    if a.start < b.end and b.start < a.end:
        return True  # one phrase: "talks between the US and Indian diplomats"
    if _two_people(a, b) or _person_and_body(a, b) or (
            _person_reference(a) and _person_reference(b) and _two_full_names(a, b)):
        return False  # "Pence criticized Comey", "Cuban said he backs Obama's law": one
        # code (a guessed sector among them), two actors
    if a.code is not None and a.code == b.code:
        return True
    if not a.country or a.country != b.country:
        return False
    # "the Russian minister claimed both sides ...": the pair's Russia is the speaker's side;
    # but "police said they detained 22 protesters" pairs two actors of one country
    corefs = [a.resolved_by, b.resolved_by].count("coref")
    one_sector = a.sector is None or b.sector is None or a.sector == b.sector
    if corefs == 1 and _two_full_names(a, b):
        return False  # "Tapper told ... that Brazile leaked": two people of one country
    if corefs == 2 and not one_sector and _person_and_named_body(a, b):
        return False  # "she would sit down with the investigators": two references back
    return corefs == 2 or (corefs == 1 and one_sector) or _state_and_capital(a, b)


def one_word_for_two(a: Actor, b: Actor) -> bool:
    """'both sides', 'the two leaders', 'they': one reference back to two actors named
    before, each with its own country or identity (the one phrase is not one actor)."""
    if a.resolved_by != "coref" or b.resolved_by != "coref" or (a.start, a.end) != (b.start, b.end):
        return False
    return (bool(a.country and b.country) and a.country != b.country) or (
        bool(a.kb_id and b.kb_id) and a.kb_id != b.kb_id)


def _person_and_named_body(a: Actor, b: Actor) -> bool:
    """A reference back to a person and one to a body written with a noun ('the
    investigators', not 'they')."""
    return any(_person_reference(x) and _first_word(y) not in BODY_PRONOUNS
               and not _person_reference(y) for x, y in ((a, b), (b, a)))


BODY_PRONOUNS = GROUP_PRONOUNS | {"it", "its", "we", "us", "our"}


def _first_word(actor: Actor) -> str:
    words = actor.text.lower().split()
    return words[0] if words else ""


def _two_full_names(a: Actor, b: Actor) -> bool:
    names = {_full_name(a), _full_name(b)}
    return None not in names and len({n.lower() for n in names}) == 2


def _person_reference(actor: Actor) -> bool:
    """A person named in the text, or a reference back to one by he/she or a name."""
    if actor.resolved_by in NAMED_PERSON_BASES:
        return True
    text = actor.text.strip()
    return actor.resolved_by == "coref" and (text.lower() in PERSON_PRONOUNS or (
        text[:1].isupper() and _first_word(actor) not in BODY_PRONOUNS | {"the"}))


def _full_name(actor: Actor) -> str | None:
    """A person's full name as the article gave it ('Donna Brazile'), for a person and
    not a state: a country, its capital or its people stand for the state."""
    name = actor.name or ""
    if actor.resolved_by in STATE_KINDS or len(name.split()) < 2:
        return None
    return name if name[:1].isupper() else None


def _two_people(a: Actor, b: Actor) -> bool:
    """Two named individuals (KB people, or named people of the article) with different
    names: domestic politics is mostly one country's people acting on each other."""
    if a.kb_id and b.kb_id and a.kb_id != b.kb_id and not (
            {a.resolved_by, b.resolved_by} & STATE_KINDS):
        return True  # "Obama criticized Romney" after both were named: two KB people
    named = [x for x in (a, b) if x.resolved_by in NAMED_PERSON_BASES or
             (x.kb_id and x.resolved_by != "coref")]
    if len(named) < 2:
        return False
    return a.kb_id != b.kb_id and (a.name or a.text).lower() != (b.name or b.text).lower()


# How an actor was resolved when it stands for a state, not one person or body.
def _person_and_body(a: Actor, b: Actor) -> bool:
    """A named person and a named institution (a party, a ministry) are two actors even
    where both carry one code: Trump and the Democrats are both USAPTY in 2016."""
    body = a if a.resolved_by == INSTITUTION else b
    person = b if body is a else a
    return body.resolved_by == INSTITUTION and person.resolved_by in NAMED_PERSON_BASES \
        and _named_body(body.text)


def _named_body(text: str) -> bool:
    """'Democrats', 'the Republican Party' name a body; 'the bureau', 'the party' point
    back to one, mostly the person's own ("Comey said the bureau had found ...")."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


STATE_KINDS = {"country", "metonym", "demonym"}
INSTITUTION = "institution"

# How an actor was resolved when it is one individual named in the text.
NAMED_PERSON_BASES = {"person"}


def _state_and_capital(a: Actor, b: Actor) -> bool:
    """'Rwanda ... Kigali': a country's name and its capital both stand for its government."""
    kinds = {a.resolved_by, b.resolved_by}
    return "metonym" in kinds and any(x.sector in {None, "GOV"} and x.resolved_by != "metonym"
                                       for x in (a, b))


def dyads_of(sources: list[Actor], targets: list[Actor], mutual: bool = True, apart=None,
             speaker_to_come: bool = False):
    """Source × target pairs; coordinated sources with no target act on each other where
    the act is mutual ("A and B met/fought"), else each acts alone ("A and B denied").
    ``apart(s, t)``: the text tells the two apart though they look like one actor.
    ``speaker_to_come``: the doer is a quotation's "we"/"I", whom the speaker will stand
    for, so every target counts ("we ask the FBI and the Justice Department")."""
    sources = [s for s in sources if s.country or s.code]
    if not targets and len(sources) > 1 and mutual:
        return [(s, t) for s in sources for t in sources
                if s is not t and (one_word_for_two(s, t) or not same_actor(s, t))]
    if not sources:
        return [(None, t) for t in (targets if speaker_to_come else targets[:1])]
    if not targets:
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets
            if not same_actor(s, t) or (apart and apart(s, t))]
