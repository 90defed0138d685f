"""Delivery through the outbox while Slack misbehaves, over real HTTP: signed requests into the
running bot, its sender against FakeSlack taught each fault, on SQLite and PostgreSQL. Each
test ends with every message delivered exactly once.

Also: the answer worker hands its reply to the outbox and is free at once; replies do not use
the broadcast budget; a lookup pages back through the channel; each workspace's own token."""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot.slack.delivery import (
    OutboxSender,
    Outcome,
    Pending,
    SlackTransport,
    installation_tokens,
    pending_of,
    sender_client,
    sender_of,
    utc_now,
)
from bot.slack.pacing import Pacer, Turn
from bot.slack.render import general
from bot.slack.responding import OutboxRespond
from bot.slack.services import Services
from store import outbox
from store.db import Database, is_sqlite
from store.models import OutboxMessage
from tests.fakeslack import FakeSlack
from tests.slack.conftest import NOW, Running

QUESTION = "<@UBOT> What does Random Cut Forest do?"


def answers_in(fake: FakeSlack, channel: str) -> Counter[str]:
    """How many times the bot answered each thread in `channel` (as Slack stored it)."""
    return Counter(
        str(m.get("thread_ts")) for m in fake.messages(channel) if m.get("bot_id") and m.get("text")
    )


def test_an_answer_whose_reply_slack_dropped_is_found_not_posted_again(bot: Running) -> None:
    bot.fake.drop_reply_next("chat.postMessage")
    ts = bot.mention(QUESTION)
    bot.settle(timeout=30)
    assert answers_in(bot.fake, "C1") == {ts: 1}
    assert bot.fake.count("chat.postMessage") == 1  # looked for, found, never re-sent
    assert bot.fake.count("conversations.replies") >= 1


def test_an_answer_slack_answered_500_then_503_is_delivered_once(bot: Running) -> None:
    bot.fake.fail_next("chat.postMessage", status=500)
    bot.fake.fail_next("chat.postMessage", status=503)
    ts = bot.mention(QUESTION)
    bot.settle(timeout=30)
    assert answers_in(bot.fake, "C1") == {ts: 1}


def test_an_answer_while_slack_refuses_connections_goes_out_once_it_is_back(
    bot: Running,
) -> None:
    bot.settle()  # the bot's own start-up calls are done
    ts = bot.fake.add_message("C1", QUESTION)
    sender_of_bot = _started_sender(bot)
    bot.fake.refuse_connections()
    try:
        _send_mention(bot, ts)  # the event reaches the bot, which answers; Slack is away
        time.sleep(2.0)
    finally:
        bot.fake.accept_connections()
    sender_of_bot.wake()
    bot.settle(timeout=30)
    assert answers_in(bot.fake, "C1") == {ts: 1}


def test_a_429_storm_delays_an_answer_without_using_up_its_attempts(bot: Running) -> None:
    bot.fake.rate_limit_until(float("inf"), retry_after=1)
    ts = bot.mention(QUESTION)
    deadline = time.monotonic() + 30
    while bot.fake.rate_limited_count < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert bot.fake.rate_limited_count >= 3
    bot.fake.rate_limit_until(0.0)  # the storm ends
    bot.settle(timeout=30)
    assert answers_in(bot.fake, "C1") == {ts: 1}
    with bot.services.database.session() as session:
        (row,) = session.scalars(select(OutboxMessage))
        assert row.attempts == 1  # 429s are Slack asking us to wait, not failures


def test_twelve_mentions_at_once_in_a_channel_held_to_one_post_a_second_are_all_answered(
    bot: Running,
) -> None:
    """Slack holds the channel to 1 message a second: the answers queue for its turn, none is
    lost or doubled, and none draws a 429."""
    bot.fake.limit_posts(per_channel_per_second=1)
    asked = [bot.mention(f"{QUESTION} ({n})") for n in range(12)]
    bot.settle(timeout=60)
    assert answers_in(bot.fake, "C1") == dict.fromkeys(asked, 1)
    assert bot.fake.rate_limited_count == 0


