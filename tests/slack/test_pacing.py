"""The pacer counts a post in the workspace window from when its send ended (Slack counts it on
arrival, which is never later), holds a place for posts on their way, and takes back nothing
for a turn whose post never went."""

from __future__ import annotations

import pytest

from bot.slack.pacing import MARGIN_S, WINDOW_S, Pacer, Turn
from tests.simclock import SimClock

Clock = SimClock


def pacer(clock: Clock, per_minute: int = 3) -> Pacer:
    return Pacer(per_minute=per_minute, clock=clock, sleep=clock.sleep)


def take(p: Pacer, channel: str, *, budget: bool = True) -> Turn:
    turn = p.try_turn(channel, budget=budget)
    assert isinstance(turn, Turn), f"no turn for {channel}: wait {turn}"
    return turn


def test_the_next_window_opens_a_minute_after_the_posts_landed_not_after_they_were_taken() -> None:
    clock = Clock()
    p = pacer(clock)
    turns = [take(p, f"C{n}") for n in range(3)]
    clock.t = 4.0  # slow sends: Slack saw them at some moment up to now
    for turn in turns:
        turn.landed()
    clock.t = WINDOW_S + 1.0  # a minute after they were taken, not after they landed
    assert p.try_turn("C9") == pytest.approx(4.0 + WINDOW_S + MARGIN_S - clock.t)
    turn = p.wait_turn("C9")
    assert clock.t == pytest.approx(4.0 + WINDOW_S + MARGIN_S)
    assert turn.waited_s == pytest.approx(3.0 + MARGIN_S)


def test_posts_on_their_way_hold_their_place_and_a_cancelled_turn_gives_it_back() -> None:
    clock = Clock()
    p = pacer(clock)
    on_the_way = [take(p, "C1"), take(p, "C2")]
    never_sent = take(p, "C3")
    assert p.try_turn("C4") > 0  # three in flight: the budget is used
    never_sent.cancel()  # e.g. another thread had sent the row, or Slack answered 429
    take(p, "C4")
    on_the_way[0].landed()
    on_the_way[0].landed()  # settling twice counts once
    assert p.try_turn("C5") > 0


def test_a_channel_waits_for_its_post_on_the_way_then_a_second_from_its_landing() -> None:
    clock = Clock()
    p = pacer(clock, per_minute=60)
    answer = take(p, "C1", budget=False)
    clock.t = 3.0  # a slow send: the channel's one-per-second is counted from its end
    assert p.try_turn("C1", budget=False) > 0
    answer.landed()
    clock.t = 3.5
    assert p.try_turn("C1", budget=False) == pytest.approx(0.5 + MARGIN_S)
    clock.t = 4.0 + MARGIN_S
    take(p, "C1", budget=False)


def test_a_seeded_budget_counts_the_landings_still_in_the_window() -> None:
    """Seeded with posts that landed 50 s, 10 s and 90 s ago (and one stamped 2 s in the
    future by a skewed clock): the 90 s one is out, the others fill a budget of 3."""
    clock = Clock()
    clock.t = 100.0
    p = pacer(clock)
    assert p.seed([50.0, 10.0, 90.0, -2.0]) == 3
    wait = p.try_turn("C1")
    assert wait == pytest.approx(10.0 + MARGIN_S)  # the 50 s old one leaves the window first
    assert isinstance(p.try_turn("C1", budget=False), Turn)  # replies are not held
