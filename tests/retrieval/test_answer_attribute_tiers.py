"""An attribute ask whose rarest words no sentence about the subject holds is answered with
the sentence holding the next rarest ones, while they are rare ("sentence", "document" when
"whole" is only said of epochs); a quote already three sentences long gives up a sentence that
says no asked word the others do not for it ("Skip-gram ... rare words" for "`min_count`: drop
words rarer than this"). Either pick is cited after the quote's own passage."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

# Filler passages make the notes' words rare as they are in real notes: a word in one or two
# sentences of two hundred (attribute.RARE_SHARE).
FILLER = "".join(
    f"## Service {n}\n\nService {n} stores item {n} in region {n}.\nIt bills per hour.\n\n"
    for n in range(90)
)
WORD2VEC = (
    "# Text algorithms\n\n"
    "## BlazingText\n\n"
    "### Word2vec mode\n\n"
    "Word2vec creates a vector representation of words.\n"
    "Semantically similar words are represented by vectors close to each other.\n\n"
    "### Remember\n\n"
    "Only for individual words, not sentences or documents.\n\n"
    "## Training epochs\n\n"
    "An epoch is one whole pass over the training data.\n\n"
    "## Amazon Kendra\n\n"
    "Kendra searches documents and answers with sentences from them.\n\n"
)
# The team's BlazingText notes, its Word2Vec mode and hyperparameters sections.
TEAM_NOTES = Path(__file__).parents[2] / "corpus" / "notes" / "algorithms-text.md"


def blazingtext_sections() -> str:
    text = TEAM_NOTES.read_text(encoding="utf-8")
    mode = text[text.index("### BlazingText Word2Vec mode") : text.index("### BlazingText text")]
    settings = text[
        text.index("### BlazingText hyperparameters") : text.index("### BlazingText inst")
    ]
    return f"# SageMaker Built-in Text and NLP Algorithms\n\n## BlazingText\n\n{mode}{settings}"


@pytest.fixture(scope="module")
def word2vec(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "next-rarest", {"notes.md": WORD2VEC + FILLER})


@pytest.fixture(scope="module")
def blazingtext(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"notes.md": blazingtext_sections() + "\n" + FILLER}
    return tutor_over(tmp_path_factory, embedder, "full-quote", files)


def test_the_next_rarest_asked_words_pick_the_sentence(word2vec: NotesIndex) -> None:
    answer = word2vec.ask(
        "blazingtext word2vec - can it give me one vector for a whole sentence or a document?"
    )
    assert answer.sentences[0].startswith("Word2vec creates")
    assert "Only for individual words, not sentences or documents." in answer.sentences[1:]
    assert answer.passages[0].heading.endswith("Word2vec mode")


def test_a_full_quote_gives_up_a_sentence_for_the_asked_attribute(blazingtext: NotesIndex) -> None:
    # Asked as "which setting", the setting's own line answers alone (test_answer_setting_line).
    answer = blazingtext.ask(
        "blazingtext word2vec: which option drops words that hardly ever appear in the corpus?"
    )
    assert len(answer.sentences) == 3
    assert answer.sentences[-1] == "`min_count`: drop words rarer than this."
    assert answer.sentences[0].startswith("Enabling subword embeddings")
    assert answer.passages[0].heading.endswith("BlazingText Word2Vec mode")