def test_a_command_reply_retried_after_a_500_from_its_response_url(bot: Running) -> None:
    bot.fake.fail_next("response_url", status=500)
    _reply, url = bot.command("help")
    (help_reply,) = bot.fake.wait_for_response(url, timeout=15)
    bot.settle(timeout=15)
    assert "/study" in help_reply["text"]
    assert len(bot.fake.responses(url)) == 1


def test_a_command_reply_while_connections_are_refused_arrives_once(bot: Running) -> None:
    bot.settle()
    sender = _started_sender(bot)
    url = bot.fake.new_response_url()
    bot.fake.refuse_connections()
    try:
        OutboxRespond(bot.services, url)(text="hello", response_type="ephemeral")
        time.sleep(1.5)  # the first attempt is refused: nothing was sent, try again later
    finally:
        bot.fake.accept_connections()
    sender.wake()
    bot.settle(timeout=30)
    assert [r["text"] for r in bot.fake.responses(url)] == ["hello"]


def test_with_the_database_unreachable_a_command_still_gets_an_apology(
    bot: Running, db_url: str
) -> None:
    """Replies go through the outbox, a table: when the database is what failed, the apology
    could not be queued either and the member saw nothing at all. It goes straight to Slack."""
    if not is_sqlite(db_url):
        pytest.skip("the SQLite file is made unreachable; the shared PostgreSQL stays up")
    path = Path(str(make_url(db_url).database))
    bot.services.database.engine.dispose()
    away = path.with_name(f"{path.name}.away")
    path.rename(away)
    path.mkdir()  # sqlite3 cannot open a folder: every new connection fails
    try:
        _reply, url = bot.command("stats")
        [reply] = bot.fake.wait_for_response(url)
        assert reply["text"] == general.ERROR_GENERIC
    finally:
        bot.pool.wait_idle()
        path.rmdir()
        away.rename(path)


def test_the_answer_worker_is_free_before_slack_has_the_answer(bot: Running) -> None:
    bot.fake.slow("chat.postMessage", 2.0)
    ts = bot.mention(QUESTION)
    started = time.monotonic()
    bot.pool.wait_idle(timeout=10)  # the answer was computed and queued
    assert bot.fake.count("chat.postMessage") == 0  # ... and Slack has not answered yet
    bot.fake.wait_for("chat.postMessage", ok=True, timeout=15)
    assert time.monotonic() - started > 1.0
    bot.fake.slow("chat.postMessage", 0)
    bot.settle(timeout=15)
    assert answers_in(bot.fake, "C1") == {ts: 1}


def test_a_practice_card_is_sent_through_the_outbox(bot: Running) -> None:
    bot.command("practice", channel="D1")
    bot.settle(timeout=15)
    with bot.services.database.session() as session:
        (row,) = session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "U1"))
        assert row.key.startswith("practice:") and row.status == "sent"
    (call,) = bot.fake.calls("chat.postMessage", ok=True)
    assert call.body["channel"] == "U1"


# -- the sender's parts, over real HTTP --------------------------------------------------------


def test_replies_do_not_use_the_broadcast_budget(db: Database, fake_slack: FakeSlack) -> None:
    """A budget of 2 posts a minute: 2 broadcasts go, the third waits, every reply goes."""
    now = [0.0]
    pacer = Pacer(per_minute=2, margin_s=0.0, clock=lambda: now[0], sleep=lambda s: None)
    client = sender_client("xoxb-test", base_url=fake_slack.api_url)
    sender = OutboxSender(db, SlackTransport(client), pacer, holder="t", clock=lambda: NOW)
    with db.session() as session:
        for n in range(3):
            outbox.enqueue(session, f"post:{n}", channel=f"CB{n}", payload={"text": "q"}, now=NOW)
        for n in range(10):
            key = f"answer:CA{n}:1.0"
            outbox.enqueue(session, key, channel=f"CA{n}", payload={"text": "a"}, now=NOW)
    assert sender.drain_once(NOW) == 12
    posted = {c.body["channel"] for c in fake_slack.calls("chat.postMessage", ok=True)}
    assert posted == {f"CA{n}" for n in range(10)} | {"CB0", "CB1"}
    now[0] = 61.0
    assert sender.drain_once(NOW + timedelta(seconds=61)) == 1  # the third broadcast's turn


