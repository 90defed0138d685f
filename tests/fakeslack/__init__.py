"""Test backbone for the Slack front end: a fake Web API over real HTTP and signed requests."""

from tests.fakeslack.limits import PostRateLimiter, block_errors
from tests.fakeslack.methods import BOT_ID, BOT_USER_ID, FakeUser, SlackMethodError
from tests.fakeslack.server import Call, FakeSlack, WaitTimeout, parse_body
from tests.fakeslack.signing import (
    action_body,
    command_body,
    event_body,
    signed_headers,
    url_verification_body,
)

__all__ = [
    "BOT_ID",
    "BOT_USER_ID",
    "Call",
    "FakeSlack",
    "FakeUser",
    "PostRateLimiter",
    "SlackMethodError",
    "WaitTimeout",
    "action_body",
    "block_errors",
    "command_body",
    "event_body",
    "parse_body",
    "signed_headers",
    "url_verification_body",
]
