"""Where listener work runs: slack-bolt acks on the request's own thread, then hands the work to a
pool; CPU-bound answers go to a second, bounded pool so no crowd of questions can hold up the
replies to commands and buttons."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

logger = logging.getLogger(__name__)
LISTENER_WORKERS = 16  # I/O-bound: database and Slack calls
ANSWER_CAPACITY = 2000  # questions waiting for an answer worker before new ones are turned away
# Requests waiting for a listener worker before new ones are turned away with "busy": Slack's
# payloads are a few KB, so a full queue holds a few MB at most.
LISTENER_CAPACITY = 1000


def answer_workers() -> int:
    """One answer worker per core: each answer is CPU-bound on one compute thread."""
    return max(1, os.cpu_count() or 1)


class WorkPool(ThreadPoolExecutor):
    """A thread pool that counts its pending tasks: `offer` refuses work past `capacity`, and
    `wait_idle` returns once every task has finished (used at shutdown and by the tests)."""

    def __init__(self, workers: int, *, capacity: int | None = None, name: str = "work") -> None:
        super().__init__(max_workers=workers, thread_name_prefix=name)
        self.capacity = capacity
        self._pending = 0
        self._idle = threading.Condition()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._idle:
            self._pending += 1
        try:
            future = super().submit(fn, *args, **kwargs)
        except BaseException:
            self._done(None)
            raise
        future.add_done_callback(self._done)
        return future

    def offer(self, fn: Callable[[], Any]) -> bool:
        """Submit `fn` unless `capacity` tasks are already pending; False when turned away."""
        if not self.has_room():
            return False
        self.submit(fn)
        return True

    def has_room(self) -> bool:
        """Whether fewer than `capacity` tasks are pending (always, without a capacity)."""
        with self._idle:
            return self.capacity is None or self._pending < self.capacity

    @property
    def pending(self) -> int:
        with self._idle:
            return self._pending

    def _done(self, _future: Future[Any] | None) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> None:
        with self._idle:
            if not self._idle.wait_for(lambda: self._pending == 0, timeout=timeout):
                raise AssertionError(f"{self._pending} task(s) still running")


def listener_pool(workers: int = LISTENER_WORKERS, capacity: int = LISTENER_CAPACITY) -> WorkPool:
    """The bounded pool slack-bolt runs listener work in, after the ack."""
    return WorkPool(workers, capacity=capacity, name="slack-listener")


def answer_pool(workers: int | None = None, capacity: int = ANSWER_CAPACITY) -> WorkPool:
    """The bounded pool for answers from the notes."""
    return WorkPool(workers or answer_workers(), capacity=capacity, name="slack-answer")
