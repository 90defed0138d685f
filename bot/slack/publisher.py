"""SlackPublisher: the scheduled messages (question, reveal, weekly board, nudges) as Slack
renders them, handed to the outbox; `bot.slack.delivery` sends them."""

from __future__ import annotations

import base64

from bot.slack.delivery import UPLOAD_METHOD
from bot.slack.render import boards, practice, quiz
from core import publishing as views
from core.publishing import Outgoing


def chart_filename(board: views.WeeklyBoard) -> str:
    """Unique per channel and week: the sender recognises an upload that landed by its name."""
    return f"leaderboard-{board.channel_id}-{board.week_start.isoformat()}.png"


class SlackPublisher:
    """Implements `core.publishing.QuizPublisher` with Block Kit messages."""

    def question(self, question: views.QuestionView) -> Outgoing:
        return Outgoing(
            question.channel_id,
            {
                "text": quiz.question_text(question),
                "blocks": [block.to_dict() for block in quiz.question_blocks(question)],
                "unfurl_links": False,
            },
        )

    def reveal(self, reveal: views.Reveal) -> list[Outgoing]:
        question = reveal.question
        summary = quiz.reveal_summary_text(reveal)
        blocks = [block.to_dict() for block in quiz.reveal_blocks(reveal)]
        return [
            Outgoing(
                question.channel_id,
                {"thread_ts": question.thread_ts, "text": summary, "blocks": blocks},
            ),
            Outgoing(question.channel_id, {"text": summary}),
        ]

    def weekly_leaderboard(
        self, board: views.WeeklyBoard, chart_png: bytes | None
    ) -> list[Outgoing]:
        title = boards.weekly_text(board)
        blocks = [block.to_dict() for block in boards.weekly_blocks(board)]
        out = [Outgoing(board.channel_id, {"text": title, "blocks": blocks})]
        if chart_png:
            upload = {
                "content_b64": base64.b64encode(chart_png).decode("ascii"),
                "filename": chart_filename(board),
                "title": title,
                "alt_txt": title,
            }
            out.append(Outgoing(board.channel_id, upload, method=UPLOAD_METHOD))
        return out

    def practice_nudge(self, member_id: str, due_cards: int) -> Outgoing:
        blocks = [block.to_dict() for block in practice.nudge_blocks(due_cards)]
        return Outgoing(member_id, {"text": practice.nudge_text(due_cards), "blocks": blocks})
