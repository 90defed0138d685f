"""A comparison whose first side opens with what both sides belong to: "sagemaker knn classifier vs
regressor", "knn endpoint cpu or gpu". The student names the subject once, before its first value,
as "sagemaker knn: classifier vs regressor" would with a colon; read as typed, the first side is a
name the notes never write ("knn classifier") and the answer was declined for it.

The words before the first side's last one are the subject (`Ask.topic`) and the sides are that
word and the last side when the notes never write the first side's last two words one after the
other, and do set its last word beside the last side ("classifier or regressor", "CPU or GPU"):
two values the notes name together. A last word the notes write after the last side is the head
of both sides, not a value: "target encoding vs one-hot" sets target encoding against one-hot
encoding. "kinesis data streams vs firehose" keeps its sides: the notes write "data streams".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from retrieval.understand import Ask

SUBJECT_WORDS = 3  # words of the subject before the first value ("sagemaker knn", "knn endpoint")


class Vocabulary(Protocol):
    """What the notes write: words one after another, and words set side by side."""

    conjoined: set[frozenset[str]]

    def together(self, first: str, second: str) -> bool: ...


def head_values(ask: Ask, vocabulary: Vocabulary) -> Ask:
    """`ask` with its subject read off the first side (see the module), else as it was."""
    if ask.kind != "comparison" or len(ask.subjects) != 2 or ask.topic:
        return ask
    first, last = (side.split() for side in ask.subjects)
    if len(last) != 1 or not 2 <= len(first) <= SUBJECT_WORDS + 1:
        return ask
    value, other = first[-1].lower(), last[0].lower()
    if vocabulary.together(first[-2].lower(), value):
        return ask  # a name the notes write ("data streams"): the side as typed
    if frozenset((value, other)) not in vocabulary.conjoined:
        return ask
    if vocabulary.together(other, value):
        return ask  # the head of both ("one-hot encoding", "k-means clustering"), not a value
    return replace(ask, subjects=(first[-1], last[0]), topic=" ".join(first[:-1]))
