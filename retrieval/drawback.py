"""An ask for a thing's drawback ("more filters in a cnn layer, whats the catch", "why nobody
bothers with maxout", "emr spot on core nodes risky?"). The quote is built on the sentence
nearest the ask, which says what the thing is ("A filter (kernel) ... is a small grid of learned
weights", "Technically ReLU is a special case of maxout") and no cost of it; its passage states
the cost in a sentence of its own that turns against what came before ("More filters capture
more patterns but need more memory and data.", "But doubles parameters that need to be
trained, not often practical."). That sentence is quoted after the quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import Candidate
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

# What asks for a drawback: the catch (a noun: "does random cut forest catch breaks" asks what
# it finds), a downside, a risk, why nobody uses a thing.
DRAWBACK_ASK = re.compile(
    r"\b(?:the|a|any|what's|whats)\s+catch\b|\b(?:downsides?|drawbacks?|risky|risks?|pitfalls?"
    r"|gotchas?|weakness(?:es)?|disadvantages?)\b|\bwhy (?:do(?:es)? )?(?:nobody|no one)\b",
    re.I,
)
# A sentence stating a cost: it turns against what it grants ("... but need more memory"), or
# names a risk, a loss or a weakness, or says the thing is not practical; not one denying a risk
# ("No risk of data loss when removing" is said of a thing that has none).
DRAWBACK = re.compile(
    r"\b(?:but|however|though|although|risk\w*|loss|lose[sd]?|downsides?|drawbacks?"
    r"|weakness(?:es)?|disadvantages?|impractical|costly|expensive)\b|\bnot (?:\w+ )?practical\b",
    re.I,
)
DENIED = re.compile(
    r"\b(?:no|without|not|never)\s+(?:\w+\s+)?(?:risk|loss|downside|drawback)", re.I
)


def drawback_pick(
    composer: Composer, hits: Sequence[Hit], candidates: list[Candidate], chosen: list[Candidate]
) -> Candidate | None:
    """For an ask for a drawback whose quote states none (DRAWBACK), the best-scoring sentence
    of a quoted passage that states one and is not quoted, never one denying a risk
    (`quoted_stating`; a full quote makes room for it as for an asked attribute:
    `Composer._making_room`)."""
    if not DRAWBACK_ASK.search(composer.ask.text):
        return None
    return quoted_stating(composer, candidates, chosen, DRAWBACK, DENIED)


def quoted_stating(
    composer: Composer,
    candidates: list[Candidate],
    chosen: list[Candidate],
    states: re.Pattern[str],
    denied: re.Pattern[str] | None = None,
) -> Candidate | None:
    """When no quoted sentence matches `states`, the best-scoring sentence of a quoted passage
    that does (and not `denied`) and is not quoted; else None. Sentences of one passage are read
    with it, so their vectors lie close ("The second function ... counts how frequently ..." and
    "The Tf-Idf is a great way of giving weights ... as it penalizes generic words" at 0.9):
    by vector they would read as one sentence said twice (`Composer._distinct`), which they are
    not; one the quote already says is left out when it is added (`unsaid`)."""
    if not chosen or any(states.search(c.text) for c in chosen):
        return None
    quoted = {c.rank for c in chosen}
    rows = {c.row for c in chosen}
    pool = [
        c
        for c in candidates
        if c.rank in quoted
        and c.row not in rows
        and states.search(c.text)
        and not (denied and denied.search(c.text))
    ]
    return max(pool, key=lambda c: c.score, default=None)
