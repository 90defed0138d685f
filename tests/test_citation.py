"""A citation is written one way wherever it is formed: "file › heading", or the file alone."""

from common.citation import Citation
from quiz.notes import CitedSection
from retrieval.answer import Passage
from retrieval.documents import Chunk


def test_a_citation_names_the_file_then_the_heading_path() -> None:
    assert str(Citation("kinesis.md", "Shards")) == "kinesis.md › Shards"
    assert str(Citation.of_path("kinesis.md", ("Kinesis", "Shards"))) == (
        "kinesis.md › Kinesis › Shards"
    )
    assert str(Citation("cards.csv")) == "cards.csv"  # no dangling separator


def test_a_front_end_escapes_each_part_and_not_the_separator() -> None:
    citation = Citation("a&b.md", "S3 <buckets>")
    escaped = citation.render(lambda s: s.replace("&", "&amp;").replace("<", "&lt;"))
    assert escaped == "a&amp;b.md › S3 &lt;buckets>"


def test_passages_chunks_and_bank_sections_cite_alike() -> None:
    chunk = Chunk("kinesis.md", ("Kinesis", "Shards"), "note", 0, 4, "text")
    passage = Passage("text", chunk.source, chunk.heading_path, 1.0)
    assert chunk.citation == passage.citation == Citation("kinesis.md", "Kinesis › Shards")
    assert CitedSection("kinesis.md", "Shards", 2, "").citation == Citation("kinesis.md", "Shards")
    card = Passage("Q: a\nA: b", "cards.csv", "", 1.0)
    assert str(card.citation) == "cards.csv"
