"""The naive baseline the delivery benches run next to the outbox sender: a transport that never
looks in the channel, so an unknown outcome is simply sent again."""

from __future__ import annotations

from bot.slack.delivery import Delivered, Pending, SlackTransport


class BlindTransport(SlackTransport):
    def find(self, message: Pending) -> Delivered | None:
        return None
