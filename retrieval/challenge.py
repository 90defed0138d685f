"""A scenario whose ask challenges the plan its stem tells of ("What is wrong with that plan?",
"Will that do it?", "Does SMOTE make sense here?") asks what rules the plan out. Its quote is
built on the sentences that meet the stem best, and those say what the chosen passage's subject
is or does ("Click prediction, e.g. the click rate ...", "SMOTE creates new, synthetic minority
examples ..."); the passage rules the plan out in a sentence of its own stating a limitation
("It cannot do multiclass classification ...", "... it does not suit high-dimensional sparse
data such as text", "It won't help normalize features ..."). That sentence is quoted after the
first reason (`with_limitation`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import Candidate

if TYPE_CHECKING:
    from retrieval.compose import Composer

# An ask that puts the stem's plan to the test: what is wrong with it, will it help or work,
# does it make sense, is it a good idea. Not "is that right" nor "which ... fits": those ask for
# a fact or an option, which the stem's best match answers as well as a limitation would.
CHALLENGE_ASK = re.compile(
    r"\bwhat(?:'s|\s+is)\s+wrong\s+with\b"
    r"|^(?:will|would|does|do|can|could|is)\b[^?]*?\b(?:help|work|do it|make sense|"
    r"(?:a\s+)?good idea)\b",
    re.I,
)
# A sentence stating what its subject cannot do or is not suited for ("cannot do multiclass",
# "does not suit high-dimensional sparse data", "won't help normalize", "only works with deep
# learning"); not a bare "not" ("It is supervised, not unsupervised" sets two things apart).
LIMITATION = re.compile(
    r"\b(?:cannot|can't|can not|unable to|won't|will not|does not|doesn't|do not|don't)\s+\w+"
    r"|\bnot\s+(?:suit\w*|designed|meant|built|intended)\b"
    r"|\bonly\s+(?:works?|accepts?|supports?|handles?|reads?|takes?|applies)\b",
    re.I,
)
# A line opening with a negation gives advice ("Do not flip digits or text ..."), no limitation
# of the subject.
ADVICE = re.compile(r"^(?:do not|don't|never|avoid)\b", re.I)


def challenges_plan(focus: str) -> bool:
    """The scenario's ask puts the stem's plan to the test (`CHALLENGE_ASK`)."""
    return bool(CHALLENGE_ASK.search(focus.strip()))


def states_limitation(text: str) -> bool:
    """The sentence states a limitation of its subject (`LIMITATION`), not advice (`ADVICE`)."""
    return bool(LIMITATION.search(text)) and not ADVICE.match(text.strip())


def with_limitation(
    composer: Composer, usable: Sequence[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """For an ask challenging the stem's plan whose quote states no limitation, the passage's
    best-scored sentence that does, quoted after the first reason in place of the others (a
    sentence it leans on is brought by `Composer._leaning_placed`)."""
    if not chosen or not challenges_plan(composer.ask.focus):
        return chosen
    if any(states_limitation(c.text) for c in chosen):
        return chosen
    quoted = {c.row for c in chosen}
    lines = [c for c in usable if c.row not in quoted and states_limitation(c.text)]
    pick = max(lines, key=lambda c: c.score, default=None)
    return chosen if pick is None else [chosen[0], pick]
