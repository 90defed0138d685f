"""Every word studybot says in Slack and every Block Kit message it builds.

Builders return `slack_sdk.models.blocks` objects (validated against Slack's limits when sent);
anything a member typed, and anything read from the notes, is escaped before it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.slack import ids
from bot.slack.text import MAX_QUESTION_CHARS, escape, strip_references
from common.citation import Citation
from core.publishing import QuestionView, Reveal, WeeklyBoard
from retrieval.answer import Answer, Passage

if TYPE_CHECKING:
    from core.usecases.channels import Schedule
    from core.usecases.quiz_day import Submitted
    from core.usecases.standings import HomeData
    from quiz.leaderboard import MasteryRow, Standing, TeamStanding
    from quiz.practice import PracticeItem, PracticeStats
    from quiz.reports import ReportOutcome

SECTION_MAX = 3000
HEADER_MAX = 150
FALLBACK_MAX = 3000
SNIPPET_CHARS = 500
SURE_CONFIDENCE = 0.75
BAR_WIDTH = 10
REVEAL_NAMES_MAX = 40
HOME_CHANNELS_MAX = 8

# -- plain strings -------------------------------------------------------------------------

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
ERROR_GENERIC = "Sorry, something went wrong on my side. Please try again in a minute."
BUSY = "I have too many questions queued right now. Please ask again in a minute."
NOT_ADMIN = (
    "Sorry, only workspace admins and studybot admins can change the quiz schedule "
    "or settings of a channel."
)
SUBSCRIBE_USAGE = (
    "Usage: `/study subscribe HH:MM [time zone] [weekdays|daily]`, "
    "for example `/study subscribe 09:30 Europe/Berlin weekdays`."
)
SETTINGS_USAGE = "Usage: `/study settings` to see them, `/study settings results early|reveal`."
UNSUBSCRIBED = "This channel no longer gets the daily question. Scores and history stay."
NOT_SUBSCRIBED = (
    "This channel is not subscribed to the daily question yet. An admin can run "
    "`/study subscribe 09:00`."
)
QUIZ_ALREADY_POSTED = "Today's question is already here: {link}"
QUIZ_POSTED = "Here is today's question."
QUIZ_QUEUED = "Today's question is on its way to this channel."
UNDELIVERED = (
    "Sorry, Slack did not take my reply to you in time, so it was not delivered. Please ask again."
)
QUIZ_IN_DM = "The daily question lives in a channel: run `/study quiz` there."
PRACTICE_SENT = "Your practice cards are in our direct messages."
PRACTICE_DONE = (
    "Nothing more to practise right now: {total} cards, {due} due, {new_today} new today. "
    "Come back tomorrow!"
)
REPORT_THANKS = "Thanks, your report is in. Three reports take a question out of the rotation."
REPORT_ALREADY = "You already reported this question; thanks."
ADMIN_QUARANTINE = (
    ":warning: Question *{bank_id}* was reported {reports} times and is quarantined: "
    "it will not be posted or practised until it is fixed in the bank."
)
ANSWER_RECORDED = "Got it: your answer{choice} is in. The results come with the reveal{when}."
NUDGE = "You have *{due}* practice card{plural} due. A few minutes now keeps them fresh."
HELP = """*studybot* answers from your team's notes and runs a daily quiz.
• Mention me in a channel or send me a direct message to ask a question.
• `/study ask <question>`: a private answer you can share in the channel
• `/study quiz`: today's question for this channel
• `/study leaderboard [week|month|all] [teams]`: standings
• `/study stats`: your streak, points and mastery
• `/study practice`: spaced-repetition practice in a direct message
• `/study nudges on|off`: a daily reminder of your due cards, at your local time
• `/study subscribe HH:MM [tz] [weekdays|daily]`, `/study unsubscribe`, `/study settings`: \
for admins"""


NUDGES_USAGE = "Use `/study nudges on` or `/study nudges off`."


def nudges_set(enabled: bool, timezone: str | None) -> str:
    if not enabled:
        return "Practice reminders are off."
    where = f" ({timezone})" if timezone else ""
    return f"Practice reminders are on: once a day at your local time{where}, when cards are due."


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    return clip(" ".join(text.split()), limit)


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=_md(clip(text, SECTION_MAX)))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[_md(clip(text, SECTION_MAX))])


def _header(text: str) -> HeaderBlock:
    """Plain text shows no entities, so references are dropped rather than escaped."""
    plain = strip_references(text)
    return HeaderBlock(text=PlainTextObject(text=clip(plain, HEADER_MAX), emoji=True))


def _button(label: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=label, emoji=True), action_id=action_id, value=value, style=style
    )


def fallback(text: str) -> str:
    """The notification text sent alongside blocks."""
    return clip(text, FALLBACK_MAX)


def _sections(lines: Sequence[str]) -> list[SectionBlock]:
    """Lines packed into as few sections as the 3,000-character limit allows."""
    blocks: list[SectionBlock] = []
    current: list[str] = []
    for line in lines:
        line = clip(line, SECTION_MAX)
        if current and len("\n".join([*current, line])) > SECTION_MAX:
            blocks.append(_section("\n".join(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(_section("\n".join(current)))
    return blocks


# -- answers from the notes ----------------------------------------------------------------


def _where(passage: Passage) -> str:
    where = str(passage.citation)
    return escape(where)


def passage_blocks(passages: Sequence[Passage], *, start: int = 1) -> list[Block]:
    return [
        _section(f"*[{number}] {_where(p)}*\n>{escape(snippet(p.text))}")
        for number, p in enumerate(passages, start=start)
    ]


def declined_text(answer: Answer) -> str:
    """Why the answer was declined, naming what the notes don't mention when it is known."""
    subject = answer.missing or answer.topic
    return NOT_MENTIONED.format(subject=escape(subject)) if subject else NOT_COVERED


