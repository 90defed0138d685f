"""An asked word in another form than the notes' ("stores" / "storage") that the stemmer keeps
apart ("store", "storag"): the attribute pick (`attribute.holds_asked`) reads the notes' form as
the asked word, so "lake formation stores the actual data where" quotes "uses S3 as data
storage" after the overview. A shorter word ("mode" of "model") or a compound ("elasticache"
of "elastic") is no form of the asked word. As for any asked word, the notes must hold the
asked form somewhere ("store objects"): a word they never write names nothing."""

from __future__ import annotations

import pytest

from retrieval.attribute import holds_asked
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """AWS ML notes

Amazon Redshift

  • data warehouse
  • if the company has the Redshift data warehouse and wants to move part of its data to S3, it can use Redshift Spectrum to query that data using Redshift

AWS Lake Formation

  • data lake
  • is built on top of AWS Glue (e.g. has crawlers)
  • uses S3 as data storage

Amazon Step Functions

  • can do a lot of ETL on batch data

Amazon S3

  • Amazon S3 allows people to store objects (files) in "buckets" (directories)
"""  # noqa: E501  (the team's notes write a bullet on one line)


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "word-forms", {"notes.txt": NOTES})


def test_the_storage_line_answers_where_the_data_is_stored(team: NotesIndex) -> None:
    answer = team.ask("lake formaton stores the actual data where")
    assert "data lake" in answer.text.lower()
    assert "Uses S3 as data storage" in answer.text


def test_another_form_is_as_long_as_the_asked_word_or_a_little_longer() -> None:
    assert holds_asked({"store"}, {"s3", "storag"})
    assert holds_asked({"riski"}, {"riskier"})
    assert not holds_asked({"model"}, {"pipe", "mode"})
    assert not holds_asked({"elast"}, {"elasticach"})
    assert not holds_asked({"data"}, {"databas"})  # too short to have other forms read
