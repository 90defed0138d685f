"""Reading a question as typed: empty, binary and oversized input become a clear message
instead of a search (the message names what was wrong and what to do)."""

from __future__ import annotations

from common.errors import StudybotError

MAX_QUESTION_CHARS = 20_000  # a pasted page fits (its start is searched); a document does not
BINARY_SHARE = 0.1  # share of control characters above which the text is not a question


class EmptyQuestionError(StudybotError, ValueError):
    def __init__(self) -> None:
        super().__init__("The question is empty: type a question about your notes.")


def problem(question: str) -> str | None:
    """Why `question` cannot be answered as typed, or None when it can.

    Raises EmptyQuestionError for an empty or whitespace-only question (callers already say so
    in their own words)."""
    if not question.strip():
        raise EmptyQuestionError()
    control = sum(1 for c in question if ord(c) < 32 and c not in "\n\r\t") + question.count(
        "\ufffd"
    )
    if "\x00" in question or control > BINARY_SHARE * len(question):
        return "That looks like binary data, not a question: type your question as text."
    if len(question) > MAX_QUESTION_CHARS:
        return (
            f"That question is {len(question):,} characters long; ask it in under "
            f"{MAX_QUESTION_CHARS:,} characters (the key part is enough)."
        )
    return None
