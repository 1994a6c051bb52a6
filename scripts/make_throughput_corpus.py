"""Generate a fixed, seeded corpus of synthetic wire copy for throughput benchmarks.

Each line of the output is one article as JSON: {"id", "date", "text"}. Articles have
5-15 sentences built from hand-written templates: real office holders (only while they
held the office at the article's date), event verbs from every CAMEO root, relative and
absolute dates that agree with the article date, places and direct quotes. The text is
synthetic sample copy; it reports nothing that happened.

The same seed and size always give the same bytes. Output is streamed to disk, so large
corpora (e.g. --size-mb 1024 for the memory benchmark) never sit in memory.

Usage:
    python scripts/make_throughput_corpus.py [OUT] [--size-mb 0.2] [--seed 20240601]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Iterator, NamedTuple

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "benchmarks" / "corpus.jsonl"
DEFAULT_SIZE_MB = 0.2
DEFAULT_SEED = 20240601
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2026, 6, 30)
OPEN_END = "2026-12-31"


class Actor(NamedTuple):
    mention: str   # first mention, with title
    short: str     # later mentions
    pronoun: str   # he / she / it / they
    country: str   # key into COUNTRIES (or a body's key)
    kind: str      # p person, s state, b body (IGO), g group


# (country key, name, adjective, capital)
COUNTRIES = {
    "USA": ("the United States", "U.S.", "Washington"),
    "RUS": ("Russia", "Russian", "Moscow"), "UKR": ("Ukraine", "Ukrainian", "Kyiv"),
    "CHN": ("China", "Chinese", "Beijing"), "IND": ("India", "Indian", "New Delhi"),
    "TUR": ("Turkey", "Turkish", "Ankara"), "DEU": ("Germany", "German", "Berlin"),
    "FRA": ("France", "French", "Paris"), "GBR": ("Britain", "British", "London"),
    "JPN": ("Japan", "Japanese", "Tokyo"), "KOR": ("South Korea", "South Korean", "Seoul"),
    "PRK": ("North Korea", "North Korean", "Pyongyang"), "IRN": ("Iran", "Iranian", "Tehran"),
    "ISR": ("Israel", "Israeli", "Jerusalem"), "EGY": ("Egypt", "Egyptian", "Cairo"),
    "SAU": ("Saudi Arabia", "Saudi", "Riyadh"), "PAK": ("Pakistan", "Pakistani", "Islamabad"),
    "BRA": ("Brazil", "Brazilian", "Brasilia"), "POL": ("Poland", "Polish", "Warsaw"),
    "KEN": ("Kenya", "Kenyan", "Nairobi"), "ETH": ("Ethiopia", "Ethiopian", "Addis Ababa"),
    "VEN": ("Venezuela", "Venezuelan", "Caracas"), "SRB": ("Serbia", "Serbian", "Belgrade"),
    "QAT": ("Qatar", "Qatari", "Doha"), "IRQ": ("Iraq", "Iraqi", "Baghdad"),
}

# (mention, short, pronoun, country, first day, last day) -- public office terms.
OFFICE_HOLDERS = [
    ("U.S. President Barack Obama", "Obama", "he", "USA", "2015-01-01", "2017-01-20"),
    ("U.S. President Donald Trump", "Trump", "he", "USA", "2017-01-20", "2021-01-20"),
    ("U.S. President Joe Biden", "Biden", "he", "USA", "2021-01-20", "2025-01-20"),
    ("U.S. President Donald Trump", "Trump", "he", "USA", "2025-01-20", OPEN_END),
    ("U.S. Secretary of State John Kerry", "Kerry", "he", "USA", "2015-01-01", "2017-01-20"),
    ("U.S. Secretary of State Mike Pompeo", "Pompeo", "he", "USA", "2018-04-26", "2021-01-20"),
    ("U.S. Secretary of State Antony Blinken", "Blinken", "he", "USA", "2021-01-26", "2025-01-20"),
    ("U.S. Secretary of State Marco Rubio", "Rubio", "he", "USA", "2025-01-21", OPEN_END),
    ("Russian President Vladimir Putin", "Putin", "he", "RUS", "2015-01-01", OPEN_END),
    ("Russian Foreign Minister Sergei Lavrov", "Lavrov", "he", "RUS", "2015-01-01", OPEN_END),
    ("Kremlin spokesman Dmitry Peskov", "Peskov", "he", "RUS", "2015-01-01", OPEN_END),
    ("Chinese President Xi Jinping", "Xi", "he", "CHN", "2015-01-01", OPEN_END),
    ("Chinese Foreign Minister Wang Yi", "Wang", "he", "CHN", "2015-01-01", "2022-12-30"),
    ("Chinese Foreign Minister Wang Yi", "Wang", "he", "CHN", "2023-07-25", OPEN_END),
    ("Ukrainian President Petro Poroshenko", "Poroshenko", "he", "UKR", "2015-01-01", "2019-05-20"),
    ("Ukrainian President Volodymyr Zelensky", "Zelensky", "he", "UKR", "2019-05-20", OPEN_END),
    ("Ukrainian Foreign Minister Dmytro Kuleba", "Kuleba", "he", "UKR", "2020-03-04", "2024-09-05"),
    ("Ukrainian Foreign Minister Andrii Sybiha", "Sybiha", "he", "UKR", "2024-09-05", OPEN_END),
    ("German Chancellor Angela Merkel", "Merkel", "she", "DEU", "2015-01-01", "2021-12-08"),
    ("German Chancellor Olaf Scholz", "Scholz", "he", "DEU", "2021-12-08", "2025-05-06"),
    ("German Chancellor Friedrich Merz", "Merz", "he", "DEU", "2025-05-06", OPEN_END),
    ("French President Francois Hollande", "Hollande", "he", "FRA", "2015-01-01", "2017-05-14"),
    ("French President Emmanuel Macron", "Macron", "he", "FRA", "2017-05-14", OPEN_END),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan", "he", "TUR", "2015-01-01", OPEN_END),
    ("Turkish Foreign Minister Mevlut Cavusoglu", "Cavusoglu", "he", "TUR", "2015-11-24", "2023-06-03"),
    ("Turkish Foreign Minister Hakan Fidan", "Fidan", "he", "TUR", "2023-06-04", OPEN_END),
    ("Indian Prime Minister Narendra Modi", "Modi", "he", "IND", "2015-01-01", OPEN_END),
    ("Indian External Affairs Minister Subrahmanyam Jaishankar", "Jaishankar", "he", "IND",
     "2019-05-30", OPEN_END),
    ("British Prime Minister Theresa May", "May", "she", "GBR", "2016-07-13", "2019-07-24"),
    ("British Prime Minister Boris Johnson", "Johnson", "he", "GBR", "2019-07-24", "2022-09-06"),
    ("British Prime Minister Rishi Sunak", "Sunak", "he", "GBR", "2022-10-25", "2024-07-05"),
    ("British Prime Minister Keir Starmer", "Starmer", "he", "GBR", "2024-07-05", OPEN_END),
    ("Japanese Prime Minister Shinzo Abe", "Abe", "he", "JPN", "2015-01-01", "2020-09-16"),
    ("Japanese Prime Minister Fumio Kishida", "Kishida", "he", "JPN", "2021-10-04", "2024-10-01"),
    ("South Korean President Moon Jae-in", "Moon", "he", "KOR", "2017-05-10", "2022-05-10"),
    ("North Korean leader Kim Jong Un", "Kim", "he", "PRK", "2015-01-01", OPEN_END),
    ("Iranian Foreign Minister Mohammad Javad Zarif", "Zarif", "he", "IRN", "2015-01-01", "2021-08-25"),
    ("Israeli Prime Minister Benjamin Netanyahu", "Netanyahu", "he", "ISR", "2015-01-01", "2021-06-13"),
    ("Israeli Prime Minister Benjamin Netanyahu", "Netanyahu", "he", "ISR", "2022-12-29", OPEN_END),
    ("Egyptian President Abdel Fattah al-Sisi", "Sisi", "he", "EGY", "2015-01-01", OPEN_END),
    ("Brazilian President Luiz Inacio Lula da Silva", "Lula", "he", "BRA", "2023-01-01", OPEN_END),
    ("Polish Prime Minister Donald Tusk", "Tusk", "he", "POL", "2023-12-13", OPEN_END),
    ("U.N. Secretary-General Antonio Guterres", "Guterres", "he", "UN", "2017-01-01", OPEN_END),
    ("NATO Secretary-General Jens Stoltenberg", "Stoltenberg", "he", "NATO", "2015-01-01", "2024-10-01"),
    ("NATO Secretary-General Mark Rutte", "Rutte", "he", "NATO", "2024-10-01", OPEN_END),
    ("EU foreign policy chief Josep Borrell", "Borrell", "he", "EU", "2019-12-01", "2024-11-30"),
]

GROUPS = [
    Actor("Hamas", "Hamas", "it", "PSE", "g"), Actor("the Taliban", "the Taliban", "they", "AFG", "g"),
    Actor("the European Union", "the EU", "it", "EU", "b"),
    Actor("the African Union", "the African Union", "it", "AU", "b"),
    Actor("the International Atomic Energy Agency", "the IAEA", "it", "UN", "b"),
    Actor("rebel fighters", "the rebels", "they", "", "g"),
]

PLACES = ["Geneva", "Istanbul", "Doha", "Vienna", "Brussels", "Jakarta", "Cairo", "Riyadh",
          "Nairobi", "Addis Ababa", "Tbilisi", "Belgrade", "Warsaw", "Abu Dhabi", "Oslo",
          "Singapore", "New York", "Baghdad", "Beirut", "Amman", "Astana", "Minsk", "Kigali"]
TOPICS = ["regional security", "grain exports", "energy supplies", "the war in Ukraine",
          "the situation in Gaza", "nuclear safety", "maritime disputes", "trade barriers",
          "climate finance", "migration", "a prisoner exchange", "border demarcation",
          "counterterrorism cooperation", "the humanitarian situation", "arms control"]
QUOTES = [
    "We will not accept pressure from anyone", "The door to dialogue remains open",
    "This is a dangerous escalation, and it must stop now",
    "Our partners know they can count on us", "Nobody wins a war like this",
    "We expect concrete steps, not more promises", "The talks were frank and useful",
    "Civilians are paying the highest price", "There will be a response, and it will be firm",
    "We have agreed to keep working together", "These accusations are completely groundless",
    "History will judge those who stayed silent", "Time is running out for diplomacy",
    "We came here to listen as much as to speak", "The sanctions will stay until the occupation ends",
]
FILLERS = [
    "Officials gave no further details.", "The talks lasted more than two hours.",
    "Oil prices rose by {n} percent after the announcement.",
    "The foreign ministry did not respond to a request for comment.",
    "The meeting was the first at that level since {year}.",
    "Analysts said the move was unlikely to change the balance on the ground.",
    "A joint statement was expected later in the week.",
    "State television showed footage of the ceremony.",
    "Markets in the region closed slightly lower.",
    "Diplomats said a follow-up meeting could take place next month.",
]

# (template, source kinds, target kinds); kinds: p person, s state, b body (IGO), g group.
# At least one template per CAMEO root (01-20); {s}/{t} are actor mentions.
ANY, OFFICIAL = "psbg", "psb"
EVENT_TEMPLATES = [
    ("{s} said {when} that {sc} would keep {topic} at the top of its agenda.", OFFICIAL, ANY),
    ("{s} declined to comment {when} on reports about {topic}.", OFFICIAL, ANY),      # 01
    ("{s} urged {t} {when} to return to talks on {topic}.", OFFICIAL, ANY),           # 02
    ("{s} called on {t} to release detained journalists and activists.", OFFICIAL, "s"),
    ("{s} said {when} that {sc} was ready to help {t} with {topic}.", OFFICIAL, "ps"),  # 03
    ("{s} pledged {n} million dollars in humanitarian aid for {t} {when}.", OFFICIAL, "s"),
    ("{s} spoke by telephone with {t} {when} to discuss {topic}.", "p", "p"),         # 04
    ("{s} arrived in {place} {when} for talks with {t} on {topic}.", "p", "pb"),
    ("{s} hosted {t} in {cap} {when}, the first such visit in years.", "p", "p"),
    ("{s} praised {t} {when} for its role in {topic}.", OFFICIAL, "psb"),             # 05
    ("{s} and {t} signed an agreement on {topic} in {place} {when}.", "ps", "ps"),
    ("{s} agreed {when} to share intelligence with {t} on {topic}.", "s", "s"),       # 06
    ("{s} delivered tents, food and medicine to {t} {when}.", "sb", "s"),             # 07
    ("{s} released {n} prisoners from {t} {when} as part of an exchange.", "sg", "s"),  # 08
    ("{s} announced {when} that it would ease restrictions imposed on {t}.", "sb", "s"),
    ("{s} opened an investigation {when} into alleged abuses by {t}.", "sb", "sg"),   # 09
    ("{s} demanded {when} that {t} withdraw its forces from the border area.", OFFICIAL, "sg"),
    ("{s} accused {t} {when} of violating the ceasefire near {place}.", ANY, "sg"),   # 11
    ("{s} sharply criticized {t} {when} over its handling of {topic}.", ANY, ANY),
    ("{s} rejected a proposal by {t} {when} for new talks on {topic}.", ANY, ANY),    # 12
    ("{s} threatened {when} to impose new sanctions on {t} if it failed to act.", "psb", "sg"),
    ("Thousands of protesters rallied outside the embassy of {t} in {place} {when}.", ANY, "s"),
    ("{s} put its troops on high alert {when} along the border with {t}.", "s", "s"),  # 15
    ("{s} expelled {n} diplomats from {t} {when}, accusing them of spying.", "s", "s"),  # 16
    ("{s} imposed sanctions {when} on {n} officials from {t}.", "sb", "sg"),
    ("Police arrested {n} people {when} during a rally against {t} in {place}.", ANY, "ps"),
    ("A car bomb killed {n} people near a checkpoint in {place} {when}.", ANY, ANY),  # 18
    ("{s} carried out air strikes on positions held by {t} near {place} {when}.", "sg", "sg"),
    ("{s} accused {t} {when} of forcing thousands of civilians from their homes.", ANY, "sg"),
]
QUOTE_FORMS = ['"{q}," {short} said.', '"{q}," {pron} told reporters.',
               '"{q}," {short} said in a statement.', '{short} said: "{q}."']
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
IGO_NAMES = {"UN": "the United Nations", "NATO": "NATO", "EU": "the European Union",
             "AU": "the African Union", "PSE": "Gaza", "AFG": "Afghanistan"}


def _office_terms() -> list[tuple[Actor, dt.date, dt.date]]:
    return [(Actor(m, s, p, c, "p"), dt.date.fromisoformat(a), dt.date.fromisoformat(b))
            for m, s, p, c, a, b in OFFICE_HOLDERS]


OFFICE_TERMS = _office_terms()  # immutable after import: parsed once, never changed
COUNTRY_ACTORS = [Actor(name, name, "it", key, "s") for key, (name, _, _) in COUNTRIES.items()]


def _templates_by_kinds() -> dict[tuple[str, str], list[str]]:
    """Templates usable for each (source kind, target kind) pair."""
    return {(a, b): [text for text, src, tgt in EVENT_TEMPLATES if a in src and b in tgt]
            for a in ANY for b in ANY}


TEMPLATES_BY_KINDS = _templates_by_kinds()  # built once at import, read-only


def actors_at(day: dt.date) -> list[Actor]:
    """Office holders in office on `day`, plus countries and groups (always available)."""
    people = [actor for actor, start, end in OFFICE_TERMS if start <= day < end]
    return people + COUNTRY_ACTORS + GROUPS


def country_name(actor: Actor) -> str:
    """How the actor's home country (or body) is named inside a sentence."""
    if actor.kind != "p":
        return "it"
    if actor.country in COUNTRIES:
        return COUNTRIES[actor.country][0]
    return IGO_NAMES.get(actor.country, actor.short)


