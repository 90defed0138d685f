"""A line written as a title that heads the lines indented under it ("Rekognition: The Nitty
Gritty" over its facts) states nothing: it is not quoted, while its items are; a name line
("Amazon Forecast CNN-QR") and a fact written after a label stay quotable."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.heading_line import is_titled, only_heads
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

VISION = """# Vision services

## Amazon Rekognition

Rekognition: The Nitty Gritty

  - Images come from S3, or provide image bytes as part of the request
  - Video must come from Kinesis Video Streams, H.264 encoded
  - Facial recognition depends on good lighting and the angle of the face
"""

# The same notes opening with a sentence of their own: a one-sentence answer goes on with the
# passage's next sentence, which is not the title either.
INTRODUCED = VISION.replace(
    "Rekognition: The",
    "Rekognition finds objects, scenes and faces in images and videos.\n\nRekognition: The",
)

FORECAST = """  - Amazon Forecast CNN-QR
    1D time series, Seq2Seq model
"""

HOSTING = """Hosting Services: Persistent HTTPS endpoint for predictions

  - One endpoint per model variant
"""


def heads(text: str, line: str) -> bool:
    start = text.index(line)
    return only_heads(text, start, start + len(line))


def test_a_title_over_indented_lines_only_heads_them() -> None:
    assert heads(VISION, "Rekognition: The Nitty Gritty")
    assert not heads(VISION, "Images come from S3, or provide image bytes as part of the request")


def test_a_name_line_and_a_labelled_fact_are_no_titles_of_this_kind() -> None:
    assert not heads(FORECAST, "Amazon Forecast CNN-QR")  # quoted with the line under it
    assert not heads(HOSTING, "Hosting Services: Persistent HTTPS endpoint for predictions")
    assert is_titled("Transient vs Long-Running Clusters")
    assert not is_titled("Rekognition")  # one capitalised word is a name


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "heading-line", {"vision.md": VISION})


def test_the_title_is_not_quoted_ahead_of_the_fact(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "rekognition: where can still images come from, and where does video come from?"
    )
    assert "Nitty Gritty" not in answer.text
    assert "image bytes" in answer.text


def test_the_title_is_not_the_sentence_an_answer_goes_on_with(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    introduced = tutor_over(tmp_path_factory, embedder, "introduced", {"vision.md": INTRODUCED})
    answer = introduced.ask(
        "rekognition: where can still images come from, and where does video come from?"
    )
    assert answer.covered and "Nitty Gritty" not in answer.text
