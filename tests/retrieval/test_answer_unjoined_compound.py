"""A term the notes cannot write is declined by that term where the question names what it asks
about, though its words find a passage: a hyphenated compound whose parts the notes never join
("how do i read a q-q plot", "skip-thought vectors", "a multi-armed bandit that ..."), and a
definition's or a how-to's two-word subject with a word the notes never write at all ("the
kernel trick", "the gap statistic"). A compound the notes write in any form, a plural of one
("built-ins"), a verb's compound ("cross-validate a model"), a clipped phrase ("on-prem"), a
notes word described ("kernel-based") or made again with a prefix ("non-separable") are no such
term."""

from __future__ import annotations

import pytest

from retrieval.compound import unjoined_compound
from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Evaluation

## Residual plots

A residual plot shows each prediction's error; a histogram of residuals should look roughly
normal and centred at zero, and a funnel shape means the errors are not constant.

## Encoding

One-hot encoding turns a categorical column into one binary column per category.

## Support vector machines

For data that is not linearly separable, a kernel maps points into a higher dimension where a
separating surface exists.

## Algorithms

SageMaker built-in algorithms stream data from S3 in pipe mode. Cross validation holds out a
fold of the data; pre-trained models cut training time.
"""
ENGLISH = {"kernel", "trick", "gap", "plot", "read", "statistic"}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary(NOTES.split("\n\n"), ENGLISH)


def test_a_compound_the_notes_never_join_names_a_term(vocabulary: NotesVocabulary) -> None:
    assert unjoined_compound(vocabulary, "read a q-q plot to see if the residuals are normal") == (
        "q-q plot"
    )
    assert unjoined_compound(vocabulary, "one-hot encoding for a column") is None  # written
    assert unjoined_compound(vocabulary, "pre-trained models") is None  # written so


def test_a_plural_a_verb_and_a_clipped_phrase_name_no_term(vocabulary: NotesVocabulary) -> None:
    assert unjoined_compound(vocabulary, "can built-ins stream csv") is None
    assert unjoined_compound(vocabulary, "cross-validate a time series model") is None
    assert unjoined_compound(vocabulary, "our on-prem files") is None


def test_a_described_or_remade_notes_word_names_no_term(vocabulary: NotesVocabulary) -> None:
    assert unjoined_compound(vocabulary, "a kernel-based separating surface") is None
    assert unjoined_compound(vocabulary, "non-separable data") is None
    assert unjoined_compound(vocabulary, "a point-mapping kernel") is None  # what it does


def test_a_subject_with_a_word_the_notes_never_write_is_unwritten(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unwritten_subject("the kernel trick in an svm") == "kernel trick"
    assert vocabulary.unwritten_subject("the kernel maps points") is None  # the notes write it


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "unjoined-compound", {"eval.md": NOTES})


def test_a_compound_term_the_notes_lack_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("how do i read a q-q plot to see if my residuals are normal")
    assert not answer.covered
    assert answer.missing == "q-q plot"


def test_a_subject_with_a_word_the_notes_lack_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("whats the kernel trick for data that is not linearly separable")
    assert not answer.covered
    assert answer.missing == "kernel trick"
    answer = tutor.ask("what does the kernel do for data that is not linearly separable")
    assert answer.covered


def test_the_notes_own_term_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("how do i read a residual plot")
    assert answer.covered
    assert "funnel" in answer.text or "histogram" in answer.text