def capital_of(rng: random.Random, actor: Actor) -> str:
    return COUNTRIES[actor.country][2] if actor.country in COUNTRIES else rng.choice(PLACES)


def when_phrase(rng: random.Random, day: dt.date) -> str:
    """A date expression consistent with the article date (or none at all)."""
    back = day - dt.timedelta(days=rng.randint(1, 6))
    choice = rng.randrange(9)
    if choice < 3:
        return f"on {WEEKDAYS[back.weekday()]}"
    if choice == 3:
        return "yesterday"
    if choice == 4:
        return f"on {MONTHS[back.month - 1]} {back.day}"
    if choice == 5:
        return rng.choice(["last week", "earlier this month", "on Sunday night"])
    if choice == 6:
        return f"late on {WEEKDAYS[back.weekday()]}"
    return ""


def tidy(sentence: str) -> str:
    """Drop the gaps an empty date phrase leaves and capitalise the first letter."""
    sentence = " ".join(sentence.split()).replace(" ,", ",").replace(" .", ".")
    return sentence[0].upper() + sentence[1:]


def pick_pair(rng: random.Random, actors: list[Actor]) -> tuple[Actor, Actor]:
    """Source and target from different countries (or bodies)."""
    source = rng.choice(actors)
    target = rng.choice(actors)
    while target.country == source.country:
        target = rng.choice(actors)
    return source, target


