"""Two names joined by "and" and then set side by side ("lightgbm and catboost are both gradient
boosting, so what's different ...", "how do covariance and spearman differ ...") are a
comparison's two sides: the answer quotes what sets each apart, not the one sentence that names
them together; so are two names joined by "and" or "or" that a dash then asks of one at a time
("snowball or datasync to get our files into aws - what is each one meant for?")."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Gradient boosting libraries

## Related libraries

LightGBM and CatBoost are related boosting libraries.

## LightGBM

LightGBM grows its trees leaf-wise: it splits the leaf with the largest loss reduction first, which
trains fast on large tables.

## CatBoost

CatBoost uses ordered boosting and encodes categorical features with target statistics computed
on earlier rows only, which avoids target leakage.

## XGBoost

XGBoost grows its trees level by level and prunes them back with the gamma threshold.

## AWS Snowball

Snowball is a rugged device shipped to your site: local storage and large-scale data transfer when
the network is too slow.

## AWS DataSync

DataSync is an online agent that ingests data from an NFS or SMB share into S3 on a schedule.

## Correlation

Covariance measures how two variables move together under a linear, Gaussian relationship.
Spearman's rank correlation needs no Gaussian relationship: it only assumes a monotonic one.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "joined", {"boosting.md": NOTES})


def test_both_names_then_what_differs_quotes_each_side(tutor: NotesIndex) -> None:
    quoted = " ".join(
        tutor.ask(
            "lightgbm and catboost are both gradient boosting, so what's different about how"
            " each one works?"
        ).sentences
    )
    assert "leaf-wise" in quoted and "ordered boosting" in quoted


@pytest.mark.parametrize(
    "question",
    [
        "snowball or datasync to get our on-prem files into aws - what is each one meant for?",
        "snowball and datasync - which of the two ships a device to our site?",
    ],
)
def test_two_names_then_an_ask_of_each_quotes_each_side(tutor: NotesIndex, question: str) -> None:
    answer = tutor.ask(question)
    quoted = " ".join(answer.sentences)
    assert answer.kind == "comparison"
    assert "large-scale data transfer" in quoted and "NFS or SMB share" in quoted
