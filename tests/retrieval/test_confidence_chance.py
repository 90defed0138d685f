"""An answered question's confidence is the chance its quote is right, never shown under the
decline floor, and in the order of the chances."""

from __future__ import annotations

from retrieval.answer import answered_confidence
from retrieval.confidence import right_chance


def test_a_chance_above_the_knee_is_shown_as_it_is_and_a_low_one_stays_above_the_floor() -> None:
    assert answered_confidence(0.8, 0.5) == 0.8
    shown = [answered_confidence(c, 0.5) for c in (0.0, 0.2, 0.5, 0.55, 0.9)]
    assert all(0.5 <= s <= 1 for s in shown)
    assert shown == sorted(shown) and len(set(shown)) == len(shown)  # the order is kept


def test_the_chance_rises_with_the_answered_share_and_falls_with_the_quoted_rank() -> None:
    plain = (0.5, 0.0, 2.0, 1.0, 0.0, 0.5, 1.0)
    assert right_chance((0.9, *plain[1:])) > right_chance(plain)
    assert right_chance((plain[0], 3.0, *plain[2:])) < right_chance(plain)
