"""Notes hard-wrapped by an editor or Prettier (paragraphs over several lines, list items over
indented continuation lines) answer exactly as the same notes written unwrapped."""

from __future__ import annotations

import textwrap

import pytest

from retrieval.embed import Embedder
from retrieval.sentences import LIST_MARKER
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

WIDTH = 72

NOTES = "\n".join(
    [
        "# Model evaluation",
        "",
        "## Averaging over classes",
        "",
        (
            "For multiclass classification, precision, recall and F1 are computed per class "
            "and then averaged:"
        ),
        "",
        (
            "- Macro averaging: the plain mean of the per-class scores, treating every class "
            "equally regardless of size. A poor score on a rare class pulls it down."
        ),
        (
            "- Weighted averaging: the mean of the per-class scores weighted by each class's "
            "number of true instances, so the large classes dominate the figure."
        ),
        (
            "- Micro averaging: pools the true positives, false positives and false negatives"
            " of all classes before computing the score, which equals accuracy for "
            "single-label problems."
        ),
        "",
        "## Cross-validation",
        "",
        (
            "K-fold cross-validation splits the training data into k folds, trains k models "
            "each on all folds but one, and averages their scores on the held-out fold. It "
            "gives a more reliable estimate of generalisation than a single split, at k times"
            " the training cost."
        ),
        "",
        (
            "Stratified k-fold keeps each class's share the same in every fold, which matters"
            " when one class is rare and a fold could otherwise hold none of it."
        ),
        "",
        "## Regularisation",
        "",
        ("Three ways to keep a model from overfitting its training data, each with its own cost:"),
        "",
        (
            "1. L1 regularisation (lasso) adds the sum of the absolute weights to the loss "
            "and drives many weights to exactly zero, so it also selects features."
        ),
        (
            "2. L2 regularisation (ridge) adds the sum of the squared weights to the loss and"
            " shrinks all weights towards zero without removing any of them."
        ),
        (
            "3. Dropout randomly switches off a share of a layer's units at each training "
            "step so that the network cannot rely on any single unit."
        ),
        "",
        (
            "Early stopping: training stops once the validation loss has not improved for a "
            "number of epochs set by the patience parameter, keeping the best weights seen."
        ),
        "",
        "## Class imbalance",
        "",
        (
            "A model trained on imbalanced data can be helped in three ways, at the data or "
            "at the loss:"
        ),
        "",
        (
            "- Oversampling: SMOTE creates synthetic minority examples by interpolating "
            "between a minority example and one of its nearest minority neighbours."
        ),
        (
            "- Undersampling: randomly drops majority examples until the classes are "
            "balanced, which is fast but throws away information the model could have used."
        ),
        (
            "- Class weights: the loss gives each minority example a larger weight, so "
            "mistakes on the rare class cost more during training without changing the data."
        ),
        "",
        (
            "When the positive class is rare, accuracy is misleading because a model that "
            "always predicts the negative class scores high while catching no positives at "
            "all."
        ),
        "",
        "## Thresholds",
        "",
        (
            "The ROC curve plots the true positive rate against the false positive rate at "
            "every decision threshold, and the area under it (AUC) summarises how well the "
            "model ranks positives above negatives."
        ),
        "",
        (
            "The precision-recall curve is more informative than the ROC curve when the "
            "positive class is rare, because the false positive rate stays low even when most"
            " predicted positives are wrong."
        ),
        "",
    ]
)

