"""An ask for what a term means, measures or stands for is a definition of that term in whatever
order the student types it ("X means what", "X, what does that even mean", "what does s3
availability measure": no limit's ask for its "availability"), so it reaches the definition
pick: a card named by the term and the topic the ask gives it says what the term is, and an
acronym ask quotes the notes' expansion rather than another sentence naming the acronym."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from retrieval.answer import _expanded
from retrieval.compose import Composer, Composition
from retrieval.define import heading_names_subject
from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.lexical import tokenize
from retrieval.meaning import meaning_subject
from retrieval.service import NotesIndex
from retrieval.understand import key_phrases, understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Storage

Amazon S3 is an object storage service offering industry-leading scalability, data availability,
security, and performance.

S3 gives strong read-after-write consistency for every put of a new object.

## S3 Availability

measures how available a service is

## S3 Durability

measures how likely a stored object is to be lost
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "meaning-asks", {"notes.md": NOTES})


@pytest.mark.parametrize(
    ("question", "term"),
    [
        (
            "what does s3 availability actually measure, as opposed to durability?",
            "s3 availability",
        ),
        ("relu is short for what", "relu"),
        ("high specificity means what in plain words", "high specificity"),
        ("dropout what does it actualy do to the neurons", "dropout"),
        (
            "cnns are 'feature-location invariant', what does that even mean",
            "feature-location invariant",
        ),
        ("glove embeddings, what does the name even stand for", "glove embeddings"),
        ("what did the notes mean by alpha endpoints?", "alpha endpoints"),
        ("In recommender systems, what does serendipity mean?", "serendipity"),
    ],
)
def test_a_meaning_ask_is_a_definition_of_its_term(question: str, term: str) -> None:
    ask = understand(question)
    assert (ask.kind, key_phrases(ask)) == ("definition", (term,))


@pytest.mark.parametrize(
    "question",
    [
        "test:msd vs test:ssd - what does each one measure?",
        "for a poisson distribution, what are the mean and the variance?",
        "how does the algorithm know what 'similar' means for my records?",
        "what does it mean when a test has very high specificity?",  # read as before
        "max payload size for a serverless endpoint",
    ],
)
def test_other_asks_name_no_meant_term(question: str) -> None:
    assert meaning_subject(question) == ""


def test_a_heading_naming_the_term_and_its_asked_topic_names_the_subject() -> None:
    ask = understand("what does 'availability' mean when the flashcards talk about s3?")
    composer = cast("Composer", SimpleNamespace(defined=set(), terms=set()))
    composer.defined = set(tokenize(" ".join(key_phrases(ask))))
    composer.terms = set(tokenize(ask.text))
    assert heading_names_subject(composer, set(tokenize("S3 Availability")))
    assert heading_names_subject(composer, set(tokenize("Availability")))
    assert not heading_names_subject(composer, set(tokenize("S3 Storage Classes Availability")))
    assert not heading_names_subject(composer, set(tokenize("S3 Durability")))


def test_a_meaning_ask_reaches_the_terms_own_section(tutor: NotesIndex) -> None:
    answer = tutor.ask("what does s3 availability actually measure, as opposed to durability?")
    assert answer.covered, answer.missing
    assert answer.sentences[0].lower().startswith("measures how available")


def test_an_acronym_ask_quotes_the_expansion_not_another_line_naming_it() -> None:
    chunks = [
        Chunk("notes.md", ("Activations",), "note", 0, 40, "Technically ReLU is a special case."),
        Chunk("notes.md", ("Terms",), "note", 40, 80, "- ReLU -> Rectified Linear Unit"),
    ]
    searcher = SimpleNamespace(files=SimpleNamespace(chunks=chunks))
    composer = cast(
        "Composer", SimpleNamespace(searcher=searcher, ask=understand("relu is short for what"))
    )
    quoted = Composition(["Technically ReLU is a special case."], [0], 0.6, 0.0)
    expanded = _expanded(composer, quoted, True)
    assert expanded is not None and expanded.sentences == ["ReLU -> Rectified Linear Unit"]
    holding = Composition(["ReLU -> Rectified Linear Unit."], [0], 0.6, 0.0)
    assert _expanded(composer, holding, True) is None  # the quote gives it already
