"""The sentence added for an asked attribute comes from a passage about the asked subject: one
the quote quotes, or one whose heading names the subject. Another subject's passage that only
mentions the asked one's words says its attribute of that other subject: Glue's transforms
("Map applies a function to each record") are no feature store record's fields, and image
preprocessing ("scale pixel values") is not how a segmentation endpoint returns per-pixel
probabilities. Asked of the team's notes, those sections and their neighbours."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = Path(__file__).resolve().parents[2] / "corpus" / "notes"
FILES = ("algorithms-vision.md", "feature-engineering.md", "data-processing-etl.md")


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {name: (NOTES / name).read_text(encoding="utf-8") for name in FILES}
    return tutor_over(tmp_path_factory, embedder, "subject-passages", files)


def test_a_feature_store_answer_adds_no_glue_transform(team: NotesIndex) -> None:
    answer = team.ask("what two fields does every record in a feature store feature group need?")
    assert "record identifier and an event time" in answer.sentences[0]
    assert "ApplyMapping" not in answer.text
    assert answer.passages[0].heading.endswith("Feature Store Concepts")


def test_a_segmentation_answer_adds_no_image_preprocessing(team: NotesIndex) -> None:
    answer = team.ask(
        "semantic segmentation endpoint - how do i get per-pixel class probabilities back "
        "instead of the png mask?"
    )
    assert any("per-pixel class probabilities" in s for s in answer.sentences)
    assert "Resize or crop" not in answer.text
    assert answer.passages[0].heading.endswith("Semantic Segmentation input formats")
