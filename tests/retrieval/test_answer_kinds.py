"""Answers per kind of ask, follow-ups and declines, on a small corpus with neighbouring
subjects that invite the wrong sentence (a 4 MB limit beside a 1 GB one, PLS in Polly)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import Conversation, NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = {
    "deploy.md": """# Deployment

## Serverless inference

Serverless inference runs a model without instances to manage and bills per request. Payloads are
limited to 4 MB and a request can run for up to 60 seconds. It suits intermittent traffic that can
tolerate cold starts.

## Asynchronous inference

Asynchronous inference queues requests and writes each result to S3 when it is ready. Payloads can
be up to 1 GB and processing can take up to one hour.

## Batch Transform

Batch Transform scores a whole dataset stored in S3 offline, with no persistent endpoint to keep
running. Use it for large periodic jobs such as weekly predictions over millions of images.

## Real-time endpoints

A real-time endpoint is a persistent HTTPS endpoint that answers each request within milliseconds.
Use it when an application needs one prediction per request with low latency.
""",
    "ai.md": """# AI services

## Amazon Comprehend

Amazon Comprehend is a natural language processing service that finds entities, key phrases and
sentiment in text.

## Amazon Textract

Amazon Textract extracts printed text, tables and form fields from scanned documents.

## Amazon Polly

Amazon Polly turns text into lifelike speech. Pronunciation Lexicons (PLS) customise how words
are spoken.
""",
    "metrics.md": """# Metrics

## Recall

Recall is the share of actual positives that the model finds, TP / (TP + FN). Favour it when
missing a positive case is costly.

## Precision

Precision is the share of predicted positives that are right, TP / (TP + FP).
""",
    "algos.md": """# Algorithms

## DeepAR

### DeepAR overview

DeepAR forecasts one-dimensional time series with a recurrent neural network trained across many
related series.

### DeepAR input format

DeepAR reads JSON Lines records, each with a start timestamp and a target array of values.

## Image Classification

### Image Classification input format

Image Classification reads RecordIO files or JPG and PNG images listed in a .lst file.

## Object2Vec

### Object2Vec embeddings

Object2Vec learns embeddings of pairs of objects. Uses of the learned embeddings:

- finding similar items for recommendations
- features for downstream supervised models
- clustering related objects together
""",
    "storage.md": """# Storage

## Amazon S3

Amazon S3 stores product images of any size, terabytes of them, for weekly predictions and
training. Use S3 Intelligent-Tiering when images are read once a week; they do not need to be kept
in S3 Standard.
""",
    "cheatsheet.md": """# Cheat sheet

## SageMaker Autopilot

