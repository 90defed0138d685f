"""Messages with nothing to look up: greetings, thanks, function words only."""

from __future__ import annotations

import pytest

from retrieval.small_talk import GREETING_REPLY, NOTHING_REPLY, THANKS_REPLY, small_talk


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("Hello!", GREETING_REPLY),
        ("good morning team", GREETING_REPLY),
        ("thx", THANKS_REPLY),
        ("thank you so much", THANKS_REPLY),
        ("why?", NOTHING_REPLY),
        ("?!", NOTHING_REPLY),
        ("and what about both", NOTHING_REPLY),
    ],
)
def test_nothing_to_look_up(message: str, reply: str) -> None:
    assert small_talk(message) == reply


@pytest.mark.parametrize(
    "message",
    [
        "hi, what is pca",
        "thanks, and what about smote?",
        "S3?",
        "k",
        "was ist das",
        "什么是PCA",
        "good",
    ],
)
def test_a_message_naming_something_is_searched(message: str) -> None:
    assert small_talk(message) is None