def event_sentence(rng: random.Random, day: dt.date, source: str, target: str,
                   source_actor: Actor, target_actor: Actor) -> str:
    """One event sentence whose verb suits the kinds of its two actors."""
    template = rng.choice(TEMPLATES_BY_KINDS[source_actor.kind, target_actor.kind])
    return tidy(template.format(
        s=source, t=target, sc=country_name(source_actor), when=when_phrase(rng, day),
        topic=rng.choice(TOPICS), place=rng.choice(PLACES), n=rng.randint(2, 60),
        cap=capital_of(rng, source_actor)))


def speaker_phrase(actor: Actor) -> str:
    """Who voices a quote: the person, a state's foreign ministry, or a spokesperson."""
    if actor.kind == "p":
        return actor.short
    if actor.kind == "s":
        return f"the {COUNTRIES[actor.country][1]} foreign ministry"
    return f"a spokesperson for {actor.short}"


def quote_sentence(rng: random.Random, speaker: Actor) -> str:
    form = rng.choice(QUOTE_FORMS if speaker.kind == "p" else QUOTE_FORMS[::2])
    return tidy(form.format(q=rng.choice(QUOTES), short=speaker_phrase(speaker),
                            pron=speaker.pronoun))


def filler_sentence(rng: random.Random, day: dt.date) -> str:
    return rng.choice(FILLERS).format(n=rng.randint(1, 9), year=rng.randint(2005, day.year - 1))


