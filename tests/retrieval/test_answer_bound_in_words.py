"""A limit question is answered by the sentence stating the subject's bound even when no digit
states it ("no limit on input size", "infinite storage"), and a footnote marker pasted with a
web page ("softargmax[1]: 184") is no number: the sentence carrying it states no value."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.limits import _states_number
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = {
    "training.md": "# Training\n\n"
    "## Training input\n\n"
    "Training jobs read their input from S3 buckets you name in the job.\n"
    "There is no limit on the input size of a training job.\n"
    "A training instance can attach an EBS volume of at most 16 TB for scratch files.\n",
}


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("bounds")
    for name, text in NOTES.items():
        (root / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("bounds-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("There is no limit on the input size.", True),
        ("Serverless, infinite storage.", True),
        ("Total bucket size is unbounded.", True),
        ("The logistic curve[1]: 12 is an S-shaped function.", False),
        ("The logistic curve[2] is an S-shaped function.", False),
        ("Payloads can be up to 6 MB.", True),
    ],
)
def test_a_bound_in_words_states_one_and_a_footnote_does_not(text: str, states: bool) -> None:
    assert _states_number(text) is states


def test_is_there_a_maximum_quotes_the_bound_said_in_words(tutor: NotesIndex) -> None:
    answer = tutor.ask("is there a maximum size for the input data of a training job?")
    assert answer.covered and answer.kind == "limit"
    assert "no limit on the input size" in answer.text and "16 TB" not in answer.text
