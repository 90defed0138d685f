"""A headed note section too long for one passage that is a list of lines about different things
(a student's catch-all "Extra info about AWS services") is cut into short windows, as a section
with no heading is: a window as long as the model takes mixes twenty subjects. A long section on
one subject keeps its full windows, and search still reads the short windows as a catch-all's
(their section together), so each keeps the raise by its best line (retrieval/search.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval import known_vectors
from retrieval.build import BuildOptions, _encoder, _known_loader
from retrieval.chunk import chunk_documents
from retrieval.documents import Document
from retrieval.embed import DEFAULT_PRECISION, Embedder
from retrieval.scatter import section_check
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

LIMIT = 254
HEADING = "Extra info about AWS services"
LINES = [
    "AWS DeepRacer is a reinforcement learning powered 1/18-scale race car.",
    "DeepLens is a deep learning enabled video camera for developers.",
    "CloudTrail records who called which API, for auditing deployments.",
    "When a model fails, call the DescribeJob API and read its FailureReason field.",
    "SimpleImputer fills missing values with the column mean by default.",
    "A Lambda deployment package can be at most 50 MB zipped.",
    "Semantic Segmentation is used for computer vision, not for NLP.",
    "Online learning means learning on the go, one record at a time.",
    "SNS sends notifications by mail, SMS or mobile push.",
    "SQS is a message queue; producers and consumers never wait on each other.",
    "Collaborative filtering recommends what similar shoppers bought.",
    "ReLU stands for Rectified Linear Unit and passes positive values unchanged.",
    "NAT gateways are created in public subnets and cost money per hour.",
    "RMSE suits regression on a continuous target, penalising large errors.",
    "When plain SGD fails to converge, try RMSProp, Adam or Adagrad instead.",
    "Gradient descent converges faster once the features are normalised.",
    "Out-of-core learning trains on subsets of a dataset too big for one server.",
    "KMS keeps the keys for server side and client side encryption.",
]
CATCH_ALL = f"# Exam notes\n\n## {HEADING}\n\n" + "\n".join(f"- {line}" for line in LINES) + "\n"
ONE_SUBJECT = "# Exam notes\n\n## Kinesis Data Streams\n\n" + "\n".join(
    f"- Kinesis Data Streams shard {i} takes 1 MB/s in and gives 2 MB/s out to its consumers."
    for i in range(24)
)


def note(text: str) -> Document:
    return Document(source="notes.md", kind="note", text=text, fmt="markdown")


def windows(text: str, embedder: Embedder, checked: bool) -> list[str]:
    check = section_check(embedder.encode) if checked else None
    chunks = chunk_documents([note(text)], embedder, LIMIT, scattered=check)
    return [c.text for c in chunks if len(c.heading) > 1]


def test_a_long_catch_all_section_is_cut_into_short_windows(embedder: Embedder) -> None:
    assert embedder.count_tokens(CATCH_ALL) > LIMIT  # too long for one passage
    short = windows(CATCH_ALL, embedder, checked=True)
    full = windows(CATCH_ALL, embedder, checked=False)
    assert len(short) > len(full)
    assert max(embedder.count_tokens(w) for w in short) <= 96
    assert all(line in " ".join(short) for line in LINES)  # nothing lost between windows


def test_a_long_section_on_one_subject_keeps_full_windows(embedder: Embedder) -> None:
    assert embedder.count_tokens(ONE_SUBJECT) > LIMIT
    assert windows(ONE_SUBJECT, embedder, checked=True) == windows(
        ONE_SUBJECT, embedder, checked=False
    )


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "catch-all", {"extra.md": CATCH_ALL})


def test_each_short_window_still_counts_as_a_catch_all(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    rows = [r for r, c in enumerate(searcher.files.chunks) if c.heading[-1:] == (HEADING,)]
    assert len(rows) >= 3
    assert all(searcher.files.sentence_count(r) < 8 for r in rows)  # too few to tell alone
    assert all(searcher._is_scattered(r) for r in rows)


def test_the_window_holding_the_line_comes_first(tutor: NotesIndex) -> None:
    first = tutor.searcher.search("a training job failed, which api call tells me why", k=2)[0]
    assert "FailureReason" in first.chunk.text
    assert len(first.chunk.text) < len(CATCH_ALL) / 3


def test_the_check_reads_the_committed_vectors_before_it_loads_the_model(
    embedder: Embedder, tmp_path: Path
) -> None:
    # a first `make run` has every sentence's vector committed: the chunker's test of a long
    # section must not load and run the model for what the build then takes from the file
    lines = [f"{HEADING}: {line}" for line in LINES]
    model = "all-MiniLM-L6-v2"
    path = known_vectors.shipped_path(model, DEFAULT_PRECISION, tmp_path)
    known_vectors.write(path, lines, embedder.encode(lines), embedder)
    loads: list[str] = []

    def factory(name: str) -> Embedder:
        loads.append(name)
        return embedder

    options = BuildOptions([tmp_path], tmp_path / "index", model, known_vectors_dir=tmp_path)
    encode = _encoder(options, factory, _known_loader(options))
    vectors = encode(lines[:9])
    assert loads == [] and vectors.shape == (9, embedder.dim)
    assert np.allclose(vectors, embedder.encode(lines[:9]), atol=1e-2)
    encode([*lines[:3], "A sentence the committed vectors never saw."])
    assert loads == [model]
