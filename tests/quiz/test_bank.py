"""Loading the bank and flashcards: the schema is enforced with file, id and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quiz.bank import load_bank, load_flashcards, load_questions_file, question_files
from quiz.errors import BankError


def _questions(corpus: Path) -> Path:
    return corpus / "questions" / "streaming.yaml"


def _edit(path: Path, index: int, **changes: object) -> None:
    data = yaml.safe_load(path.read_text())
    data[index].update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_fixture_bank_loads(corpus: Path) -> None:
    questions = load_bank(question_files([corpus]))
    assert len(questions) == 8
    first = next(q for q in questions if q.id == "de-kinesis-001")
    assert first.options["B"].startswith("Kinesis Data Firehose")
    assert first.key_points[0].terms == ("firehose", "delivery stream")
    assert first.source.heading == "Kinesis Data Firehose"


def test_content_hash_changes_only_with_content(corpus: Path) -> None:
    path = _questions(corpus)
    before = {q.id: q.content_hash for q in load_questions_file(path)}
    _edit(path, 0, explanation="A new explanation.")
    after = {q.id: q.content_hash for q in load_questions_file(path)}
    assert before["de-kinesis-001"] != after["de-kinesis-001"]
    assert before["de-kinesis-002"] == after["de-kinesis-002"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"answer": "E"}, "answer 'E' must be one of A, B, C, D"),
        ({"domain": "cooking"}, "domain 'cooking' is not one of"),
        ({"difficulty": 5}, "difficulty must be 1, 2 or 3"),
        ({"options": {"A": "x", "B": "y", "C": "z"}}, "exactly the keys A, B, C and D"),
        ({"key_points": [{"point": "p", "terms": []}]}, "non-empty list of terms"),
        ({"source": {"file": "notes/x.md", "heading": "H"}}, "without a folder"),
        ({"colour": "red"}, "unknown field colour"),
        ({"options": {"A": "x", "B": " ", "C": "z", "D": "w"}}, "option B must be non-empty text"),
        ({"options": {"A": "x", "B": "X", "C": "z", "D": "w"}}, "two options have the same text"),
        (
            {"key_points": [{"point": "p", "terms": ["t"]}, {"point": "q"}]},
            "key point 2 must have exactly point and terms",
        ),
        (
            {"key_points": [{"point": "p", "terms": [3]}]},
            "key point 1 has a term that is not text (quote it): [3]",
        ),
        ({"source": {"file": "x.md"}}, "source must have exactly file and heading"),
        ({"stem": {"text": "{braces}"}}, "stem must be non-empty text"),
        ({"difficulty": "2"}, "difficulty must be 1, 2 or 3"),
    ],
)
def test_schema_errors_name_file_question_and_reason(
    corpus: Path, changes: dict[str, object], reason: str
) -> None:
    path = _questions(corpus)
    _edit(path, 1, **changes)
    with pytest.raises(BankError) as caught:
        load_questions_file(path)
    assert caught.value.file == str(path)
    assert caught.value.question_id == "de-kinesis-002"
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}, question de-kinesis-002: ")


def test_invalid_yaml_names_the_line(corpus: Path) -> None:
    path = _questions(corpus)
    path.write_text("- id: de-x-001\n  stem: [unclosed\n")
    with pytest.raises(BankError, match=r"streaming.yaml: not valid YAML at line \d"):
        load_questions_file(path)


def test_repeated_ids_across_files_are_refused(corpus: Path) -> None:
    other = corpus / "questions" / "copy.yaml"
    other.write_text(_questions(corpus).read_text())
    with pytest.raises(BankError, match="id already used in"):
        load_bank(question_files([corpus]))


def test_flashcards_read_the_anki_headers_and_tags(corpus: Path) -> None:
    cards = load_flashcards(corpus / "flashcards" / "cards.csv")
    assert len(cards) == 3
    assert cards[0].back == "1 MB/s or 1,000 records/s per shard."
    assert cards[0].tag("domain") == "data-engineering"
    assert cards[0].tag("topic") == "kinesis"


def test_flashcards_with_tabs_and_an_empty_back_fail_clearly(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_text("#separator:Tab\n#columns:Front,Back,Tags\nfront\tback\tt::x\nq\t\t\n")
    with pytest.raises(BankError, match="line 4: empty front or back"):
        load_flashcards(path)


def test_every_schema_problem_of_a_question_is_named_at_once(corpus: Path) -> None:
    path = _questions(corpus)
    data = yaml.safe_load(path.read_text())
    del data[1]["explanation"]
    data[1].update(answer="E", colour="red", source={"file": "a/b.md", "heading": "H"})
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(BankError) as caught:
        load_questions_file(path)
    assert caught.value.question_id == "de-kinesis-002"
    assert caught.value.reason.split("; ") == [
        "missing explanation",
        "unknown field colour",
        "answer 'E' must be one of A, B, C, D",
        "source.file 'a/b.md' must be a file name without a folder",
    ]


def test_a_question_without_a_usable_id_is_named_by_its_place(corpus: Path) -> None:
    path = _questions(corpus)
    _edit(path, 1, id="Kinesis 2")
    with pytest.raises(BankError) as caught:
        load_questions_file(path)
    assert caught.value.question_id == "#2"
    assert caught.value.reason == "id 'Kinesis 2' must look like de-kinesis-001"
