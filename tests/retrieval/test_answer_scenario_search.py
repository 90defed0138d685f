"""A scenario's passage is weighed by search's fused score as well as its cosine, asked of the
real shipped notes: the passage whose rare words the stem holds (Principal Component Analysis for
correlated features to reduce while keeping the variance) answers it, over one that only matches
the stem's wording (dropping one of two correlated features)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

SHIPPED = Path(__file__).resolve().parents[2] / "corpus"
FILES = (
    "notes/feature-engineering.md",
    "notes/statistics-visualization.md",
    "notes/algorithms-unsupervised.md",
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("scenario-search")
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIPPED / name, root / name)
    index_dir = tmp_path_factory.mktemp("scenario-search-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(index_dir, MODEL, embedder=embedder)


def test_the_passage_search_ranks_first_on_rare_words_answers_the_scenario(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(
        "Our dataset holds 800 highly correlated numeric features; we must reduce the number of "
        "features and keep most of the variance. Which technique fits?"
    )
    assert answer.covered and "Principal Component Analysis" in answer.text
