"""A comparison side's own section is found whether or not the student types the product prefix:
"amazon transcribe" and "transcribe" both lead to the section headed "Amazon Transcribe", whose
headings are keyed without the prefix."""

from __future__ import annotations

import pytest

from retrieval.compose import Composer
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Language services

## Amazon Comprehend

Amazon Comprehend finds entities, key phrases and sentiment in text without a model of your own.

## Amazon Comprehend Medical

Comprehend Medical extracts conditions, medications and dosages from clinical notes.

## Amazon Transcribe

Amazon Transcribe turns recorded or streamed speech into text, with speaker labels.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "own-passage", {"notes.md": NOTES})


@pytest.mark.parametrize(
    "question", ["amazon comprehend vs amazon transcribe", "comprehend vs transcribe"]
)
def test_a_sides_own_section_is_found_with_or_without_its_prefix(
    tutor: NotesIndex, question: str
) -> None:
    searcher = tutor.searcher
    ask = understand(question)
    prepared = searcher.prepare(ask.text)
    composer = Composer(searcher, ask, prepared[0], prepared[1])
    headings = []
    for side in ask.subjects:
        hit = composer._own_passage([frozenset(f) for f in composer._forms(side)])
        headings.append(hit.chunk.heading[-1] if hit else None)
    assert headings == ["Amazon Comprehend", "Amazon Transcribe"]
