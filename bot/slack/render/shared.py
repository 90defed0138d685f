"""What every Slack render module shares: Slack's size limits, clipping, escaping, the Block Kit
pieces (sections, context, headers, buttons), dates in each reader's zone and citations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from slack_sdk.models.blocks import (
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.slack.text import escape, strip_references
from common.citation import Citation

__all__ = [
    "FALLBACK_MAX",
    "HEADER_MAX",
    "SECTION_MAX",
    "SNIPPET_CHARS",
    "button",
    "cite",
    "clip",
    "context",
    "escape",
    "fallback",
    "header",
    "section",
    "sections",
    "slack_time",
    "snippet",
]

SECTION_MAX = 3000
HEADER_MAX = 150
FALLBACK_MAX = 3000
SNIPPET_CHARS = 500


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    return clip(" ".join(text.split()), limit)


def cite(citation: Citation) -> str:
    """The label "file › heading", each part escaped for mrkdwn."""
    return citation.render(escape)


def _md(text: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=text)


def section(text: str) -> SectionBlock:
    return SectionBlock(text=_md(clip(text, SECTION_MAX)))


def context(text: str) -> ContextBlock:
    return ContextBlock(elements=[_md(clip(text, SECTION_MAX))])


def header(text: str) -> HeaderBlock:
    """Plain text shows no entities, so references are dropped rather than escaped."""
    plain = strip_references(text)
    return HeaderBlock(text=PlainTextObject(text=clip(plain, HEADER_MAX), emoji=True))


def button(label: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=label, emoji=True), action_id=action_id, value=value, style=style
    )


def fallback(text: str) -> str:
    """The notification text sent alongside blocks."""
    return clip(text, FALLBACK_MAX)


def sections(lines: Sequence[str]) -> list[SectionBlock]:
    """Lines packed into as few sections as the 3,000-character limit allows."""
    blocks: list[SectionBlock] = []
    current: list[str] = []
    for line in lines:
        line = clip(line, SECTION_MAX)
        if current and len("\n".join([*current, line])) > SECTION_MAX:
            blocks.append(section("\n".join(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(section("\n".join(current)))
    return blocks


def slack_time(when: datetime, tokens: str) -> str:
    """`when` as Slack shows a date: in each reader's own time zone (`tokens` such as
    `{time}` or `{date_short} {time}`), with the UTC time as the fallback text."""
    fallback = f"{when.astimezone(UTC):%a %d %b %H:%M} UTC"
    return f"<!date^{int(when.timestamp())}^{tokens}|{fallback}>"
