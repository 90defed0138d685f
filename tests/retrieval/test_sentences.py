"""Sentence spans: the units an answer quotes, hard-wrapped paragraphs included."""

from __future__ import annotations

from retrieval.sentences import display_sentence, sentence_spans

WRAPPED = (
    "Pipe mode streams the training data from Amazon S3 into the algorithm container while the\n"
    "job runs, instead of downloading the whole dataset first. Training starts sooner and\n"
    "needs far less disk space.\n"
    "- File mode copies the whole dataset first\n"
    "- a lower-case list item stays an item of its own\n"
    "Kinesis Producer Library\n"
    "Good for batching many small records into one"
)


def quoted(text: str) -> list[str]:
    return [display_sentence(text[start:end]) for start, end in sentence_spans(text)]


def test_a_hard_wrapped_paragraph_is_quoted_in_whole_sentences() -> None:
    assert quoted(WRAPPED)[:2] == [
        "Pipe mode streams the training data from Amazon S3 into the algorithm container while "
        "the job runs, instead of downloading the whole dataset first.",
        "Training starts sooner and needs far less disk space.",
    ]


def test_list_items_titles_and_capitalised_lines_stay_lines_of_their_own() -> None:
    said = quoted(WRAPPED)
    assert "File mode copies the whole dataset first" in said
    assert "a lower-case list item stays an item of its own" in said
    assert "Good for batching many small records into one" in said
    assert not any("Library Good" in s for s in said)


def test_spans_stay_offsets_into_the_passage() -> None:
    for start, end in sentence_spans(WRAPPED):
        assert WRAPPED[start:end].strip() == WRAPPED[start:end]
