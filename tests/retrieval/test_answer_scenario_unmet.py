"""A scenario whose stem names the setting and asks what to add or pick is answered with the
passage's sentence that meets the stem requirement the quoted ones leave unmet, not only with
the sentences restating the setting."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Instances for training

Deep learning training is dominated by large matrix multiplications, which a GPU runs in parallel
far faster than a CPU.

Use GPU instances to train CNNs, RNNs, transformers and other large networks; use CPU instances
for classic algorithms.

- **P family** (ml.p3, ml.p4d): the most powerful GPUs, for large training jobs and multi-GPU
  training.
- **G family** (ml.g4dn, ml.g5): cheaper GPUs, good for smaller training jobs and for inference.
- **Trn1 (AWS Trainium)**: AWS chips built for cost-efficient deep learning training.
- **C family** and **M family**: CPU instances.

# Pipelines

SageMaker Pipelines is the native workflow service for ML. A pipeline is a graph of steps:
processing, training, model evaluation, condition steps (for example, register only if accuracy
exceeds a threshold), model registration and batch transform. Runs are tracked with lineage and
can start on a schedule. Use Pipelines to automate retraining with the least operational
overhead inside SageMaker.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-unmet", {"notes.md": NOTES})


def test_the_sentence_holding_the_stems_unmet_words_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Each week a lab retrains large transformer networks on GPU instances and the bill keeps "
        "growing. They would rather run on the chips AWS built for training, not the ones for "
        "serving predictions. Which instance family fits?"
    )
    assert "Trainium" in " ".join(answer.sentences)


def test_the_step_meeting_the_stems_condition_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "After each retraining, a model may be registered only if its evaluation accuracy beats "
        "a fixed threshold, and the flow should stay inside SageMaker with the least operational "
        "overhead. What should the team build?"
    )
    assert "condition steps" in " ".join(answer.sentences)


GRADIENTS = """# Exploding gradients

Exploding gradients are the opposite of vanishing gradients: gradients grow larger and larger
through back propagation, producing huge weight updates, wildly jumping loss and finally NaN or
overflow values.

Gradient clipping: cap the gradient norm (or each value) at a threshold before the update. This is
the standard fix, especially for RNNs. Use LSTM or GRU cells instead of plain RNN cells.

# Multiclass averaging

For multiclass classification, precision, recall and F1 are computed per class and then averaged:

"""
# list items on one line each, as the shipped notes write them
GRADIENTS += "\n".join(
    (
        "- Macro averaging: the plain mean of the per-class scores, treating every class equally "
        "regardless of size. A poor score on a rare class pulls it down, so use macro when small "
        "classes matter as much as big ones.",
        "- Weighted averaging: the mean weighted by each class's support (true examples).",
        "- Micro averaging: pools all TP, FP and FN counts first; for single-label multiclass it "
        "equals accuracy.",
    )
)


@pytest.fixture(scope="module")
def gradients(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-unmet-room", {"notes.md": GRADIENTS})


def test_an_added_sentence_never_pushes_out_the_reason_a_leaning_one_needs(
    gradients: NotesIndex,
) -> None:
    answer = gradients.ask(
        "I'm training an RNN on long sequences. After a few hundred steps the loss starts jumping "
        "around wildly and then turns into NaN. What's the standard fix?"
    )
    text = " ".join(answer.sentences)
    assert "Gradient clipping" in text, text


def test_a_list_item_already_quoted_with_its_list_is_not_quoted_again(
    gradients: NotesIndex,
) -> None:
    answer = gradients.ask(
        "A model sorts support tickets into 5 classes and one class holds 70 % of them. The team "
        "wants one F1 number where each class counts equally, so the small classes are not "
        "hidden. Which averaging should they use?"
    )
    text = " ".join(answer.sentences)
    assert text.count("treating every class equally") == 1, text
