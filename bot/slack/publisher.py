"""SlackPublisher: the scheduled posts (question, reveal, weekly board, nudges) in Slack."""

from __future__ import annotations

from slack_sdk import WebClient

from bot import publisher as views
from bot.metrics import QUIZ_POSTS
from bot.slack import messages

CHART_FILENAME = "leaderboard.png"


class SlackPublisher:
    """Implements `bot.publisher.QuizPublisher` over a Web API client."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post_question(self, question: views.QuestionView) -> str:
        response = self.client.chat_postMessage(
            channel=question.channel_id,
            text=messages.question_text(question),
            blocks=messages.question_blocks(question),
            unfurl_links=False,
        )
        QUIZ_POSTS.inc()
        return str(response["ts"])

    def post_reveal(self, reveal: views.Reveal) -> None:
        question = reveal.question
        summary = messages.reveal_summary_text(reveal)
        self.client.chat_postMessage(
            channel=question.channel_id,
            thread_ts=question.thread_ts,
            text=summary,
            blocks=messages.reveal_blocks(reveal),
        )
        self.client.chat_postMessage(channel=question.channel_id, text=summary)

    def post_weekly_leaderboard(self, board: views.WeeklyBoard, chart_png: bytes | None) -> None:
        title = messages.weekly_text(board)
        self.client.chat_postMessage(
            channel=board.channel_id, text=title, blocks=messages.weekly_blocks(board)
        )
        if chart_png:
            self.client.files_upload_v2(
                channel=board.channel_id,
                content=chart_png,
                filename=CHART_FILENAME,
                title=title,
                alt_txt=title,
            )

    def send_practice_nudge(self, member_id: str, due_cards: int) -> None:
        self.client.chat_postMessage(
            channel=member_id,
            text=messages.nudge_text(due_cards),
            blocks=messages.nudge_blocks(due_cards),
        )
