"""`/study subscribe` sent twice at once for a channel never seen (a double submit, two
admins): both are subscribed answers, not one "something went wrong" from a duplicate key
(PostgreSQL inserts race; SQLite writes one at a time)."""

from __future__ import annotations

import threading

from store.models import Channel
from tests.slack.conftest import BOSS, Running


def test_subscribes_racing_for_a_new_channel_both_succeed(bot: Running) -> None:
    urls: list[str] = []

    def subscribe(channel: str) -> None:
        urls.append(bot.command("subscribe 08:30 UTC", user=BOSS, channel=channel)[1])

    for n in range(4):
        racers = [threading.Thread(target=subscribe, args=(f"CRACE{n}",)) for _ in range(3)]
        for racer in racers:
            racer.start()
        for racer in racers:
            racer.join()
    texts = [bot.fake.wait_for_response(url)[0]["text"] for url in urls]
    assert all("08:30" in text for text in texts), texts
    with bot.services.database.session() as session:
        assert session.query(Channel).filter(Channel.active).count() == 4
