"""How every `studybot` command reports a failure: one `error: <what> (<where>)` line on
standard error and exit status 2. Commands raise; this module prints."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape

from common.errors import StudybotError

err = Console(stderr=True)


def fail(message: str, code: int = 2, *, where: str = "") -> typer.Exit:
    """Print the error line; raise what it returns (`raise fail(...)`) to end the command."""
    text = f"{message} ({where})" if where else message
    err.print(f"[red]error:[/] {escape(text)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def translated() -> Iterator[None]:
    """Any StudybotError raised inside becomes the one error line and exit status 2."""
    try:
        yield
    except StudybotError as error:
        raise fail(str(error), where=error.where) from None
