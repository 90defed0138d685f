"""Messy notes put sentences of different bullets and sub-topics side by side. A sentence that
leans on the one before it ("This is due to ...", "E.g. ...", "But ...") is quoted only right
after that one; a sentence with no subject is not quoted after an example; a sentence that opens
with a term line of its own is not labelled with the heading it sits under; a card's "A:" label
never reaches an answer."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over
from tests.retrieval.fixtures import WIDGET

BLOG = (
    "Machine learning notes\n\nModel fitting\n\n"
    "· Your model is underfitting the training data when the model performs poorly on the "
    "training data. This is because the model is unable to capture the relationship between the "
    "inputs and the target.\n\n"
    "· The overfitting model would look squiggly. This is due to the fact that it is able to "
    "learn too much information (even noise) in the training data.\n\n"
    "· The dropout hyperparameter refers to the dropout probability for network layers.\n\n"
    "Amazon Neptune ML\n\n"
    "New stuff, 2021. Works on GNNs (Graph neural networks). Optimized machine learning for "
    "graphs. E.g. xgboost has to operate on tabular data. Uses deep graph library.\n\n"
    "Measuring the goodness of AI\n\nROC (Receiver Operating Characteristic)\n\nPR curve\n\n"
    "Precision\n\nRecall\n\nDatabases\n\nRelational\n\n  • SQL\n  • MySQL\n\n"
    "Non-relational\n\n  • Hadoop\n  • Spark\n\n"
    "Amazon Neptune\n\n"
    "E.g. fraud rings have to be found across linked accounts. Uses Gremlin queries.\n"
)

CARDS = (
    "Flashcards\n\n"
    "1\nQ\n\nPrecision or PPV (positive predicted value)\n\nA\n\n"
    "Of all the values predicted positive, how many are actually positive.\n\n"
    + WIDGET
    + "2\nQ\n\nRecall or True Positive Rate\n\nA\n\n"
    "Of all the values that are actually positive, how many are found.\n\n"
    + WIDGET
    + "3\nQ\n\nKinesis Firehose\n\nA\n\n"
    "Amazon Kinesis Data Firehose delivers streaming data to destinations such as:\n\n"
    "  • Amazon S3\n  • Amazon Redshift\n  • Splunk\n\n" + WIDGET
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "leaning", {"blog.txt": BLOG, "cards.txt": CARDS})


def test_a_leaning_sentence_is_quoted_right_after_the_one_it_leans_on(tutor: NotesIndex) -> None:
    answer = tutor.ask("my model is great on training data but bad on test data, what do i do")
    sentences = answer.sentences
    for i, sentence in enumerate(sentences):
        if sentence.startswith("This is due"):
            assert i > 0 and sentences[i - 1].endswith("would look squiggly.")


def test_no_subjectless_sentence_after_an_example(tutor: NotesIndex) -> None:
    answer = tutor.ask("is xgboost good for tabular data")
    quoted = " ".join(answer.sentences)
    assert "E.g. xgboost" in quoted
    assert "Optimized machine learning for graphs. E.g. xgboost" in quoted
    assert "Uses deep graph library" not in quoted


def test_no_subjectless_sentence_follows_an_example_that_opens_its_passage(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("fraud rings across linked accounts?")
    assert "E.g. fraud rings" in " ".join(answer.sentences)
    assert "Uses Gremlin queries" not in " ".join(answer.sentences)


def test_a_term_lines_sentence_is_not_labelled_with_the_heading_above(tutor: NotesIndex) -> None:
    answer = tutor.ask("whats the difference between precision and recall")
    assert "Relational" not in answer.text


def test_a_cards_answer_label_never_reaches_an_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask("kinesis firehose destinations")
    assert "Amazon S3" in answer.text
    assert "A:" not in answer.text
