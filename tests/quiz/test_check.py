"""`bank check`: the fixture bank is clean; each kind of problem is found and named."""

from __future__ import annotations

from pathlib import Path

import yaml

from quiz.bank import flashcard_files, question_files
from quiz.check import check_files
from retrieval.embed import Embedder


def _check(corpus: Path, embedder: Embedder) -> list[str]:
    _, problems = check_files(
        question_files([corpus]), flashcard_files([corpus]), [corpus], embedder
    )
    return [str(p) for p in problems]


def _rewrite(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_fixture_bank_is_clean(corpus: Path, embedder: Embedder) -> None:
    assert _check(corpus, embedder) == []


def test_near_duplicate_stems_are_reported(corpus: Path, embedder: Embedder) -> None:
    def add_copy(data: list[dict]) -> None:  # type: ignore[type-arg]
        copy = dict(data[0], id="de-kinesis-009", answer="B")
        copy["stem"] = copy["stem"].replace("A retail team", "A retail company")
        data.append(copy)

    _rewrite(corpus / "questions" / "streaming.yaml", add_copy)
    problems = _check(corpus, embedder)
    assert any(
        "question de-kinesis-001: stem is a near-duplicate of de-kinesis-009" in p for p in problems
    ), problems


def test_letter_balance_and_citations_are_checked(corpus: Path, embedder: Embedder) -> None:
    def skew(data: list[dict]) -> None:  # type: ignore[type-arg]
        for item in data:
            item["answer"] = "A"
        data[0]["source"]["heading"] = "Kinesis Video Streams"
        data[1]["key_points"][0]["terms"] = ["enhanced fan-out"]

    _rewrite(corpus / "questions" / "streaming.yaml", skew)
    problems = _check(corpus, embedder)
    assert any(p.startswith("streaming.yaml: answer A is right for 4 of 4") for p in problems)
    assert any("answer B is right for 0 of 4" in p for p in problems)
    assert any(
        "de-kinesis-001: source streaming.md › Kinesis Video Streams is not a heading" in p
        for p in problems
    )
    assert any(
        "de-kinesis-002: cited section lacks the term 'enhanced fan-out'" in p for p in problems
    )


def test_every_broken_file_is_reported_not_just_the_first(corpus: Path, embedder: Embedder) -> None:
    (corpus / "questions" / "a.yaml").write_text("- id: x\n")
    (corpus / "questions" / "b.yaml").write_text("not: [valid\n")
    problems = _check(corpus, embedder)
    assert any(p.startswith("a.yaml, question #1: id 'x'") for p in problems)
    assert any(p.startswith("b.yaml: not valid YAML") for p in problems)
