"""A headed note that is a long list of lines about different things ("Extra info about AWS
Services") is found by the one line that answers, as an unheaded window is: its heading names
none of its lines' subjects, and its vector, an average of them all, is far from that line."""

from __future__ import annotations

import pytest

from retrieval import scatter
from retrieval.embed import Embedder
from retrieval.search import Searcher
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

# A student's catch-all section: one fact a line, each about something else.
EXTRA = """# Exam notes

## Extra info about AWS services

- AWS DeepRacer is a reinforcement learning powered 1/18-scale race car.
- DeepLens is a deep learning enabled video camera.
- CloudTrail records who called which API, for auditing.
- When a model fails, call the DescribeJob API and read its FailureReason field.
- SimpleImputer fills missing values with the mean by default.
- Lambda's deployment package can be at most 50 MB.
- Semantic Segmentation is used for computer vision, not NLP.
- Online learning means learning on the go, one record at a time.
- SNS sends notifications by mail, SMS or push.
"""

MONITORING = """# Monitoring

## Watching SageMaker jobs

CloudWatch collects the metrics and logs of SageMaker training jobs and endpoints. Its alarms
fire when a metric such as CPU or GPU use crosses a threshold, and its dashboards chart the
jobs over time. Training job logs go to CloudWatch Logs.
"""

QUESTION = "a training job failed, which api call tells me why"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"extra.md": EXTRA, "monitoring.md": MONITORING}
    return tutor_over(tmp_path_factory, embedder, "scattered", files)


def test_the_list_holding_the_line_comes_first(tutor: NotesIndex) -> None:
    first = tutor.searcher.search(QUESTION, k=2)[0]
    assert "FailureReason" in first.chunk.text


def test_without_the_rule_the_overview_wins(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scatter, "SCATTERED_SIMILARITY", 0.0)  # no list counts as scattered
    plain = Searcher(tutor.searcher.files, tutor.searcher.embedder)
    assert "FailureReason" not in plain.search(QUESTION, k=2)[0].chunk.text


def test_only_the_long_unrelated_list_counts(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    files = searcher.files
    rows = {files.chunks[r].source: r for r in range(len(files.chunks))}
    assert files.sentence_count(rows["extra.md"]) >= scatter.SCATTERED_SENTENCES
    assert files.sentence_similarity(rows["extra.md"]) < scatter.SCATTERED_SIMILARITY
    assert searcher._is_scattered(rows["extra.md"])
    assert not searcher._is_scattered(rows["monitoring.md"])  # one subject, few sentences
