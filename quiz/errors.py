"""Quiz domain exceptions; each one builds its own user-readable message."""

from __future__ import annotations

from pathlib import Path

from common.errors import StudybotError


class QuizError(StudybotError):
    """Base of every quiz error; `str(error)` is a complete sentence for the user."""


class BankError(QuizError):
    """A bank file cannot be used: names the file, the question id (if known) and the reason."""

    def __init__(self, file: Path | str, question_id: str | None, reason: str) -> None:
        self.file = str(file)
        self.question_id = question_id
        self.reason = reason
        where = f"{self.file}, question {question_id}" if question_id else self.file
        super().__init__(f"{where}: {reason}")


class NoQuestionAvailable(QuizError):
    def __init__(self, channel_id: str) -> None:
        self.channel_id = channel_id
        super().__init__(
            f"No question can be posted to {channel_id}: the bank is empty or all quarantined."
        )


class UnknownChannel(QuizError):
    def __init__(self, channel_id: str) -> None:
        self.channel_id = channel_id
        super().__init__(f"Channel {channel_id} is not subscribed to the quiz.")


class UnknownPost(QuizError):
    def __init__(self, post_id: int) -> None:
        self.post_id = post_id
        super().__init__(f"There is no quiz post with id {post_id}.")


class UnknownMember(QuizError):
    def __init__(self, member_id: str) -> None:
        self.member_id = member_id
        super().__init__(f"Nothing is stored about member {member_id}.")


class InvalidPeriod(QuizError):
    def __init__(self, period: str) -> None:
        self.period = period
        super().__init__(f"Unknown leaderboard period {period!r}: use week, month or all.")
