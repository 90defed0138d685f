"""A how-to ask ("how do I send records from a streaming source into a feature group?", "how do
i make the model care more about errors on the fraud class", "how does a request pick which of
the models answers it?"): its answer is the sentence of the quoted passage naming the API or
parameter that does it ("You ingest with the PutRecord API for streaming sources", "Linear
Learner has ... positive_example_weight_mult ... for binary ones", "the caller names the model
with the TargetModel parameter"), while the sentences scoring best say what the subject is and
share more of the question's common words. Of the passage's sentences naming a thing the
question does not (`thing.names_thing`), the one holding most of the question's words by rarity
is quoted after the passage's first quoted sentence, in place of one naming another thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.thing import heading_words, names_thing, naming_pick

if TYPE_CHECKING:
    from retrieval.compose import Candidate, Composer

# "how do I ...", "how can we ...", "how to ...", "how does a request pick ...": an ask for the
# way something is done; not "how many/much/long", which asks an amount, nor "how is it used".
HOW_DONE = re.compile(
    r"\bhow (?:do|does|can|could|should|would|did) (?!.*\bused\b)|\bhow to\b", re.I
)
# The kinds a how-to ask is read as: its own, or casual when a topic comes first ("multi-model
# endpoint - how does ..."). A scenario has its own thing pick (`thing`), a comparison sides.
KINDS = ("howto", "casual")


def asks_how_done(composer: Composer) -> bool:
    """The ask asks how something is done (`HOW_DONE`) and is read as a how-to or casual ask."""
    return composer.ask.kind in KINDS and bool(HOW_DONE.search(composer.ask.text))


def step_pick(composer: Composer, usable: Sequence[Candidate], rank: int) -> Candidate | None:
    """Of passage `rank`'s sentences naming a thing the question does not, the one holding the
    most of the question's words weighted by rarity, when it holds HELD_WORDS of them."""
    return naming_pick(composer, [c for c in usable if c.rank == rank], composer.terms)


def with_step(
    composer: Composer, usable: Sequence[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """For a how-to ask, the quoted sentences with the one naming the API or parameter to use
    (`step_pick`) among them: the first quoted sentence that names no other thing, then the
    pick; unchanged when the pick is quoted already or the ask asks no how-to."""
    if not chosen or not asks_how_done(composer):
        return chosen
    pick = step_pick(composer, usable, chosen[0].rank)
    if pick is None or any(c.row == pick.row for c in chosen):
        return chosen
    question, subjects = composer.ask.text, heading_words(composer.searcher)
    kept = [c for c in chosen if not names_thing(c.text, question, subjects)]
    return [*kept[:1], pick]
