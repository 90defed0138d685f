"""A comparison side's card line that only poses what was asked, a bare choice ("CPU or GPU")
or what a thing is used for ("Optional test channel can be used for scoring results"), brings
the card's next line when that is the bare value ("GPU recommended", "Per-word log likelihood");
a line stating a value of its own ("Can use CPU or GPU") does not bring the next fact along. A
bare choice quoted as a title, in any kind of answer, has that answer right after it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

CARDS = """# Built-in algorithms

## Topic Finder: How is it used?

- Unsupervised; generates however many topics you specify
- Optional test channel can be used for scoring results
- Per-word log likelihood
- Functionally similar to the neural topic model, but CPU-based

## Anomaly Cutter: How is it used?

- Optional test channel for computing accuracy, precision, recall, and F1 on labeled data

## Series Caster: Instance Types

- Can use CPU or GPU
- Single or multi machine
- Start with CPU (C4.2xlarge, C4.4xlarge)

"""

# A flashcard deck as the team's slides export it: the choice's answer is a bare line under it.
DECK = (
    "Team Flashcards\n\n1\nQ\n\nPair Scorer: Instance Types\n\nA\n\n• CPU or GPU\n\n"
    "GPU recommended\n\nMl.p3.2xlarge or higher\n\nCan use multiple GPU's\n\n"
    "2\nQ\n\nRift Cutter: Instance Types\n\nA\n\n• Does not take advantage of GPUs\n\n"
    "Use M4, C4, or C5 for training\n\n3\nQ\n\nWord Packer: Instance Types\n\nA\n\n"
    "• Single CPU or GPU instance for training\n"
)

FILLER = filler_topics(40)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"cards.md": CARDS, "deck.txt": DECK, "other.md": f"# Other notes\n\n{FILLER}\n"}
    return tutor_over(tmp_path_factory, embedder, "side-value-line", files)


def test_a_line_naming_what_a_thing_is_used_for_brings_the_value_under_it(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(
        "topic finder vs anomaly cutter: what does the optional test channel compute for each?"
    )
    assert "Optional test channel can be used for scoring results" in answer.text
    assert "Per-word log likelihood" in answer.text


def test_a_bare_choice_brings_the_next_line_naming_one_of_its_options(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "pair scorer vs rift cutter: which of them wants a GPU and which cannot use one?"
    )
    assert "CPU or GPU" in answer.text
    assert "GPU recommended" in answer.text


def test_a_line_stating_a_value_of_its_own_brings_no_next_fact(tutor: NotesIndex) -> None:
    answer = tutor.ask("series caster vs rift cutter: cpu or gpu for training each?")
    assert "Can use CPU or GPU" in answer.text
    assert "Single or multi machine" not in answer.text


def test_a_bare_choice_quoted_alone_brings_its_answer_before_the_next_fact(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("pair scorer cpu or gpu")
    assert "CPU or GPU. GPU recommended." in answer.text
