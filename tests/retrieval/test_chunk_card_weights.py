"""Flashcards are weighted down only where they restate the notes: a deck that holds facts the
notes lack (the team's raw notes) must not lose those facts to weaker notes. The shipped rule
judges a whole deck by its median card; the per-card rule stays available."""

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
    weights = card_weights(chunks, VECTORS, 0.6, 0.75, "card")
    assert weights.tolist() == pytest.approx([1.0, 0.6, 1.0])


def test_a_zero_threshold_weights_every_card_and_a_deck_alone_is_weighted_evenly() -> None:
    chunks = [NOTE, RESTATING_CARD, NEW_FACT_CARD]
    assert card_weights(chunks, VECTORS, 0.6, 0.0).tolist() == pytest.approx([1.0, 0.6, 0.6])
    only_cards = card_weights([RESTATING_CARD, NEW_FACT_CARD], VECTORS[1:], 0.6, 0.75, "deck")
    assert only_cards.tolist() == pytest.approx([0.6, 0.6])


OTHER_DECK_CARD = Chunk("own.txt", ("Shard?",), "flashcard", 0, 10, "Q: Shard\nA: 1 MB/s too")


def test_a_deck_that_mostly_restates_its_notes_is_weighted_down_card_by_card_alike() -> None:
    """deck.csv: one card restates the note (0.95), one holds a new fact (0.0): the median
    (0.475) is below 0.65, so neither is weighted; with a second restating card it is above."""
    chunks = [NOTE, RESTATING_CARD, NEW_FACT_CARD]
    assert card_weights(chunks, VECTORS, 0.6, 0.65, "deck").tolist() == pytest.approx(
        [1.0, 1.0, 1.0]
    )
    twice = [NOTE, RESTATING_CARD, RESTATING_CARD, NEW_FACT_CARD]
    vectors = np.vstack([VECTORS[:2], VECTORS[1:]])
    assert card_weights(twice, vectors, 0.6, 0.65, "deck").tolist() == pytest.approx(
        [1.0, 0.6, 0.6, 0.6]
    )


def test_decks_are_judged_apart_by_their_source_file() -> None:
    chunks = [NOTE, NEW_FACT_CARD, OTHER_DECK_CARD]
    vectors = np.asarray([unit(1, 0, 0), unit(0, 0.2, 1), unit(0.95, 0.3, 0)], dtype=np.float32)
    weights = card_weights(chunks, vectors, 0.6, 0.65, "deck")
    assert weights.tolist() == pytest.approx([1.0, 1.0, 0.6])


def test_a_large_deck_is_judged_on_a_sample_with_the_same_verdict() -> None:
    rng = np.random.default_rng(7)
    note = unit(1, 0, 0)
    near = np.asarray([unit(1, 0.3 + 0.1 * x, 0) for x in rng.random(3000)], dtype=np.float32)
    far = np.asarray([unit(0.2, 1, x) for x in rng.random(3000)], dtype=np.float32)
    for cards, expected in ((near, 0.6), (far, 1.0)):
        deck = [Chunk("big.csv", (f"c{i}",), "flashcard", 0, 1, f"card {i}") for i in range(3000)]
        vectors = np.vstack([np.asarray([note], dtype=np.float32), cards])
        weights = card_weights([NOTE, *deck], vectors, 0.6, 0.65, "deck")
        assert np.unique(weights[1:]).tolist() == pytest.approx([expected])
