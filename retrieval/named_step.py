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

from retrieval.lexical import tokenize
from retrieval.rarity import passage_counts, rarest_terms
from retrieval.search import Hit, own_heading_words, passage_words
from retrieval.thing import heading_words, names_thing, naming_pick

if TYPE_CHECKING:
    from retrieval.compose import Candidate, Composer

# "how do I ...", "how can we ...", "how to ...", "how does a request pick ...": an ask for the
# way something is done; not "how many/much/long", which asks an amount, nor "how is it used".
HOW_DONE = re.compile(
    r"\bhow (?:do|does|can|could|should|would|did) (?!.*\bused\b)|\bhow to\b", re.I
)
# "how do I / can we / should you ...", "how to ...": the asker does something to the subject,
# so the answer must be about that subject; "how does X work" may ask of a thing the notes
# only touch on under another name ("label propagation" is no "forward propagation").
HOW_I_DO = re.compile(
    r"\bhow (?:do|can|could|should|would|did) (?:i|we|you|u|they|people|one)\b|\bhow to\b",
    re.I,
)
# A word this many pooled passages are headed by names the subject asked, not one detail of it.
SUBJECT_HEADINGS = 2
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


def subject_anchor(
    composer: Composer, usable: Sequence[Candidate], hits: Sequence[Hit], anchor: Candidate
) -> Candidate:
    """For a how-to ask the asker acts in (`HOW_I_DO`), the best sentence of the first pooled
    passage headed by the subject asked, when the anchor's passage never names it: the subject
    is the rarest of the question's words that the pooled passages' own headings hold (not their
    file's title), and names a subject only when SUBJECT_HEADINGS of them hold it ("object
    detection" of "how do I get SageMaker object detection to start from pretrained weights",
    where search's first passage, on production variant weights, matched "weights" alone; not
    "AUC" of "how do I get a tuning job to stop once a job reaches a validation AUC", which one
    passage on the metric is headed by). Else `anchor`."""
    if composer.ask.kind not in KINDS or not HOW_I_DO.search(composer.ask.text):
        return anchor
    headings = [own_heading_words(h.chunk) for h in hits]
    headed = composer.terms & set(tokenize(composer.ask.text)) & set().union(*headings)
    subject = rarest_terms(headed, passage_counts(composer.searcher))
    if not subject or subject & passage_words(hits[anchor.rank].chunk):
        return anchor
    if sum(subject <= heading for heading in headings) < SUBJECT_HEADINGS:
        return anchor
    rank = next(r for r, heading in enumerate(headings) if subject <= heading)
    return next((c for c in usable if c.rank == rank), anchor)
