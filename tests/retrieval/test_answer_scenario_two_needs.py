"""A scenario stem naming two needs whose ask wants two things ("Which two extras on the card
cover that?") is answered with a line for each need, not with the one line meeting the first
need beside lines restating the setting (`retrieval.two_needs`)."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.two_needs import asks_two, stem_needs
from tests.retrieval.conftest import filler_topics, tutor_over

NOTES = f"""# Serving trained models

- Save the trained model artefact to S3 before you deploy it.
- You can deploy in two ways:
  - A persistent endpoint answers single prediction requests on demand.
  - Batch Transform scores a whole dataset in one job.

Extra options

- Inference pipelines chain preprocessing containers before the model.
- SageMaker Neo for deploying to edge devices.
- Elastic Inference for accelerating deep learning models.
- Automatic scaling (increase # of endpoints as needed).

# Notebook instances

Notebook instances run Jupyter on a managed machine. Root access can be switched off for their
users, and a lifecycle configuration runs a shell script when the instance starts.

{filler_topics(8)}
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-two-needs", {"notes.md": NOTES})


def test_each_need_gets_its_own_line(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our endpoint must grow with traffic, and we also want to run a model on edge devices. "
        "Which two extras on the serving card cover that?"
    )
    text = " ".join(answer.sentences)
    assert "Automatic scaling" in text and "SageMaker Neo" in text
    assert "persistent endpoint" not in text  # the card's setting, meeting neither need


def test_a_need_no_line_meets_keeps_the_quote(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our endpoint must grow with traffic, and finance wants every invoice printed in colour. "
        "Which two extras on the serving card cover that?"
    )
    # no quoted line is about either need: the quote is kept, not cut to one line and another
    assert "persistent endpoint" in " ".join(answer.sentences)


def test_the_stems_two_needs_are_its_clauses() -> None:
    assert stem_needs(("A site wants to tag people in photos and also read text in them",)) == (
        "A site wants to tag people in photos",
        "read text in them",
    )
    assert stem_needs(("one need", "another need", "a third need")) == ()
    assert asks_two("Which two services cover those steps?")
    assert not asks_two("Which service fits?")
