"""Answers from the notes in Slack: the answer sentences or why the notes don't cover it, the
cited passages, the hint when unsure, the feedback/more/share buttons; and the reply to a
message with nothing to look up (a greeting, a thanks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement

from bot.slack import ids
from bot.slack.render.shared import button, cite, context, escape, fallback, section, snippet
from bot.slack.text import MAX_QUESTION_CHARS
from common.emphasis import plain, slack_bold

if TYPE_CHECKING:
    from retrieval.answer import Answer, Passage

SURE_CONFIDENCE = 0.75

NOT_COVERED = "Your notes don't seem to cover this. The closest passages:"
NOT_MENTIONED = "Your notes don't mention {subject}. The closest passages:"
LOW_CONFIDENCE_HINT = (
    "Hint: I'm not sure about this one. Try naming the service, algorithm or term you mean."
)
NOT_COVERED_HINT = "Hint: rephrase with a specific service or term, or ask about another topic."
TRIMMED_NOTE = (
    f"Your question was long, so I read only its first {MAX_QUESTION_CHARS:,} characters."
)
EMPTY_QUESTION = "Ask me a question about your notes, for example `/study ask what is RMSE?`"
THINKING = "Looking that up in your notes…"
FEEDBACK_THANKS = "Thanks for the feedback: it helps improve the answers."
NO_MORE_PASSAGES = "There are no more passages for that question."
ASK_GONE = "I no longer have that question, so please ask it again."
SHARED_BY = "Shared by <@{user}>"


def passage_blocks(passages: Sequence[Passage], *, start: int = 1) -> list[Block]:
    return [
        section(f"*[{number}] {cite(p.citation)}*\n>{escape(snippet(slack_bold(p.text)))}")
        for number, p in enumerate(passages, start=start)
    ]


def declined_text(answer: Answer) -> str:
    """Why the answer was declined, naming what the notes don't mention when it is known."""
    subject = answer.missing or answer.topic
    return NOT_MENTIONED.format(subject=escape(subject)) if subject else NOT_COVERED


def answer_text(answer: Answer) -> str:
    if answer.notice:
        return fallback(escape(answer.notice))
    if answer.covered and answer.sentences:
        return fallback(escape(plain(answer.text)))
    return fallback(declined_text(answer))


def answer_blocks(
    answer: Answer, ask_id: int, *, trimmed: bool = False, shareable: bool = False
) -> list[Block]:
    """The answer sentences, up to three cited passages, a hint when unsure, and buttons; or,
    for a message with nothing to look up (a greeting, a thanks), the reply alone."""
    if answer.notice:
        return [section(escape(answer.notice))]
    blocks: list[Block] = []
    if trimmed:
        blocks.append(context(TRIMMED_NOTE))
    if answer.covered and answer.sentences:
        blocks.append(section(escape(slack_bold(answer.text))))
        blocks.append(context(f"From your notes · confidence {answer.confidence:.2f}"))
        if answer.confidence < SURE_CONFIDENCE:
            blocks.append(context(LOW_CONFIDENCE_HINT))
    else:
        blocks.append(section(declined_text(answer)))
        blocks.append(context(NOT_COVERED_HINT))
    blocks.extend(passage_blocks(answer.passages[:3]))
    blocks.append(ActionsBlock(elements=_answer_buttons(answer, ask_id, shareable)))
    return blocks


def _answer_buttons(answer: Answer, ask_id: int, shareable: bool) -> list[ButtonElement]:
    value = str(ask_id)
    buttons = [
        button("👍 Helpful", ids.ASK_HELPFUL, value),
        button("👎 Not helpful", ids.ASK_UNHELPFUL, value),
    ]
    if answer.more:
        buttons.append(button("More", ids.ASK_MORE, value))
    if shareable:
        buttons.append(button("Share in channel", ids.ASK_SHARE, value, style="primary"))
    return buttons


def shared_answer_blocks(answer: Answer, ask_id: int, user_id: str) -> list[Block]:
    return [context(SHARED_BY.format(user=user_id)), *answer_blocks(answer, ask_id)]


def more_blocks(answer: Answer) -> list[Block]:
    if not answer.more:
        return [section(NO_MORE_PASSAGES)]
    return passage_blocks(answer.more, start=len(answer.passages) + 1)
