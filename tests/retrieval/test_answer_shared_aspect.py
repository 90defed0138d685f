"""A comparison that asks one aspect of both sides quotes, for each side, the sentence stating
that aspect, not the side's "Term: fact" line that says something else of it; the words of the
sides' own clause ("for our logs") are no aspect."""

from __future__ import annotations

import pytest

from retrieval.aspect import asked_clauses
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

TIERS = """# Storage

## Archive tiers

The archive tiers keep log data for years at the lowest price per gigabyte.
Vault Quick gives millisecond reads for log data opened about once a quarter (90-day minimum).
Vault Deep is the cheapest tier, with restores within 12 hours (180-day minimum).
Both tiers encrypt every object at rest.

## Archive tier read times

- Vault Quick: milliseconds.
- Vault Deep: within 12 hours.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "shared-aspect", {"tiers.md": TIERS})


def test_each_side_is_quoted_where_it_states_the_asked_aspect(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "vault quick vs vault deep - how long is the minimum storage charge on each?"
    )
    assert "90-day" in answer.text and "180-day" in answer.text


def test_the_asked_clause_leaves_out_what_the_sides_are_for() -> None:
    question = "Bedrock vs JumpStart for a foundation model - who runs the instances in each case?"
    assert asked_clauses(question) == "who runs the instances in each case"
    whole = "polly ssml vs custom lexicon for acronyms"
    assert asked_clauses(whole) == whole
