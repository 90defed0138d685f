"""A question that points at the cards ("per the deck", "from the card", "the reinforcement
learning card") asks what the flashcards say: search raises the flashcards a little, so a fuller
notes passage on the same subject no longer takes the answer from the card that holds it. A
question naming no cards is searched as before."""

from __future__ import annotations

import pytest

import retrieval.search as searching
from retrieval.embed import Embedder
from retrieval.material import read_pointer
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

CARDS = (
    "#separator:Tab\nFront\tBack\n"
    "Amazon Comprehend\tNatural language processing and text analytics. Extract key phrases,"
    " entities, sentiment, language, syntax, topics.\n"
    "Amazon Rekognition\tImages come from S3. Can use your own face collection.\n"
    "Kinesis Streams\tEach shard takes 1 MB/s in and 2 MB/s out.\n"
    "DeepAR input\tJSON lines, with a start time stamp and a target array.\n"
    "XGBoost instances\tMemory bound: M5 is a good choice for training.\n"
)

NOTES = """# AWS AI services

## Amazon Comprehend

Amazon Comprehend is a natural language processing service that finds meaning and insights in
text. There is no need to train your own model: the service is fully managed and available
through APIs.

## Amazon Rekognition

Amazon Rekognition finds faces in images and videos with no model to train. Face detection can
be paired with Augmented AI so that people review the predictions.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"deck.csv": CARDS, "services.md": NOTES}
    return tutor_over(tmp_path_factory, embedder, "cards-named", files)


@pytest.mark.parametrize(
    ("question", "cards"),
    [
        ("Per the deck, which format does DeepAR want?", True),
        ("Which Comprehend output from the card covers that?", True),
        ("Is that among the uses the reinforcement learning card lists?", True),
        ("In the flashcards' service list, what is DMS?", True),
        ("dynamodb vs s3 on the flashcards - which one is serverless?", True),
        ("what are sagemaker model cards", False),  # a subject, not the cards
        ("A card issuer flags fraud. Which metric?", False),
        ("what does comprehend extract", False),
    ],
)
def test_a_pointer_at_the_cards_is_read(question: str, cards: bool) -> None:
    assert read_pointer(question).cards is cards


def test_the_card_pointed_at_answers(tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    question = "Which Comprehend output on the card tags the parts of speech in a sentence?"
    assert "syntax" in tutor.ask(question).text
    monkeypatch.setattr(searching, "CARDS_NAMED_WEIGHT", 0.0)
    assert "syntax" not in tutor.ask(question).text  # the notes' fuller passage won


def test_a_question_naming_no_cards_is_searched_as_before(tutor: NotesIndex) -> None:
    question = "which comprehend output gives the parts of speech of a sentence?"
    searcher = tutor.searcher
    plain = searcher.search(question, k=4)
    assert [h.row for h in searcher.search(question, k=4, cards=False)] == [h.row for h in plain]
    raised = searcher.search(question, k=4, cards=True)
    assert [h.score for h in raised if h.chunk.kind == "flashcard"] > [
        h.score for h in plain if h.chunk.kind == "flashcard"
    ]
