"""`bank check`: the fixture bank is clean; each kind of problem is found and named."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import yaml

from quiz.bank import flashcard_files, load_flashcards, load_questions_file, question_files
from quiz.check import (
    MAX_KEY_LENGTH_EXTREME_SHARE,
    card_contradictions,
    check_files,
    key_length_share,
)
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
        p.startswith("streaming.yaml:1, question de-kinesis-001: near-duplicate of de-kinesis-009")
        for p in problems
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


def _twelve_questions(corpus: Path, longest: int, shortest: int = 0) -> list:  # type: ignore[type-arg]
    """Twelve copies of a fixture question: the key is the longest option in the first
    `longest`, the shortest in the next `shortest`, and in between in the rest."""
    base = load_questions_file(corpus / "questions" / "streaming.yaml")[0]
    key_texts = (
        [base.options[base.answer] + " and nothing else at all"] * longest
        + ["Firehose"] * shortest
        + ["Kinesis Data Firehose converting the records to Parquet"] * (12 - longest - shortest)
    )
    return [
        dataclasses.replace(
            base, id=f"de-kinesis-{n + 100}", options={**base.options, base.answer: text}
        )
        for n, text in enumerate(key_texts)
    ]


def test_a_key_that_is_usually_the_longest_option_is_reported(corpus: Path) -> None:
    problems = [str(p) for p in key_length_share("streaming.yaml", _twelve_questions(corpus, 5))]
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        "streaming.yaml: the answer is the longest option in 5 of 12 questions (42%); "
        f"keep it at most {MAX_KEY_LENGTH_EXTREME_SHARE:.0%}"
    ), problems


def test_keys_longest_and_shortest_for_a_quarter_each_pass(corpus: Path) -> None:
    questions = _twelve_questions(corpus, longest=3, shortest=3)
    assert key_length_share("streaming.yaml", questions) == []


def test_a_key_that_is_usually_the_shortest_option_is_reported(corpus: Path) -> None:
    questions = _twelve_questions(corpus, longest=0, shortest=6)
    problems = [str(p) for p in key_length_share("streaming.yaml", questions)]
    assert [p[:70] for p in problems] == [
        "streaming.yaml: the answer is the shortest option in 6 of 12 questions"
    ], problems


def test_the_share_is_checked_over_all_files_together(corpus: Path, embedder: Embedder) -> None:
    def grow(data: list[dict]) -> None:  # type: ignore[type-arg]
        for n in range(8):
            item = copy.deepcopy(data[n % len(data)])
            item["id"] = f"de-kinesis-{n + 200}"
            item["stem"] = f"Case {n}: " + item["stem"]
            key = item["answer"]
            item["options"][key] = item["options"][key] + " with a longer explanation of why"
            data.append(item)

    _rewrite(corpus / "questions" / "streaming.yaml", grow)
    problems = _check(corpus, embedder)
    assert any(p.startswith("streaming.yaml: the answer is the longest option") for p in problems)
    assert any(p.startswith("all question files: the answer is the longest") for p in problems)


def test_a_distractor_the_passage_supports_like_the_key_is_reported(
    corpus: Path, embedder: Embedder
) -> None:
    def second_answer(data: list[dict]) -> None:  # type: ignore[type-arg]
        # Nearly the cited passage's own first sentence: a second right answer.
        data[0]["options"]["D"] = (
            "Kinesis Data Firehose, a fully managed delivery stream that loads data into Amazon S3"
            " without consumer code"
        )

    _rewrite(corpus / "questions" / "streaming.yaml", second_answer)
    problems = _check(corpus, embedder)
    assert any(
        p.startswith("streaming.yaml:1, question de-kinesis-001: distractor D matches the cited")
        for p in problems
    ), problems


def _add_cards(corpus: Path, *rows: str) -> None:
    with (corpus / "flashcards" / "cards.csv").open("a", encoding="utf-8") as deck:
        deck.write("".join(f"{row}\n" for row in rows))


def test_a_card_that_agrees_with_its_notes_heading_passes(corpus: Path, embedder: Embedder) -> None:
    _add_cards(
        corpus,
        "How much does one Kinesis shard accept?,"
        '"1 MB/s or 1,000 records/s of writes, and 2 MB/s of reads.",'
        "domain::data-engineering notes::streaming.md::Kinesis_Data_Streams",
    )
    assert _check(corpus, embedder) == []


def test_a_card_whose_figures_or_names_contradict_its_heading_is_reported(
    corpus: Path, embedder: Embedder
) -> None:
    _add_cards(
        corpus,
        "How much does one Kinesis shard accept?,"
        '"5 MB/s or 1,000 records/s, read with the KINESIS_PULL API.",'
        "domain::data-engineering notes::streaming.md::Kinesis_Data_Streams",
        "What is Kinesis Data Firehose?,A delivery stream.,notes::streaming.md::Kinesis_Firehose",
    )
    problems = _check(corpus, embedder)
    shard = "cards.csv:8: card 'How much does one Kinesis shard accept?': "
    assert f"{shard}states '5', which streaming.md › Kinesis Data Streams does not" in problems
    assert any(p.startswith(shard) and "names 'KINESIS_PULL'" in p for p in problems), problems
    assert any(
        p.startswith("cards.csv:9") and "streaming.md › Kinesis_Firehose, which is not" in p
        for p in problems
    ), problems


def test_a_card_silent_about_a_discontinued_service_is_reported(
    corpus: Path, embedder: Embedder
) -> None:
    with (corpus / "notes" / "streaming.md").open("a", encoding="utf-8") as notes:
        notes.write(
            "\n## Kinesis Data Analytics SQL\n\nKinesis Data Analytics for SQL applications is "
            "discontinued; use Managed Service for Apache Flink.\n"
        )
    tag = "notes::streaming.md::Kinesis_Data_Analytics_SQL"
    _add_cards(
        corpus,
        f"What runs SQL on streams?,Kinesis Data Analytics for SQL applications.,{tag}",
        f"What replaced KDA for SQL?,It is discontinued: use Managed Service for Flink.,{tag}",
    )
    problems = _check(corpus, embedder)
    assert problems == [
        "cards.csv:8: card 'What runs SQL on streams?': streaming.md › Kinesis Data Analytics SQL "
        "says its subject is discontinued; the card does not"
    ], problems


def test_a_section_retiring_another_product_in_passing_does_not_flag_the_card(
    corpus: Path, embedder: Embedder
) -> None:
    with (corpus / "notes" / "streaming.md").open("a", encoding="utf-8") as notes:
        notes.write(
            "\n## Stream consumers\n\nConsumers read each shard in order. The old "
            "RoboMaker simulator that some labs used for testing reached end of support.\n"
        )
    tag = "notes::streaming.md::Stream_consumers"
    _add_cards(
        corpus,
        f"How do consumers read a stream?,Each shard in order.,{tag}",
        f"Can labs still test with RoboMaker?,Yes: the RoboMaker simulator.,{tag}",
    )
    problems = _check(corpus, embedder)
    assert problems == [
        "cards.csv:9: card 'Can labs still test with RoboMaker?': streaming.md › Stream consumers "
        "says its subject is discontinued; the card does not"
    ], problems


SHIPPED = Path(__file__).resolve().parents[2] / "corpus"


def test_every_shipped_card_is_checked_and_agrees_with_its_heading() -> None:
    deck = SHIPPED / "flashcards" / "aws-ml.csv"
    cards = load_flashcards(deck)
    assert [c.front for c in cards if c.tag("notes") is None] == []
    assert [str(p) for p in card_contradictions(deck, cards, [SHIPPED])] == []


def test_a_planted_contradiction_in_a_shipped_card_is_reported(tmp_path: Path) -> None:
    deck = tmp_path / "aws-ml.csv"
    text = (SHIPPED / "flashcards" / "aws-ml.csv").read_text(encoding="utf-8")
    planted = text.replace("An object can be up to 5 TB", "An object can be up to 50 TB", 1)
    planted = planted.replace(
        "replicated synchronously across three AZs",
        "replicated with KINESIS_SYNC_REPLICATION across three AZs",
        1,
    )
    assert planted.count("50 TB") == 1 and "KINESIS_SYNC_REPLICATION" in planted
    deck.write_text(planted, encoding="utf-8")
    problems = [str(p) for p in card_contradictions(deck, load_flashcards(deck), [SHIPPED])]
    assert len(problems) == 2, problems
    assert "states '50', which data-storage.md › S3 buckets and object keys" in problems[0]
    assert "names 'KINESIS_SYNC_REPLICATION'" in problems[1]
