"""British -ise/-yse spellings are searched as the -ize/-yze ones: the stemmer alone keeps
"regularis" and "regular" apart, and the notes and the students write both."""

from __future__ import annotations

from retrieval.chunk import ChunkingParams
from retrieval.lexical import LEXICAL_VERSION, LexicalIndex, tokenize


def test_a_british_spelling_finds_the_notes_american_one() -> None:
    notes = [
        "L1 regularization adds the sum of the absolute weights to the loss.",
        "Amazon Personalize makes real-time recommendations.",
    ]
    index = LexicalIndex.build(notes)
    assert index.scores("explain regularisation")[0] > 0
    assert index.scores("personalise")[1] > 0


def test_words_whose_ise_is_no_ize_ending_keep_their_family() -> None:
    assert tokenize("supervised") == tokenize("supervision")
    assert tokenize("precise") == tokenize("precision")
    assert tokenize("analysed") == tokenize("analyzed")
    assert tokenize("raise") != tokenize("raize")


def test_the_tokens_version_rebuilds_an_index() -> None:
    assert ChunkingParams("all-MiniLM-L6-v2", 0).as_dict()["lexical"] == LEXICAL_VERSION