RATING = "How well did you know this?\n1\nNot at all\n2\n3\n4\n5\nPerfectly\n"
CARDS = "AWS ML Course Flashcards\n\n" + "".join(
    f"{number}\nQ\n\n{front}\n\nA\n\n{back}\n\n{RATING}\n"
    for number, (front, back) in enumerate(
        [
            (
                (
                    "Which SageMaker feature runs many training jobs with different "
                    "hyperparameters to find the best model?"
                ),
                (
                    "Automatic model tuning launches training jobs over ranges of "
                    "hyperparameters and uses Bayesian search to pick the combination with "
                    "the best objective metric."
                ),
            ),
            (
                "Kinesis Data Firehose",
                (
                    "Loads streaming data into S3, Redshift, OpenSearch and Splunk in near "
                    "real time, batching and compressing it, with no shards to manage and "
                    "no code to write."
                ),
            ),
            (
                (
                    "What does SageMaker Ground Truth do and how does it lower the cost of "
                    "labelling a large dataset?"
                ),
                (
                    "Ground Truth builds labelled datasets with human labellers and active "
                    "learning: a model labels the easy examples itself and only the hard "
                    "ones go to people."
                ),
            ),
        ],
        start=1,
    )
)
SERVICES = "\n".join(
    [
        "AWS AI services",
        "",
        (
            "Amazon Comprehend: natural language processing service that finds key phrases, "
            "entities, sentiment and the language of a text, and can train custom "
            "classifiers."
        ),
        (
            "Amazon Rekognition: image and video analysis that detects objects, faces, text "
            "and unsafe content, and can compare faces across images for identity checks."
        ),
        (
            "Amazon Polly: turns text into lifelike speech in dozens of voices and languages,"
            " with SSML tags to control pronunciation, pauses and speaking rate."
        ),
        "",
        "Spearman's correlation",
        (
            "Used instead of Pearson's when the relationship between the two variables is "
            "monotonic but not linear, or when the data are ranks rather than measurements."
        ),
        "",
    ]
)

QUESTIONS = [
    "What is macro averaging?",
    "How does weighted averaging differ from macro averaging?",
    "What is micro averaging equal to for single-label problems?",
    "How does k-fold cross-validation work?",
    "Why use stratified k-fold?",
    "What does L1 regularisation do to the weights?",
    "L1 vs L2 regularisation?",
    "What is dropout?",
    "What is early stopping?",
    "Why is accuracy misleading on imbalanced data?",
    "How does SMOTE create new examples?",
    "When should I use the precision-recall curve instead of ROC?",
    "What does the AUC summarise?",
    "How are precision, recall and F1 computed for multiclass classification?",
    "How can I keep a model from overfitting?",
    "How can a model trained on imbalanced data be helped?",
    "How do I find the best hyperparameters for a SageMaker training job?",
    "What is Kinesis Data Firehose?",
    "How does Ground Truth lower labelling costs?",
    "What can Amazon Comprehend do?",
    "Which service detects faces in images?",
    "When should Spearman's correlation be used?",
]
FILES = {"evaluation.md": NOTES, "cards.txt": CARDS, "services.txt": SERVICES}


def hard_wrapped(text: str, width: int = WIDTH) -> str:
    """`text` as an editor wraps it: paragraphs at `width`, list items with their continuation
    lines indented under the item's text; headings as they are."""
    lines = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            lines.append(line)
            continue
        marker = LIST_MARKER.match(line)
        indent = " " * (marker.end() if marker else 0)
        lines.append(
            textwrap.fill(
                line,
                width,
                subsequent_indent=indent,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def tutors(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> list[NotesIndex]:
    wrapped = {name: hard_wrapped(text) for name, text in FILES.items()}
    for name, text in wrapped.items():
        assert max(map(len, text.split("\n"))) <= WIDTH < max(map(len, FILES[name].split("\n")))
    return [
        tutor_over(tmp_path_factory, embedder, name, files)
        for name, files in (("unwrapped", FILES), ("wrapped", wrapped))
    ]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_hard_wrapped_file_answers_as_the_same_file_unwrapped(
    tutors: list[NotesIndex], question: str
) -> None:
    unwrapped, wrapped = (tutor.ask(question) for tutor in tutors)
    assert wrapped.sentences == unwrapped.sentences
    assert [p.citation for p in wrapped.passages] == [p.citation for p in unwrapped.passages]
    assert wrapped.covered == unwrapped.covered


def test_a_wrapped_list_item_is_quoted_whole(tutors: list[NotesIndex]) -> None:
    answer = tutors[1].ask("What is macro averaging?")
    assert "regardless of size" in answer.text
