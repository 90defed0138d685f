"""The daily question in Slack: the question with its buttons, the reveal, what a member sees
after answering, and reporting a faulty question (the modal, the thanks, the admins' alert)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    InputBlock,
    PlainTextInputElement,
    PlainTextObject,
)
from slack_sdk.models.views import View

from bot.slack import ids
from bot.slack.render.shared import (
    SECTION_MAX,
    button,
    cite,
    clip,
    context,
    escape,
    fallback,
    header,
    section,
    sections,
    slack_time,
    snippet,
)
from common.citation import Citation
from common.emphasis import slack_bold

if TYPE_CHECKING:
    from core.publishing import QuestionView, Reveal
    from core.usecases.quiz_day import Submitted
    from quiz.reports import ReportOutcome

REVEAL_NAMES_MAX = 40

QUIZ_ALREADY_POSTED = "Today's question is already here: {link}"
QUIZ_POSTED = "Here is today's question."
QUIZ_QUEUED = "Today's question is on its way to this channel."
QUIZ_GAVE_UP = (
    "Today's question could not be posted while Slack was unavailable, and its answers have "
    "closed since. The next question comes at the usual time."
)
QUIZ_IN_DM = "The daily question lives in a channel: run `/study quiz` there."
REPORT_THANKS = "Thanks, your report is in. Three reports take a question out of the rotation."
REPORT_ALREADY = "You already reported this question; thanks."
ADMIN_QUARANTINE = (
    ":warning: Question *{bank_id}* was reported {reports} times and is quarantined: "
    "it will not be posted or practised until it is fixed in the bank."
)
ANSWER_RECORDED = "Got it: your answer{choice} is in. The results come with the reveal{when}."


def _report_actions(post_id: int) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"report:{post_id}",
        elements=[button("Report a problem with this question", ids.QUIZ_REPORT, str(post_id))],
    )


def _options(options: dict[str, str]) -> str:
    return "\n".join(f"*{letter})* {escape(text)}" for letter, text in sorted(options.items()))


def question_text(view: QuestionView) -> str:
    return fallback(f"Question of the day: {escape(view.stem)}")


def question_blocks(view: QuestionView) -> list[Block]:
    """The scenario, four option buttons, the free-text hint and the report button."""
    buttons = [button(letter, ids.quiz_choice(letter), letter) for letter in sorted(view.options)]
    return [
        header(f"Question of the day · {view.quiz_date:%a %d %b}"),
        section(escape(view.stem)),
        section(_options(view.options)),
        ActionsBlock(block_id=ids.quiz_block(view.post_id), elements=buttons),
        context("Pick a button, or reply in this thread with a letter or in your own words."),
        _report_actions(view.post_id),
    ]


def reveal_summary_text(reveal: Reveal) -> str:
    q = reveal.question
    right = sum(e.correct for e in reveal.entries)
    return fallback(
        f"The answer to today's question is *{q.answer}) {escape(q.options[q.answer])}*: "
        f"{right} of {len(reveal.entries)} got it right. Details in the thread."
    )


def reveal_blocks(reveal: Reveal) -> list[Block]:
    """Answer, explanation, citation, who was right with points and streaks."""
    q = reveal.question
    blocks: list[Block] = [
        header(f"Answer: {q.answer}) {q.options[q.answer]}"),
        section(f"*Why:* {escape(q.explanation)}"),
        context(f"Source: {cite(Citation(q.source_file, q.source_heading))}"),
    ]
    if reveal.source_text:
        blocks.append(section(f">{escape(snippet(slack_bold(reveal.source_text)))}"))
    blocks.extend(sections(_reveal_lines(reveal)))
    blocks.append(_report_actions(q.post_id))
    return blocks


def _reveal_lines(reveal: Reveal) -> list[str]:
    if not reveal.entries:
        return ["Nobody answered this one."]
    lines = []
    for entry in reveal.entries[:REVEAL_NAMES_MAX]:
        mark = "✅" if entry.correct else "❌"
        choice = f" ({entry.choice})" if entry.choice else ""
        lines.append(
            f"{mark} {escape(entry.name)}{choice}: {entry.points} points, streak {entry.streak}"
        )
    if len(reveal.entries) > REVEAL_NAMES_MAX:
        lines.append(f"… and {len(reveal.entries) - REVEAL_NAMES_MAX} more.")
    return lines


def answer_recorded(submitted: Submitted) -> str:
    """What a member sees after answering: the result now, or a promise of the reveal."""
    from bot.answer_words import result_text
    from core.usecases.quiz_day import AnswerStatus

    result, show_now, reveal_at = submitted.result, submitted.show_now, submitted.reveal_at
    if result.status is not AnswerStatus.SCORED or show_now:
        return clip(escape(result_text(result)), SECTION_MAX)
    choice = result.answer.choice if result.answer is not None else None
    when = f" at {slack_time(reveal_at, '{time}')}" if reveal_at is not None else ""
    return ANSWER_RECORDED.format(choice=f" ({choice})" if choice else "", when=when)


def report_modal(post_id: int, stem: str) -> View:
    return View(
        type="modal",
        callback_id=ids.REPORT_VIEW,
        private_metadata=str(post_id),
        title=PlainTextObject(text="Report a problem"),
        submit=PlainTextObject(text="Report"),
        close=PlainTextObject(text="Cancel"),
        blocks=[
            section(f"*The question:* {escape(snippet(stem, 600))}"),
            InputBlock(
                block_id=ids.REPORT_REASON_BLOCK,
                label=PlainTextObject(text="What is wrong with it?"),
                element=PlainTextInputElement(
                    action_id=ids.REPORT_REASON_INPUT, multiline=True, max_length=1000
                ),
                optional=True,
            ),
        ],
    )


def report_received(outcome: ReportOutcome) -> str:
    return REPORT_THANKS if outcome.counted else REPORT_ALREADY


def admin_quarantine_text(outcome: ReportOutcome) -> str:
    lines = [ADMIN_QUARANTINE.format(bank_id=escape(outcome.bank_id), reports=outcome.reports)]
    lines.append(f">{escape(snippet(outcome.stem, 300))}")
    lines.extend(f"• {escape(snippet(reason, 300))}" for reason in outcome.reasons)
    return clip("\n".join(lines), SECTION_MAX)
