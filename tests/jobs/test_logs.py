"""Structured logs: JSON lines carrying the job id bound by the job wrapper."""

from __future__ import annotations

import json
import logging

import pytest

from common.logs import configure_logging, request_context
from jobs.observe import observed


@observed("demo-job")
def demo_job(channel_id: str) -> None:
    logging.getLogger("jobs.demo").info("stdlib line")
    import structlog

    structlog.get_logger("jobs.demo").info("structlog line", channel=channel_id)


def test_json_lines_carry_the_job_id(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO", json=True)
    try:
        demo_job("C9")
        with request_context("req-1"):
            logging.getLogger("bot.demo").warning("in a request")
        logging.getLogger("alembic.runtime").info("chatty library")
    finally:
        configure_logging("INFO", json=False)
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    events = {line["event"]: line for line in lines}
    assert events["stdlib line"]["job_id"] == "demo-job:C9"
    assert events["structlog line"]["channel"] == "C9"
    assert events["structlog line"]["run_id"] == events["job done"]["run_id"]
    assert events["in a request"]["request_id"] == "req-1"
    assert "job_id" not in events["in a request"]
    assert "chatty library" not in events


def test_a_library_that_sets_its_own_logger_to_debug_stays_quiet(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging("INFO", json=True)
    library = logging.getLogger("somelib.indexer")
    library.setLevel(logging.DEBUG)  # as bm25s and faiss do
    try:
        library.debug("building index from tokens")
        library.info("loaded with AVX2")
        library.warning("disk nearly full")
        logging.getLogger("retrieval.build").info("index built")
    finally:
        library.setLevel(logging.NOTSET)
        configure_logging("INFO", json=False)
    events = [json.loads(line)["event"] for line in capsys.readouterr().err.splitlines()]
    assert events == ["disk nearly full", "index built"]
