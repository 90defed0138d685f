"""A comparison asking the same detail of two subjects whose facts a deck files on several cards
each ("DeepAR: What's it for?", "DeepAR: What training input does it expect?") quotes each side
from its card holding the detail ("Gzip or Parquet"), not the line saying what the side is: the
card joins the passages read (`detail_card`), and the asked word both sides' cards hold is the
detail a side's overview line gives way to."""

from __future__ import annotations

import pytest

from retrieval.aspect import Aspect
from retrieval.compose import _card_subject, sentence_words
from retrieval.detail_card import detail_rows
from retrieval.embed import Embedder
from retrieval.rarity import sentence_counts
from retrieval.service import NotesIndex
from retrieval.sides import sides_of
from tests.retrieval.conftest import filler_topics, tutor_over

CARDS = [
    ("XGBoost: What's it for?", "Boosted groups of decision trees for classification"),
    (
        "XGBoost: What training input does it expect?",
        "It takes CSV or libsvm input. "
        "AWS recently extended it to accept recordIO-protobuf and Parquet as well.",
    ),
    ("XGBoost: Instance Types", "Uses CPU only for multiple instance training."),
    ("DeepAR: What's it for?", "Forecasting one-dimensional time series data"),
    (
        "DeepAR: What training input does it expect?",
        "JSON lines format\n- Gzip or Parquet\nEach record must contain:\n"
        "- Start: the starting time stamp\n- Target: the time series values",
    ),
    ("DeepAR: Instance Types", "Can use CPU or GPU. Single or multi machine."),
    ("Seq2Seq: What's it for?", "Input is a sequence of tokens, output is a sequence"),
    ("Seq2Seq: Instance Types", "Can only use GPU instance types."),
]
DECK = "front,back\n" + "".join(f'{front},"{back}"\n' for front, back in CARDS)

NOTES = """# Study notes

## XGBoost

XGBoost is memory bound, so it benefits more from M instances rather than C ones.
XGBoost sets its objective to multi:softprob for classification.

## DeepAR Forecasting

DeepAR forecasts scalar (1D) time series using a recurrent neural network.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {
        "deck.csv": DECK,
        "notes.md": NOTES,
        "other.md": f"# Other notes\n\n{filler_topics(40)}\n",
    }
    return tutor_over(tmp_path_factory, embedder, "detail-card", files)


def test_each_side_is_quoted_from_its_card_holding_the_detail(tutor: NotesIndex) -> None:
    answer = tutor.ask("xgboost vs deepar - which of the two can read parquet files?")
    quoted = " ".join(answer.sentences)
    assert "recordIO-protobuf and Parquet" in quoted, quoted
    assert "Gzip or Parquet" in quoted, quoted
    assert "memory bound" not in quoted
    # the card's next line only leads into a list left behind: alone it says nothing
    assert "must contain" not in quoted


def test_the_detail_card_of_each_side_is_the_one_holding_the_asked_word(tutor: NotesIndex) -> None:
    """Among each side's own cards, the one holding the asked word ("cpu": each side's
    "Instance Types" card), not the side's other cards nor another side's."""
    searcher = tutor._searcher
    files = searcher.files
    counts, total = sentence_counts(searcher, sentence_words(searcher))
    sides = sides_of([[{"xgboost"}], [{"deepar"}]], ["xgboost", "deepar"])
    aspect = Aspect({"cpu"}, counts, total, sentence_words(searcher))
    rows = detail_rows(files, sides, ["xgboost", "deepar"], aspect, _card_subject)
    assert [files.chunks[r].heading[0] for r in rows] == [
        "XGBoost: Instance Types",
        "DeepAR: Instance Types",
    ]
    aspect = Aspect({"unheard"}, counts, total, sentence_words(searcher))
    assert detail_rows(files, sides, ["xgboost", "deepar"], aspect, _card_subject) == []
