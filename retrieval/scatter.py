"""What makes a note a list of lines about different things (a catch-all section such as "Extra
info about AWS Services"): at least SCATTERED_SENTENCES sentences whose pairs average under
SCATTERED_SIMILARITY cosine. Search raises such a passage by its best sentence
(retrieval/search.py) and the chunker cuts such a section, when it is too long for one passage,
into short windows (retrieval/chunk.py): both read it here so they agree."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from retrieval.sentences import led_sentence, sentence_spans

SCATTERED_SENTENCES = 8
SCATTERED_SIMILARITY = 0.5
Encode = Callable[[list[str]], np.ndarray]


def mean_pair_cosine(vectors: np.ndarray) -> float:
    """The mean cosine of two different rows; 1.0 for fewer than two rows (nothing to tell
    apart)."""
    count = vectors.shape[0]
    if count < 2:
        return 1.0
    unit = vectors.astype(np.float32)
    unit /= np.maximum(np.linalg.norm(unit, axis=1, keepdims=True), 1e-12)
    return float(((unit @ unit.T).sum() - count) / (count * (count - 1)))


def is_scattered(vectors: np.ndarray) -> bool:
    """Whether sentences with these vectors are a long list of lines about different things."""
    return (
        vectors.shape[0] >= SCATTERED_SENTENCES and mean_pair_cosine(vectors) < SCATTERED_SIMILARITY
    )


def section_check(encode: Encode) -> Callable[[tuple[str, ...], str], bool]:
    """The chunker's test of a section (its heading path and text): its sentences, each led by
    its heading as a build embeds them (`led_sentence`), embedded by `encode` and read
    by `is_scattered`. A section of too few sentences is never embedded here."""

    def scattered(heading: tuple[str, ...], text: str) -> bool:
        spans = sentence_spans(text)
        if len(spans) < SCATTERED_SENTENCES:
            return False
        return is_scattered(
            encode([led_sentence(heading, text[start:end]) for start, end in spans])
        )

    return scattered
