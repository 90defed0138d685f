"""How sure an answer is, in two stages. The gate (`answer.calibrated`): whether the notes cover
the question at all. Among answered questions, the chance the quoted answer answers the question:
a logistic on how much of the question the answer holds (each word weighted by its rarity, so the
subject counts most), where search ranked the quoted passage and whether its two rankings agree,
how much is quoted, and whether the asked subject is named (`evidence`). The kind's needs
(`needs_met`: both sides of a comparison named, the asked value stated for a limit) are reported
with the answer's features."""

from __future__ import annotations

import math

from retrieval.compose import NUMBER, Composition, _about_terms, covers
from retrieval.facets import VALUE_KINDS, states_value
from retrieval.lexical import tokenize
from retrieval.search import Hit
from retrieval.sides import side_tokens, sides_of
from retrieval.understand import Ask, key_phrases, topic

# Weights on what `evidence` measures of an answered question's quote: (the answered share,
# `answer.answered_share`; the quoted passage's rank in search, up to QUOTED_RANK_CAP; how many
# sentences are quoted; the share of the asked subject the quote or its heading names; whether it
# is a flashcard's; the share of the question's terms in the passage's heading (a heading that
# holds the question lifts the answered share whether or not the sentence answers); whether
# dense and lexical search both rank the quoted passage first).
# Fitted 2026-11-30 (session 11) by an L2-regularised logistic regression (standardised features,
# penalty 10, not class-balanced so that the chance is a chance) on the answered questions of the
# parts read while tuning (tune, b8, b9, b10; both corpora; 449 covered, 346 right, and 18
# answered not-in-notes ones, as wrong); the features were chosen by leaving one of those parts
# out at a time (mean AUC 0.72, the two old features 0.61).
RIGHT_WEIGHTS = (1.848, -0.307, 0.306, 0.547, -0.522, -0.506, 0.377)
RIGHT_BIAS = -0.651
QUOTED_RANK_CAP = 5


def evidence(
    ask: Ask, composition: Composition, hits: list[Hit], main: Hit, answered: float
) -> tuple[float, ...]:
    """What tells a right quote from a wrong one (`RIGHT_WEIGHTS`), from what the answer already
    computed: no model call."""
    rows = [h.row for h in hits]
    rank = rows.index(main.row) if main.row in rows else QUOTED_RANK_CAP
    return (
        answered,
        float(min(rank, QUOTED_RANK_CAP)),
        float(len(composition.sentences)),
        subject_named(ask, composition, main),
        float(main.chunk.kind == "flashcard"),
        composition.heading_overlap,
        float(search_agrees(hits[:QUOTED_RANK_CAP], main)),
    )


def subject_named(ask: Ask, composition: Composition, main: Hit) -> float:
    """The share of what was asked about (a definition's or comparison's subject, else the ask
    without its question words) that the quote, its lead or its passage's heading names."""
    subject = set(tokenize(" ".join(key_phrases(ask)))) or set(tokenize(topic(ask)))
    if not subject:
        return 1.0
    said = tokenize(" ".join([composition.lead, *composition.sentences, *main.chunk.heading]))
    return covers(subject, set(said) | _about_terms(main.chunk))


def search_agrees(hits: list[Hit], main: Hit) -> bool:
    """Whether the passage quoted is the one both dense and lexical search rank first."""
    closest = max(hits, key=lambda h: h.dense)
    matching = max(hits, key=lambda h: h.lexical)
    return closest.row == main.row == matching.row


def needs_met(ask: Ask, composition: Composition, main: Hit) -> float:
    """Whether the quote meets what the kind of ask needs, in [0, 1]: the share of a comparison's
    sides named (quote, lead or heading), the asked kind of value (or any number) stated for a
    limit, the share of a definition's subject named; 1 for other kinds."""
    text = " ".join(composition.sentences)
    said = set(tokenize(f"{composition.lead} {text}")) | _about_terms(main.chunk)
    if ask.kind == "comparison" and ask.subjects:
        named = sides_named(ask.subjects, f"{composition.lead} {text}", _about_terms(main.chunk))
        return sum(named) / len(ask.subjects)
    if ask.kind == "limit":
        values = {t for t in tokenize(ask.text) if t in VALUE_KINDS}
        if values:
            return float(any(states_value(t, text) for t in values))
        return float(bool(NUMBER.search(text)))
    if ask.kind == "definition":
        subject = set(tokenize(" ".join(key_phrases(ask))))
        return covers(subject, said) if subject else 1.0
    return 1.0


def sides_named(subjects: list[str], text: str, about: set[str]) -> list[bool]:
    """Whether the answer (`text`, under a passage about `about`) names each comparison side by
    its own words, by the one rule search and composition use (`sides`): a quote about "Redshift
    Spectrum" does not name "Redshift" too, nor does "batch" name "small batch"."""
    typed = [s for s in subjects if tokenize(s)]
    sides = sides_of([[set(tokenize(s))] for s in typed], typed)
    tokens = side_tokens(text)
    return [side.names(tokens, about) for side in sides]


def right_chance(evidence: tuple[float, ...]) -> float:
    """The chance an answered question's quote is right, from its `evidence`."""
    z = sum(w * x for w, x in zip(RIGHT_WEIGHTS, evidence, strict=True)) + RIGHT_BIAS
    return logistic(z)


def logistic(z: float) -> float:
    return 1 / (1 + math.exp(-z))
