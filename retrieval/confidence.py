"""How sure an answer is, in two stages. The gate (`answer.calibrated`): whether the notes cover
the question at all. Among answered questions, whether the quoted answer answers the question: a
logistic on how much of the question the answer holds (each word weighted by its rarity, so the
subject counts most) and whether the kind's needs are met (both sides of a comparison named, the
asked value stated for a limit, the subject named for a definition)."""

from __future__ import annotations

import math

from retrieval.compose import NUMBER, Composition, _about_terms, covers
from retrieval.facets import VALUE_KINDS, states_value
from retrieval.lexical import tokenize
from retrieval.search import Hit
from retrieval.sides import side_tokens, sides_of
from retrieval.understand import Ask, key_phrases

# Weights on (the answered share, `answer.answered_share`; the kind's needs met, `needs_met`).
# Refitted 2026-11-30 (session 8) by a class-balanced, L2-regularised logistic regression on the
# answered questions of the tuning parts of both corpora only (173, 149 right); checked on the
# held-out parts and sessions 5 and 6's sets, never fitted on them. AUC among answered, old ->
# new: held-out 0.74 -> 0.87, session 5 0.79 -> 0.76 (the old weights were fitted on it), session
# 6 0.74 -> 0.88, session 7 (read) 0.65 -> 0.76, tuning 0.69 -> 0.56. The old fit leaned on the
# needs alone, which is 1 for every kind without needs, so nearly every answer, wrong ones
# included, showed 0.94-0.96. Left out, as they did not gain on the parts not fitted on: the
# margin between search's first two passages, whether dense and lexical ranks agree on the first
# passage, the share of the question's words in the quote without its heading, whether the
# question's rarest word is quoted, whether the quote comes from a flashcard or has no verb, how
# much of what the question asks beyond its subject the quote holds.
# Session 11 tried again and kept these weights: a fit on the answered questions of tune, b8, b9
# and b10 (not class-balanced, so its output is a chance; 9503609, reverted) on the share, the
# quoted passage's search rank, the sentences quoted, the asked subject named, a flashcard's
# quote, the heading's share of the question and dense and lexical search agreeing on the quoted
# passage gained on every part it was fitted on when each was left out in turn (mean AUC 0.61 ->
# 0.72) and put the share right in each band near the band, but lost on b5 (0.77 -> 0.64) and b6
# (0.87 -> 0.67); the same with these weights kept as an offset lost there too. On b6 the share
# alone separates at 0.84: the signals added are what tells right from wrong on the sets read
# last, not on the earlier ones. These weights' answers already show at about their rate right
# on the parts read (0.64-0.78 right below 0.75, 0.80-0.87 above), so refitting only the scale
# (Platt) changed nothing.
RIGHT_WEIGHTS = (0.36, 1.54)
RIGHT_BIAS = -1.74


def needs_met(ask: Ask, composition: Composition, main: Hit) -> float:
    """Whether the quote meets what the kind of ask needs, in [0, 1]: the share of a comparison's
    sides named (quote, lead or heading), the asked kind of value (or any number) stated for a
    limit, the share of a definition's subject named; 1 for other kinds."""
    text = " ".join(composition.weighed)
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


def right_chance(answered: float, needs: float) -> float:
    """The chance an answered question's quote is right, from its answered share and needs."""
    z = RIGHT_WEIGHTS[0] * answered + RIGHT_WEIGHTS[1] * needs + RIGHT_BIAS
    return logistic(z)


def logistic(z: float) -> float:
    return 1 / (1 + math.exp(-z))
