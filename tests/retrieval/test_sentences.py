"""Sentence spans: the units an answer quotes, hard-wrapped paragraphs included."""

from __future__ import annotations

from retrieval.sentences import display_sentence, opens_with_term, sentence_spans

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


# A slide's text box wraps inside a name, after a comma, before a capital.
SLIDE_WRAP = (
    "INGESTION\n\n"
    "Fully managed Ingest,\n"
    "Transform, Load (ITL) solution\n"
    "with no code required\n\n"
    "Targets include the following,\n"
    "- Amazon S3\n"
    "- Amazon Redshift"
)


def test_a_line_stopping_on_a_comma_goes_on_into_a_capitalised_line() -> None:
    said = quoted(SLIDE_WRAP)
    assert "Fully managed Ingest, Transform, Load (ITL) solution with no code required" in said
    assert "Amazon S3" not in " ".join(s for s in said if "following" in s)


def test_spans_stay_offsets_into_the_passage() -> None:
    for start, end in sentence_spans(WRAPPED):
        assert WRAPPED[start:end].strip() == WRAPPED[start:end]


SETTINGS = (
    "Q: Topic model: Important Hyperparameters\n"
    "A: Context_length\n\n"
    "  - Number of time points seen before a prediction\n"
    "  - Num_topics\n"
    "  - Alpha0\n"
    "  - Initial guess for the concentration parameter\n"
    "  - Smaller values give sparse mixtures\n"
    "max_depth\n"
    "- Max depth of each tree\n"
    "Wd\n\n"
    "  - Weight decay (L2 regularization)\n"
    "- Tensorflow\n"
    "- PyTorch\n"
    "- Custom algorithms in Docker images"
)


def test_a_setting_named_on_its_own_line_is_quoted_with_its_meaning() -> None:
    said = quoted(SETTINGS)
    assert "Context_length - Number of time points seen before a prediction" in said
    assert "Alpha0 - Initial guess for the concentration parameter" in said
    assert "max_depth - Max depth of each tree" in said
    assert "Wd - Weight decay (L2 regularization)" in said
    # One plain word in a list is an item, not a name its next item explains.
    assert "Custom algorithms in Docker images" in said
    # A name followed by another name explains nothing; a line after a sentence stays apart.
    assert not any("Num_topics" in s and "Alpha0" in s for s in said)
    assert "Smaller values give sparse mixtures" in said


def test_a_two_word_list_item_is_a_fact_but_a_two_word_line_is_a_title() -> None:
    said = quoted("Video input\n\n- 5-30 FPS\n- CPU-only inference\nHash size\nTwo words")
    assert said == ["5-30 FPS", "CPU-only inference"]


def test_a_cards_front_and_its_repeat_on_the_back_are_not_answers() -> None:
    card = "Q: Deploying Trained Models\nA: Deploying Trained Models\n\n  - Save the model to S3"
    assert quoted(card) == ["Save the model to S3"]
    asked = "Q: What is the largest object S3 stores?\nA: Max object size is 5TB"
    assert quoted(asked) == ["Max object size is 5TB"]
    # A front of several lines holds facts of its own.
    assert "Firehose loads streams into S3" in quoted(
        "Q: Kinesis services\nFirehose loads streams into S3\nA: Firehose loads streams into S3"
    )


def test_a_term_right_above_its_definition_is_quoted_with_it() -> None:
    notes = (
        "Ridge regression\nWill reduce the coefficients but not all the way to 0.\n"
        "Lasso regression\nCan reduce some of the coefficients to 0.\n\n"
        "Producer Library\n\nProvides batching for many small records."
    )
    assert quoted(notes) == [
        "Ridge regression: Will reduce the coefficients but not all the way to 0.",
        "Lasso regression: Can reduce some of the coefficients to 0.",
        "Provides batching for many small records.",  # after a blank line: a heading's text
    ]


def test_a_name_is_not_joined_across_a_blank_line_to_what_opens_something_else() -> None:
    said = quoted(
        "- Negative_samples\n\nText classification:\n- Mode\n\n"
        "- Fully Convolutional Network\n- DeepLabV3\n\n"
        "Each runs on an encoder backbone chosen with backbone. It trains from scratch.\n\n"
        "- Num_entity_vectors\n\nHash size\n\nWd\n\n  - Weight decay (L2 regularization)"
    )
    assert not any("Negative_samples" in s and "classification" in s for s in said)  # next lead-in
    assert "Each runs on an encoder backbone chosen with backbone." in said  # a paragraph
    assert "Num_entity_vectors: Hash size" in said  # a short meaning after a blank line
    assert "Wd - Weight decay (L2 regularization)" in said  # an item after a blank line


def test_a_sentence_opening_with_its_own_term_line_names_its_subject() -> None:
    assert opens_with_term("Relational\n\n  - SQL")
    assert opens_with_term("- Num_trees\n  - Increasing reduces noise")
    assert not opens_with_term("Random Cut Forest detects anomalies.")
    assert not opens_with_term("Pipe mode streams the data while the\njob runs.")


# Exported notes: a lead-in over a list of values, each too short to be a sentence of its own.
LEAD_IN_LIST = (
    "PCA (Principal Component Analysis)\n\n"
    "train Input:\n\n"
    "  • application/recordIO-wrapped-protobuf\n"
    "  • text/csv\n\n"
    "operates in 2 modes:\n\n"
    "  • regular -> sparse datasets, moderate number of observations & features\n"
    "  • randomized -> large number of observations & features\n"
)


def test_a_lead_in_and_its_terse_values_are_quoted_as_one_sentence() -> None:
    assert quoted(LEAD_IN_LIST)[1] == "train Input: application/recordIO-wrapped-protobuf; text/csv"


def test_a_lead_in_over_full_sentences_leaves_each_item_a_sentence_of_its_own() -> None:
    assert quoted(LEAD_IN_LIST)[2:] == [
        "operates in 2 modes:",
        "• regular -> sparse datasets, moderate number of observations & features",
        "• randomized -> large number of observations & features",
    ]


def test_a_short_lead_in_over_quotable_items_leaves_the_items_sentences_of_their_own() -> None:
    said = quoted("- Built-in algorithms:\n- linear regression\n- k-means clustering\n")
    assert said == ["Built-in algorithms:", "linear regression", "k-means clustering"]
