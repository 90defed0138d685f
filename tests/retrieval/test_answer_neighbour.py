"""The quote comes from the asked subject's passage, not from a neighbour's that shares the
question's other words: "DeepAR: Instance Types" answers a DeepAR instance question, not the
"IP Insights: Instance Types" card beside it."""

from __future__ import annotations

from collections import Counter

import pytest

from retrieval.embed import Embedder
from retrieval.lexical import tokenize
from retrieval.neighbour import NEIGHBOUR_PENALTY, Neighbours
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

DECK = """#separator:Comma
#html:false
#columns:Front,Back,Tags
#tags column:3
"DeepAR: Instance Types","Start with CPU (C4.2xlarge, C4.4xlarge). Move up to GPU if necessary.",algo
"IP Insights: Instance Types","Size of CPU instance depends on vector_dim and num_entity_vectors.",algo
"XGBoost: Instance Types","Uses CPUs only for multiple instance training.",algo
"DeepAR: Important Hyperparameters","context_length, prediction_length, epochs and mini_batch_size.",algo
"""  # noqa: E501

QUESTION = "deepar - which cpu instance sizes should I start training on?"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "neighbours", {"cards.csv": DECK})


def test_the_asked_subjects_card_is_quoted_not_its_neighbours(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask(QUESTION).sentences)
    assert "C4.2xlarge" in quoted
    assert "vector_dim" not in quoted


def _neighbours(abouts: list[str], families: list[str]) -> Neighbours:
    terms = set(tokenize("deepar cpu instance size start train"))
    counts = Counter({"deepar": 2, "cpu": 17, "instanc": 42, "train": 141})
    heads = [set(tokenize(a)) for a in abouts]
    return Neighbours.of(terms, heads, families, [True] * len(abouts), counts, 1000)


def test_a_neighbours_sentence_loses_unless_it_names_the_asked_subject() -> None:
    found = _neighbours(["DeepAR Instance Types", "IP Insights Instance Types"], ["card", "card"])
    plain = frozenset(tokenize("Size of CPU instance depends on vector_dim"))
    assert found.penalty(1, plain) == NEIGHBOUR_PENALTY
    assert found.penalty(0, plain) == 0.0  # the asked subject's own card
    assert found.penalty(1, plain | {"deepar"}) == 0.0  # it names the subject asked


def test_a_passage_of_another_file_is_no_neighbour() -> None:
    found = _neighbours(["DeepAR Instance Types", "IP Insights"], ["note:A", "note:B"])
    assert found.penalty(1, frozenset(tokenize("CPU instance size"))) == 0.0


def test_a_passage_search_ranked_above_the_subjects_own_is_no_neighbour() -> None:
    found = _neighbours(["IP Insights Instance Types", "DeepAR Instance Types"], ["card", "card"])
    assert found.penalty(0, frozenset(tokenize("CPU instance size"))) == 0.0
