"""A terse note's afterthought (one to three words, too short for the sentence index) is quoted
with the sentence it follows: "Requires provisioning!" under a database's description, "No
labels." ending a format's line, "Per-word log likelihood" after the item it finishes."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.fragment import trailing_fragment
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## Amazon Aurora

A MySQL and PostgreSQL compatible relational database built for the cloud, with the performance of commercial databases at a tenth of the cost

Requires provisioning!

## Latent Dirichlet Allocation

- Unsupervised; finds however many topics you ask for
- An optional test channel can be used for scoring the results
- Per-word log likelihood
- Functionally similar to NTM, but it trains on CPU instances only

## Word2Vec input

- Word2Vec training reads a single text file with one sentence per line and its tokens split by spaces. No labels.
- Text classification reads the same file with a label word opening each line.
"""  # noqa: E501


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "fragment", {"notes.md": NOTES})


def test_a_short_line_after_the_quote_is_quoted_with_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("do i have to provision aurora myself")
    assert "a tenth of the cost" in answer.text
    assert answer.text.rstrip().endswith("Requires provisioning!")


def test_a_short_list_item_finishing_the_quoted_item_is_joined_to_it(tutor: NotesIndex) -> None:
    answer = tutor.ask("how do i score an lda model on the test channel")
    assert "scoring the results; Per-word log likelihood." in answer.text


def test_a_short_sentence_ending_the_quoted_line_is_kept(tutor: NotesIndex) -> None:
    answer = tutor.ask("word2vec training file needs labels?")
    assert "split by spaces. No labels." in answer.text


def test_a_short_line_without_a_stop_is_a_title_not_an_afterthought() -> None:
    text = "Glue runs serverless ETL jobs on Apache Spark\n\nAmazon Athena\n"
    assert trailing_fragment(text, 0, text.index("\n"), text[: text.index("\n")]) == ("", False)


def test_a_sign_off_is_no_afterthought() -> None:
    text = "Pick the algorithm after you know the kind of problem\n\nAll the Best!\n"
    end = text.index("\n")
    assert trailing_fragment(text, 0, end, text[:end]) == ("", False)


def test_a_short_item_in_a_list_of_short_items_is_a_sibling_not_an_afterthought() -> None:
    text = "- Can use your own face collection\n- Image moderation\n- Facial analysis\n"
    end = text.index("\n")
    assert trailing_fragment(text, 2, end, text[2:end]) == ("", False)
    alone = "- Can use your own face collection\n- Image moderation\n- Detects faces in a crowd\n"
    assert trailing_fragment(alone, 2, end, alone[2:end]) == ("Image moderation", True)


def test_a_short_item_heading_lines_of_its_own_is_no_afterthought() -> None:
    text = "- Prophet suits strong seasonal effects\n- DeepAR+\n    large related datasets\n"
    end = text.index("\n")
    assert trailing_fragment(text, 2, end, text[2:end]) == ("", False)


def test_a_page_number_or_a_longer_item_is_no_afterthought() -> None:
    text = "- Finds frequencies and seasonality\n71\n- Uses recurrent networks to forecast\n"
    end = text.index("\n")
    assert trailing_fragment(text, 2, end, text[2:end]) == ("", False)
    longer = "- Finds frequencies and seasonality\n- Trains one model over many related series\n"
    end = longer.index("\n")
    assert trailing_fragment(longer, 2, end, longer[2:end]) == ("", False)
