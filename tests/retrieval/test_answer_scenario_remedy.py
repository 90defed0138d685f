"""A scenario whose stem tells of a failure is answered with the passage's line stating the
remedy, not only with the sentences restating the stem's setting."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.remedy import states_remedy, tells_failure
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Batch clusters

## Spot nodes on batch clusters

Spot Instances are spare EC2 capacity at a deep discount that AWS can reclaim with a two-minute
warning. On a batch cluster they are a good choice for worker nodes: if a Spot worker disappears,
its tasks are rerun elsewhere and no data is lost. Use Spot on the head node only for testing,
because losing the head node ends the cluster. The cost-saving purchasing strategy for a
long-running cluster: On-Demand or Reserved Instances for the steady head and storage capacity,
and Spot worker nodes added for peaks such as a nightly rendering job. Instance fleets can mix
several instance types to improve the chance of getting Spot capacity.

## Cluster storage

Cluster storage lives on the nodes' own disks: it is fast for temporary data but is lost when
the cluster shuts down. Object storage persists after the cluster terminates and can be shared
with other services.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-remedy", {"notes.md": NOTES})


def test_the_line_stating_the_failures_remedy_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our batch cluster adds Spot worker nodes for the nightly rendering job, but the instance "
        "type we ask for has no Spot capacity left. What should we change?"
    )
    assert "Instance fleets" in " ".join(answer.sentences)


@pytest.mark.parametrize(
    ("stem", "fails"),
    [
        (["the one instance type we ask for often has no Spot capacity left"], True),
        (["the results are gone every morning after the cluster shuts down"], True),
        (["finance keeps getting surprised by the bill"], True),
        (["most instances get no data and sit idle"], True),
        (["requests arrive in bursts with idle hours in between"], False),
        (["the team does not want to build its own review tool"], False),
    ],
)
def test_a_stem_telling_of_a_failure_is_read_as_one(stem: list[str], fails: bool) -> None:
    assert tells_failure(stem) is fails


@pytest.mark.parametrize(
    ("line", "remedy"),
    [
        ("Instance fleets can mix several instance types to improve the chance of capacity.", True),
        ("Choose object storage when data must outlive the cluster.", True),
        ("Workgroups can cap data scanned per query to control spend.", True),
        ("Spot Instances are spare EC2 capacity at a deep discount.", False),
        ("Use Batch Transform instead when you score a complete dataset.", False),
    ],
)
def test_a_line_stating_a_remedy_is_read_as_one(line: str, remedy: bool) -> None:
    assert states_remedy(line) is remedy
