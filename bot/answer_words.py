"""The words a member reads after answering the daily question, in plain text: the console
prints them as they are, Slack escapes them for mrkdwn. The domain returns data
(`quiz.answering.AnswerResult`, `quiz.feedback.Feedback`); only this module words it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.usecases.quiz_day import AnswerStatus, Verdict

if TYPE_CHECKING:
    from quiz.answering import AnswerResult
    from quiz.feedback import Feedback

NOT_TAKEN = {
    AnswerStatus.ALREADY_ANSWERED: "Thanks! Only your first answer to this question counts.",
    AnswerStatus.CLOSED: "This question has closed, so the answer was not scored.",
    AnswerStatus.NEEDS_CHOICE: "Please pick one option: reply with a single letter, A, B, C or D.",
    AnswerStatus.WRONG_CHANNEL: "That answer names a question from another channel, so it was "
    "not counted.",
}


def result_text(result: AnswerResult) -> str:
    """The member's result: the feedback when scored, else why the answer was not taken."""
    if result.feedback is not None:
        return feedback_text(result.feedback)
    return NOT_TAKEN[result.status]


def verdict(feedback: Feedback) -> str:
    right = f"{feedback.answer}) {feedback.right_option}"
    if feedback.verdict is Verdict.CORRECT:
        return f"Correct: {right}"
    if feedback.verdict is Verdict.WRONG:
        return f"Not quite: you chose {feedback.choice}; the answer is {right}"
    made = len(feedback.points_made)
    total = made + len(feedback.points_missed)
    said = f"You made {made} of {total} key points ({round(feedback.score * 100)} %)."
    if feedback.verdict is Verdict.HEDGED:
        return f"{said} Your answer hedges between options, so it earns no key points: pick one."
    if feedback.verdict is Verdict.OTHER_OPTION:
        return (
            f"{said} Your answer picks {feedback.other_option}; "
            f"the answer is {feedback.right_option}."
        )
    return said


def feedback_text(feedback: Feedback) -> str:
    lines = [verdict(feedback), f"Points: {feedback.points} (streak {feedback.streak})."]
    if feedback.points_made:
        lines.append("Points made: " + "; ".join(feedback.points_made) + ".")
    if feedback.points_missed:
        lines.append("Points missed: " + "; ".join(feedback.points_missed) + ".")
    lines.append(f"Why: {feedback.explanation}")
    lines.append(f"Source: {feedback.citation}")
    if feedback.source_text:
        lines.append(feedback.source_text)
    return "\n".join(lines)
