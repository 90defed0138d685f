"""The words of a code identifier the notes write ("MaxWaitTimeInSeconds") are the notes' words
put together, as a student writes them ("max wait time"); a product's two-part name is not."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary, identifier_words

NOTES = [
    "Set MaxWaitTimeInSeconds, the time you wait for Spot capacity plus run time.",
    "Amazon SageMaker runs training jobs; CloudWatch keeps their logs and the max run.",
]


def test_an_identifiers_words_are_written_together() -> None:
    vocabulary = NotesVocabulary(NOTES, {"max", "wait", "time", "run"})
    # before, "max wait" was never written together: the side read as absent from the notes
    assert vocabulary.unwritten_sides(["max wait time"]) == []
    assert vocabulary.absent_side(["max wait time", "max run time"]) is None


def test_a_products_two_part_name_is_left_whole() -> None:
    assert identifier_words("SageMaker and CloudWatch") == []
    assert identifier_words("maxRetries, DetectPiiEntities") == [
        ["max", "retries"],
        ["detect", "pii", "entities"],
    ]
    vocabulary = NotesVocabulary(NOTES, set())
    assert not vocabulary.knows("maker") and not vocabulary.knows("watch")


def test_a_type_in_another_width_is_the_notes_family() -> None:
    notes = ["Linear Learner reads recordIO-protobuf with float32 values.", "Use ml.p3 for it."]
    vocabulary = NotesVocabulary(notes, {"input", "ok"})
    # before, "float64" was taken for what the question asks about, absent from the notes
    assert vocabulary.unknown_subject("linear learner recordio input, float64 ok?") is None
    assert vocabulary.knows("float16")
    assert not vocabulary.knows("bfloat16")  # other letters: another type
    assert not vocabulary.knows("p4")  # an instance size stays apart from "p3"