def answer_text(answer: Answer) -> str:
    if answer.covered and answer.sentences:
        return fallback(escape(answer.text))
    return fallback(declined_text(answer))


def answer_blocks(
    answer: Answer, ask_id: int, *, trimmed: bool = False, shareable: bool = False
) -> list[Block]:
    """The answer sentences, up to three cited passages, a hint when unsure, and buttons."""
    blocks: list[Block] = []
    if trimmed:
        blocks.append(_context(TRIMMED_NOTE))
    if answer.covered and answer.sentences:
        blocks.append(_section(escape(answer.text)))
        blocks.append(_context(f"From your notes · confidence {answer.confidence:.2f}"))
        if answer.confidence < SURE_CONFIDENCE:
            blocks.append(_context(LOW_CONFIDENCE_HINT))
    else:
        blocks.append(_section(declined_text(answer)))
        blocks.append(_context(NOT_COVERED_HINT))
    blocks.extend(passage_blocks(answer.passages[:3]))
    blocks.append(ActionsBlock(elements=_answer_buttons(answer, ask_id, shareable)))
    return blocks


def _answer_buttons(answer: Answer, ask_id: int, shareable: bool) -> list[ButtonElement]:
    value = str(ask_id)
    buttons = [
        _button("👍 Helpful", ids.ASK_HELPFUL, value),
        _button("👎 Not helpful", ids.ASK_UNHELPFUL, value),
    ]
    if answer.more:
        buttons.append(_button("More", ids.ASK_MORE, value))
    if shareable:
        buttons.append(_button("Share in channel", ids.ASK_SHARE, value, style="primary"))
    return buttons


def shared_answer_blocks(answer: Answer, ask_id: int, user_id: str) -> list[Block]:
    return [_context(SHARED_BY.format(user=user_id)), *answer_blocks(answer, ask_id)]


def more_blocks(answer: Answer) -> list[Block]:
    if not answer.more:
        return [_section(NO_MORE_PASSAGES)]
    return passage_blocks(answer.more, start=len(answer.passages) + 1)


# -- the daily quiz ------------------------------------------------------------------------


def _report_actions(post_id: int) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"report:{post_id}",
        elements=[_button("Report a problem with this question", ids.QUIZ_REPORT, str(post_id))],
    )


def _options(options: dict[str, str]) -> str:
    return "\n".join(f"*{letter})* {escape(text)}" for letter, text in sorted(options.items()))


def question_text(view: QuestionView) -> str:
    return fallback(f"Question of the day: {escape(view.stem)}")


