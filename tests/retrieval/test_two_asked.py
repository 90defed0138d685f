"""An ask that puts one question to two notes subjects named on the way ("a DeepAR forecaster and
a semantic segmentation model. Can both ...?", "ordered for X and for Y") is read as a comparison
of the two, asked what its asking sentence asks; only when a heading names each side and the ask
takes them one at a time (or names each after the same preposition)."""

from __future__ import annotations

from retrieval.two_asked import HeadingNames, two_asked
from retrieval.understand import understand

HEADINGS = [
    ("Algorithms", "DeepAR: Instance Types"),
    ("Algorithms", "DeepAR: How is it used?"),
    ("Algorithms", "DeepAR Forecasting"),
    ("Algorithms", "Semantic Segmentation: Instance Types"),
    ("Algorithms", "Random Cut Forest: Instance Types"),
    ("Streaming", "Kinesis Firehose"),
    ("Model fitting",),
]
EVERYDAY = frozenset(
    [
        "model",
        "models",
        "forecaster",
        "random",
        "cut",
        "forest",
        "fitting",
        "job",
        "before",
        "a",
        "the",
    ]
)
NAMES = HeadingNames(HEADINGS, lambda word: word in EVERYDAY)


def test_two_subjects_a_scenario_names_and_asks_both_of_are_its_sides() -> None:
    ask = two_asked(
        understand(
            "Two models go live next week: a DeepAR forecaster and a semantic segmentation "
            "model. Can both endpoints be served from CPU instances?"
        ),
        NAMES,
    )
    assert ask.kind == "comparison"
    assert ask.subjects == ("DeepAR", "semantic segmentation")
    assert ask.focus == "Can both endpoints be served from CPU instances?"


def test_each_side_after_the_same_preposition_is_read_without_a_word_asking_each() -> None:
    ask = two_asked(understand("How should records be sorted for DeepAR and for Firehose?"), NAMES)
    assert ask.subjects == ("DeepAR", "Firehose")
    ask = two_asked(
        understand(
            "We stand up two endpoints, one for a DeepAR model and one for a Random Cut Forest "
            "model. Which instance type suits each?"
        ),
        NAMES,
    )
    assert ask.subjects == ("DeepAR", "Random Cut Forest")


def test_a_side_is_cut_to_the_subject_heading_the_most_passages() -> None:
    ask = two_asked(understand("Which job needs a GPU, a DeepAR forecaster or ..."), NAMES)
    assert ask.kind != "comparison"  # no two sides joined by "and"
    ask = two_asked(
        understand("How do rows go in for a DeepAR forecaster job and for Firehose?"), NAMES
    )
    assert ask.subjects == ("DeepAR", "Firehose")


def test_two_names_not_asked_one_at_a_time_keep_the_first_reading() -> None:
    question = (
        "Our team runs a DeepAR forecaster and a semantic segmentation model on one account. "
        "Which service should store the logs?"
    )
    assert two_asked(understand(question), NAMES) == understand(question)


def test_a_side_no_heading_names_keeps_the_first_reading() -> None:
    question = "We train a DeepAR forecaster and a gradient boosted model. Can both use CPU?"
    assert two_asked(understand(question), NAMES) == understand(question)
    # an everyday word of a heading ("model" of "Model fitting") names no subject
    question = "We train a DeepAR forecaster and a model. Can both use CPU?"
    assert two_asked(understand(question), NAMES) == understand(question)


def test_a_limit_ask_keeps_its_reading() -> None:
    ask = understand("What size limits hold for one DeepAR record and for one Firehose record?")
    assert two_asked(ask, NAMES) == ask


def test_a_possessive_before_each_side_joins_them() -> None:
    ask = two_asked(
        understand(
            "Our DeepAR job and our semantic segmentation job both run slowly. Can each of them "
            "use more than one GPU?"
        ),
        NAMES,
    )
    assert ask.subjects == ("DeepAR", "semantic segmentation")


def test_the_stem_is_kept_without_the_words_the_sides_are_typed_with() -> None:
    """A vague ask ("which one can still be trained") leaves the detail to the stem ("only CPU
    capacity is free"); the words typed with a side ("forecaster") say what the side is."""
    ask = two_asked(
        understand(
            "This month only CPU capacity is free. Of a DeepAR forecaster and a semantic "
            "segmentation model, which one can still be trained?"
        ),
        NAMES,
    )
    assert ask.kind == "comparison"
    assert "CPU capacity" in " ".join(ask.constraints)
    assert "forecaster" not in " ".join(ask.constraints)


def test_the_stem_drops_the_name_of_a_third_subject() -> None:
    """A third notes subject the stem names ("a Firehose stream") is the setting: a side's line
    naming it answers nothing of the ask."""
    ask = two_asked(
        understand(
            "A Firehose stream feeds a DeepAR forecaster and a semantic segmentation model. "
            "Which of the two can run on CPU instances?"
        ),
        NAMES,
    )
    assert ask.subjects == ("DeepAR", "semantic segmentation")
    assert "Firehose" not in " ".join(ask.constraints)
