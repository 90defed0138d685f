"""A how-to ask ("how do I make a binary linear learner care more about the rare class?"): the
sentence of the quoted passage naming the parameter that does it is quoted
(`retrieval.named_step`), in place of one naming another algorithm's parameter or saying only
what the subject is."""

from __future__ import annotations

from retrieval.named_step import HOW_DONE
from retrieval.service import NotesIndex


def test_the_parameter_of_the_algorithm_asked_is_quoted(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "how do i make a binary linear learner pay more attention to errors on the rare class, "
        "without resampling?"
    )
    assert "positive_example_weight_mult" in answer.text
    assert "scale_pos_weight" not in answer.text  # XGBoost's, not the one asked


def test_a_how_to_is_an_ask_for_the_way_something_is_done() -> None:
    assert HOW_DONE.search("how do I send records into a feature group?")
    assert HOW_DONE.search("how does a request pick which model answers it?")
    assert HOW_DONE.search("how to reshard a stream")
    assert not HOW_DONE.search("how many shards does a stream need?")
    assert not HOW_DONE.search("how is PCA used?")
