"""A question naming one document of the notes by its kind ("per the blog", "what does the
outline say") is read in that document when its quote came from another: the documents carry
their kind, read from the export (a web article's read time marks a blog post, a dropped topic
outline an outline) or from their title ("... Cheat Sheet")."""

from __future__ import annotations

import pytest

import retrieval.answer as answering
from retrieval.embed import Embedder
from retrieval.genre import BLOG, OUTLINE, genre
from retrieval.load import read_text
from retrieval.material import documents_of, read_pointer
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

BLOG_POST = """Passing the ML exam

Jane Doe
7 min readMar 3, 2024

I wrote these notes while preparing for the exam.

Kinesis Data Firehose

Firehose is the easy way to land a stream in storage: it buffers records for up to a minute and
needs no code of your own.
"""

NOTES = """# Streaming

## Kinesis Data Firehose

Kinesis Data Firehose delivers streaming data to destinations such as S3, Redshift and
OpenSearch. Each Kinesis Data Firehose record is at most 1,000 KiB, and Kinesis Data Firehose
scales on its own with the incoming data.
"""

CHEAT_SHEET = """# ML Exam Cheat Sheet

## Exam advice

Read every option: several answers can look right at first.
"""

OUTLINE_EXPORT = """Study notes for the exam
Below is a high level overview
- Machine learning lifecycle
- Optimisation
- Hyperparameters
- Cross-validation
- Feature selection
- Feature engineering
- Gini impurity

Some facts follow here.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"post.txt": BLOG_POST, "streaming.md": NOTES, "sheet.md": CHEAT_SHEET}
    return tutor_over(tmp_path_factory, embedder, "document-named", files)


def test_an_export_shows_its_kind() -> None:
    assert genre(BLOG_POST, outlined=False) == (BLOG,)
    assert genre(NOTES, outlined=False) == ()
    assert read_text(OUTLINE_EXPORT, "outline.txt")[0].genre == (OUTLINE,)
    assert read_text(BLOG_POST, "post.txt")[0].genre == (BLOG,)


def test_the_documents_of_a_kind(tutor: NotesIndex) -> None:
    chunks = tutor.searcher.files.chunks
    assert documents_of(tutor, chunks, ("blog",)) == {"post.txt"}
    assert documents_of(tutor, chunks, ("cheat sheet",)) == {"sheet.md"}  # by its title
    assert documents_of(tutor, chunks, ("outline",)) == frozenset()


@pytest.mark.parametrize(
    ("question", "documents"),
    [
        ("what does firehose buffer, per the blog?", ("blog",)),
        ("In the blog notes, what is firehose?", ("blog",)),
        ("what does the cheat sheet say about the exam?", ("cheat sheet",)),
        ("outline of every car", ()),
        ("what does firehose buffer?", ()),
    ],
)
def test_the_kind_a_question_names(question: str, documents: tuple[str, ...]) -> None:
    titled = frozenset({"cheat", "sheet"})
    assert read_pointer(question, titled=titled).documents == documents


def test_a_question_naming_the_blog_is_read_in_the_blog(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "how long does firehose hold records, per the blog?"
    assert tutor.ask(question).passages[0].source == "post.txt"
    monkeypatch.setattr(answering, "_in_named_document", lambda *_args: [])
    assert tutor.ask(question).passages[0].source == "streaming.md"  # the fuller notes passage
