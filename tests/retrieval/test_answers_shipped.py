"""Answers read on a fresh clone of the shipped corpus that were wrong, asked again of the real
notes (the sections involved, their neighbours and the whole flashcard deck) with the real model:
each must now read right, in the answer service, the console and the Slack rendering."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.slack.render import answers
from retrieval.embed import Embedder
from retrieval.service import Conversation, NotesIndex
from tests.retrieval.conftest import MODEL

SHIPPED = Path(__file__).resolve().parents[2] / "corpus"
FILES = (
    "notes/sagemaker-deployment.md",
    "notes/sagemaker-training.md",
    "notes/ai-services.md",
    "notes/algorithms-unsupervised.md",
    "notes/algorithms-vision.md",
    "flashcards/aws-ml.csv",
)
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_args(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> list[str]:
    root = tmp_path_factory.mktemp("shipped")
    for name in FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIPPED / name, root / name)
    args = ["--corpus", str(root), "--data-dir", str(tmp_path_factory.mktemp("shipped-data"))]
    result = runner.invoke(app, ["index", *args])
    assert result.exit_code == 0, result.output
    return args


@pytest.fixture(scope="module")
def tutor(corpus_args: list[str], embedder: Embedder) -> NotesIndex:
    return NotesIndex(Path(corpus_args[3]) / "index", MODEL, embedder=embedder)


def test_the_serverless_payload_limit_is_the_4_mb_sentence(tutor: NotesIndex) -> None:
    answer = tutor.ask("whats the payload limit for serverless inference")
    assert answer.covered and "4 MB" in answer.text
    for neighbour in ("1 GB", "6 MB", "1,024 MB"):  # async, real-time, serverless memory
        assert neighbour not in answer.text


def test_comprehend_vs_textract_answers_each_side_naming_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("Comprehend vs Textract")
    assert answer.covered and len(answer.sentences) >= 2
    assert answer.sentences[0].startswith("Amazon Comprehend ")
    assert any(s.startswith("Amazon Textract ") for s in answer.sentences)
    assert "Medical" not in answer.text and "Rekognition" not in answer.text


def test_a_follow_up_stays_on_deepar_in_the_console(tutor: NotesIndex) -> None:
    conversation = Conversation(tutor)
    first = conversation.ask("which sagemaker algorithm for time series forecasting")
    assert first.text.startswith("DeepAR ")
    second = conversation.ask("and what about its input format?")
    assert second.passages[0].heading.endswith("DeepAR › DeepAR input format")
    assert second.text.startswith("DeepAR reads JSON Lines")


def test_a_follow_up_stays_on_deepar_in_a_slack_thread(tutor: NotesIndex) -> None:
    answer = tutor.ask_in_thread(
        "and what about its input format?", "which sagemaker algorithm for time series forecasting"
    )
    assert answer.text.startswith("DeepAR reads JSON Lines")


def test_when_to_use_pipe_mode_opens_with_a_sentence_naming_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("when do i use pipe mode??")
    assert answer.sentences[0].startswith("Use Pipe mode when")
    assert answer.subject == "Pipe input mode"


def test_the_console_names_what_the_notes_do_not_mention(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["ask", "what is amazon braket", *corpus_args])
    assert result.exit_code == 0, result.output
    assert "Your notes don't mention amazon braket. The closest passages:" in result.output
    assert "[1] " in result.output and "[3] " in result.output


def test_slack_names_what_the_notes_do_not_mention(tutor: NotesIndex) -> None:
    answer = tutor.ask("what is amazon braket")
    blocks = [b.to_dict() for b in answers.answer_blocks(answer, 7)]
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert texts[0] == "Your notes don't mention amazon braket. The closest passages:"
    assert len(texts) == 4  # the decline and the three closest passages
    assert answers.answer_text(answer).startswith("Your notes don't mention amazon braket.")


def test_an_off_topic_decline_names_the_question_asked(tutor: NotesIndex) -> None:
    answer = tutor.ask("what's a good recipe for banana bread")
    assert not answer.covered
    assert answers.answer_text(answer) == (
        "Your notes don't mention a good recipe for banana bread. The closest passages:"
    )


def test_a_comparison_side_the_notes_never_name_is_declined(tutor: NotesIndex) -> None:
    # The notes know "isolation" (network isolation) and "forest" (Random Cut Forest) but never
    # name an isolation forest: quoting RCF as if it were one would teach a wrong equivalence.
    answer = tutor.ask("isolation forest vs random cut forest for anomalies")
    assert not answer.covered and answer.missing == "isolation forest"
    assert "Random Cut Forest" in answer.passages[0].heading
    both = tutor.ask("random cut forest vs kinesis data analytics for anomalies")
    assert both.covered and not both.missing


def test_a_product_compared_with_one_the_notes_cover_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("is gemini better than sagemaker")
    assert not answer.covered and answer.missing == "gemini"


def test_a_question_in_another_language_is_declined_without_quoting_it(tutor: NotesIndex) -> None:
    # Most of its words are unknown to the notes: the decline says the notes don't seem to cover
    # it, rather than "your notes don't mention ¿cuándo uso el modo pipe ...".
    answer = tutor.ask("¿cuándo uso el modo pipe en sagemaker?")
    assert not answer.covered and not answer.missing and not answer.topic
    assert answers.answer_text(answer).startswith("Your notes don't seem to cover this.")


def test_a_declined_question_in_another_language_names_none_of_its_words(
    tutor: NotesIndex,
) -> None:
    # Its words are known ("was", "amazon", "bedrock"), so it is not mostly unknown; but the
    # notes cover Bedrock, and "your notes don't mention was ist amazon bedrock" is untrue.
    answer = tutor.ask("Was ist Amazon Bedrock?")
    assert not answer.covered and not answer.missing and not answer.topic
    assert answers.answer_text(answer).startswith("Your notes don't seem to cover this.")


def test_a_detail_asked_after_naming_the_endpoint_quotes_the_sentence_giving_it(
    tutor: NotesIndex,
) -> None:
    # one sentence naming its subject, then asking how it works: not a scenario, whose stem
    # ("On a multi-container endpoint") would favour every sentence naming the endpoint
    answer = tutor.ask(
        "On a multi-container endpoint, how does my request say which of the containers "
        "should answer it?"
    )
    assert answer.covered and "TargetContainerHostname" in answer.text
