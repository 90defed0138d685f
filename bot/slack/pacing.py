"""Pacing posts within Slack's limits: at most one message per second per channel and a
rolling per-minute workspace budget, shared by every thread of a process that posts.

The workspace budget is for broadcasts (scheduled fan-out posts). Replies to members (answers
in a thread, DMs) take only their channel's turn: Slack limits those per channel, and a
fan-out must not hold up the answer a member is waiting for, nor answers starve a fan-out."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

CHANNEL_SPACING_S = 1.0
WINDOW_S = 60.0
# A post is timed here a little before it lands at Slack (threads, network): keep a margin.
MARGIN_S = 0.2


class Pacer:
    """Decides when the next post may go: per-channel spacing and a workspace budget."""

    def __init__(
        self,
        *,
        per_minute: int,
        channel_spacing_s: float = CHANNEL_SPACING_S,
        margin_s: float = MARGIN_S,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self._spacing = channel_spacing_s
        self._margin = margin_s
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_for_channel: dict[str, float] = {}
        self._recent: deque[float] = deque()

    def wait_turn(self, channel: str, *, budget: bool = True) -> float:
        """Block until `channel` may post, record the post; returns the seconds waited.
        `budget=False` (a reply, not a broadcast) skips the workspace budget."""
        waited = 0.0
        while True:
            wait = self.try_turn(channel, budget=budget)
            if wait <= 0:
                return waited
            self._sleep(wait)
            waited += wait

    def try_turn(self, channel: str, *, budget: bool = True) -> float:
        """Take `channel`'s turn now if it has come (0.0), else the seconds left to wait."""
        with self._lock:
            now = self._clock()
            wait = self._channel_wait(channel, now)
            if budget:
                wait = max(wait, self._workspace_wait(now))
            if wait > 0:
                return wait
            self._next_for_channel[channel] = now + self._spacing + self._margin
            if budget:
                self._recent.append(now)
            return 0.0

    def refund(self) -> None:
        """A post Slack refused with 429 did not count at Slack: give its budget slot back."""
        with self._lock:
            if self._recent:
                self._recent.pop()

    def hold(self, channel: str, seconds: float) -> None:
        """Slack answered 429: keep the channel quiet for Retry-After seconds."""
        with self._lock:
            until = self._clock() + seconds
            self._next_for_channel[channel] = max(self._next_for_channel.get(channel, 0), until)

    def _channel_wait(self, channel: str, now: float) -> float:
        return self._next_for_channel.get(channel, now) - now

    def _workspace_wait(self, now: float) -> float:
        while self._recent and self._recent[0] <= now - WINDOW_S - self._margin:
            self._recent.popleft()
        if len(self._recent) < self.per_minute:
            return 0.0
        return self._recent[0] + WINDOW_S + self._margin - now