def article_day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def named(actor: Actor, mentioned: set[str]) -> str:
    """Full title on first mention, short name afterwards (as wire copy does)."""
    if actor.mention in mentioned:
        return actor.short
    mentioned.add(actor.mention)
    return actor.mention


def article_sentences(rng: random.Random, day: dt.date) -> list[str]:
    """5-15 sentences: a lead event, then more events, quotes and background lines."""
    actors = actors_at(day)
    source, target = pick_pair(rng, actors)
    mentioned: set[str] = set()
    sentences = [event_sentence(rng, day, named(source, mentioned),
                                named(target, mentioned), source, target)]
    for _ in range(rng.randint(5, 15) - 1):
        kind = rng.random()
        if kind < 0.4:
            if rng.random() < 0.5:
                source, target = pick_pair(rng, actors)
            sentences.append(event_sentence(rng, day, named(source, mentioned),
                                            named(target, mentioned), source, target))
        elif kind < 0.75:
            speaker = rng.choice((source, target))
            if speaker.mention not in mentioned:
                speaker = source
            sentences.append(quote_sentence(rng, speaker))
        else:
            sentences.append(filler_sentence(rng, day))
    return sentences


def paragraphs(rng: random.Random, sentences: list[str]) -> str:
    """Group sentences into paragraphs of one or two, separated by blank lines."""
    out, i = [], 0
    while i < len(sentences):
        size = 1 if i == 0 else rng.randint(1, 2)
        out.append(" ".join(sentences[i:i + size]))
        i += size
    return "\n\n".join(out)


