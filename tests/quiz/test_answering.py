"""Submitting answers: first one scored, later ones acknowledged, closed posts refused,
unclear replies sent back, and two simultaneous submissions stored once on both backends."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.answer_words import result_text
from quiz.answering import AnswerStatus, submit_answer
from quiz.grade import FreeTextGrader
from quiz.posts import close_post
from retrieval.embed import Embedder
from store.db import Database
from store.models import QuizAnswer, ScoreTotal
from tests.quiz.conftest import NOW
from tests.quiz.helpers import open_today, subscribe, wrong_letter


def _answer_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(QuizAnswer)) or 0)


def test_first_answer_scores_later_ones_are_acknowledged(synced: Database, corpus: Path) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    right = post.question.answer
    with synced.session() as session:
        first = submit_answer(
            session, post.id, "U1", NOW, text=f"I think {right}", notes_roots=[corpus]
        )
    assert first.status is AnswerStatus.SCORED
    assert first.answer is not None and first.answer.points == 10 and first.answer.correct
    assert first.feedback is not None and first.feedback.explanation == post.question.explanation
    assert str(first.feedback.citation) == (
        f"{post.question.source_file} › {post.question.source_heading}"
    )
    stored = json.loads(first.answer.feedback)  # the row keeps data, not words
    assert stored["verdict"] == "correct" and stored["points"] == 10
    with synced.session() as session:
        again = submit_answer(session, post.id, "U1", NOW, text=wrong_letter(right))
    assert again.status is AnswerStatus.ALREADY_ANSWERED
    assert _answer_count(synced) == 1


def test_wrong_choice_scores_zero_and_names_the_answer(synced: Database) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    wrong = wrong_letter(post.question.answer)
    with synced.session() as session:
        result = submit_answer(session, post.id, "U1", NOW, button_value=wrong)
    assert result.answer is not None
    assert (result.answer.points, result.answer.correct, result.answer.choice) == (0, False, wrong)
    assert f"the answer is {post.question.answer})" in result_text(result)


def test_unclear_replies_are_not_graded(synced: Database) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    with synced.session() as session:
        for text in ("A or B", "no idea", "   "):
            result = submit_answer(session, post.id, "U1", NOW, text=text)
            assert result.status is AnswerStatus.NEEDS_CHOICE, text
            assert "pick one" in result_text(result)
        bad_button = submit_answer(session, post.id, "U1", NOW, button_value="E")
        assert bad_button.status is AnswerStatus.NEEDS_CHOICE
    assert _answer_count(synced) == 0


def test_answers_after_closing_are_not_scored(synced: Database) -> None:
    subscribe(synced, reveal_delay_minutes=60)
    post = open_today(synced, "C1", NOW)
    with synced.session() as session:
        late = submit_answer(session, post.id, "U1", NOW + timedelta(minutes=61), text="A")
        assert late.status is AnswerStatus.CLOSED and "closed" in result_text(late)
        close_post(session, post.id, NOW + timedelta(minutes=5))
        closed = submit_answer(session, post.id, "U2", NOW + timedelta(minutes=6), text="A")
        assert closed.status is AnswerStatus.CLOSED
    assert _answer_count(synced) == 0


def test_free_text_is_graded_against_key_points(
    synced: Database, corpus: Path, embedder: Embedder
) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    points = [kp["point"] for kp in post.question.key_points]
    text = ". ".join(points)
    with synced.session() as session:
        result = submit_answer(
            session, post.id, "U1", NOW, text=text, grader=FreeTextGrader(embedder)
        )
    assert result.status is AnswerStatus.SCORED and result.answer is not None
    assert result.answer.score == 1.0 and result.answer.choice is None
    assert result.feedback is not None and set(result.feedback.points_made) == set(points)


def test_free_text_without_a_grader_asks_for_a_letter(synced: Database) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    with synced.session() as session:
        result = submit_answer(session, post.id, "U1", NOW, text="use whatever streams best here")
    assert result.status is AnswerStatus.NEEDS_CHOICE


def test_two_threads_submitting_the_same_answer_store_one_row(synced: Database) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    barrier = threading.Barrier(2)
    statuses: list[AnswerStatus] = []
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            with synced.session() as session:
                barrier.wait(timeout=10)
                result = submit_answer(session, post.id, "U1", NOW, text=post.question.answer)
                statuses.append(result.status)
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(statuses) == [AnswerStatus.ALREADY_ANSWERED, AnswerStatus.SCORED]
    assert _answer_count(synced) == 1
    with synced.session() as session:
        total = session.scalar(select(func.sum(ScoreTotal.points)))
    assert total == 10