def question_blocks(view: QuestionView) -> list[Block]:
    """The scenario, four option buttons, the free-text hint and the report button."""
    buttons = [_button(letter, ids.quiz_choice(letter), letter) for letter in sorted(view.options)]
    return [
        _header(f"Question of the day · {view.quiz_date:%a %d %b}"),
        _section(escape(view.stem)),
        _section(_options(view.options)),
        ActionsBlock(block_id=ids.quiz_block(view.post_id), elements=buttons),
        _context("Pick a button, or reply in this thread with a letter or in your own words."),
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
        _header(f"Answer: {q.answer}) {q.options[q.answer]}"),
        _section(f"*Why:* {escape(q.explanation)}"),
        _context(f"Source: {Citation(q.source_file, q.source_heading).render(escape)}"),
    ]
    if reveal.source_text:
        blocks.append(_section(f">{escape(snippet(reveal.source_text))}"))
    blocks.extend(_sections(_reveal_lines(reveal)))
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
    from quiz.answering import AnswerStatus

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
            _section(f"*The question:* {escape(snippet(stem, 600))}"),
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


# -- leaderboards, stats ---------------------------------------------------------------------

PERIOD_TITLES = {"week": "this week", "month": "this month", "all": "all time"}


def standings_lines(standings: Sequence[Standing]) -> list[str]:
    return [
        f"{s.rank}. {escape(s.name)}: *{s.points}* points ({s.correct}/{s.answers} right)"
        for s in standings
    ]


def team_lines(teams: Sequence[TeamStanding]) -> list[str]:
    return [
        f"{t.rank}. {escape(t.name)}: *{t.mean_points:.1f}* points per member "
        f"({t.active_members} members, {t.points} points)"
        for t in teams
    ]


def leaderboard_blocks(
    period: str, standings: Sequence[Standing] = (), teams: Sequence[TeamStanding] | None = None
) -> list[Block]:
    title = PERIOD_TITLES.get(period, period)
    if teams is not None:
        lines = team_lines(teams) or ["No team has answered yet."]
        return [_header(f"Teams · {title}"), *_sections(lines)]
    lines = standings_lines(standings) or ["Nobody has answered yet."]
    return [_header(f"Leaderboard · {title}"), *_sections(lines)]


def weekly_text(board: WeeklyBoard) -> str:
    return f"Weekly leaderboard, {board.week_start:%d %b} to {board.week_end:%d %b}"


def weekly_blocks(board: WeeklyBoard) -> list[Block]:
    blocks: list[Block] = [_header(weekly_text(board))]
    blocks.extend(_sections(standings_lines(board.top) or ["Nobody answered this week."]))
    if board.most_improved:
        lines = [
            f"📈 {escape(i.name)}: {i.points_last_week} → *{i.points_this_week}* points"
            for i in board.most_improved
        ]
        blocks.extend(_sections(["*Most improved*", *lines]))
    if board.teams:
        blocks.extend(_sections(["*Teams*", *team_lines(board.teams)]))
    return blocks


def mastery_bar(row: MasteryRow) -> str:
    filled = round(row.accuracy * BAR_WIDTH)
    bar = "█" * filled + "░" * (BAR_WIDTH - filled)
    return f"`{bar}` {round(row.accuracy * 100)} % {escape(row.key)} ({row.answers} answers)"


def stats_blocks(
    *,
    streak: int,
    standing: Standing | None,
    practice: PracticeStats,
    domains: Sequence[MasteryRow],
) -> list[Block]:
    place = (
        f"rank *{standing.rank}* with *{standing.points}* points"
        if standing is not None
        else "no points yet"
    )
    lines = [
        f"*Your stats in this channel:* streak *{streak}*, {place}.",
        f"*Practice:* {practice.due} due, {practice.new_today} new today, "
        f"{practice.total} cards in all.",
    ]
    if domains:
        lines.append("*Mastery by domain*")
        lines.extend(mastery_bar(row) for row in domains)
    return _sections(lines)


# -- practice --------------------------------------------------------------------------------

RATING_LABELS = (("again", "Again"), ("hard", "Hard"), ("good", "Good"), ("easy", "Easy"))


def practice_text(item: PracticeItem) -> str:
    return fallback(f"Practice: {escape(item.front)}")


def practice_front_blocks(item: PracticeItem) -> list[Block]:
    return [
        _context("New card" if item.is_new else "Review"),
        _section(escape(item.front)),
        ActionsBlock(
            elements=[_button("Show answer", ids.PRACTICE_SHOW, str(item.card_id), "primary")]
        ),
    ]