def test_a_lookup_pages_back_through_a_busy_channel(db: Database, fake_slack: FakeSlack) -> None:
    """The answer landed, then 45 other messages: with pages of 10 it is still found."""
    transport = SlackTransport(sender_client("xoxb-test", base_url=fake_slack.api_url), lookback=10)
    row = _queued(db, "answer:C1:1.0", "C1")
    fake_slack.drop_reply_next("chat.postMessage")
    sender = OutboxSender(db, transport, _unpaced(), holder="t")
    assert sender.attempt(row.id) is Outcome.RETRY  # the reply was lost: uncertain
    for n in range(45):
        fake_slack.add_message("C1", f"chatter {n}")
    assert sender.attempt(row.id) is Outcome.FOUND
    assert fake_slack.count("chat.postMessage") == 1
    pages = fake_slack.calls("conversations.history")
    assert len(pages) == 5 and all(float(p.body["oldest"]) > 0 for p in pages)


def test_a_lookup_in_a_long_thread_pages_through_its_replies(
    db: Database, fake_slack: FakeSlack
) -> None:
    parent = fake_slack.add_message("C1", QUESTION)
    for n in range(25):
        fake_slack.add_message("C1", f"reply {n}", thread_ts=parent)
    transport = SlackTransport(sender_client("xoxb-test", base_url=fake_slack.api_url), lookback=10)
    row = _queued(db, "answer:C1:thread", "C1", thread_ts=parent)
    fake_slack.drop_reply_next("chat.postMessage")
    sender = OutboxSender(db, transport, _unpaced(), holder="t")
    assert sender.attempt(row.id) is Outcome.RETRY
    assert sender.attempt(row.id) is Outcome.FOUND
    assert fake_slack.count("chat.postMessage") == 1
    assert len(fake_slack.calls("conversations.replies")) == 3


def test_each_workspace_is_sent_with_its_own_token(services: Services, db: Database) -> None:
    oauth = services.settings.model_copy(
        update={
            "slack_client_id": "111.222",
            "slack_client_secret": SecretStr("shh"),
            "slack_bot_token": None,
        }
    )
    store = SQLAlchemyInstallationStore(client_id="111.222", engine=db.engine)
    store.create_tables()
    for team in ("TA", "TB"):
        store.save_bot(
            Bot(
                app_id="A1",
                team_id=team,
                bot_token=f"xoxb-{team.lower()}",
                bot_id=f"B{team}",
                bot_user_id=f"U{team}",
                installed_at=time.time(),
            )
        )
    tokens = installation_tokens(Services(oauth, db, services.notes_index))
    assert tokens is not None
    with FakeSlack(tokens={"xoxb-ta", "xoxb-tb"}) as fake:
        transport = SlackTransport(sender_client("", base_url=fake.api_url), tokens=tokens)
        sender = OutboxSender(db, transport, _unpaced(), holder="t")
        rows = [
            _queued(db, f"answer:C{team}:1.0", f"C{team}", team_id=team) for team in ("TA", "TB")
        ]
        missing = _queued(db, "answer:CX:1.0", "CX", team_id="TX")
        assert [sender.attempt(r.id) for r in rows] == [Outcome.SENT, Outcome.SENT]
        assert sender.attempt(missing.id) is Outcome.RETRY  # not installed (yet): nothing sent
        auth = {
            c.body["channel"]: c.headers["authorization"] for c in fake.calls("chat.postMessage")
        }
    assert auth == {"CTA": "Bearer xoxb-ta", "CTB": "Bearer xoxb-tb"}


