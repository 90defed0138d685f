"""Answers from terse notes, written the way a team's raw notes are: bare facet headings, list
items without a subject, flashcards whose front names the subject and the facet asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = """# Study notes

## Amazon Kinesis Data Firehose

### Delivery

buffers incoming records for a while before it writes them to the destination

### Output

outputs Parquet or ORC files as the records arrive

## SageMaker XGBoost

### XGBoost hardware

Training on a single GPU instance is possible from release 1.2 onwards

  - set tree_method to gpu_hist
  - a P3 instance is a sensible pick

### XGBoost instance family

memory-bound, so it gains more from M instances than from C ones

## PCA

reduces the number of features while keeping most of the variance

### PCA modes

- regular -> sparse data with a moderate count of rows and columns
- randomized -> a very large count of rows and columns

## Amazon Elastic Inference

- lets you attach cheap GPU acceleration to CPU instances for deep learning inference. It works
with TensorFlow, PyTorch and MXNet models.

## Amazon Forecast

- Amazon Forecast Prophet
    suits series with strong seasonal patterns
- Amazon Forecast ARIMA
    meant for small datasets (fewer than 100 time series)

## Overfitting

Overfitting means a model memorises its training set and does badly on new data.

Ways to avoid overfitting:

- add L1 or L2 regularisation
- stop early when the validation loss stops improving
- collect more training data
"""

DECK = """#separator:Comma
#html:false
#columns:Front,Back,Tags
#tags column:3
"Semantic Segmentation: What's it for?","Labels every pixel of an image with a class. It tells apart roads, cars and people in one street photo.",cv
"Semantic Segmentation: How is it used?","Its backbones were trained on ImageNet beforehand. Incremental training, or training from scratch, is supported as well.",cv
"Semantic Segmentation: Instance Types","Only GPU machines are supported for training, one machine at a time. Inference can run on CPU or GPU machines.",cv
"Semantic Segmentation: What training input does it expect?","JPG images with PNG annotation maps. Pipe mode needs an augmented manifest.",cv
"""  # noqa: E501


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("terse")
    (root / "notes.md").write_text(NOTES, encoding="utf-8")
    (root / "cards.csv").write_text(DECK, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("terse-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


def test_a_card_whose_front_names_the_facet_asked_answers_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("semantic segmentation training instances")
    assert answer.covered
    assert "Only GPU machines are supported for training" in answer.text


def test_a_one_line_answer_brings_the_list_indented_under_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("xgboost gpu training setting")
    assert answer.text == (
        "XGBoost hardware: Training on a single GPU instance is possible from release 1.2 onwards."
        " Set tree_method to gpu_hist; a P3 instance is a sensible pick."
    )


def test_a_quote_naming_only_its_facet_heading_is_led_by_its_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("can firehose turn json into parquet on the fly")
    assert answer.text.startswith("Amazon Kinesis Data Firehose: Outputs Parquet or ORC")


def test_a_list_headed_by_the_remedy_asked_for_is_the_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask("how do i prevent overfitting")
    assert answer.text.startswith("Ways to avoid overfitting: add L1 or L2 regularisation;")
    assert "collect more training data" in answer.text


def test_a_comparison_side_is_found_without_the_words_both_sides_share(tutor: NotesIndex) -> None:
    answer = tutor.ask("pca regular mode vs randomized mode")
    assert "Regular → sparse data" in answer.text  # the notes' "->" shown as an arrow
    assert "Randomized → a very large count" in answer.text


def test_a_number_under_a_title_line_is_quoted_with_the_title(tutor: NotesIndex) -> None:
    answer = tutor.ask("forecast arima for how many time series")
    assert "ARIMA" in answer.text and "fewer than 100 time series" in answer.text


def test_what_is_x_opens_with_the_first_line_under_x_s_own_heading(tutor: NotesIndex) -> None:
    answer = tutor.ask("what is elastic inference")
    assert answer.sentences[0].startswith("Lets you attach cheap GPU acceleration")


def test_a_comparison_within_one_subject_names_that_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("xgboost M instance or C instance??")
    assert answer.text.startswith("XGBoost")
    assert "gains more from M instances than from C ones" in answer.text
