"""Pacing posts within Slack's limits: at most one message per second per channel and a
rolling per-minute workspace budget, shared by every thread of a process that posts. (Other
processes' sends in a channel are checked when a row is claimed: `store.outbox.channel_wait`.)

The workspace budget is for broadcasts (scheduled fan-out posts). Replies to members (answers
in a thread, DMs) take only their channel's turn: Slack limits those per channel, and a
fan-out must not hold up the answer a member is waiting for, nor answers starve a fan-out.

Slack counts a post when it arrives, which is some time after its turn was taken (threads,
the database, the network) and no later than its answer came back. So a turn is counted in
the window from when its send *ended* (`Turn.landed`), and until then it holds a place as in
flight: the next window can never open before Slack's does, however late the post went out,
and no fixed margin has to guess how late that is. A turn whose post never went (the row was
sent by someone else, a 429, a refused connection) is `cancel`led and gives its place back."""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

CHANNEL_SPACING_S = 1.0
WINDOW_S = 60.0
# Clocks differ a little between hosts and Slack: a small margin on each window and spacing.
MARGIN_S = 0.05
# How often a thread waiting for a channel whose post is on its way looks again.
SENDING_POLL_S = 0.05


@dataclass
class Turn:
    """A post's place in its channel and (for broadcasts) the workspace budget; settle it once
    with `landed` (the send ended: Slack may have counted it) or `cancel` (nothing was sent)."""

    pacer: Pacer
    channel: str
    budget: bool
    waited_s: float = 0.0  # how long `wait_turn` waited for it (the pacer's seconds)
    settled: bool = field(default=False)

    def landed(self) -> None:
        self.pacer._settle(self, landed=True)

    def cancel(self) -> None:
        self.pacer._settle(self, landed=False)


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
        self._landed: list[float] = []  # sorted: when each counted post's send ended
        self._in_flight = 0  # broadcast turns taken and not settled yet
        self._sending: set[str] = set()  # channels with a turn not settled yet

    def wait_turn(self, channel: str, *, budget: bool = True) -> Turn:
        """Block until `channel` may post and take its turn (`budget=False`: a reply, not a
        broadcast, skips the workspace budget)."""
        waited = 0.0
        while True:
            turn = self.try_turn(channel, budget=budget)
            if isinstance(turn, Turn):
                turn.waited_s = waited
                return turn
            self._sleep(turn)
            waited += turn

    def try_turn(self, channel: str, *, budget: bool = True) -> Turn | float:
        """Take `channel`'s turn now if it has come, else the seconds left to wait."""
        with self._lock:
            now = self._clock()
            wait = self._channel_wait(channel, now)
            if budget:
                wait = max(wait, self._workspace_wait(now))
            if wait > 0:
                return wait
            # The channel's next turn is set when this one lands (`_settle`); until then it
            # is `_sending`. A cancelled turn leaves the channel as it found it.
            self._sending.add(channel)
            if budget:
                self._in_flight += 1
            return Turn(self, channel, budget)

    def hold(self, channel: str, seconds: float) -> None:
        """Slack answered 429: keep the channel quiet for Retry-After seconds."""
        with self._lock:
            until = self._clock() + seconds
            self._next_for_channel[channel] = max(self._next_for_channel.get(channel, 0), until)

    def seed(self, ages_s: list[float]) -> int:
        """Count broadcasts that landed `ages_s` seconds ago in the workspace budget (another
        process's, or ours before a restart: see `store.outbox.recent_landings`); returns how
        many still fall in the window. A post in the future by a skewed clock counts as now."""
        with self._lock:
            now = self._clock()
            ages = [max(age, 0.0) for age in ages_s if age < WINDOW_S + self._margin]
            for age in ages:
                bisect.insort(self._landed, now - age)
            return len(ages)

    def _settle(self, turn: Turn, *, landed: bool) -> None:
        with self._lock:
            if turn.settled:
                return
            turn.settled = True
            self._sending.discard(turn.channel)
            if landed:
                now = self._clock()
                after = now + self._spacing + self._margin
                current = self._next_for_channel.get(turn.channel, after)
                self._next_for_channel[turn.channel] = max(current, after)
            if turn.budget:
                self._in_flight -= 1
                if landed:
                    bisect.insort(self._landed, self._clock())

    def _channel_wait(self, channel: str, now: float) -> float:
        if channel in self._sending:  # its next turn is counted from when this one lands
            return SENDING_POLL_S
        return self._next_for_channel.get(channel, now) - now

    def _workspace_wait(self, now: float) -> float:
        expired = bisect.bisect_right(self._landed, now - WINDOW_S - self._margin)
        del self._landed[:expired]
        if len(self._landed) + self._in_flight < self.per_minute:
            return 0.0
        if not self._landed:  # every place is in flight: the first to land frees one
            return self._margin
        return self._landed[0] + WINDOW_S + self._margin - now
