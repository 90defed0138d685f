"""Markdown emphasis quoted from the notes shows as bold in Slack and as plain words in the
console, never as stray asterisks (`common.emphasis`)."""

from __future__ import annotations

from rich.console import Console

from bot.console import render_answer
from bot.slack.render import answers
from common.emphasis import plain, slack_bold
from retrieval.answer import Answer, Passage

QUOTED = "**Small batch sizes** give noisy gradient estimates; 2 ** 3 is 8 and __init__ stays."
ANSWER = Answer(
    question="small vs large batch?",
    sentences=[QUOTED],
    passages=[Passage(f"- {QUOTED}", "notes/deep-learning.md", "Batch size", 0.9)],
    confidence=0.8,
    covered=True,
)


def test_strong_emphasis_is_removed_or_written_as_slack_bold() -> None:
    assert plain(QUOTED).startswith("Small batch sizes give noisy")
    assert slack_bold(QUOTED).startswith("*Small batch sizes* give noisy")
    assert plain("2 ** 3 is 8") == "2 ** 3 is 8"  # not emphasis: spaces inside the markers


def test_slack_bolds_the_answer_and_its_passage() -> None:
    blocks = str([b.to_dict() for b in answers.answer_blocks(ANSWER, 1)])
    assert "*Small batch sizes* give" in blocks and "**Small" not in blocks
    assert "2 ** 3 is 8 and __init__ stays" in blocks
    assert answers.answer_text(ANSWER).startswith("Small batch sizes give")


def test_the_console_shows_plain_words() -> None:
    console = Console(record=True, width=200)
    render_answer(console, ANSWER)
    shown = console.export_text()
    assert "Small batch sizes give noisy" in shown and "**Small" not in shown
    assert "2 ** 3 is 8 and __init__ stays" in shown