- Accepts CSV only.
- Picks the algorithm and tunes it for you.
""",
}


def one_line_paragraphs(text: str) -> str:
    """Paragraphs wrapped here for line length, one line each in the notes (as exported)."""
    return re.sub(r"(?<=[^\n])\n(?=[^\n#-])", " ", text)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("kinds")
    for name, text in NOTES.items():
        (root / name).write_text(one_line_paragraphs(text), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("kinds-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


def test_a_limit_quotes_the_number_for_the_subject_asked(tutor: NotesIndex) -> None:
    answer = tutor.ask("whats the payload limit for serverless inference")
    assert "4 MB" in answer.text and "1 GB" not in answer.text
    assert answer.kind == "limit" and answer.covered


def test_chat_words_are_not_read_as_acronyms(tutor: NotesIndex) -> None:
    answer = tutor.ask("recall formula pls")
    assert "TP / (TP + FN)" in answer.text
    assert "Pronunciation" not in answer.text


def test_a_comparison_answers_both_sides_each_naming_its_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("comprehend vs textract?")
    assert answer.kind == "comparison"
    assert any("Comprehend" in s for s in answer.sentences)
    assert any("Textract" in s for s in answer.sentences)


def test_a_scenario_names_the_option_that_meets_its_constraints(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A retailer keeps millions of product images in S3 and needs predictions once a week. "
        "They do not want to keep an endpoint running. Which option should they use?"
    )
    assert answer.kind == "scenario" and "Batch Transform" in answer.text


def test_a_scenario_does_not_answer_with_where_its_data_sits(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A retailer has 50 TB of product images in S3 and needs predictions once a week. "
        "They do not want to keep an endpoint running. Which feature should they use?"
    )
    assert "Batch Transform" in answer.text and not answer.text.startswith("Amazon S3")


def test_an_ask_for_services_names_one_for_each_need(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A company receives scanned letters and must pull out the printed text, then find the "
        "sentiment of each letter, without building any models. Which services?"
    )
    assert "Textract" in answer.text and "Comprehend" in answer.text


def test_a_list_header_brings_its_items(tutor: NotesIndex) -> None:
    answer = tutor.ask("what are the learned embeddings of object2vec used for")
    header = next(s for s in answer.sentences if "Uses of the learned embeddings" in s)
    assert "finding similar items" in header and "clustering" in header


def test_a_subject_the_notes_never_mention_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("what is amazon bedrock")
    assert not answer.covered and answer.missing == "amazon bedrock"
    assert answer.passages  # the closest passages are still shown


def test_follow_ups_stay_on_the_previous_subject(tutor: NotesIndex) -> None:
    conversation = Conversation(tutor)
    first = conversation.ask("which algorithm forecasts time series")
    assert "DeepAR" in first.text
    second = conversation.ask("and what about its input format?")
    assert second.passages[0].heading.endswith("DeepAR input format")
    limit = conversation.ask("whats the payload limit for serverless inference")
    assert "4 MB" in limit.text
    assert "1 GB" in conversation.ask("and for async?").text


def test_a_thread_reply_that_refers_back_is_read_against_the_thread(tutor: NotesIndex) -> None:
    answer = tutor.ask_in_thread("and its input format?", "what does deepar do")
    assert answer.passages[0].heading.endswith("DeepAR input format")
    unrelated = tutor.ask_in_thread("what is precision", "what does deepar do")
    assert "TP / (TP + FP)" in unrelated.text


@pytest.mark.parametrize(
    ("question", "says"),
    [("\x00\x01\x02\x03binary\x04", "binary"), ("why " * 25_000, "100,000 characters")],
)
def test_bad_input_gets_a_clear_message(tutor: NotesIndex, question: str, says: str) -> None:
    answer = tutor.ask(question)
    assert not answer.covered and says in answer.notice


def test_a_comparison_cites_passages_found_for_either_side(tutor: NotesIndex) -> None:
    answer = tutor.ask("precision vs polly")
    cited = {p.heading.split(" › ")[-1] for p in answer.passages}
    assert answer.sentences and len(answer.passages) == 3
    assert {"Precision", "Amazon Polly"} & cited


def test_a_terse_note_is_quoted_after_the_subject_its_heading_names(tutor: NotesIndex) -> None:
    answer = tutor.ask("what file format does autopilot take")
    assert answer.sentences[0] == "Accepts CSV only."
    assert answer.text == "SageMaker Autopilot: Accepts CSV only."


def test_a_quote_that_names_its_subject_gets_no_lead(tutor: NotesIndex) -> None:
    answer = tutor.ask("recall formula pls")
    assert answer.sentences[0].startswith("Recall is the share") and not answer.lead


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("hi", "Ask me anything"),
        ("hey there!", "Ask me anything"),
        ("thanks a lot", "You're welcome"),
        ("both?", "nothing in that to look up"),
        ("- vs -", "nothing in that to look up"),
        ("what is it", "nothing in that to look up"),
    ],
)
def test_a_message_with_nothing_to_look_up_gets_a_reply_not_a_decline(
    tutor: NotesIndex, question: str, says: str
) -> None:
    answer = tutor.ask(question)
    assert not answer.covered and not answer.passages and says in answer.notice
