"""Unwrapping touches hard-wrapped notes only: code, tables and the lines of unwrapped notes
(the shipped corpus among them) stay as they are."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from retrieval.load import NOT_NOTES_NAMES
from retrieval.unwrap import unwrap, wrap_width

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PARAGRAPH = (
    "Batch transform runs inference over a whole dataset stored in S3 without a persistent "
    "endpoint, which suits nightly scoring jobs where nobody waits for the answer. "
    "It splits the input into mini-batches and writes one output object per input object."
)
ITEM = (
    "- Asynchronous inference: queues requests with payloads up to 1 GB and processing "
    "times up to an hour, and can scale the endpoint down to zero instances when idle."
)


def wrapped(line: str, width: int = 80) -> str:
    indent = "  " if line.startswith("- ") else ""
    return textwrap.fill(line, width, subsequent_indent=indent, break_on_hyphens=False)


def test_a_wrapped_paragraph_and_list_item_are_one_line_each() -> None:
    notes = f"# Inference\n\n{wrapped(PARAGRAPH)}\n\n{wrapped(ITEM)}\n{wrapped(ITEM)}\n"
    assert wrap_width(notes) == 80
    assert unwrap(notes) == f"# Inference\n\n{PARAGRAPH}\n\n{ITEM}\n{ITEM}\n"


def test_code_and_tables_in_a_wrapped_file_keep_their_lines() -> None:
    code = "```python\nmodel = estimator.fit(\n    inputs\n)\n```"
    table = "| Mode | Payload |\n| --- | --- |\n| Async | 1 GB |"
    notes = f"{wrapped(PARAGRAPH)}\n\n{code}\n\n{table}\n\n{wrapped(ITEM)}\n"
    assert unwrap(notes) == f"{PARAGRAPH}\n\n{code}\n\n{table}\n\n{ITEM}\n"


def test_short_lines_of_unwrapped_notes_are_not_joined() -> None:
    notes = (
        "Kinesis Data Streams\nReal-time ingestion with shards that you provision yourself.\n"
        "Kinesis Data Firehose\nNear real-time delivery to S3 and Redshift.\n"
        "Kinesis Video Streams\nIngests video from cameras for analysis.\n"
    )
    assert wrap_width(notes) == 0
    assert unwrap(notes) == notes


def test_the_shipped_notes_are_not_taken_for_wrapped() -> None:
    files = [p for p in CORPUS.rglob("*.md") if p.name.lower() not in NOT_NOTES_NAMES]
    assert files
    assert [p.name for p in files if wrap_width(p.read_text(encoding="utf-8"))] == []


SERVERLESS = (
    "- Serverless inference: scales to zero between requests and bills per millisecond of "
    "compute used, which suits traffic that comes in bursts with long idle time between them, "
    "at the price of cold starts on the first request."
)


def test_a_line_flush_left_under_a_full_item_is_a_paragraph_of_its_own() -> None:
    after = "Choose it when the caller can wait for the answer and payloads are large."
    notes = f"{wrapped(PARAGRAPH)}\n\n{wrapped(ITEM)}\n{wrapped(SERVERLESS)}\n{after}\n"
    last = wrapped(SERVERLESS).split("\n")[-1]
    assert len(last) + 1 + len(after.split()[0]) > 80  # the item's last line is full
    assert unwrap(notes) == f"{PARAGRAPH}\n\n{ITEM}\n{SERVERLESS}\n{after}\n"


def test_markdown_line_breaks_and_setext_underlines_are_kept() -> None:
    title = "Inference options on SageMaker for teams that serve models at any scale"
    underline = "=" * len(title)
    broken = "Batch transform runs inference over a whole dataset stored in S3 with no\\"
    notes = f"{title}\n{underline}\n\n{wrapped(PARAGRAPH)}\n\n{broken}\nendpoint at all.\n"
    assert (
        unwrap(notes, 80) == f"{title}\n{underline}\n\n{PARAGRAPH}\n\n{broken}\nendpoint at all.\n"
    )


LONG_WORD_AND_NUMBER = (
    "Exceeding the write limit of a shard gets the producers of the stream an error back, the "
    "ProvisionedThroughputExceededException_error; retry with backoff or add shards. Q-learning "
    "keeps a value for every state and action, starting at 0. The agent raises it when rewards "
    "follow and lowers it otherwise."
)


@pytest.mark.parametrize("width", [68, 78])
def test_a_short_line_before_a_long_word_and_a_number_a_wrap_put_first_go_on(width: int) -> None:
    """At 68 columns a line stops short before the long name; at 78 a line starts with "0."."""
    lines = textwrap.wrap(LONG_WORD_AND_NUMBER, width, break_on_hyphens=False)
    assert min(map(len, lines[:-1])) < width // 2 or any(line.startswith("0. ") for line in lines)
    assert unwrap("\n".join(lines), width) == LONG_WORD_AND_NUMBER


def test_a_line_edited_past_the_wrap_column_leaves_the_file_wrapped_at_it() -> None:
    notes = f"{wrapped(PARAGRAPH)}\n\n{wrapped(ITEM)}\n\n{wrapped(SERVERLESS)}\n"
    edited = notes.replace("stored in S3", "stored in Amazon S3 or on EFS", 1)
    assert max(map(len, edited.split("\n"))) > 80
    assert wrap_width(edited) == 80
    unwrapped = f"{PARAGRAPH}\n\n{ITEM}\n\n{SERVERLESS}\n"
    assert unwrap(edited) == unwrapped.replace("stored in S3", "stored in Amazon S3 or on EFS", 1)
