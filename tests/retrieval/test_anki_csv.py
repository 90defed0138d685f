"""One reader of Anki CSV exports for the index and the quiz: headers, columns, lines, errors."""

from pathlib import Path

import pytest

from quiz.bank import load_flashcards
from quiz.errors import BankError
from retrieval.anki_csv import CardFileError, read_cards
from retrieval.load import read_delimited

DECK = (
    "#separator:Semicolon\n"
    "#columns:Tags;Back;Front\n"  # Anki writes the column titles with the separator in use
    "#tags column:1\n"
    'topic::s3;"Object storage:\nbuckets of objects";What is S3?\n'
    "\n"
    "topic::kinesis data;Shards;What sets Kinesis throughput?\n"
)


def test_headers_choose_the_separator_the_columns_and_the_tags() -> None:
    cards = read_cards(DECK)
    assert [(c.front, c.back, c.tags, c.line) for c in cards] == [
        ("What is S3?", "Object storage:\nbuckets of objects", ("topic::s3",), 4),
        ("What sets Kinesis throughput?", "Shards", ("topic::kinesis", "data"), 7),
    ]


def test_the_index_and_the_quiz_read_the_same_cards(tmp_path: Path) -> None:
    deck = tmp_path / "flashcards" / "deck.csv"
    deck.parent.mkdir()
    deck.write_text("#separator:Tab\nFront\tBack\tTags\nWhat is S3?\tObject storage\ttopic::s3\n")
    quiz = load_flashcards(deck)
    index = read_delimited(deck.read_text(), "deck.csv")
    assert [(c.front, c.back) for c in quiz] == [("What is S3?", "Object storage")]
    assert [d.text for d in index] == ["Q: What is S3?\nA: Object storage"]
    assert quiz[0].tags == ("topic::s3",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,c,d\n", r"line 1: expected 2 or 3 columns \(front, back, tags\), found 4"),
        ('#separator:Comma\nq,a\n"open,quote\n', "line 3: malformed CSV"),
        ("#separator:Dots\nq,a\n", "unknown separator 'Dots'"),
        ("#columns:Question,Answer\nq,a\n", "must name Front and Back"),
    ],
)
def test_a_bad_file_names_the_line_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(CardFileError, match=message):
        read_cards(text)


def test_the_quiz_names_the_file_and_the_line_of_an_empty_back(tmp_path: Path) -> None:
    deck = tmp_path / "deck.csv"
    deck.write_text('#separator:Comma\n"two\nlines",ok\nq,\n')
    with pytest.raises(BankError, match=r"deck\.csv.*line 4: empty front or back"):
        load_flashcards(deck)
