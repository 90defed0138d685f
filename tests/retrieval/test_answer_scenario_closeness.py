"""A scenario's passage is weighed by search's fused score (cosine and BM25) as much as by its
cosine: a long stem dilutes the cosine, and the passage holding the stem's rare words lost to
one whose cosine was closer."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

SHIPPED = Path(__file__).resolve().parents[2] / "corpus" / "notes"
# The team's notes: the PCA passage and the feature-selection one that holds "highly correlated".
FILES = ("feature-engineering.md", "statistics-visualization.md", "data-preparation.md")


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(
        tmp_path_factory,
        embedder,
        "closeness-notes",
        {name: (SHIPPED / name).read_text(encoding="utf-8") for name in FILES},
    )


def test_the_passage_holding_the_stems_rare_words_is_chosen(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A data scientist has a dataset with 500 highly correlated numeric features and wants to "
        "reduce the number of features while keeping most of the variance. Which technique fits?"
    )
    assert answer.kind == "scenario" and answer.covered
    assert answer.passages[0].heading.endswith("Principal Component Analysis")
    assert "PCA" in answer.text
