"""Console words for the quiz, practice, leaderboards, the bank and member data: how each
command's result looks in a terminal (the console's answers and index builds are in
`bot/console.py`, a quiz answer's feedback in `bot/answer_words.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from bot.console import count

if TYPE_CHECKING:
    from core.publishing import QuestionView
    from core.usecases.bank import BankCheck
    from core.usecases.standings import Board
    from quiz.practice import PracticeStats
    from quiz.sync import SyncReport

ANSWER_PROMPT = "Your answer"
SHOW_BACK_PROMPT = "Press Enter to see the answer"
RATING_PROMPT = "How well did you know it? again, hard, good, easy (q to stop)"
STOP_WORDS = frozenset({"q", "quit", "stop", "/quit", "/exit", "exit"})


def question_heading(question: QuestionView) -> str:
    """Rich markup: the date and bank id above today's question."""
    return f"[bold]Question of {question.quiz_date}[/bold] ({question.bank_id})"


def print_question(console: Console, question: QuestionView) -> None:
    console.print(question.stem, markup=False)
    for letter, text in sorted(question.options.items()):
        console.print(f"  {letter}) {text}", markup=False)


def card_heading(is_new: bool) -> str:
    """Rich markup above a practice card's front."""
    return f"[bold]{'New card' if is_new else 'Review'}[/bold]"


def practice_summary(reviewed: int, summary: PracticeStats, *, stopped: bool) -> str:
    """The session in one sentence, e.g. 'You reviewed 4 cards (4 new cards today); nothing
    more is due now. Your deck has 4 cards.'"""
    done = f"You {'stopped after' if stopped else 'reviewed'} {count(reviewed, 'card')}"
    if summary.new_today:
        done += f" ({count(summary.new_today, 'new card')} today)"
    if summary.due:
        left = f"{count(summary.due, 'card')} {'is' if summary.due == 1 else 'are'} still due"
    else:
        left = "nothing more is due now"
    return f"{done}; {left}. Your deck has {count(summary.total, 'card')}."


def board_table(board: Board, channel: str, period: str) -> Table:
    """`studybot leaderboard`: members of a channel, or team against team."""
    if board.teams is not None:
        table = Table("rank", "team", "members", "points", "mean", title=f"Teams · {period}")
        for t in board.teams:
            table.add_row(
                str(t.rank), t.name, str(t.active_members), str(t.points), f"{t.mean_points:.1f}"
            )
        return table
    table = Table("rank", "member", "points", "answers", title=f"{channel} · {period}")
    for s in board.standings:
        table.add_row(str(s.rank), s.name, str(s.points), str(s.answers))
    return table


def board_lines(board: Board) -> list[str]:
    """`/leaderboard` inside `studybot chat`: one line per member."""
    return [f"{s.rank}. {s.name}: {s.points} points" for s in board.standings]


def bank_problems(checked: BankCheck) -> str:
    return f"{len(checked.problems)} problem(s) in the bank."


def bank_synced(report: SyncReport) -> str:
    """`studybot bank sync`: what changed in the stored bank."""
    return (
        f"questions: {len(report.added)} added, {len(report.new_versions)} new versions, "
        f"{report.unchanged} unchanged, {len(report.retired)} retired; flashcards: "
        f"{report.cards_added} added, {report.cards_updated} updated, "
        f"{report.cards_retired} retired"
    )


def bank_ok(checked: BankCheck) -> str:
    return (
        f"bank ok: {checked.questions} questions; the answer is the longest option in "
        f"{checked.longest_share:.0%} and the shortest in {checked.shortest_share:.0%}"
    )


def database_revision(revision: str | None) -> str:
    return f"database at revision {revision}"


def forgotten(member_id: str, counts: dict[str, int]) -> str:
    removed = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    return f"forgot {member_id}: {removed}"


def chat_error(error: Exception) -> str:
    """A quiz command inside `studybot chat` that failed: the chat goes on."""
    return f"error: {error}"
