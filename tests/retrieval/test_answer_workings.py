"""An ask for how something works ("how does a request pick ...", "how do messages get passed
on ...") is answered by the line saying how it works, not by the line advising when to use the
thing, which holds the same words and scored higher; an ask for what to do ("how do I ...") or
when to use it keeps the advice."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import understand
from retrieval.workings import asks_workings
from tests.retrieval.conftest import tutor_over

NOTES = """# Ingestion notes

## Device ingestion

### Device message broker
Use the device broker whenever devices send messages that must be passed on to a stream or a \
bucket. Devices publish messages to the broker over MQTT. A routing rule reads each message and \
passes it on to a stream, a bucket or a function.

## Storage

### Object buckets
Buckets store objects of any size and keep them until they are deleted.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "workings", {"ingest.md": NOTES})


def test_a_how_does_ask_is_answered_by_how_it_works(tutor: NotesIndex) -> None:
    answer = tutor.ask("device broker: how do messages get passed on to a stream or a bucket?")
    assert answer.covered
    assert "routing rule" in answer.text
    assert not answer.sentences[0].startswith("Use the device broker")


def test_a_when_ask_keeps_the_advice(tutor: NotesIndex) -> None:
    answer = tutor.ask("when should I use the device broker?")
    assert answer.covered
    assert answer.sentences[0].startswith("Use the device broker whenever")


def test_asks_workings() -> None:
    assert asks_workings(understand("how does a request pick which model answers it"))
    assert asks_workings(understand("iot core: how do messages get passed on to kinesis?"))
    assert asks_workings(understand("How are skip-thought vectors trained?"))
    # what to do, what it is used for, two sides set apart
    assert not asks_workings(understand("how do i send a request to the challenger variant"))
    assert not asks_workings(understand("how is the f1 score used"))
    assert not asks_workings(understand("how do kinesis streams and firehose differ?"))
