"""Flashcards are weighted down only where they restate a notes passage: a deck that holds
facts the notes lack (the team's raw notes) must not lose those facts to weaker notes."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.documents import Chunk
from retrieval.search import card_weights


def unit(*values: float) -> list[float]:
    vector = np.asarray(values, dtype=np.float32)
    return list(vector / np.linalg.norm(vector))


NOTE = Chunk("notes.md", ("Kinesis",), "note", 0, 10, "shards take 1 MB/s")
RESTATING_CARD = Chunk("deck.csv", ("Shard limit?",), "flashcard", 0, 10, "Q: Shard?\nA: 1 MB/s")
NEW_FACT_CARD = Chunk("deck.csv", ("IP Insights?",), "flashcard", 0, 10, "Q: IP?\nA: CSV only")
VECTORS = np.asarray([unit(1, 0, 0), unit(0.95, 0.3, 0), unit(0, 0.2, 1)], dtype=np.float32)


def test_only_cards_that_restate_a_note_are_weighted_down() -> None:
    chunks = [NOTE, RESTATING_CARD, NEW_FACT_CARD]
    weights = card_weights(chunks, VECTORS, 0.6, 0.75)
    assert weights.tolist() == pytest.approx([1.0, 0.6, 1.0])


def test_a_zero_threshold_weights_every_card_and_a_deck_alone_is_weighted_evenly() -> None:
    chunks = [NOTE, RESTATING_CARD, NEW_FACT_CARD]
    assert card_weights(chunks, VECTORS, 0.6, 0.0).tolist() == pytest.approx([1.0, 0.6, 0.6])
    only_cards = card_weights([RESTATING_CARD, NEW_FACT_CARD], VECTORS[1:], 0.6, 0.75)
    assert only_cards.tolist() == pytest.approx([0.6, 0.6])
