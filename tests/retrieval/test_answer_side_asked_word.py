"""A comparison asking one thing of both sides quotes, for a side whose best line says what the
side is but none of the ask, the line of the side's own passage holding the rarest asked word
its sentences hold ("Organized in columns" of "by row or by column"), not its overview; but no
"Term: fact" line of that passage about another term ("Keyval: organized in columns")."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

STORES = """# Databases

## Tabular

- Tabular: relational store for transactions, SQL language
- store data at the row level
- replicas in three zones

## Colbase

- Colbase: data store for analytics, SQL language
- Colbase clusters are sized ahead of time
- organized in columns
- loads data from the lake nightly

## Lake

- Lake: object store for any data
- store data as plain files
- store data for years at low cost
- store data from many sources
- pay per gigabyte stored
"""


COMPARED = """# Databases

## Delta

- Delta: relational store for transactions, SQL language
- Delta replicas sit in three zones
- store data at the row level

## Stores compared: Gamma vs Keyval

- Gamma: data store for analytics, SQL language
- Gamma clusters are sized ahead of time
- Keyval: organized in columns of keys

## Lake

- Lake: object store for any data
- store data as plain files
- store data for years at low cost
- store data from many sources
- pay per gigabyte stored
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "side-asked-word", {"stores.md": STORES})


def test_a_side_is_quoted_where_its_own_passage_holds_the_asked_word(tutor: NotesIndex) -> None:
    answer = tutor.ask("Tabular vs Colbase: does each one store its data by row or by column?")
    assert "row level" in answer.text
    assert "Colbase: Organized in columns" in answer.text


def test_another_terms_line_under_the_sides_heading_is_not_its_answer(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    tutor = tutor_over(tmp_path_factory, embedder, "side-other-term", {"stores.md": COMPARED})
    answer = tutor.ask("Delta vs Gamma: does each one store its data by row or by column?")
    assert "row level" in answer.text
    assert "Keyval" not in answer.text
