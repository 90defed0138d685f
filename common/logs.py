"""Logging for every studybot process: structlog over the standard library, JSON lines or
readable console lines, with the request or job id bound through contextvars.

Our packages log at the configured level; chatty libraries only warn (some set their own
loggers to INFO, which would otherwise reach the console). Tracebacks are plain: never the
local variables of each frame, which hold tokens and members' messages. As a last guard every
rendered line has Slack tokens, Bearer credentials and signing secrets blanked out.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import structlog

OUR_PACKAGES = ("bot", "retrieval", "quiz", "store", "jobs")
CHATTY_LIBRARIES = (
    "alembic",
    "apscheduler",
    "bm25s",
    "faiss",
    "sentence_transformers",
    "transformers",
    "httpx",
    "urllib3",
    "waitress",
)


# xoxb-/xoxp-/xoxa-/xoxe-… tokens, app-level xapp- tokens, and any Bearer credential.
SECRET_PATTERN = re.compile(r"\b(xox[a-z]-|xapp-)[A-Za-z0-9-]+|(Bearer\s+)\S+", re.IGNORECASE)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return SECRET_PATTERN.sub(lambda m: f"{m.group(1) or m.group(2)}{REDACTED}", text)


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, then blanks out anything shaped like a Slack token or credential."""

    def __init__(self, inner: logging.Formatter, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.inner = inner
        self.secrets = tuple(s for s in secrets if len(s) >= 8)

    def format(self, record: logging.LogRecord) -> str:
        text = redact(self.inner.format(record))
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is at each record, not the one it was made with (a test
    runner swaps and closes its capture streams; a daemon may redirect stderr)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


class OnlyOurInfo(logging.Filter):
    """Below WARNING, only our own packages' records reach the handler: some libraries set
    their own loggers to INFO or DEBUG (alembic, faiss, bm25s), whatever the root level."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.split(".")[0] in OUR_PACKAGES


def _shared_processors() -> list[Any]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def configure_logging(
    level: str = "INFO",
    *,
    json: bool = False,
    stream: IO[str] | None = None,
    secrets: tuple[str, ...] = (),
) -> None:
    """Route structlog and stdlib records through one handler on `stream` (stderr); `secrets`
    (the signing secret, say) are blanked out of every line besides the token patterns."""
    shared = _shared_processors()
    handler = logging.StreamHandler(stream) if stream is not None else StderrHandler()
    handler.setFormatter(RedactingFormatter(_formatter(shared, json=json), secrets))
    handler.addFilter(OnlyOurInfo())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    for name in OUR_PACKAGES:
        logging.getLogger(name).setLevel(level.upper())
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,  # tests swap the configuration (capture_logs)
    )


def _formatter(shared: list[Any], *, json: bool) -> structlog.stdlib.ProcessorFormatter:
    """One line per record: JSON, or structlog's plain console lines."""
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if json
        else structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info if json else _identity,
            renderer,
        ],
    )


def _identity(_logger: Any, _name: str, event: Any) -> Any:
    return event


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@contextmanager
def bound(**ids: str) -> Iterator[None]:
    """Bind ids (request_id=…, job_id=…) to every log line written inside the block."""
    with structlog.contextvars.bound_contextvars(**ids):
        yield


@contextmanager
def request_context(request_id: str | None = None) -> Iterator[str]:
    """A request id for one Slack request (given, or a new one) bound to its log lines."""
    value = request_id or new_id()
    with bound(request_id=value):
        yield value


class Throttle:
    """At most one log line per `interval` seconds for a condition that can repeat thousands of
    times a second (a flood into a full queue): `due()` is the number of lines held back since
    the last one when a line is due now, else None. Thread-safe; the clock is a parameter."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        self._last: float | None = None
        self._held = 0

    def due(self) -> int | None:
        with self._lock:
            now = self.clock()
            if self._last is not None and now - self._last < self.interval:
                self._held += 1
                return None
            held, self._held, self._last = self._held, 0, now
            return held
