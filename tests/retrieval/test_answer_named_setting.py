"""A setting the question names is answered from its list item in the notes' order: the name
line, then what it does (the first line under a bare name line rarely repeats the name and lost
to a later line that does), and a limit on it is the item's own line, not an example with
numbers in it; a setting named by a word the notes write everywhere is no such ask."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = {
    "xgboost.md": "# XGBoost\n\n"
    "## XGBoost parameters\n\n"
    "- gamma [default=0, alias: min_split_loss]\n"
    "    Minimum loss reduction required to make a further partition on a leaf node. "
    "The larger gamma is, the more conservative the algorithm will be.\n"
    "- lambda [default=1, alias: reg_lambda]\n"
    "    L2 regularization term on weights. Increasing this value makes the model more "
    "conservative.\n\n"
    "## XGBoost input\n\n"
    "XGBoost takes CSV or libsvm input for training.\n",
    "deepar.md": "# DeepAR\n\n"
    "## DeepAR input format\n\n"
    "Each record is a JSON object with these fields:\n\n"
    "- `start` (required): starting timestamp, such as 2009-11-01 00:00:00.\n"
    "- `target` (required): array of values.\n"
    "- `dynamic_feat` (optional): arrays of time-varying features, such as whether a promotion "
    "ran; each must be as long as the target.\n\n"
    'Example: `{"start": "2012-01-30 00:00:00", "target": [1.0, 3.2], "dynamic_feat": '
    "[[1.1, 0.7]]}`.\n",
}


# The rest of a team's notes: a setting's name counts as named only when it is rare in them.
NOTES["jobs.md"] = "# Jobs\n\n## Job log\n\n" + "".join(
    f"Job {n} ran in batch mode on the cluster and wrote report {n} to storage.\n"
    for n in range(200)
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("named-setting")
    for name, text in NOTES.items():
        (root / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("named-setting-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


def test_a_named_setting_is_quoted_with_the_line_saying_what_it_does(tutor: NotesIndex) -> None:
    answer = tutor.ask("xgboost gamma param meaning")
    assert answer.covered
    assert "Minimum loss reduction" in answer.text
    assert answer.text.index("Minimum loss reduction") < answer.text.index("The larger gamma")


def test_a_limit_on_a_named_setting_quotes_its_item_not_an_example(tutor: NotesIndex) -> None:
    answer = tutor.ask("deepar dynamic_feat arrays - how long does each one have to be?")
    assert answer.covered and answer.kind == "limit"
    assert "as long as the target" in answer.text and "Example" not in answer.text
