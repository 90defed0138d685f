"""A comparison whose first side opens with what both sides belong to ("knn classifier vs
regressor") is read as that subject's two values, when the notes set the two side by side and
never write the first side's last two words together; a name the notes write ("data streams")
keeps its side."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval.head_values import head_values
from retrieval.understand import understand


@dataclass
class _Notes:
    pairs: set[tuple[str, str]] = field(default_factory=set)
    conjoined: set[frozenset[str]] = field(default_factory=set)

    def together(self, first: str, second: str) -> bool:
        return (first, second) in self.pairs


def test_the_subject_typed_before_the_first_value_is_the_topic() -> None:
    notes = _Notes(conjoined={frozenset(("classifier", "regressor"))})
    ask = head_values(understand("sagemaker knn classifier vs regressor"), notes)
    assert ask.subjects == ("classifier", "regressor")
    assert ask.topic == "sagemaker knn"


def test_a_name_the_notes_write_keeps_its_side() -> None:
    notes = _Notes({("data", "streams")}, {frozenset(("streams", "firehose"))})
    ask = head_values(understand("kinesis data streams vs firehose"), notes)
    assert ask.subjects == ("kinesis data streams", "firehose")


def test_values_the_notes_never_set_side_by_side_keep_their_sides() -> None:
    ask = head_values(understand("random forest vs xgboost"), _Notes())
    assert ask.subjects == ("random forest", "xgboost")


def test_a_word_the_notes_write_after_the_last_side_is_the_head_of_both() -> None:
    notes = _Notes({("one-hot", "encoding")}, {frozenset(("encoding", "one-hot"))})
    ask = head_values(understand("target encoding vs one-hot"), notes)
    assert ask.subjects == ("target encoding", "one-hot")
