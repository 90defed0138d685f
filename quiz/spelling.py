"""British and American spellings of one word read as the same word before stemming: a key
point that says "normalization" is made by an answer that says "normalisation", and the other
way round ("optimise"/"optimize", "behaviour"/"behavior", "centre"/"center", "artefact")."""

from __future__ import annotations

import re
from functools import lru_cache

# -ise verbs that are spelt -ise in American English too ("supervised", "raise", "exercise"):
# left alone so "supervise" and "supervision" keep one stem.
ISE_WORDS = frozenset(
    {"advertise", "advise", "arise", "chastise", "comprise", "compromise", "concise", "demise"}
    | {"despise", "devise", "disguise", "enterprise", "excise", "exercise", "expertise"}
    | {"franchise", "improvise", "incise", "likewise", "clockwise", "merchandise", "noise"}
    | {"otherwise", "paradise", "poise", "praise", "precise", "premise", "promise", "raise"}
    | {"reprise", "revise", "rise", "sunrise", "supervise", "surmise", "surprise", "televise"}
    | {"treatise", "wise", "cruise", "bruise", "guise", "mise"}
)
ISE = re.compile(r"^([a-z]{2,}?)is(e|ed|es|ing|ation|ations|er|ers|able)$")
RULES = (
    (re.compile(r"^(anal|paral|catal|dial|electrol|hydrol)ys(e|ed|es|ing)$"), r"\1yz\2"),
    (
        re.compile(
            r"^(behavi|col|fav|flav|hon|lab|neighb|rum|hum|harb|vap|endeav|sav|arm|od|rig|val"
            r"|vig|tum)our"
        ),
        r"\1or",
    ),
    (re.compile(r"^(cent|met|lit|fib|theat|calib|spect)re(s|d)?$"), r"\1er\2"),
    (re.compile(r"^(catal|dial|anal|prol|epil)ogue(s|d)?$"), r"\1og\2"),
    (re.compile(r"^(lic|def|off|pret)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^artefact"), "artifact"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"^(judg|acknowledg)ement"), r"\1ment"),
    (re.compile(r"^grey"), "gray"),
)


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    """The word in American spelling ("optimised" -> "optimized"); any other word unchanged."""
    match = ISE.match(word)
    if match and match[1] + "ise" not in ISE_WORDS and len(match[1]) >= 3:
        return f"{match[1]}iz{match[2]}"
    for pattern, replacement in RULES:
        word = pattern.sub(replacement, word)
    return word
