"""A scenario's answer quotes the sentence that answers its ask, not the one that restates the
stem: a sentence closer to the ask alone than to the whole question says what to do."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

DECK = """#separator:Comma
#html:false
#columns:Front,Back,Tags
#tags column:3
"Amazon Rekognition","Computer vision

- Object and scene detection
- Facial analysis
- Images come from S3, or provide image bytes as part of request
- S3 will be faster if the image is already there
- Facial recognition depends on good lighting, angle and resolution
- Can use with Lambda to trigger image analysis upon upload",vision
"Amazon Textract","OCR with forms, fields and tables support",vision
"""

STEM = (
    "Our pictures already sit in an S3 bucket and a Lambda function sends each new upload to "
    "Rekognition. When latency matters, is it better to pass the image bytes in the request or "
    "to reference the S3 object?"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-ask", {"cards.csv": DECK})


def test_the_sentence_answering_the_ask_is_quoted_over_the_stem_restated(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(STEM)
    assert "S3 will be faster" in " ".join(answer.sentences)
