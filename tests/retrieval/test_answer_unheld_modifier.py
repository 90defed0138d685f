"""A modifier the notes write rarely and never before the term it modifies ("nested
cross-validation", "stochastic depth", "edited nearest neighbours"), where the question names what
it asks about (a when-to-use ask's subject and a comparison's sides too), is declined by that term
when neither the answer nor its passage holds the modifier: the answer is about the plain term. A
modifier the answer holds, a term the notes write, a superlative, a participle's complement, an
ordinary kind ("a plain rnn cell") and a word the notes never write (a typo) are none. Two words
hyphened that the notes never join ("field-aware") are such a modifier, and a how-to misread as
one whole comparison side ("how does X cope ... compared with Y") is read from its subject X."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.modified import unheld_modifier
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Validation

## Cross-validation

In k-fold cross-validation the data is split into k folds; the model is trained k times, each
time holding out a different fold, and the k scores are averaged. Cross-validation gives a
steadier estimate than one split. Stratified cross-validation keeps the class mix in each fold.

## Formats

JSON Lines files hold one record per line; nested fields are flattened before training.

## Trees

Gini impurity is the chance that a random item is mislabelled; gini impurity is 0 for a pure
node. A random forest averages many trees. Rule based systems need no training.

## Recurrent networks

An RNN cell passes its hidden state on; an LSTM cell adds a cell state and gates.
"""
# Enough other words that a word written once in the notes is rare (`NotesVocabulary.rare`).
PADDING = " ".join(["filler"] * 8_000)
ENGLISH = {"nested", "highest", "higher", "plain", "rule", "stratified", "single"}
K_FOLD = "In k-fold cross-validation the data is split into k folds."


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary([*NOTES.split("\n\n"), PADDING], ENGLISH)


def test_a_rare_modifier_the_notes_never_write_with_the_term(vocabulary: NotesVocabulary) -> None:
    assert vocabulary.unwritten_modifier(["nested", "cross-validation"]) == (
        "nested cross-validation"
    )


def test_a_written_term_a_value_a_complement_or_a_typo_is_none(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unwritten_modifier(["stratified", "cross-validation"]) is None  # written
    assert vocabulary.unwritten_modifier(["highest", "gini"]) is None  # a value asked of it
    assert vocabulary.unwritten_modifier(["rule", "based"]) is None  # the participle's complement
    assert vocabulary.unwritten_modifier(["nestd", "cross-validation"]) is None  # never written


def test_read_where_the_question_names_its_subject_when_the_answer_lacks_it(
    vocabulary: NotesVocabulary,
) -> None:
    def term(question: str, answer: str = K_FOLD) -> str | None:
        return unheld_modifier(vocabulary, understand(question), [answer])

    asked = "when do i need nested cross-validation instead of a single k-fold loop?"
    assert term(asked) == "nested cross-validation"
    assert term("nested cross-validation - how many loops does it run?") == (
        "nested cross-validation"
    )
    assert term(asked, "Nested fields are flattened; k-fold cross-validation ...") is None
    assert term("when do i need cross-validation instead of one split?") is None
    assert term("lstm cell vs a plain rnn cell - what state does the lstm keep?") is None


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    # enough other words in the notes that "nested", written once, is rare
    padding = "\n".join(f"Padding line {i} says nothing at all here." for i in range(1_300))
    files = {"val.md": NOTES, "padding.md": f"# Padding\n\n{padding}\n"}
    return tutor_over(tmp_path_factory, embedder, "unheld-modifier", files)


def test_a_modified_term_the_answer_lacks_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("When do I need nested cross-validation instead of one split?")
    assert not answer.covered
    assert answer.missing == "nested cross-validation"


def test_the_plain_term_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("When do I need k-fold cross-validation instead of one split?")
    assert answer.covered
    assert "folds" in answer.text


def test_a_hyphenated_modifier_the_notes_never_join_is_one(vocabulary: NotesVocabulary) -> None:
    assert vocabulary.unwritten_modifier(["group-aware", "cross-validation"]) == (
        "group-aware cross-validation"
    )
    assert vocabulary.unwritten_modifier(["k-fold", "cross-validation"]) is None  # written
    # a phrase hyphened into an adjective names no kind
    assert vocabulary.unwritten_modifier(["fold-by-fold", "cross-validation"]) is None


def test_a_how_does_ask_misread_as_one_side_is_read_from_its_subject(
    vocabulary: NotesVocabulary,
) -> None:
    ask = understand("How does nested cross-validation cope with tuning compared with k-fold?")
    assert ask.kind == "comparison"
    assert unheld_modifier(vocabulary, ask, [K_FOLD]) == "nested cross-validation"
