"""Every job run counted (JOB_RUNS, JOB_FAILURES) and logged with its job id bound.

A job that starts after its scheduler stepped down (queued in the executor when the lease
was lost) finds no context installed: it is cancelled quietly, not counted as a failure. A job
stopped by a database outage is counted and logged in one line, without a traceback: the next
catch-up round makes up for it."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import structlog
from sqlalchemy.exc import SQLAlchemyError

from common.metrics import JOB_FAILURES, JOB_RUNS
from jobs.context import NoJobContext, job_running

P = ParamSpec("P")
T = TypeVar("T")
log = structlog.get_logger(__name__)


def observed(job: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Wrap a job function: bind job and run ids for its log lines, count runs and failures."""

    def decorate(func: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> T:
            target = ":".join(str(a) for a in args)
            job_id = f"{job}:{target}" if target else job
            with (
                job_running(),
                structlog.contextvars.bound_contextvars(
                    job_id=job_id, run_id=uuid.uuid4().hex[:12]
                ),
            ):
                JOB_RUNS.labels(job=job).inc()
                try:
                    result = func(*args, **kwargs)
                except NoJobContext:
                    log.info("job cancelled: this scheduler no longer holds the lease")
                    return None  # type: ignore[return-value]
                except SQLAlchemyError as error:  # an outage: one line, no traceback
                    JOB_FAILURES.labels(job=job).inc()
                    log.warning(
                        "job stopped: database unavailable; the catch-up makes up for it",
                        error=type(error).__name__,
                    )
                    return None  # type: ignore[return-value]
                except Exception:
                    JOB_FAILURES.labels(job=job).inc()
                    log.exception("job failed")
                    raise
                log.info("job done")
                return result

        return run

    return decorate
