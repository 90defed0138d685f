"""Slack's published limits: Block Kit size checks and chat.postMessage rate limits.

Block errors are reported the way Slack does, as ``[ERROR] … [json-pointer:/…]`` strings.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from typing import Any

MESSAGE_TEXT_MAX = 40_000
MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100
SECTION_TEXT_MAX = 3_000
SECTION_FIELD_TEXT_MAX = 2_000
SECTION_FIELDS_MAX = 10
HEADER_TEXT_MAX = 150
BUTTON_VALUE_MAX = 2_000
ACTION_ID_MAX = 255
BLOCK_ID_MAX = 255


def _too_long(limit: int, pointer: str) -> str:
    return f"[ERROR] must be less than {limit + 1} characters [json-pointer:{pointer}]"


def _too_many(limit: int, pointer: str) -> str:
    return f"[ERROR] no more than {limit} items allowed [json-pointer:{pointer}]"


def _text_of(obj: Any) -> str:
    """The ``text`` of a composition text object, or "" when it has none."""
    if isinstance(obj, dict) and isinstance(obj.get("text"), str):
        return obj["text"]
    return ""


def _element_errors(node: Any, pointer: str) -> list[str]:
    """action_id and button value limits, wherever interactive elements sit in a block."""
    errors: list[str] = []
    if isinstance(node, dict):
        action_id = node.get("action_id")
        if isinstance(action_id, str) and len(action_id) > ACTION_ID_MAX:
            errors.append(_too_long(ACTION_ID_MAX, f"{pointer}/action_id"))
        value = node.get("value")
        if (
            node.get("type") == "button"
            and isinstance(value, str)
            and len(value) > BUTTON_VALUE_MAX
        ):
            errors.append(_too_long(BUTTON_VALUE_MAX, f"{pointer}/value"))
        for key, child in node.items():
            errors.extend(_element_errors(child, f"{pointer}/{key}"))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            errors.extend(_element_errors(child, f"{pointer}/{index}"))
    return errors


def _section_errors(block: dict[str, Any], pointer: str) -> list[str]:
    errors: list[str] = []
    if len(_text_of(block.get("text"))) > SECTION_TEXT_MAX:
        errors.append(_too_long(SECTION_TEXT_MAX, f"{pointer}/text/text"))
    fields = block.get("fields")
    if isinstance(fields, list):
        if len(fields) > SECTION_FIELDS_MAX:
            errors.append(_too_many(SECTION_FIELDS_MAX, f"{pointer}/fields"))
        for index, field in enumerate(fields):
            if len(_text_of(field)) > SECTION_FIELD_TEXT_MAX:
                errors.append(_too_long(SECTION_FIELD_TEXT_MAX, f"{pointer}/fields/{index}/text"))
    if "text" not in block and "fields" not in block:
        errors.append(f"[ERROR] must provide either text or fields [json-pointer:{pointer}]")
    return errors


def _block_errors(block: Any, pointer: str) -> list[str]:
    if not isinstance(block, dict) or not isinstance(block.get("type"), str):
        return [f"[ERROR] missing required field: type [json-pointer:{pointer}]"]
    errors: list[str] = []
    block_id = block.get("block_id")
    if isinstance(block_id, str) and len(block_id) > BLOCK_ID_MAX:
        errors.append(_too_long(BLOCK_ID_MAX, f"{pointer}/block_id"))
    if block["type"] == "section":
        errors.extend(_section_errors(block, pointer))
    elif block["type"] == "header" and len(_text_of(block.get("text"))) > HEADER_TEXT_MAX:
        errors.append(_too_long(HEADER_TEXT_MAX, f"{pointer}/text/text"))
    errors.extend(_element_errors(block, pointer))
    return errors


def block_errors(blocks: list[Any], *, pointer: str, max_blocks: int) -> list[str]:
    """Every limit ``blocks`` breaks, as Slack's ``response_metadata.messages`` entries."""
    errors: list[str] = []
    if len(blocks) > max_blocks:
        errors.append(_too_many(max_blocks, pointer))
    for index, block in enumerate(blocks):
        errors.extend(_block_errors(block, f"{pointer}/{index}"))
    return errors


class PostRateLimiter:
    """chat.postMessage limits: a minimum spacing per channel and a rolling per-minute budget.

    ``check`` answers the Retry-After seconds for a post that is over a limit, or records
    the post and answers None. Rejected posts do not count against the budget, as at Slack.
    """

    def __init__(
        self,
        *,
        per_channel_per_second: float | None,
        workspace_per_minute: int | None,
        clock: Callable[[], float],
    ) -> None:
        if per_channel_per_second is not None and per_channel_per_second <= 0:
            raise ValueError("per_channel_per_second must be positive")
        if workspace_per_minute is not None and workspace_per_minute < 1:
            raise ValueError("workspace_per_minute must be at least 1")
        self._min_spacing = 1.0 / per_channel_per_second if per_channel_per_second else None
        self._per_minute = workspace_per_minute
        self._clock = clock
        self._last_post: dict[str, float] = {}
        self._recent: deque[float] = deque()

    @property
    def enabled(self) -> bool:
        return self._min_spacing is not None or self._per_minute is not None

    def reset(self) -> None:
        self._last_post.clear()
        self._recent.clear()

    def check(self, channel: str) -> int | None:
        now = self._clock()
        wait = max(self._channel_wait(channel, now), self._workspace_wait(now))
        if wait > 0:
            return max(1, math.ceil(wait))
        self._last_post[channel] = now
        self._recent.append(now)
        return None

    def _channel_wait(self, channel: str, now: float) -> float:
        last = self._last_post.get(channel)
        if self._min_spacing is None or last is None:
            return 0.0
        return last + self._min_spacing - now

    def _workspace_wait(self, now: float) -> float:
        if self._per_minute is None:
            return 0.0
        while self._recent and self._recent[0] <= now - 60.0:
            self._recent.popleft()
        if len(self._recent) < self._per_minute:
            return 0.0
        return self._recent[0] + 60.0 - now
