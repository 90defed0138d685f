"""A sentence opening with a pronoun is quotable when what it stands for is clear: the nearest
sentence before it that opens with no pronoun names the asked subject (read back over a run of
pronoun openers), or the card it sits on is named after the subject."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Deep Learning

## Activation functions

### ReLU and leaky ReLU

The Rectified Linear Unit (ReLU) outputs the input when it is positive and 0 otherwise. It is
cheap to compute and largely avoids vanishing gradients, so it is the default activation for
hidden layers.

Its weakness is the dying ReLU problem: a neuron whose input stays negative outputs 0 with zero
gradient and stops learning.

### Leaky ReLU in practice

Leaky ReLU fixes dying ReLU neurons by giving negative inputs a small slope.
"""

DECK = """#separator:Comma
#html:false
#columns:Front,Back,Tags
#tags column:3
"Object2Vec: What's it for?","Remember word2vec? It's like that, but for arbitrary objects. It creates low-dimensional dense embeddings of high-dimensional objects. Compute nearest neighbors of objects. Recommendations of similar items or users.",nlp
"Object2Vec: Instance Types","Train on a single machine, CPU or GPU. Inference on a GPU machine.",nlp
"""  # noqa: E501


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"deep.md": NOTES, "cards.csv": DECK}
    return tutor_over(tmp_path_factory, embedder, "pronoun-run", files)


def test_a_pronoun_after_a_run_of_pronouns_is_read_as_the_subject_named_first(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("what is the dying relu problem")
    quoted = " ".join(answer.sentences)
    assert "outputs 0 with zero gradient and stops learning" in quoted
    assert "Leaky ReLU fixes" not in quoted


def test_a_pronoun_on_a_card_named_after_the_subject_is_the_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("object2vec what does it do")
    assert "dense embeddings" in " ".join(answer.sentences)