def test_a_jobs_deliver_and_the_drain_never_send_one_row_side_by_side(
    db: Database, fake_slack: FakeSlack
) -> None:
    """Both run in one process under one holder name: the second try of a row that is being
    sent is skipped, not sent again."""
    client = sender_client("xoxb-test", base_url=fake_slack.api_url)
    sender = OutboxSender(db, SlackTransport(client), _unpaced(), holder="t")
    row = _queued(db, "post:1", "C1")
    fake_slack.slow("chat.postMessage", 1.0)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(sender.attempt, row.id)
        time.sleep(0.3)  # the first send is on its way
        second = pool.submit(sender.attempt, row.id)
        outcomes = {first.result(), second.result()}
    assert outcomes == {Outcome.SENT, Outcome.SKIPPED}
    assert fake_slack.count("chat.postMessage") == 1


# -- helpers ---------------------------------------------------------------------------------


def _unpaced() -> Pacer:
    return Pacer(per_minute=1_000_000, channel_spacing_s=0.0, margin_s=0.0)


def _queued(
    db: Database,
    key: str,
    channel: str,
    *,
    thread_ts: str | None = None,
    team_id: str | None = None,
) -> Pending:
    payload = {"text": "an answer", **({"thread_ts": thread_ts} if thread_ts else {})}
    with db.session() as session:
        row = outbox.enqueue(
            session, key, channel=channel, payload=payload, now=utc_now(), team_id=team_id
        )
        session.flush()
        return pending_of(row)


def _started_sender(bot: Running) -> OutboxSender:
    return sender_of(bot.services)


def _send_mention(bot: Running, ts: str) -> None:
    event = {"type": "app_mention", "user": "U1", "text": QUESTION, "ts": ts, "channel": "C1"}
    assert bot.event(event).status == 200


def test_a_deliver_racing_the_drain_for_one_row_posts_once_and_spends_one_turn(
    db: Database, fake_slack: FakeSlack
) -> None:
    """`/study quiz` (or a job) delivers the row it just wrote while the drain, which sees the
    row as due at once, takes it too: one post, and the loser's budget place is given back (it
    used to be spent on nothing, so a fan-out could lose up to half its budget this way)."""
    client = sender_client("xoxb-test", base_url=fake_slack.api_url)
    pacer = Pacer(per_minute=2)
    sender = OutboxSender(db, SlackTransport(client), pacer, holder="t")
    row = _queued(db, "post:1", "C1")
    fake_slack.slow("chat.postMessage", 0.5)
    with ThreadPoolExecutor(2) as pool:
        drained = pool.submit(sender.drain_once)
        time.sleep(0.1)  # the drain has taken C1's turn and is sending
        delivered = pool.submit(sender.deliver, row.id)
        assert drained.result() == 1
        assert delivered.result(timeout=10) is Outcome.SKIPPED
    assert fake_slack.count("chat.postMessage") == 1
    assert isinstance(pacer.try_turn("C2"), Turn), "a second place of the budget was spent"


def test_a_row_waiting_for_its_turn_is_not_claimed(db: Database, fake_slack: FakeSlack) -> None:
    """The claim comes after the pacer's wait, never before: a sender killed while it waits
    leaves no hold that its successor would have to wait out."""
    now, waiting, go = [0.0], threading.Event(), threading.Event()

    def sleep(seconds: float) -> None:
        waiting.set()
        go.wait(10)
        now[0] += seconds

    pacer = Pacer(per_minute=1, margin_s=0.0, clock=lambda: now[0], sleep=sleep)
    client = sender_client("xoxb-test", base_url=fake_slack.api_url)
    sender = OutboxSender(db, SlackTransport(client), pacer, holder="t")
    first, second = _queued(db, "post:1", "C1"), _queued(db, "post:2", "C2")
    assert sender.deliver(first.id) is Outcome.SENT  # the minute's one broadcast
    later = threading.Thread(target=sender.deliver, args=(second.id,))
    later.start()
    assert waiting.wait(5)  # the second post waits for the next minute
    with db.session() as session:
        row = session.get(OutboxMessage, second.id)
        assert row is not None and row.claimed_by is None and not row.uncertain
    go.set()
    later.join(10)
    with db.session() as session:
        row = session.get(OutboxMessage, second.id)
        assert row is not None and row.status == "sent" and row.claimed_by is None
