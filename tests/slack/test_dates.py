"""Times shown in Slack use `<!date^…>`, so each member reads them in their own zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from bot.slack.render.practice import NEXT_REVIEW, practice_rated_blocks
from bot.slack.render.shared import slack_time
from quiz.practice import PracticeItem

WHEN = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)


def test_a_time_is_a_slack_date_with_the_utc_time_as_fallback() -> None:
    assert slack_time(WHEN, "{time}") == "<!date^1741084200^{time}|Tue 04 Mar 10:30 UTC>"


def test_the_fallback_is_utc_whatever_zone_the_time_was_given_in() -> None:
    paris = WHEN.astimezone(timezone(timedelta(hours=1)))
    assert slack_time(paris, "{time}") == slack_time(WHEN, "{time}")


def test_the_next_review_of_a_rated_card_is_a_slack_date() -> None:
    item = PracticeItem(1, "card", "k", "front", "back", is_new=False)
    blocks = practice_rated_blocks(item, "good", WHEN)
    context = blocks[-1].to_dict()["elements"][0]["text"]
    assert f"next review {slack_time(WHEN, NEXT_REVIEW)}" in context
