"""The sentence that goes on from the quote's last one: when the notes' next sentence leans on it
("Therefore, one-hot encoding generates four new columns.", "That's why there is a better option
- create a custom lexicon.") and holds an asked word the quote does not, it says the asked part
of what the quote began, and is quoted after it while the answer has room."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from retrieval.compose import (
    BACK_REFERENCE,
    BULLET,
    MAX_SENTENCES,
    Composition,
    _plain,
    as_sentence,
    closed,
)
from retrieval.lexical import tokenize
from retrieval.search import Hit
from retrieval.sentences import display_sentence

if TYPE_CHECKING:
    from collections.abc import Sequence

    from retrieval.compose import Composer


def with_continuation(
    composer: Composer, hits: Sequence[Hit], composition: Composition
) -> Composition:
    """The composition with the sentence that leans on its last one quoted after it; like the
    attribute's added sentences, the gate does not read it (its weights were fitted without)."""
    sentences = composition.sentences
    if not sentences or len(sentences) >= MAX_SENTENCES:
        return composition
    row = _last_row(composer, composition.pool or tuple(hits), composition, sentences[-1])
    if row is None:
        return composition
    following = composer._next_sentence(row)
    if not following or not BACK_REFERENCE.match(BULLET.sub("", following.strip())):
        return composition
    said = " ".join(sentences)
    if _plain(following) in _plain(said):
        return composition
    # only when it says something asked that the quote does not: else it is more of the topic
    # ("Its notebooks are run on EC2 instances." after an alpha-endpoint line), not the answer
    if not composer.terms & (set(tokenize(following)) - set(tokenize(said))):
        return composition
    added = closed(as_sentence(following))
    return replace(composition, sentences=[*sentences, added], extra=composition.extra + 1)


def _last_row(
    composer: Composer, pool: Sequence[Hit], composition: Composition, last: str
) -> int | None:
    """The notes sentence the quote's last sentence quotes: the longest one of the quoted
    passages that it ends with (a label or a joined line may come before it)."""
    files = composer.files
    ending = _plain(last)
    best, size = None, 0
    for rank in composition.ranks:
        if rank >= len(pool):
            continue
        chunk = pool[rank].chunk
        for row in files.sentence_rows(pool[rank].row).tolist():
            start, end = files.sentence_spans[row].tolist()
            plain = _plain(display_sentence(chunk.text[start:end]))
            if plain and ending.endswith(plain) and len(plain) > size:
                best, size = int(row), len(plain)
    return best
