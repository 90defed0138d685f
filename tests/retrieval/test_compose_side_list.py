"""A sentence quoted after a comparison side's pick that leads into a list ("it has four
cells:") comes with the list, or is closed with a stop where no list follows: left open, the
next side's line read as its list ("... four cells: S3 is designed ...")."""

from __future__ import annotations

import pytest

from retrieval.compose import _with_items
from retrieval.embed import Embedder
from retrieval.index_store import BuildFiles
from tests.retrieval.conftest import tutor_over

NOTES = """# Metrics

## Confusion matrix

A confusion matrix counts predictions against the labels. For two classes it has four cells:

- True positive: positive and predicted positive.
- False positive: negative but predicted positive.

## Formula

The score is worked out as follows:

$$ s = a / b $$
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> BuildFiles:
    return tutor_over(tmp_path_factory, embedder, "side-list", {"m.md": NOTES}).searcher.files


def _row(files: BuildFiles, opening: str) -> tuple[int, str]:
    row = next(
        r for r in range(len(files.sentence_chunk)) if files.sentence_text(r).startswith(opening)
    )
    return row, files.sentence_text(row)


def test_a_lead_in_brings_its_list(files: BuildFiles) -> None:
    quoted = _with_items(_row(files, "For two classes"), files)
    assert quoted.startswith("For two classes it has four cells: True positive")
    assert "False positive: negative but predicted positive." in quoted


def test_a_lead_in_without_a_list_is_closed(files: BuildFiles) -> None:
    assert _with_items(_row(files, "The score is"), files).endswith("as follows.")


def test_a_plain_sentence_is_quoted_as_it_is(files: BuildFiles) -> None:
    row = _row(files, "A confusion matrix")
    assert _with_items(row, files) == row[1]
