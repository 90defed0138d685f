"""A scenario that asks for a named value ("Which mode ...?", "Which objective ...?") is answered
by the passage and sentence naming that kind of value, and a line leading into a list ("...
has multiple modes", "..., hence") is quoted with the list's items, which are the values."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# BlazingText

Word2vec has multiple modes

- Cbow (Continuous Bag of Words)
- Skip-gram (this is an N-gram and order does matter)
- Batch skip-gram
  - Distributed computation over many CPU nodes

# Impact of batch size on model

using a larger batch degrades the model, as measured by its ability to generalize, hence

- reduce batch size and
- reduce learning rate to avoid getting stuck in local minima

The higher the batch size, the more memory space you will need.

# XGBoost tuning

eval_metric allows to set the metric you are optimizing on, for example AUC for unbalanced classes.

scale_pos_weight adjusts the balance of positive and negative weights for unbalanced classes.

# XGBoost

- classification
- regression

objective set to multi:softprob

memory bound, so benefits more from M instances than C ones
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-kind", {"notes.md": NOTES})


def test_the_line_naming_the_asked_kind_is_quoted_with_its_items(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A company trains BlazingText word2vec on a huge corpus and wants to spread the work "
        "over several CPU machines. Which mode should they choose?"
    )
    assert "Batch skip-gram" in " ".join(answer.sentences)


def test_a_line_leading_into_a_list_is_quoted_with_its_items(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "After we raised the batch size, the model generalises noticeably worse on the "
        "validation set. What should we change?"
    )
    assert "reduce batch size" in " ".join(answer.sentences)


def test_the_passage_naming_the_asked_kind_answers(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "We train SageMaker XGBoost on a 5-class problem and need a probability for every class "
        "on each row, not only the winning class. Which objective should we set?"
    )
    assert "multi:softprob" in " ".join(answer.sentences)
