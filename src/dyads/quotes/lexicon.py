"""Word lists the quote finder reads: speech verbs, statement nouns, titles of works."""
from __future__ import annotations

SPEECH_VERBS = frozenset("""
say tell write tweet post add state declare announce explain note ask reply respond answer
insist argue claim assert suggest warn recall continue conclude acknowledge admit agree
complain comment describe call urge predict promise vow pledge observe remark report quip
joke sigh shout scream yell whisper mutter chime advise emphasize emphasise stress testify
concede confirm deny contend maintain counter caution lament boast brag retort muse wonder
recount reiterate repeat exclaim proclaim tease blast slam criticize criticise accuse charge
question demand plead beg implore read quote cite email text message blog interject speak
threaten allege complain point thank praise mock label dub term brand characterize
characterise reveal disclose signal indicate hint assure reassure brief inform
""".split())
STATEMENT_NOUNS = frozenset("""
statement remark comment word tweet post speech message email letter interview note memo
editorial release announcement claim assertion declaration testimony remarks words
""".split())
WORK_NOUNS = frozenset("""
book memoir novel biography film movie song album play poem documentary series show
""".split())
PRONOUNS = frozenset("he she they we i you it who one his her their".split())
RELATIVES = frozenset({"who", "that", "which"})
SENTENCE_END = frozenset({".", "!", "?"})
CLOSING_PUNCT = ".,;:!?…—–-"
