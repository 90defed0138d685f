"""A definition asked of a term that terse notes give as a term line ("**Stacking** trains ...",
"Alpha0 - Initial guess ...") is answered with that line, not with a fluent sentence elsewhere
that only mentions the term."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import retrieval.define as define
from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.search import Hit
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Machine Learning Concepts

## Ensemble models

An ensemble combines several models so that together they predict better than any single one.
Techniques:

- **Bagging** averages independently trained models (random forest).
- **Boosting** chains models that correct each other (XGBoost).
- **Stacking** trains a meta-model on the predictions of several different base models.

The cost is more compute and slower inference. SageMaker Autopilot's ensembling mode builds
stacked ensembles automatically.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"concepts.md": NOTES}
    return tutor_over(tmp_path_factory, embedder, "term-definition", files)


def test_a_bold_term_line_defines_the_term(tutor: NotesIndex) -> None:
    answer = tutor.ask("What is stacking when people build ensembles?")
    assert "meta-model" in answer.sentences[0]  # the term line opens: it says what stacking is
    assert answer.sentences[0].startswith("Stacking trains")  # shown without its bold markers
    assert "**" not in answer.text


def test_a_term_is_a_short_name_every_word_of_which_was_asked() -> None:
    asked = SimpleNamespace(defined={"stack"})
    hit = Hit(Chunk("n.md", ("Notes", "Ensembles"), "note", 0, 1, "x"), 0, 0.0, 0.0, 0.0)
    assert define.names_term(asked, "- **Stacking** trains a meta-model", hit)  # type: ignore[arg-type]
    assert not define.names_term(asked, "**Bagging** averages models", hit)  # type: ignore[arg-type]
    assert not define.names_term(asked, "Stacking models in a production pipeline: slow", hit)  # type: ignore[arg-type]
