"""A stretch of the question misread as a comparison's side names nothing the notes must write
(`coverage._misread_side`): a description longer than a name ("a few isolated huge residuals")
or an alternative the question's tail offers after a side that runs past a spaced dash ("...
- does S3 keep my key, or see the plaintext"). The checks of absent sides leave it out; a side
of name length, compared as asked, keeps the check."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

NOTES = [
    "A curved pattern in a residual plot means a non-linear relationship.",
    "Residuals far from zero are outliers.",
    "Isolated subnets keep traffic private.",
    "Huge datasets need distributed training.",
    "Client-side encryption keeps the key with the client.",
    "SSE-C sends the key with every request.",
]
ENGLISH = {"curved", "pattern", "isolated", "huge", "key", "keep", "traffic"}


def test_a_description_longer_than_a_name_is_no_side() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.absent_side(["curved pattern", "few isolated huge residuals"]) is None
    assert vocabulary.unwritten_sides(["curved pattern", "few isolated huge residuals"]) == []
    # a side of a name's length whose words never share a passage is still absent
    named = ["curved pattern", "isolated huge residuals"]
    assert vocabulary.absent_side(named) == "isolated huge residuals"


def test_the_tails_alternative_after_a_spaced_dash_is_no_side() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    tail = ["sse-c", "client-side encryption - does s3 keep my key", "huge residuals"]
    assert vocabulary.absent_side(tail) is None
    assert vocabulary.unwritten_sides(tail) == []
    # compared as asked, with no tail before it, the same side keeps the check
    assert vocabulary.absent_side(["sse-c", "huge residuals"]) == "huge residuals"
