"""A scenario's passage is not picked for saying "choose" or "use", and the stem's requirements
its sentences meet weigh half as much as its closeness (`scenario.best_fit`): the serverless
inference passage advises ("choose asynchronous inference for large payloads") and meets the
stem's scale-to-zero requirement, while the asynchronous inference passage is the option the stem
describes. Asked of the shipped notes and flashcards, as `make run` indexes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FILES = sorted(CORPUS.glob("notes/*.md")) + sorted(CORPUS.glob("flashcards/*.csv"))


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {path.name: path.read_text(encoding="utf-8") for path in FILES}
    return tutor_over(tmp_path_factory, embedder, "advice-notes", files)


def test_the_option_the_stem_describes_leads_over_the_one_advising(tutor: NotesIndex) -> None:
    answer = tutor.ask(  # the tuning set's shp-scn-004
        "An ML engineer needs to run inference on requests with payloads up to 500 MB that take "
        "several minutes each to process. Users can wait for the result and the endpoint should "
        "scale to zero when idle. Which option?"
    )
    assert answer.kind == "scenario" and answer.covered
    heading = answer.passages[0].heading
    assert heading.endswith("Asynchronous inference"), (heading, answer.sentences)
    assert "InvokeEndpointAsync" in answer.text
