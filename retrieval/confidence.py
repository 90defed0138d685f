"""How sure an answer is, in two stages. The gate (`covered`): whether the notes cover the
question at all, a logistic on how closely the best sentence and passage match and how much of the
question the answer holds. Among answered questions, whether the quoted sentences are the right
ones: a second logistic on signals a reader would check, the gate's own score among them."""

from __future__ import annotations

import math
from collections.abc import Sequence

from retrieval.compose import NUMBER, VERB, Composer, Composition, _about_terms, covers
from retrieval.facets import VALUE_KINDS, facet_in, facet_share, states_value
from retrieval.lexical import tokenize
from retrieval.search import Hit
from retrieval.understand import Ask, key_phrases

FACET_POOL = 5  # the passages whose headings tell the subject from the facet (`Composer._facet`)


def right_signals(
    composer: Composer, ask: Ask, hits: Sequence[Hit], composition: Composition, main: Hit
) -> tuple[float, float, float, float, float]:
    """What makes a quoted answer likely right, each in [0, 1]:

    - facet: the share of what the question asks beyond its subject ("retention" of "kinesis
      retention") that the quote holds, with its heading; a value-kind word ("how long") is held
      by a sentence stating such a value. 1 when the question asks nothing beyond its subject;
    - needs: the kind's needs met: both sides named for a comparison, the asked kind of value (or
      a number) for a limit, the subject named for a definition; 1 for other kinds;
    - quoted: the share of the question's words the quoted sentences hold themselves, without the
      heading (a fluent sentence about a neighbouring subject holds few);
    - card: 1 when the quote comes from a flashcard, whose terse answer side is a list of
      fragments more often than a sentence that answers (right less often on every part);
    - verbless: 1 when the quote has no verb at all: a topic line, not a statement.

    Tried and left out, as they did not separate right from wrong answers on the tuning parts or
    on the held-out parts: the quote from search's first passage, a pronoun opening, a lead
    naming the subject, the number of sentences, the best sentence's and passage's cosines.
    """
    text = " ".join(composition.sentences)
    said = set(tokenize(f"{composition.lead} {text}"))
    heading = _about_terms(main.chunk)
    facet = composer._facet(list(hits[:FACET_POOL])) if ask.kind != "scenario" else set()
    held = facet_share(facet, frozenset(said), facet_in(facet, heading), text) if facet else 1.0
    quoted = covers(set(tokenize(ask.text)), set(tokenize(text)))
    card = float(main.chunk.kind == "flashcard")
    return (held, _needs_met(ask, said | heading, text), quoted, card, float(not VERB.search(text)))


def _needs_met(ask: Ask, said: set[str], text: str) -> float:
    if ask.kind == "comparison" and ask.subjects:
        sides = [set(tokenize(s)) for s in ask.subjects]
        return sum(covers(side, said) >= 0.5 for side in sides if side) / len(sides)
    if ask.kind == "limit":
        values = {t for t in tokenize(ask.text) if t in VALUE_KINDS}
        if values:
            return float(any(states_value(t, text) for t in values))
        return float(bool(NUMBER.search(text)))
    if ask.kind == "definition":
        subject = set(tokenize(" ".join(key_phrases(ask))))
        return covers(subject, said) if subject else 1.0
    return 1.0


def logistic(z: float) -> float:
    return 1 / (1 + math.exp(-z))
