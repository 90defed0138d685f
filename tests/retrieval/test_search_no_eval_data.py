"""The shipped index never takes in evaluation data (issue 15, point 5): only the notes and the
flashcard deck of corpus/ are read as study material, and no long dev question is in them."""

from __future__ import annotations

from pathlib import Path

import yaml

from retrieval.load import discover, read_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_only_notes_and_the_deck_are_read_from_the_shipped_corpus() -> None:
    documents, skipped = read_corpus(discover([ROOT / "corpus"]))
    folders = {Path(source).parts[0] for source in documents}
    assert folders == {"notes", "flashcards"}
    assert not (ROOT / "corpus" / "eval").exists()
    assert all(not s.warning for s in skipped)  # the bank and README are passed over quietly


def test_no_dev_question_is_part_of_the_indexed_text() -> None:
    documents, _ = read_corpus(discover([ROOT / "corpus"]))
    text = "\n".join(d.text for docs in documents.values() for d in docs).lower()
    data = ROOT / "bench" / "data"
    questions = [q["question"] for q in yaml.safe_load((data / "dev_questions.yaml").read_text())]
    for name in ("answers_shipped.yaml", "seeds_dev.yaml"):
        questions += [q["question"] for q in yaml.safe_load((data / name).read_text())["questions"]]
    # A short one ("what is random cut forest") can be a flashcard's front: only long ones tell.
    long = [q for q in questions if len(q.split()) >= 8]
    assert len(long) > 100
    assert [q for q in long if q.lower() in text] == []
