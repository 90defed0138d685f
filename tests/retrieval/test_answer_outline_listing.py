"""A question asking whether the outline covers a topic ("outline covers gini impurity?") is
answered from the outline's own list of titles: cleaning takes the list out of the searched
notes, so no passage holds the title, and the document keeps it apart for this question only."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.genre import OUTLINE
from retrieval.listing import listed_title
from retrieval.load import read_text
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

OUTLINE_EXPORT = """Study notes for the exam
Below is a high level overview
- Machine learning lifecycle
- Optimisation
- Hyperparameters
- Cross-validation
- Feature selection
- Forward & Back propogation
- Gini impurity

Spot training uses spare capacity, so it costs less than on-demand training.
Checkpoints store the training progress, so a stopped spot instance loses little.
"""

NOTES = """# Decision trees

A decision tree splits the data on the feature that separates the classes best. Deep trees
overfit: limit their depth or prune them.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"outline.txt": OUTLINE_EXPORT, "trees.md": NOTES}
    return tutor_over(tmp_path_factory, embedder, "outline-listing", files)


def test_the_outline_keeps_its_titles_apart_from_its_text() -> None:
    (document,) = read_text(OUTLINE_EXPORT, "outline.txt")
    assert "Gini impurity" not in document.text
    assert document.listing[-2:] == ("Forward & Back propogation", "Gini impurity")


def test_no_passage_holds_the_titles(tutor: NotesIndex) -> None:
    chunks = tutor.searcher.files.chunks
    assert not any("Gini impurity" in c.text for c in chunks)
    assert any("Gini impurity" in c.listing for c in chunks)


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("outline touches gini impurity at all?", "Gini impurity"),
        ("does the outline cover gini impurity?", "Gini impurity"),
        ("outline covers forward n back prop?", "Forward & Back propogation"),
    ],
)
def test_a_question_asking_what_the_outline_covers_quotes_its_title(
    tutor: NotesIndex, question: str, title: str
) -> None:
    answer = tutor.ask(question)
    assert answer.covered and answer.text == title
    assert answer.passages[0].source == "outline.txt"


def test_a_topic_the_outline_lacks_is_declined(tutor: NotesIndex) -> None:
    assert not tutor.ask("does the outline cover quantum annealing?").covered


@pytest.mark.parametrize(
    ("kinds", "asked"),
    [
        ((OUTLINE,), "what is gini impurity?"),  # what a topic is: a bare title does not tell
        ((), "does it cover gini impurity?"),  # not asked of the outline
        ((OUTLINE,), "does cover quantum annealing?"),
    ],
)
def test_only_a_question_asking_what_the_outline_covers_reads_its_list(
    tutor: NotesIndex, kinds: tuple[str, ...], asked: str
) -> None:
    assert listed_title(tutor.searcher.files.chunks, kinds, asked) is None
