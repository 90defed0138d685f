"""A scenario's passage is not picked for a sentence that echoes the stem's symptom: the data
leakage passage restates "validation scores look excellent but production is poor", while the
passage on train and validation splits answers "how should they split the data?"."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Model evaluation

## Data leakage

Data leakage happens when information that will not be available at prediction time slips into
training, so validation scores look excellent but the model falls apart once it is live. Check
for it whenever a model's scores look too good to be true.

## Train, validation and test splits

Hold out data the model never trains on. A time-based split trains on earlier data and
validates on later data, the honest way to evaluate a forecasting model. Random splits of time
series let the model learn from the future.

## Cross-validation

K-fold cross-validation rotates the held-out fold so every row is used for validation once,
which gives a steadier estimate on small datasets.
"""

STEM = (
    "A team built a daily demand model from three years of sales and checked it on a random "
    "20 % of the rows. Validation scores were excellent, but the forecasts fall apart once it "
    "is live. How should they split the data to get an honest estimate?"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "echo-notes", {"evaluation.md": NOTES})


def test_the_passage_that_answers_beats_the_one_restating_the_symptom(tutor: NotesIndex) -> None:
    answer = tutor.ask(STEM)
    assert answer.covered
    assert "earlier data" in answer.text and "Data leakage happens" not in answer.text
    assert answer.passages[0].heading.endswith("Train, validation and test splits")
