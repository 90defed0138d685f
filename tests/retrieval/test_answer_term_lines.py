"""Glossary-like notes give one term's fact per line ("Term: fact"): such a line is a fact, not a
bare title to read with the line after it; the next line is another term's fact; and a quote
whose label names what was asked needs no other subject named ahead of it."""

from __future__ import annotations

from retrieval.compose import is_title, lead_for
from retrieval.documents import Chunk
from retrieval.lexical import tokenize
from retrieval.terse import other_terms

FRONT = "Amazon S3: Object Storage for your data"


def test_a_term_line_is_not_a_title() -> None:
    assert not is_title("ElastiCache: data cache technology")
    assert is_title("Amazon Forecast Prophet")


def test_the_next_terms_line_is_another_fact() -> None:
    assert other_terms("DeepLens: camera by Amazon", "Athena: Serverless Query of your data")
    assert not other_terms("Pipe mode: streams from S3", "Pipe mode: starts faster")
    assert not other_terms("Streams data from S3", "Athena: Serverless Query of your data")


def test_a_quote_labelled_with_what_was_asked_needs_no_lead() -> None:
    card = Chunk("services.txt", (FRONT,), "flashcard", 0, 10, f"Q: {FRONT}\nA: ...")
    asked = set(tokenize("what is deeplens"))
    assert lead_for(card, ["DeepLens: camera by Amazon."], asked) == ""
    assert lead_for(card, ["Max object size is 5TB."], set(tokenize("max size"))) == "Amazon S3"
