"""Fixtures for retrieval tests: a fixture corpus and a built index over it, made once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.build import BuildOptions, BuildReport, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.fixtures import write_good_corpus

MODEL = "all-MiniLM-L6-v2"
SHIPPED = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture
def build(embedder: Embedder) -> Callable[..., BuildReport]:
    """Build an index with the session's model; keyword arguments go to BuildOptions."""

    def run(roots: list[Path], index_dir: Path, **options: object) -> BuildReport:
        return build_index(
            BuildOptions(roots=roots, index_dir=index_dir, model=MODEL, **options),  # type: ignore[arg-type]
            embedder_factory=lambda _name: embedder,
        )

    return run


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """The fixture corpus indexed once per session; returns the index dir."""
    root = write_good_corpus(tmp_path_factory.mktemp("corpus"))
    index_dir = tmp_path_factory.mktemp("data") / "index"
    build_index(
        BuildOptions(roots=[root], index_dir=index_dir, model=MODEL),
        embedder_factory=lambda _name: embedder,
    )
    return index_dir


@pytest.fixture(scope="session")
def shipped(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    """The whole shipped corpus indexed once per session (its committed vectors make the build
    quick), for the tests that ask what a student would of the notes studybot ships."""
    index_dir = tmp_path_factory.mktemp("shipped-data") / "index"
    build_index(BuildOptions([SHIPPED], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(index_dir, MODEL, embedder=embedder)


def filler_topics(count: int) -> str:
    """Sections of other notes, each about one numbered step of preparing data, so that the
    words a test asks about are words few of the notes' sentences hold, as in real notes."""
    return "\n".join(
        f"## Topic {n}\n\nTopic {n} covers step {n} of preparing data for a model. "
        f"Each step {n} is checked before the next one runs. Step {n} is logged."
        for n in range(1, count + 1)
    )


def tutor_over(
    factory: pytest.TempPathFactory, embedder: Embedder, name: str, files: dict[str, str]
) -> NotesIndex:
    """A tutor over a few notes files written for one test module (name: file text)."""
    root = factory.mktemp(name)
    for file_name, text in files.items():
        (root / file_name).write_text(text, encoding="utf-8")
    index_dir = factory.mktemp(f"{name}-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(index_dir, MODEL, embedder=embedder)
