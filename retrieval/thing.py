"""One named thing asked for by its kind ("Which permission is she missing?", "Which function
should the application have used?"): the notes name it in a later sentence of the passage that
fits the stem ("... and pass the role with iam:PassRole", "a variant,
RANDOM_CUT_FOREST_WITH_EXPLANATION, also named the columns behind the score"), while the
sentences scoring best say what the subject is, or name another thing of the same kind (the
plain RANDOM_CUT_FOREST). Of the passage's sentences naming a thing the question does not, the
one holding most of the question's words by rarity names the thing asked for: it is quoted, in
place of a quoted sentence naming another.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import sentence_words
from retrieval.lexical import tokenize
from retrieval.rarity import held_weight, held_weights, sentence_counts
from retrieval.search import Searcher
from retrieval.setting import HELD_WORDS

if TYPE_CHECKING:
    from retrieval.compose import Candidate, Composer

# The ask names the kind of thing it wants: "which permission", "what function", "which api
# call", "what should they call". Settings are `setting`'s ("which hyperparameter").
THING_ASK = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?"
    r"(functions?|permissions?|headers?|apis?|calls?|fields?|keys?|commands?|flags?)\b",
    re.I,
)
# A thing's name as the notes write an identifier: as code ("`recordId`"), with a colon inside
# ("iam:PassRole", "aws:SourceVpce"), with an underscore ("RANDOM_CUT_FOREST", "value_counts") or
# with a capital after a small letter ("UpdateShardCount", "TargetContainerHostname"). Product
# names take the last shape too ("CloudWatch"); an acronym ("IAM", "S3") or a capitalised word
# names no identifier.
IDENTIFIER = re.compile(
    r"`[^`\s]{2,60}`|\b[A-Za-z]+:[A-Za-z]\w*|\b[A-Za-z]\w*_\w+|\b[A-Za-z]*[a-z][A-Z]\w*"
)
# Per index (its searcher): the words of its headings.
_HEADINGS: weakref.WeakKeyDictionary[Searcher, frozenset[str]] = weakref.WeakKeyDictionary()


def names_thing(text: str, question: str, subjects: frozenset[str]) -> bool:
    """The sentence names an identifier (`IDENTIFIER`) the question does not hold and no heading
    of the notes names (`subjects`: "SageMaker", "CloudWatch" and the "RANDOM_CUT_FOREST
    function" are what passages are about, not a thing named inside one)."""
    asked = question.lower()
    return any(
        name.strip("`").lower() not in asked and not set(tokenize(name)) <= subjects
        for name in IDENTIFIER.findall(text)
    )


def heading_words(searcher: Searcher) -> frozenset[str]:
    """Every word of the notes' headings (a card's front included), gathered once per index."""
    found = _HEADINGS.get(searcher)
    if found is None:
        found = frozenset(t for c in searcher.files.chunks for t in tokenize(" ".join(c.heading)))
        _HEADINGS[searcher] = found
    return found


def thing_pick(composer: Composer, candidates: Sequence[Candidate]) -> Candidate | None:
    """For an ask naming the kind of thing it wants (`THING_ASK`), the candidate naming a thing
    the question does not (`names_thing`) that holds the most of the question's words, each
    weighted by its rarity (`rarity.held_weights`), when it holds HELD_WORDS of them; None when
    the ask names no kind or no candidate does. The kind word itself is no word of the meaning."""
    ask = THING_ASK.search(composer.ask.focus or composer.ask.text)
    if ask is None:
        return None
    return naming_pick(composer, candidates, composer.terms - set(tokenize(ask[1])))


def naming_pick(
    composer: Composer, candidates: Sequence[Candidate], asked: set[str]
) -> Candidate | None:
    """Of `candidates` naming a thing the question does not (`names_thing`), the one holding the
    most of the `asked` words, each weighted by its rarity (`rarity.held_weights`), when it holds
    HELD_WORDS of them (the better scored of two holding as much)."""
    words = sentence_words(composer.searcher)
    counts, total = sentence_counts(composer.searcher, words)
    weights = held_weights(asked, counts, total)
    subjects = heading_words(composer.searcher)
    best: tuple[float, float, Candidate] | None = None
    for c in candidates:
        said = words[c.row] & asked
        if len(said) < HELD_WORDS or not names_thing(c.text, composer.ask.text, subjects):
            continue
        held = held_weight(weights, said)
        if best is None or (held, c.score) > best[:2]:
            best = (held, c.score, c)
    return best[2] if best else None


def with_thing(
    composer: Composer, usable: Sequence[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """The quoted sentences with the one naming the thing asked for (`thing_pick`) among them:
    the first quoted sentence that names no other thing, then the pick. A sentence naming
    another thing gives it its place, and the pick takes the room a third sentence would (the
    first may need the sentence it leans on, "Its trust policy ..." after "The SageMaker
    execution role is ...")."""
    pick = thing_pick(composer, usable)
    if pick is None or any(c.row == pick.row for c in chosen):
        return chosen
    question, subjects = composer.ask.text, heading_words(composer.searcher)
    kept = [c for c in chosen if not names_thing(c.text, question, subjects)]
    return [*kept[:1], pick]
