"""A product's name never runs on across a comma, a colon or a dash between spaces, as
`capitalised_names` reads a name: "sagemaker debugger - live insight" names SageMaker Debugger
and then asks about live insight; it names no "sagemaker debugger live" the notes lack."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

# Enough words that a word the notes hold once is rare (`RARE_PER_WORDS`).
FILLER = " ".join(f"filler{i % 50}" for i in range(9_000))
NOTES = [
    "SageMaker Debugger captures tensors while a training job runs.",
    "Amazon Forecast trains CNN-QR on related time series.",
    "A live variant serves the traffic.",
    FILLER,
]


def test_a_name_ends_at_a_dash_between_spaces() -> None:
    vocabulary = NotesVocabulary(NOTES, {"live", "insight", "while", "only", "after"})
    asked = "sagemaker debugger {} live insight while training or only after"
    assert vocabulary.unknown_subject(asked.format("-")) is None
    assert vocabulary.unknown_subject(asked.format("")) == "sagemaker debugger live"


def test_a_name_ends_at_a_comma() -> None:
    vocabulary = NotesVocabulary(NOTES, {"in", "which", "one"})
    asked = "In Amazon Forecast{} CNN-QR is which one"
    assert vocabulary.unknown_subject(asked.format(",")) is None
    assert vocabulary.unknown_subject(asked.format("")) == "amazon forecast cnn-qr"