def practice_back_blocks(item: PracticeItem) -> list[Block]:
    buttons = [
        _button(label, ids.practice_rate(key), str(item.card_id)) for key, label in RATING_LABELS
    ]
    return [
        _context("New card" if item.is_new else "Review"),
        _section(escape(item.front)),
        DividerBlock(),
        _section(escape(item.back)),
        _context("How well did you know it?"),
        ActionsBlock(elements=buttons),
    ]


def practice_rated_blocks(item: PracticeItem, rating: str, due: datetime) -> list[Block]:
    return [
        _section(escape(item.front)),
        _section(escape(item.back)),
        _context(f"Rated *{rating.title()}* · next review {slack_time(due, NEXT_REVIEW)}"),
    ]


NEXT_REVIEW = "{date_short} {time}"  # Slack's date tokens


def slack_time(when: datetime, tokens: str) -> str:
    """`when` as Slack shows a date: in each reader's own time zone (`tokens` such as
    `{time}` or `{date_short} {time}`), with the UTC time as the fallback text."""
    fallback = f"{when.astimezone(UTC):%a %d %b %H:%M} UTC"
    return f"<!date^{int(when.timestamp())}^{tokens}|{fallback}>"


def practice_done(stats: PracticeStats) -> str:
    return PRACTICE_DONE.format(total=stats.total, due=stats.due, new_today=stats.new_today)


def nudge_blocks(due: int) -> list[Block]:
    return [
        _section(NUDGE.format(due=due, plural="" if due == 1 else "s")),
        ActionsBlock(elements=[_button("Start practice", ids.PRACTICE_START, "start", "primary")]),
    ]


def nudge_text(due: int) -> str:
    return NUDGE.format(due=due, plural="" if due == 1 else "s").replace("*", "")


# -- subscriptions -----------------------------------------------------------------------------


def subscription_text(
    channel: Schedule, *, first: date | None = None, today: date | None = None
) -> str:
    """The channel's schedule; with `first` and `today`, when the first question comes."""
    if not channel.active:
        return NOT_SUBSCRIBED
    results = "at once" if channel.show_results_early else "at the reveal"
    text = (
        f"This channel gets the daily question at *{channel.post_time:%H:%M}* "
        f"({escape(channel.timezone)}) on {channel.weekdays.label()}; the answer is "
        f"revealed {channel.reveal_delay_minutes} minutes later. Members see their result "
        f"{results}."
    )
    if first is None or today is None:
        return text
    if first == today:
        return f"{text} The first question comes today."
    if first == today + timedelta(days=1):
        return (
            f"{text} Today's {channel.post_time:%H:%M} has passed, so the first question "
            f"comes tomorrow, {first:%a %d %b}."
        )
    return f"{text} The first question comes on {first:%a %d %b}."


# -- App Home ------------------------------------------------------------------------------------


def home_view(data: HomeData) -> View:
    """Streak, points and rank per channel, mastery bars, due practice, channel leaderboards."""
    blocks: list[Block] = [_header("Your studybot")]
    if not data.channels:
        blocks.append(_section("Answer a daily question in a channel to get on the board."))
    for summary in data.channels[:HOME_CHANNELS_MAX]:
        place = (
            f"rank *{summary.standing.rank}*, *{summary.standing.points}* points"
            if summary.standing is not None
            else "no points yet"
        )
        blocks.append(
            _section(f"*#{escape(summary.name)}*: streak *{summary.streak}*, {place} (all time)")
        )
    blocks.append(DividerBlock())
    blocks.append(_section("*Mastery by domain*"))
    bars = [mastery_bar(row) for row in data.domains] or ["No answers yet."]
    blocks.extend(_sections(bars))
    blocks.append(DividerBlock())
    blocks.append(
        _section(
            f"*Practice:* {data.practice.due} cards due, {data.practice.new_today} new today, "
            f"{data.practice.total} in all."
        )
    )
    blocks.append(
        ActionsBlock(elements=[_button("Start practice", ids.PRACTICE_START, "start", "primary")])
    )
    for summary in data.channels[:HOME_CHANNELS_MAX]:
        blocks.append(DividerBlock())
        blocks.append(_section(f"*#{escape(summary.name)} · this week*"))
        blocks.extend(_sections(standings_lines(summary.top) or ["Nobody answered this week."]))
    return View(type="home", blocks=blocks)
