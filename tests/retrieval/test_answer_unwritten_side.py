"""A comparison's side whose words the notes hold but never write together ("Storage Gateway"
in notes with DataSync's on-premises storage and an endpoint gateway, even in one passage) is
declined by name when neither the answer nor its passage names it: the answer would speak of
the other side only. A side the quoted passage names in its own words is answered. So is a name
the question capitalises ("S3 Object Lambda") that the notes never write, and one holding a word
the notes never use ("Glacier Deep Archive" in notes that have Glacier and archives)."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Moving data into AWS

## Streaming redaction

Kinesis Data Firehose can call a Lambda function to redact PII from each record before delivery.

## Encryption at rest

Each S3 object is encrypted at rest with SSE-S3 or SSE-KMS keys.

## AWS DataSync

AWS DataSync is an online transfer service that copies files from on-premises storage to Amazon S3.
It reads NFS and SMB shares and verifies every file it copies.

## Billing

Glacier is the cheapest storage class for archives kept for years.
A NAT gateway bills for every hour it runs and every GB it passes.

## Amazon API Gateway

Amazon API Gateway puts a REST API in front of a SageMaker endpoint.

## Protecting PII

Amazon Comprehend finds PII in text before it reaches a training set.
DetectPiiEntities returns each entity's type and character offsets, while ContainsPiiEntities
only reports which types are present.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "unwritten-side", {"transfer.md": NOTES})


def test_a_side_the_notes_never_write_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("Storage Gateway vs DataSync for copying files from our NFS share to S3?")
    assert not answer.covered
    assert answer.missing == "Storage Gateway"


def test_a_side_its_passage_names_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "comprehend DetectPiiEntities vs ContainsPiiEntities, what does each return?"
    )
    assert answer.covered
    assert "character offsets" in " ".join(answer.sentences)


def test_a_capitalised_name_the_notes_never_write_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("can S3 Object Lambda redact PII when a training job reads the files?")
    assert not answer.covered
    assert answer.missing == "Object Lambda"
    # a name the notes write, capitalised the same way, is answered
    assert tutor.ask("can Kinesis Data Firehose redact PII before delivery?").covered


def test_a_capitalised_name_with_a_word_the_notes_never_use_is_declined_by_name(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("is Glacier Deep Archive the cheapest storage class for archives?")
    assert not answer.covered
    assert answer.missing == "Glacier Deep Archive"
