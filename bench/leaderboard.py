"""Leaderboard query time with 2,000 members × 365 days of answers (730,000 answers), on
SQLite and on PostgreSQL (STUDYBOT_TEST_DATABASE_URL), next to a naive baseline that sums the
answers table directly for the same rows (names, points, answers, correct, same order), and the
price of the monthly rollup: the time each answer spends on its upsert, next to the answer
insert alone. Target: every leaderboard query ≤ 50 ms.

Run: .venv/bin/python bench/leaderboard.py [--members 2000] [--days 365]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import (  # noqa: E402
    Integer,
    case,
    create_engine,
    func,
    insert,
    literal,
    select,
    text,
)
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from quiz.answering import _add_to_totals  # noqa: E402
from quiz.clock import month_start, week_start  # noqa: E402
from quiz.leaderboard import Period, channel_leaderboard, mastery, team_leaderboard  # noqa: E402
from store.db import Database, is_sqlite  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.models import (  # noqa: E402
    Channel,
    Member,
    Question,
    QuizAnswer,
    QuizPost,
    ScoreTotal,
    Team,
)

CHANNELS = 10
TEAMS = 4  # channels 0-7 form four named teams of two; channels 8 and 9 stand alone
RUNS = 7
TARGET_MS = 50.0
START = date(2024, 1, 1)


def populate(db: Database, members: int, days: int) -> int:
    rng = random.Random(42)
    created = datetime(2024, 1, 1, tzinfo=UTC)
    with db.session() as s:
        s.execute(insert(Team), [{"id": t + 1, "name": f"team-{t}"} for t in range(TEAMS)])
        s.execute(
            insert(Channel),
            [
                {
                    "id": f"C{c}",
                    "name": f"channel-{c}",
                    "team_id": c // 2 + 1 if c < 2 * TEAMS else None,
                }
                for c in range(CHANNELS)
            ],
        )
        s.execute(
            insert(Member),
            [
                {"id": f"U{m:05d}", "name": f"member {m:05d}", "created_at": created}
                for m in range(members)
            ],
        )
        s.execute(
            insert(Question),
            [
                {
                    "bank_id": f"q-{topic}-{n:03d}",
                    "version": 1,
                    "content_hash": "h",
                    "domain": f"domain-{topic % 4}",
                    "topic": f"topic-{topic}",
                    "difficulty": 2,
                    "stem": "stem",
                    "options": {"A": "a", "B": "b", "C": "c", "D": "d"},
                    "answer": "A",
                    "explanation": "e",
                    "key_points": [],
                    "source_file": "f.md",
                    "source_heading": "H",
                    "created_at": created,
                }
                for topic in range(12)
                for n in range(40)
            ],
        )
    posts = []
    for c in range(CHANNELS):
        for d in range(days):
            day = START + timedelta(days=d)
            at = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
            posts.append(
                {
                    "channel_id": f"C{c}",
                    "quiz_date": day,
                    "question_id": rng.randint(1, 480),
                    "posted_at": at,
                    "closes_at": at + timedelta(hours=4),
                }
            )
    with db.session() as s:
        s.execute(insert(QuizPost), posts)
        post_rows = s.execute(select(QuizPost.id, QuizPost.channel_id, QuizPost.quiz_date)).all()
    totals: dict[tuple[str, date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    rows = []
    by_channel = defaultdict(list)
    for post_id, channel_id, day in post_rows:
        by_channel[channel_id].append((post_id, day))
    for m in range(members):
        member_id, channel_id = f"U{m:05d}", f"C{m % CHANNELS}"
        ordered = sorted(by_channel[channel_id], key=lambda p: p[1])
        for streak, (post_id, day) in enumerate(ordered, start=1):
            correct = rng.random() < 0.6
            points = (10 + min(streak - 1, 5)) if correct else 0
            at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
            rows.append((post_id, member_id, "A", 1.0 if correct else 0.0, correct, points,
                         streak, "", at))  # fmt: skip
            total = totals[(channel_id, month_start(day), member_id)]
            total[0] += points
            total[1] += 1
            total[2] += int(correct)
    bulk_insert(db, rows)
    with db.session() as s:
        s.execute(
            insert(ScoreTotal),
            [
                {
                    "channel_id": c,
                    "month": mo,
                    "member_id": m,
                    "points": p,
                    "answers": n,
                    "correct": k,
                }
                for (c, mo, m), (p, n, k) in totals.items()
            ],
        )
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    return len(rows)


def bulk_insert(db: Database, rows: list[tuple]) -> None:  # type: ignore[type-arg]
    columns = "post_id, member_id, choice, score, correct, points, streak, feedback, answered_at"
    if is_sqlite(db.url):
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                f"INSERT INTO answers ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*r[:-1], r[-1].replace(tzinfo=None).isoformat(sep=" ")) for r in rows],
            )
        return
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY answers ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row((*row[:-1], row[-1].replace(tzinfo=None)))
        raw.commit()
    finally:
        raw.close()


def naive_channel(session: Session, channel_id: str, start: date | None, end: date | None) -> list:  # type: ignore[type-arg]
    """What channel_leaderboard returns (name, points, answers, correct; same order), summed
    from the answers table."""
    points = func.sum(QuizAnswer.points).label("points")
    correct = func.sum(case((QuizAnswer.correct, literal(1, Integer)), else_=literal(0, Integer)))
    query = (
        select(QuizAnswer.member_id, Member.name, points, func.count().label("answers"), correct)
        .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
        .join(Member, Member.id == QuizAnswer.member_id)
        .where(QuizPost.channel_id == channel_id)
        .group_by(QuizAnswer.member_id, Member.name)
        .order_by(points.desc(), Member.name, QuizAnswer.member_id)
    )
    if start is not None and end is not None:
        query = query.where(QuizPost.quiz_date >= start, QuizPost.quiz_date < end)
    return session.execute(query).all()


def rollup_upkeep(db: Database, answers: int = 300) -> tuple[float, float]:
    """Median ms per answer (one transaction each, as the app commits them): the answer insert
    alone, and the insert plus the rollup upsert the app adds to every answer."""
    with db.session() as s:
        s.execute(
            insert(Member),
            [
                {"id": f"UX{n:05d}", "name": f"x {n}", "created_at": datetime.now(UTC)}
                for n in range(2 * answers)
            ],
        )
        posts = s.execute(select(QuizPost).limit(answers)).scalars().all()
        s.expunge_all()
    samples: dict[bool, list[float]] = {False: [], True: []}
    for n, post in enumerate(posts):  # interleaved, so drift in the machine's load hits both
        for with_rollup in (False, True):
            member = f"UX{2 * n + with_rollup:05d}"
            started = time.perf_counter()
            with db.session() as s:
                s.execute(
                    insert(QuizAnswer).values(
                        post_id=post.id, member_id=member, choice="A", score=1.0, correct=True,
                        points=10, streak=1, feedback="", answered_at=datetime.now(UTC),
                    )
                )  # fmt: skip
                if with_rollup:
                    _add_to_totals(s, post, member, 10, True)
            samples[with_rollup].append((time.perf_counter() - started) * 1000)
    return statistics.median(samples[False]), statistics.median(samples[True])


def naive_teams(session: Session, start: date | None, end: date | None) -> list:  # type: ignore[type-arg]
    team = func.coalesce(func.cast(Channel.team_id, Channel.id.type), Channel.id)
    per_member = (
        select(
            team.label("team"), QuizAnswer.member_id, func.sum(QuizAnswer.points).label("points")
        )
        .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
        .join(Channel, Channel.id == QuizPost.channel_id)
        .group_by(team, QuizAnswer.member_id)
    )
    if start is not None and end is not None:
        per_member = per_member.where(QuizPost.quiz_date >= start, QuizPost.quiz_date < end)
    sub = per_member.subquery()
    mean = func.sum(sub.c.points) * 1.0 / func.count()
    return session.execute(
        select(sub.c.team, mean).group_by(sub.c.team).order_by(mean.desc())
    ).all()


def timed(db: Database, work: Callable[[Session], object]) -> float:
    samples = []
    for _ in range(RUNS):
        with db.session() as session:
            start = time.perf_counter()
            work(session)
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run(url: str, members: int, days: int) -> None:
    upgrade(url)
    db = Database(url)
    backend = make_url(url).get_backend_name()
    began = time.perf_counter()
    count = populate(db, members, days)
    print(
        f"\n{backend}: {members} members × {days} days = {count:,} answers "
        f"(loaded in {time.perf_counter() - began:.1f} s)"
    )
    now = datetime.combine(START + timedelta(days=days - 1), datetime.min.time(), tzinfo=UTC)
    today = now.date()
    windows = {
        Period.WEEK: (week_start(today), week_start(today) + timedelta(days=7)),
        Period.MONTH: (
            month_start(today),
            (month_start(today) + timedelta(days=32)).replace(day=1),
        ),
        Period.ALL: (None, None),
    }
    worst = 0.0
    print(f"  {'query':<22}{'ours (ms)':>10}{'naive (ms)':>12}")
    for period, (begin, end) in windows.items():
        ours = timed(db, lambda s, p=period: channel_leaderboard(s, "C0", p, now))
        naive = timed(db, lambda s, b=begin, e=end: naive_channel(s, "C0", b, e))
        print(f"  {'channel ' + period.value:<22}{ours:>10.1f}{naive:>12.1f}")
        team_ours = timed(db, lambda s, p=period: team_leaderboard(s, p, now))
        team_naive = timed(db, lambda s, b=begin, e=end: naive_teams(s, b, e))
        print(f"  {'teams ' + period.value:<22}{team_ours:>10.1f}{team_naive:>12.1f}")
        worst = max(worst, ours, team_ours)
    ours = timed(db, lambda s: mastery(s, "U00007"))
    print(f"  {'mastery (1 member)':<22}{ours:>10.1f}{'-':>12}")
    worst = max(worst, ours)
    with db.session() as session:
        board_total = sum(s.points for s in channel_leaderboard(session, "C0", Period.ALL, now))
        stored = sum(r.points for r in naive_channel(session, "C0", None, None))
    print(
        f"  invariant: all-time board total {board_total:,} == stored answer points {stored:,}: "
        f"{board_total == stored}"
    )
    alone, with_rollup = rollup_upkeep(db)
    print(
        f"  rollup upkeep per answer: insert alone {alone:.2f} ms, with the rollup upsert "
        f"{with_rollup:.2f} ms (+{with_rollup - alone:.2f} ms)"
    )
    verdict = "meets" if worst <= TARGET_MS else "MISSES"
    print(f"  slowest leaderboard query {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.db", args.members, args.days)
    pg = os.environ.get("STUDYBOT_TEST_DATABASE_URL")
    if not pg:
        print("\npostgresql: skipped (set STUDYBOT_TEST_DATABASE_URL)")
        return
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg, poolclass=NullPool)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(pg).update_query_dict({"options": f"-csearch_path={schema}"})
        run(url.render_as_string(hide_password=False), args.members, args.days)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
