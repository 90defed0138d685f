"""Chunking of messy notes: tiny sections keep their subject, heading paths reach the embedder,
small sibling sections merge, parent blocks add a coarser granularity."""

from __future__ import annotations

from retrieval.chunk import ChunkingParams, ChunkOptions, chunk_documents
from retrieval.documents import Chunk, Document
from retrieval.embed import load_tokenizer
from retrieval.sections import split_sections

MODEL = "all-MiniLM-L6-v2"
LIMIT = 254

# Shaped like a blog export: bare title lines, services with tiny "Input"/"Output" sections,
# a title followed by a one-line fact that is itself title-shaped, a colon label.
NOTES = """ML Exam Notes

Kinesis Data Firehose

Serverless delivery

PutRecord API

Input

records up to 1000 KB each

Output

writes Parquet or ORC

Kinesis Data Streams

PutRecord API

Input

one shard takes 1 MB per second

Output

read by consumer applications

Fraud Detector

- ingests CSV only

Fails if:

- fewer than 400 fraud rows

AWS DataSync

copies data from an NFS share

Amazon Athena

runs standard SQL over S3
"""


def notes() -> Document:
    return Document(source="blog.txt", kind="note", text=NOTES, fmt="text")


def chunks(options: ChunkOptions) -> list[Chunk]:
    return chunk_documents([notes()], load_tokenizer(MODEL), LIMIT, options)


def section_with(text: str) -> tuple[str, ...]:
    return next(s.heading for s in split_sections(notes()) if text in s.text)


def test_a_recurring_label_is_a_subheading_of_the_service_before_it() -> None:
    assert section_with("1000 KB") == ("ML Exam Notes", "Kinesis Data Firehose", "Input")
    assert section_with("Parquet") == ("ML Exam Notes", "Kinesis Data Firehose", "Output")
    assert section_with("1 MB per second") == ("ML Exam Notes", "Kinesis Data Streams", "Input")


def test_a_title_ending_in_a_colon_is_a_label_under_its_subject() -> None:
    assert section_with("400 fraud rows") == ("ML Exam Notes", "Fraud Detector", "Fails if")


def test_a_sentence_between_two_titles_stays_text() -> None:
    firehose = [s for s in split_sections(notes()) if s.heading[-1] == "Kinesis Data Firehose"]
    assert [s.text for s in firehose] == ["Serverless delivery"]


def test_tiny_top_level_sections_stay_apart_with_their_own_heading() -> None:
    assert section_with("NFS share") == ("ML Exam Notes", "AWS DataSync")
    assert section_with("standard SQL") == ("ML Exam Notes", "Amazon Athena")


def test_heading_path_context_names_the_subject_of_a_tiny_section() -> None:
    by_text = {c.text: c for c in chunks(ChunkOptions(context="path"))}
    tiny = by_text["records up to 1000 KB each"]
    assert (
        tiny.embed_text()
        == "ML Exam Notes › Kinesis Data Firehose › Input\nrecords up to 1000 KB each"
    )
    below_title = {c.text: c for c in chunks(ChunkOptions(context="subpath"))}
    assert (
        below_title["records up to 1000 KB each"]
        .embed_text()
        .startswith("Kinesis Data Firehose › Input\n")
    )
    nearest = {c.text: c for c in chunks(ChunkOptions(context="heading"))}
    assert nearest["records up to 1000 KB each"].embed_text().startswith("Input\n")


def test_small_siblings_merge_under_their_parent_but_top_level_topics_do_not() -> None:
    merged = chunks(ChunkOptions(context="path", merge_tokens=48))
    firehose = [c for c in merged if "1000 KB" in c.text]
    assert len(firehose) == 1
    block = firehose[0]
    assert block.heading == ("ML Exam Notes", "Kinesis Data Firehose")
    assert block.text == (
        "Serverless delivery\n\nInput\nrecords up to 1000 KB each\n\nOutput\nwrites Parquet or ORC"
    )
    assert NOTES.index("Serverless") == block.start and NOTES.index("or ORC") + 6 == block.end
    datasync = next(c for c in merged if "NFS share" in c.text)
    assert datasync.text == "copies data from an NFS share"
    assert not any("NFS share" in c.text and "standard SQL" in c.text for c in merged)


def test_a_section_above_the_merge_size_stays_on_its_own() -> None:
    long_line = "shards " * 60
    text = NOTES.replace("one shard takes 1 MB per second", long_line.strip())
    document = Document(source="blog.txt", kind="note", text=text, fmt="text")
    merged = chunk_documents(
        [document], load_tokenizer(MODEL), LIMIT, ChunkOptions(merge_tokens=48)
    )
    streams = [c for c in merged if c.heading[1:2] == ("Kinesis Data Streams",)]
    assert [c.text for c in streams] == [long_line.strip(), "read by consumer applications"]


def test_parent_blocks_add_a_coarse_passage_next_to_the_sections() -> None:
    both = chunks(ChunkOptions(context="path", parent_blocks=True))
    with_fact = [c for c in both if "1000 KB" in c.text]
    assert {c.heading for c in with_fact} == {
        ("ML Exam Notes", "Kinesis Data Firehose"),
        ("ML Exam Notes", "Kinesis Data Firehose", "Input"),
    }


def test_context_is_part_of_the_id_and_survives_json() -> None:
    a, b = chunks(ChunkOptions(context="path"))[0], chunks(ChunkOptions(context="heading"))[0]
    assert a.text == b.text and a.id != b.id
    assert Chunk.from_json(a.to_json()) == a
    legacy = Chunk("x.md", ("T",), "note", 0, 3, "abc")
    assert legacy.embed_text() == "T\nabc"
    assert Chunk.from_json({k: v for k, v in legacy.to_json().items() if k != "context"}) == legacy


def test_the_manifest_records_the_chunk_options() -> None:
    params = ChunkingParams(MODEL, 0).as_dict()
    assert set(params["options"]) == {  # type: ignore[arg-type]
        "context",
        "merge_tokens",
        "parent_blocks",
        "window_tokens",
        "fine_tokens",
        "overlap",
        "bare_window_tokens",
    }
    assert params["options"]["window_tokens"] == 0  # type: ignore[index]
    assert params["options"]["bare_window_tokens"] == 96  # type: ignore[index]


def test_auto_context_is_the_path_for_plain_text_and_the_heading_for_markdown() -> None:
    text_chunks = {c.text: c for c in chunks(ChunkOptions(context="auto"))}
    assert (
        text_chunks["records up to 1000 KB each"]
        .embed_text()
        .startswith("ML Exam Notes › Kinesis Data Firehose › Input\n")
    )
    markdown = Document(
        source="k.md", kind="note", text="# Kinesis\n\n## Firehose\n\nbuffers data", fmt="markdown"
    )
    (only,) = chunk_documents([markdown], load_tokenizer(MODEL), LIMIT, ChunkOptions("auto"))
    assert only.embed_text() == "Firehose\nbuffers data"
