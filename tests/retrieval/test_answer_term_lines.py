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


def test_a_quote_labelled_with_an_asked_setting_still_names_whose_setting_it_is() -> None:
    """'Word_ngrams: (how many words ...)' answers 'which blazingtext setting ...', but the
    label names BlazingText's setting, not BlazingText: the card's subject leads the quote."""
    front = "BlazingText: Important Hyperparameters"
    card = Chunk("algos.txt", (front,), "flashcard", 0, 10, f"Q: {front}\nA: ...")
    asked = set(tokenize("blazingtext word_ngrams setting for grouping words"))
    quote = ["Word_ngrams: (how many words we are putting together)."]
    assert lead_for(card, quote, asked) == "BlazingText"
    coded = ["`word_ngrams`: how many consecutive words are combined into features."]
    assert lead_for(card, coded, asked) == "BlazingText"
    valued = ["Gamma [default=0, alias: min_split_loss]."]
    assert lead_for(card, valued, set(tokenize("gamma meaning"))) == "BlazingText"
