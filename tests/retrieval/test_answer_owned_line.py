"""A line too short to be a sentence ("range: [0,1]", "EMR Notebooks", "- Num_layers_encoder")
is quoted with the line it belongs to: the list item it is indented under, or a flashcard's
front at the top level of its back; a short line of a note with no such line is a title."""

from __future__ import annotations

import pytest

from retrieval.build_plan import chunk_spans
from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.sentences import sentence_spans, shown_sentence
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

PARAMETERS = """# XGBoost

## Parameters

- eta [default=0.3, alias: learning_rate]
    Step size shrinkage used in update to prevent overfitting.
    range: [0,1]
- gamma [default=0, alias: min_split_loss]
    Minimum loss reduction required to make a further partition on a leaf node.
    range: [0,∞]
"""

CARD = (
    "Q: Amazon EMR\n"
    "A: Amazon EMR is a managed big data platform running Spark, Hive and Presto.\n\n"
    "Managed Hadoop framework on EC2 instances\n\n"
    "EMR Notebooks\n\n"
    "Several integration points with AWS"
)

SETTINGS = (
    "Q: Seq2Seq: Important Hyperparameters\n"
    "A: - Batch_size\n"
    "  - Optimizer_type (adam, sgd, rmsprop)\n"
    "  - Num_layers_encoder\n"
    "  - Num_layers_decoder\n"
    "  - Can optimize on:\n"
    "    - Perplexity\n"
    "      - Cross-entropy"
)


def shown(text: str) -> list[str]:
    return [shown_sentence(text, start, end) for start, end in sentence_spans(text)]


def test_a_short_line_on_a_cards_back_is_quoted_with_the_cards_front() -> None:
    assert "Amazon EMR: EMR Notebooks" in shown(CARD)


def test_a_run_of_setting_names_is_one_entry_each_under_its_lead_in() -> None:
    said = shown(SETTINGS)
    assert "Seq2Seq: Important Hyperparameters: Num_layers_encoder" in said
    assert "Seq2Seq: Important Hyperparameters: Batch_size" in said
    assert "Optimizer_type (adam, sgd, rmsprop)" in said  # not joined to Batch_size
    assert "Perplexity: Cross-entropy" in said
    # A short line with lines indented under it is their heading, not a fact of its own.
    assert not any(s.endswith(": Perplexity") for s in said)
    assert not any("Num_layers_decoder" in s and "optimize" in s for s in said)


def test_a_short_note_line_with_nothing_above_it_is_still_a_title() -> None:
    assert shown("Random Forest\n\nBuilds many trees and averages their votes.") == [
        "Builds many trees and averages their votes."
    ]


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "owned", {"xgboost.md": PARAMETERS})


def test_a_range_line_under_a_parameter_answers_with_the_parameter(tutor: NotesIndex) -> None:
    answer = tutor.ask("xgboost eta - whats the allowed range of values?")
    assert "Eta [default=0.3, alias: learning_rate], range: [0,1]" in answer.text


def test_a_passage_of_short_lines_only_keeps_its_whole_text_as_one_sentence() -> None:
    text = "- text/csv\n  - text/libsvm"  # a window cut from under its lead-in
    chunk = Chunk("notes.md", ("XGBoost",), "note", 0, len(text), text)
    assert chunk_spans(chunk) == [(0, len(text))]
    assert "Perplexity: Cross-entropy" in [
        shown_sentence(SETTINGS, *s)
        for s in chunk_spans(
            Chunk("cards.txt", ("Seq2Seq",), "flashcard", 0, len(SETTINGS), SETTINGS)
        )
    ]
