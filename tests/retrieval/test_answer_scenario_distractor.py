"""A scenario's passage is not the distractor that restates its stem: the stem's requirements met
weigh half as much as closeness (`scenario.MET_WEIGHT`), and a sentence giving advice earns no
bonus, so search's clearly closer passage, the one holding the answer, is quoted and cited
first."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

SHIPPED = Path(__file__).resolve().parents[2] / "corpus" / "notes"
# Data leakage restates the stem ("validation scores look excellent but production performance is
# poor"); the time-based split, search's first passage, is what the team should do.
FILES = ("data-preparation.md", "statistics-visualization.md", "ai-services.md", "ml-concepts.md")


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(
        tmp_path_factory,
        embedder,
        "distractor-notes",
        {name: (SHIPPED / name).read_text(encoding="utf-8") for name in FILES},
    )


def test_the_passage_restating_the_stem_does_not_take_the_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our daily demand model was trained on three years of sales and checked on a random 20 % "
        "of the rows. Its validation scores were excellent, but its forecasts fall apart once it "
        "is live. How should we split the data to get an honest estimate?"
    )
    assert answer.kind == "scenario" and answer.covered
    assert answer.passages[0].heading.endswith("Time-Based Splits")
    assert "time-based split" in answer.text.lower()
    assert "leakage" not in answer.text.lower()
