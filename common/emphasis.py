"""Markdown emphasis in quoted notes ("**Small batch sizes** give noisy gradients"): notes are
quoted as written, and each front end shows the emphasis its own way (Slack's mrkdwn bolds with
one asterisk; the console shows plain words) rather than as stray asterisks."""

from __future__ import annotations

import re

# **bold** around text that starts and ends with a non-space ("2 ** 3" stays); "__" is left
# alone, as notes write identifiers with it (`__init__`).
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def plain(text: str) -> str:
    """`text` with its strong emphasis markers removed."""
    return _STRONG.sub(r"\1", text)


def slack_bold(text: str) -> str:
    """`text` with strong emphasis as Slack's mrkdwn writes it (*bold*)."""
    return _STRONG.sub(r"*\1*", text)
