"""A comparison whose asking clause only asks which side to take ("which fits?", "which do the
notes recommend?") asks nothing of the sides itself: the case the sides are weighed for stands in
the sides' clause ("... for archives kept for years - which fits?"), and is the aspect, as in
"X or Y for <case>?", which has no asking clause. An asking clause that asks something of each
side ("what do I have to pick in each one?") keeps the sides' clause out of the aspect."""

from __future__ import annotations

import pytest

from retrieval.aspect import asked_clauses
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

INSTANCES = """# Compute

## Spot instances

Spot instances: spare EC2 capacity at up to 90% off, reclaimed with two minutes notice.
Nightly batch jobs that checkpoint their work and can restart run well on spare capacity.

## On-demand instances

On-demand instances: billed per second, with no commitment and no interruptions.
Steady production endpoints that must never stop are kept on them.
"""

# Other notes, so that "nightly" and "batch" are words few sentences hold.
FILLER = filler_topics(13)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"compute.md": INSTANCES, "other.md": f"# Other notes\n\n{FILLER}\n"}
    return tutor_over(tmp_path_factory, embedder, "choosing-case", files)


def test_the_case_before_a_choosing_clause_picks_the_side_line_naming_it(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(
        "spot instances or on-demand instances for our nightly batch jobs - which is recommended?"
    )
    assert "Nightly batch jobs" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "multi-model endpoint vs a dedicated endpoint when every model must be fast - which fits?",
        "managed policies or our own policies for the production account - which is recommended?",
    ],
)
def test_a_choosing_clause_leaves_the_whole_question_as_the_ask(question: str) -> None:
    assert asked_clauses(question) == question


def test_a_clause_asking_something_of_each_side_is_the_ask() -> None:
    question = "custom labels vs image classification - what do I have to pick in each one?"
    assert asked_clauses(question) == "what do I have to pick in each one"
