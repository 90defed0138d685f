"""An ask whether a thing is on a list is answered with the list's lead-in line and the items
naming the thing, read across hyphens ("kmeans" for "k-means", "builtin" for "built-in")."""

from __future__ import annotations

from retrieval.documents import Chunk
from retrieval.membership import asks_membership, listed
from retrieval.search import Hit

LIST = """- Can scale manually or automatically
- Built-in algorithms:
- linear regression
- logistic regression
- k-means clustering
- principal component analysis (PCA)
- factorization machines
- Optimized containers:
- Apache MXNet
"""
OTHER = "SageMaker Linear Learner: regression assumes normal distribution of the data."


def hit(text: str) -> Hit:
    return Hit(Chunk("n.txt", (), "note", 0, len(text), text), 0, 0.0, 0.0, 0.0)


def test_the_lead_in_is_quoted_with_the_items_naming_the_thing() -> None:
    found = listed("linear regression on sagemakers builtin algo list", [hit(OTHER), hit(LIST)])
    assert found is not None
    assert found.rank == 1
    assert found.sentence == "Built-in algorithms: linear regression."


def test_two_things_are_read_across_hyphens() -> None:
    found = listed("pca and kmeans both builtin", [hit(LIST)])
    assert found is not None
    assert found.sentence == (
        "Built-in algorithms: k-means clustering; principal component analysis (PCA)."
    )


def test_a_thing_no_item_names_finds_no_list() -> None:
    assert listed("is xgboost on the built-in list", [hit(LIST)]) is None


def test_only_a_terse_ask_that_puts_a_thing_on_a_list_is_one() -> None:
    assert asks_membership("image classification one of the builtin algos?")
    assert not asks_membership("what does linear regression assume")
