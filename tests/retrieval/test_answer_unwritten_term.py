"""A two-word term made of words the notes write, but never together as that term, is declined by
that term wherever the question names what it asks about: a comparison's last side after a
one-word side ("k-means or mean shift"), one of two things asked to be the same ("is Poisson
regression the same thing as the Poisson distribution"), or a definition's or a how-to's subject
after an article ("what is a foundation model"). A head shared with a one-word side needs the last
side's own first word to be one of the notes' kinds too ("glove vs bert embeddings", not "PCA or
factor analysis"), and a long ask that opens with two options joined by "or" ("object detection or
instance segmentation if ...") has them as its sides. A term the notes write, a head the notes use
often for both sides ("spectral vs hierarchical clustering" read as "spectral clustering"), and a
phrase ("the hardware for training") keep their answers."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import compared_sides, understand
from tests.retrieval.conftest import tutor_over

PASSAGES = [
    "K-means is unsupervised clustering: it finds k centroids, and k is the number of clusters.",
    "Hierarchical clustering merges the closest clusters until one is left.",
    "Spectral methods read the eigenvectors of a similarity graph.",
    "Standard scaling subtracts the mean and divides by the standard deviation of each column.",
    "Data drift: the distribution of a feature moves away from the training data, as when prices"
    " rise; a covariate shift.",
    "Poisson distribution: choose it for counts of events per interval with no upper limit.",
    "Linear regression predicts a number; logistic regression predicts a class.",
    "Training uses GPU instances.",
    "Inference hardware: CPU instances are often enough.",
    "A random forest averages many decision trees trained on bootstrap samples.",
    "A model is trained on data, then deployed to an endpoint.",
    "Clean data is the foundation of every pipeline.",
    "Principal component analysis (PCA) keeps the directions of most variance.",
    "Residual analysis and error analysis read what a model gets wrong.",
    "Multiplying a column by a constant factor leaves its ranking as it was.",
    "Word vectors: GloVe gives each word one vector, while BERT reads the whole sentence.",
    "Embeddings map users and items to vectors; embeddings of similar items lie close.",
    "Object detection draws a bounding box around each object in an image.",
    "Semantic segmentation labels every pixel; instance types are picked per training job.",
]
# Enough other words that a word the notes write once is rare in them (`RARE_PER_WORDS`).
PADDING = " ".join(["records"] * 8_000)
ENGLISH = {
    "hardware",
    "mean",
    "shift",
    "foundation",
    "model",
    "random",
    "forest",
    "proper",
    "properly",
}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary([*PASSAGES, PADDING], ENGLISH)


def test_a_last_side_with_a_rare_head_is_its_own_term(vocabulary: NotesVocabulary) -> None:
    # "mean" is a word a student adds ("what does it mean"), yet here it opens a term; "shift" is
    # rare and no passage sets it beside k-means, so it is no head the two sides share
    assert vocabulary.split_side(["k-means", "mean shift"]) == "mean shift"


def test_a_last_side_whose_head_the_notes_use_often_may_share_it(
    vocabulary: NotesVocabulary,
) -> None:
    # "spectral vs hierarchical clustering": "clustering" is both sides' head
    assert vocabulary.split_side(["spectral", "hierarchical clustering"]) is None


def test_a_head_is_shared_only_after_a_kind_the_notes_write_beside_the_other_side(
    vocabulary: NotesVocabulary,
) -> None:
    # "bert" shares a passage with GloVe: "glove vs bert embeddings" compares two embeddings
    assert vocabulary.split_side(["glove", "bert embeddings"]) is None
    # "analysis" is frequent, but "factor" is rare and never beside PCA: a term of its own
    assert vocabulary.split_side(["PCA", "factor analysis"]) == "factor analysis"


def test_options_joined_by_or_before_a_condition_are_a_scenarios_sides() -> None:
    ask = understand(
        "object detection or instance segmentation if I need the exact outline of every single"
        " car in the picture, not just a rough box around it?"
    )
    assert ask.kind == "scenario"
    assert compared_sides(ask) == ("object detection", "instance segmentation")
    stem = understand(
        "we run glue or emr jobs every night when the sales data lands and need the cheapest way"
        " to keep the jobs running?"
    )
    assert compared_sides(stem) == ()  # a person opens a stem, not two options


def test_an_equated_name_is_checked_as_a_side_and_a_phrase_is_not(
    vocabulary: NotesVocabulary,
) -> None:
    sides = ["Poisson regression", "using the Poisson distribution to count events"]
    assert vocabulary.absent_side(sides, names_only=True) == "Poisson regression"
    phrase = ["hardware for training", "for inference"]
    assert vocabulary.absent_side(phrase) == "hardware for training"
    assert vocabulary.absent_side(phrase, names_only=True) is None


def test_a_subject_after_an_article_is_a_term_the_notes_must_write(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unwritten_subject("a foundation model") == "foundation model"
    assert vocabulary.unwritten_subject("the random forest vote") is None  # the notes write it
    assert vocabulary.unwritten_subject("foundation model") is None  # no article: no noun phrase
    assert vocabulary.unwritten_subject("a proper foundation model") is None  # a description


NOTES = "# Statistics\n\n" + "\n\n".join(f"## Part {i}\n\n{p}" for i, p in enumerate(PASSAGES))


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "unwritten-term", {"stats.md": NOTES})


def test_an_equated_thing_the_notes_never_name_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("Is Poisson regression the same thing as using the Poisson distribution?")
    assert not answer.covered
    assert answer.missing == "Poisson regression"


def test_a_comparison_with_a_term_the_notes_write_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("k-means or hierarchical clustering if I have no idea how many clusters?")
    assert answer.covered


def test_a_two_word_option_the_notes_never_write_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "object detection or instance segmentation if I need the exact outline of every single"
        " car in the picture, not just a rough box around it?"
    )
    assert not answer.covered
    assert answer.missing == "instance segmentation"