def make_article(rng: random.Random, index: int, seed: int) -> dict:
    day = article_day(rng)
    text = paragraphs(rng, article_sentences(rng, day))
    return {"id": f"tp-{seed}-{index:08d}", "date": day.isoformat(), "text": text}


def iter_articles(seed: int = DEFAULT_SEED) -> Iterator[dict]:
    """An endless, reproducible stream of articles for `seed`."""
    rng = random.Random(seed)
    index = 0
    while True:
        yield make_article(rng, index, seed)
        index += 1


def write_corpus(out: Path, size_bytes: int, seed: int = DEFAULT_SEED) -> tuple[int, int]:
    """Stream articles to `out` until at least `size_bytes` are written.

    Returns (articles, bytes). The file overshoots the target by less than one article.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    written = count = 0
    with out.open("wb") as handle:
        for article in iter_articles(seed):
            if written >= size_bytes:
                break
            line = (json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8")
            handle.write(line)
            written += len(line)
            count += 1
    return count, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT,
                        help=f"output JSONL path (default {DEFAULT_OUT.relative_to(REPO_ROOT)})")
    parser.add_argument("--size-mb", type=float, default=DEFAULT_SIZE_MB,
                        help="approximate output size in MB (default 0.2, about 200 KB)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.size_mb <= 0:
        parser.error("--size-mb must be positive, e.g. --size-mb 0.2")
    count, written = write_corpus(args.out, int(args.size_mb * 1_000_000), args.seed)
    print(f"wrote {count} articles, {written} bytes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
