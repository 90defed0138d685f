"""Where a scenario's data sits is a storage the notes name as such ("Amazon S3 is object
storage"): its passage is a given of the stem, not the answer. A service the stem works in
("face recognition in our Rekognition app") is no such place, and its passage may hold the
answer."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## Amazon Rekognition

Amazon Rekognition detects faces, objects and text in images with a pre-trained model.
Face recognition accuracy drops with poor lighting, faces turned at a steep angle and low
image resolution, so capture faces well lit and from the front.

## Amazon Rekognition Video

Rekognition Video detects faces, people and scenes in videos and tracks them across frames.

## Amazon S3

Amazon S3 is object storage for your data: buckets hold objects of any size.
S3 Standard keeps photos and other objects available for frequent access.

## Amazon SageMaker Ground Truth

Ground Truth labels images with human workers, and active learning labels the easy ones
automatically.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "place-notes", {"notes.md": NOTES})


def test_a_service_the_stem_works_in_is_not_where_the_data_sits(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Face recognition in our Rekognition app works in the office but fails on photos from "
        "a dim warehouse, taken from the side at low resolution. What is the likely cause?"
    )
    assert answer.kind == "scenario"
    assert "lighting" in answer.text


def test_the_storage_the_data_sits_in_is_still_not_the_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "We keep 2 million product photos in S3 and need bounding-box labels on them for "
        "training, without labelling every photo by hand. What should we use?"
    )
    assert answer.kind == "scenario"
    assert "Ground Truth" in answer.text and "object storage" not in answer.text
