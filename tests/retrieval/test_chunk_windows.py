"""The window_tokens option (measured by bench/chunking.py, off by default): a long note section
is cut into short windows that each keep the section's heading path and lose no text; a section
that fits the model whole stays whole; flashcards keep their own windows. bare_window_tokens (on
by default, 96): a long section with no heading of its own is cut the same way."""

from __future__ import annotations

from retrieval.chunk import ChunkOptions, chunk_documents, count_truncated
from retrieval.documents import Document
from retrieval.embed import load_tokenizer

MODEL = "all-MiniLM-L6-v2"
LIMIT = 254
FACTS = [
    f"- Service {name} stores its checkpoints in bucket number {i} and retries {i} times."
    for i, name in enumerate(
        [
            "Alpha",
            "Bravo",
            "Charlie",
            "Delta",
            "Echo",
            "Foxtrot",
            "Golf",
            "Hotel",
            "India",
            "Juliett",
            "Kilo",
            "Lima",
            "Mike",
            "November",
            "Oscar",
            "Papa",
            "Quebec",
            "Romeo",
            "Sierra",
            "Tango",
        ]
    )
]
TEXT = "Exam Notes\n\nTraining services\n\n" + "\n".join(FACTS) + "\n\nAthena\n\nruns SQL on S3\n"


def notes() -> Document:
    return Document(source="list.txt", kind="note", text=TEXT, fmt="text")


def test_a_long_section_becomes_short_windows_each_led_by_its_heading_path() -> None:
    counter = load_tokenizer(MODEL)
    assert counter.count_tokens("\n".join(FACTS)) > LIMIT  # too long for one passage
    chunks = chunk_documents([notes()], counter, LIMIT, ChunkOptions("auto", window_tokens=64))
    windows = [c for c in chunks if c.heading[-1:] == ("Training services",)]
    assert len(windows) >= 5
    for window in windows:
        assert counter.count_tokens(window.text) <= 64
        assert window.embed_text().startswith("Exam Notes › Training services\n")
        assert TEXT[window.start : window.end] == window.text  # offsets point at the window
    joined = " ".join(w.text for w in windows)
    assert all(fact in joined for fact in FACTS)  # nothing lost between windows
    assert count_truncated(chunks, counter, LIMIT) == 0


def test_short_windows_cut_only_what_does_not_fit_and_are_off_by_default() -> None:
    counter = load_tokenizer(MODEL)
    short = chunk_documents([notes()], counter, LIMIT, ChunkOptions("auto", window_tokens=64))
    default = chunk_documents([notes()], counter, LIMIT)
    assert len([c for c in short if "Service" in c.text]) > len(
        [c for c in default if "Service" in c.text]
    )
    assert [c.text for c in short if c.heading[-1:] == ("Athena",)] == ["runs SQL on S3"]


def test_flashcards_are_not_cut_to_the_note_window() -> None:
    answer = " ".join(f"fact {i} about shards and streams." for i in range(60))
    card = Document(
        source="deck.csv",
        kind="flashcard",
        text=f"Q: Kinesis limits?\nA: {answer}",
        fmt="card",
        heading=("Kinesis limits?",),
    )
    counter = load_tokenizer(MODEL)
    assert counter.count_tokens(card.text) > LIMIT
    windows = chunk_documents([card], counter, LIMIT, ChunkOptions("auto", window_tokens=64))
    assert len(windows) <= 3  # cut to the model's length, not to 64
    assert all(w.text.startswith("Q: Kinesis limits?\nA: ") for w in windows)
    assert counter.count_tokens(windows[0].text) > 128


def outline() -> Document:
    """An outline exported without headings: the title line runs straight into the list."""
    text = "Exam Notes\n" + "\n".join(FACTS) + "\n"
    return Document(source="outline.txt", kind="note", text=text, fmt="text")


def test_a_long_section_without_a_heading_becomes_short_windows_by_default() -> None:
    counter = load_tokenizer(MODEL)
    document = outline()
    chunks = chunk_documents([document], counter, LIMIT)  # the shipped options
    assert all(c.heading == () for c in chunks)  # nothing names a subject
    assert len(chunks) >= 4
    for chunk in chunks:
        assert counter.count_tokens(chunk.text) <= 96
        assert document.text[chunk.start : chunk.end] == chunk.text
    joined = " ".join(c.text for c in chunks)
    assert all(fact in joined for fact in FACTS)
    off = chunk_documents([document], counter, LIMIT, ChunkOptions("auto"))
    assert len(off) < len(chunks)  # without the option: windows as long as the model takes


def test_a_long_section_under_its_own_heading_keeps_full_windows_by_default() -> None:
    counter = load_tokenizer(MODEL)
    chunks = chunk_documents([notes()], counter, LIMIT)
    windows = [c for c in chunks if c.heading[-1:] == ("Training services",)]
    assert len(windows) == len(
        [
            c
            for c in chunk_documents([notes()], counter, LIMIT, ChunkOptions("auto"))
            if c.heading[-1:] == ("Training services",)
        ]
    )
    assert max(counter.count_tokens(w.text) for w in windows) > 96
