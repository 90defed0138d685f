"""A how-to ask the asker acts in ("how do I get object detection to start from pretrained
weights?") is answered from a passage about its subject: when search's first passage never names
the subject (it matched "weights" of another thing), the anchor moves to the first pooled passage
headed by the rarest of the question's words that pooled headings hold
(`retrieval.named_step.subject_anchor`)."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.named_step import HOW_I_DO
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

NOTES = f"""# Other notes

{filler_topics(12)}

# Production variants

Weights decide how much traffic each model behind one endpoint gets. To get a newly trained
model to start safely, give it a weight of zero rather than random weights, then raise its
weights step by step; it starts from pretrained weights of its own. Models with larger weights
answer more requests; equal weights split requests evenly.

# Object Detection

## Object Detection training

- Uses a CNN with the Single Shot Detector algorithm
- Use a pre-trained model for the base network, instead of random initial values

## Object Detection input

- Images with a JSON annotation file of bounding boxes
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "how-to-subject", {"notes.md": NOTES})


def test_a_how_to_is_answered_from_its_subjects_passage(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "How do I get object detection to start from pretrained weights and not random weights?"
    )
    assert "pre-trained model for the base network" in answer.text
    assert "traffic" not in answer.text


def test_the_asker_acts_in_a_how_to() -> None:
    assert HOW_I_DO.search("how do I feed it in Pipe mode?")
    assert HOW_I_DO.search("catboost - how do u even start it")
    assert HOW_I_DO.search("how to reshard a stream")
    assert not HOW_I_DO.search("how does label propagation work?")
    assert not HOW_I_DO.search("how do the trees it adds relate to the ones before?")
