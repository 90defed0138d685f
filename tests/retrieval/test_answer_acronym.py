"""An acronym ask ("what does the name even stand for") is mostly chat, so its gate falls low;
when the notes expand the acronym (a run of words opening with its letters, in a passage that
writes it), the declined ask is answered with that expansion. An acronym the notes never write
has none, and the ask stays declined."""

from __future__ import annotations

import pytest

from retrieval.acronym import expansion, spelled
from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Kinesis Firehose

Amazon Kinesis Data Firehose delivers streaming data to destinations such as S3 and Redshift.

INGESTION

Fully managed Ingest,
Transform, Load (ITL) solution
with no code required

# Forecasting

ARIMA -> Autoregressive integrated moving average

Exponential smoothing weights recent observations more heavily than old ones.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "acronym", {"notes.md": NOTES})


def test_a_declined_acronym_ask_is_answered_with_the_expansion(tutor: NotesIndex) -> None:
    answer = tutor.ask("firehose ITL stands for what")
    assert answer.covered, answer.missing
    assert "Ingest, Transform, Load (ITL)" in answer.text


def test_an_acronym_the_notes_never_write_stays_declined(tutor: NotesIndex) -> None:
    assert not tutor.ask("firehose QXZ stands for what").covered


def test_runs_of_words_that_spell_an_acronym() -> None:
    assert spelled("arima", ["Autoregressive", "integrated", "moving", "average"]) == 4
    assert (
        spelled("bert", ["Bidirectional", "Encoder", "Representations", "from", "Transformers"])
        == 5
    )
    assert spelled("gv", ["Global", "Vectors", "for", "Word"]) == 2
    assert spelled("rmse", ["recommendation", "system"]) == 0  # two letters from inside
    assert spelled("auc", ["automatically", "custom"]) == 0  # inside a word, too few words


def test_the_expansion_is_read_where_the_notes_write_the_acronym() -> None:
    glove = Chunk("notes.md", ("Embeddings", "GloVe"), "note", 0, 40, "Global Vectors for Word")
    plain = Chunk("notes.md", ("Embeddings",), "note", 0, 40, "Gradient values vanish.")
    found = expansion("glove embeddings, what does the name even stand for", [plain, glove])
    assert found is not None and (found.row, found.line) == (1, "Global Vectors for Word")
    assert expansion("what is glove", [glove]) is None  # no acronym ask
