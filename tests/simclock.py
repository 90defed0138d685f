"""A clock the test moves: seconds as a float, and a `sleep` that moves it instead of waiting.
Pacers, senders and FakeSlack can all read one, so a minute of pacing runs in no time."""

from __future__ import annotations


class SimClock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += seconds
