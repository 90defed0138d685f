"""Action ids, block ids and view callback ids shared by the message builders and listeners."""

from __future__ import annotations

import re

ASK_HELPFUL = "ask_helpful"
ASK_UNHELPFUL = "ask_unhelpful"
ASK_FEEDBACK = re.compile(f"^({ASK_HELPFUL}|{ASK_UNHELPFUL})$")
ASK_MORE = "ask_more"
ASK_SHARE = "ask_share"

QUIZ_CHOICE = re.compile(r"^quiz_choice_[A-D]$")
QUIZ_REPORT = "quiz_report"
QUIZ_BLOCK_PREFIX = "quiz:"

PRACTICE_START = "practice_start"
PRACTICE_SHOW = "practice_show"
PRACTICE_RATE = re.compile(r"^practice_rate_(again|hard|good|easy)$")

REPORT_VIEW = "quiz_report_modal"
REPORT_REASON_BLOCK = "reason"
REPORT_REASON_INPUT = "reason"


def quiz_choice(letter: str) -> str:
    return f"quiz_choice_{letter}"


def practice_rate(rating: str) -> str:
    return f"practice_rate_{rating}"


def quiz_block(post_id: int) -> str:
    return f"{QUIZ_BLOCK_PREFIX}{post_id}"


def post_id_of_block(block_id: str) -> int | None:
    """The quiz post id a `quiz:<id>` block names, or None for any other block."""
    if not block_id.startswith(QUIZ_BLOCK_PREFIX):
        return None
    rest = block_id.removeprefix(QUIZ_BLOCK_PREFIX)
    return int(rest) if rest.isdigit() else None
