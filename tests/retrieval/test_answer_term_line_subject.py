"""A comparison of two things that belong to a named subject ("kinesis data analytics: hotspots vs
random cut forest") quotes each side from the subject's passages: a "Term: fact" line naming a
side in a passage that never names the subject ("Hotspots: Net Promoter Score" in a dashboard
tool's notes) is about another thing of that name, and does not displace the subject's own
sentence about the side."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Streaming

## Kinesis Data Analytics

Transform and analyze streaming data in real time using Apache Flink. Uses SQL queries.

Can detect dense regions in data using Hotspots.

Can detect anomalies using Random Cut Forest.

## Amazon QuickSight

Business dashboards over your data, with ML insights.

- Hotspots: Net Promoter Score
- Forecasting: fills in missing values
- Narratives: text summaries of a dashboard
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "term-line-subject", {"streaming.md": NOTES})


def test_a_side_is_quoted_from_the_named_subjects_passage(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "kinesis data analytics: hotspots vs random cut forest, what does each of them find "
        "in the stream?"
    )
    assert "dense regions" in answer.text
    assert "Net Promoter" not in answer.text
