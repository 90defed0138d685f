"""A yes/no ask's answer stated in its own passage ("can i warm start a tuning job that tunes
more than one algorithm?", "does the data for a batch transform job have to sit in s3?"). The
quote is often the subject's overview ("Warm start launches a new tuning job that reuses ...",
"Amazon SageMaker saves the inferences in an S3 bucket ..."), which holds the asked words but
says neither yes nor no; the passage states it in a sentence of its own, in other words than the
question's and with a word that limits or requires ("It is available only when tuning a single
algorithm.", "... the dataset, which must be stored in Amazon S3."). Such a sentence is quoted
after the overview.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import YES_NO, Candidate, covers, sentence_words
from retrieval.glossary import expand_query
from retrieval.lexical import tokenize
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

# A sentence that states whether something holds: it denies, limits or requires ("not
# available", "only when", "must be stored", "cannot", "no limit"). An overview line says what
# a thing does and rarely any of these.
STATES = re.compile(
    r"\b(?:not|no|cannot|can't|doesn't|don't|isn't|aren't|never|only|must|required?|"
    r"requires|without)\b",
    re.I,
)
# How much farther from the asking clause, by cosine, the stating sentence may be than the
# closest quoted one.
NEAR_MARGIN = 0.02


def stated_pick(
    composer: Composer,
    hits: Sequence[Hit],
    candidates: list[Candidate],
    chosen: list[Candidate],
    subject: set[str],
) -> Candidate | None:
    """For a yes/no ask, the sentence of a quoted passage that states what was asked: it holds
    a word that denies, limits or requires (STATES) and a word of the asking clause (the
    question without the subject's words; an acronym also as the notes spell it out, "gpu" as
    "graphics processing"), and reads as close to that clause as the closest quoted sentence,
    within NEAR_MARGIN. None when there is no such sentence distinct from the quote, or no
    room for it."""
    from retrieval.attribute import asking_clause, closest_to, has_room

    clause = asking_clause(composer.ask.text, subject)
    asked = set(tokenize(expand_query(clause, composer.files.glossary)))
    pool = _stating(composer, candidates, chosen, asked) if asked and yes_no(composer) else []
    if not pool:
        return None
    best, lead = closest_to(composer, clause, pool, chosen)
    return best if lead >= -NEAR_MARGIN and has_room(composer, best, candidates, chosen) else None


def _stating(
    composer: Composer, candidates: list[Candidate], chosen: list[Candidate], asked: set[str]
) -> list[Candidate]:
    """The sentences of the quoted passages, distinct from the quote, that state (STATES) and
    hold an `asked` word."""
    words = sentence_words(composer.searcher)
    quoted = {c.rank for c in chosen}
    return [
        c
        for c in candidates
        if c.rank in quoted
        and not c.neighbour
        and STATES.search(c.text)
        and covers(asked, set(words[c.row])) > 0
        and all(composer._distinct(c.row, o.row) for o in chosen)
    ]


def with_stated_twins(
    composer: Composer, hits: Sequence[Hit], candidates: list[Candidate], chosen: list[Candidate]
) -> list[Candidate]:
    """For a yes/no ask, each quoted sentence that states nothing gives way to a sentence of its
    passage saying the same thing (too close to quote both) that states what was asked (STATES)
    and holds at least as much of the asking clause: "Amazon SageMaker saves the inferences in
    an S3 bucket ... batch transform job" reads as "... a batch transform job using a trained
    model and the dataset, which must be stored in Amazon S3" by embedding, and only the second
    answers "does the data for a batch transform job have to sit in s3"."""
    if not chosen or not yes_no(composer):
        return chosen
    from retrieval.attribute import asking_clause, subject_named

    asked = set(tokenize(asking_clause(composer.ask.text, subject_named(composer, hits, chosen))))
    if not asked:
        return chosen
    words = sentence_words(composer.searcher)
    out = list(chosen)
    for at, quoted in enumerate(chosen):
        if STATES.search(quoted.text):
            continue
        held = covers(asked, set(words[quoted.row]))
        taken = {o.row for o in out}
        twins = [
            c
            for c in candidates
            if c.rank == quoted.rank
            and c.row not in taken
            and not c.neighbour
            and STATES.search(c.text)
            and covers(asked, set(words[c.row])) >= held
            and not composer._distinct(c.row, quoted.row)
        ]
        if twins:
            out[at] = max(twins, key=lambda c: c.score)
    return out


WH = re.compile(r"\b(?:what|what's|which|how|where|when|why|who|whose)\b|\bor\b", re.I)


def yes_no(composer: Composer) -> bool:
    """The ask is a yes/no question ("does ...", "can i ...", "serverless with a gpu
    possible?"), not a scenario's stem."""
    text = composer.ask.text.strip()
    if composer.ask.kind == "scenario":
        return False
    return bool(YES_NO.match(text)) or (text.endswith("?") and not WH.search(text))
