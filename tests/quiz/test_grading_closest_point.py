"""Free-text grading, session 10: a partial answer credited with a second point by a clause
that reads closer to the point it makes (misses read in the tuning set, grading_heldout_b8.yaml
and grading_heldout_b9.yaml), on a shipped bank question with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_clause_makes_the_point_it_reads_closest_to_not_a_second_one(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-databrew-001: 1 DataBrew saves the cleaning steps as a reusable recipe; 2 A DataBrew
    # job applies the recipe to the full dataset on a schedule. A clause about the recipe reads
    # close to both, but closer to 1, and says no term of 2
    databrew = bank["eda-databrew-001"]
    recipe_only = "Turn the cleaning steps into a DataBrew recipe that the team can reuse."
    assert points_made(grader, databrew, recipe_only) == [1]
    both = "Save the steps as a recipe, then a DataBrew job runs it over the full dataset weekly."
    assert points_made(grader, databrew, both) == [1, 2]
    # de-etl-003: 2 Without bookmarks the job reprocesses history: a point that counters its own
    # term is made by meaning only, so the clause naming the pick stays evidence for it
    bookmarks = bank["de-etl-003"]
    agrees = "Job bookmarks, so old files are not reprocessed and there are no duplicates."
    assert points_made(grader, bookmarks, agrees) == [1, 2]


def test_a_word_of_a_point_in_a_clause_that_makes_another_point_is_no_evidence(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-storage-007: 1 Redshift Spectrum queries data in S3 without loading it into Redshift;
    # 2 Cold data can move to S3 while still being joined with warehouse tables. "S3" in a
    # clause that reads as point 1 does not move the cold data
    spectrum = bank["de-storage-007"]
    in_place = "Redshift Spectrum reads the files in S3 in place, no loading into the cluster."
    assert points_made(grader, spectrum, in_place) == [1]
    chat = "redshift spectrum, query the s3 files where they are without loading them"
    assert points_made(grader, spectrum, chat) == [1]
    # eda-wrangler-002: 1 Data Wrangler includes a Quick Model for feature importance; 2 It also
    # analyses target leakage. "analysis" reads as point 1 here
    wrangler = bank["eda-wrangler-002"]
    quick = "Use the Quick Model analysis in Data Wrangler to find out which features matter."
    assert points_made(grader, wrangler, quick) == [1]
    # alg-knn-001: 2 predictor_type classifier returns the most common label. A phrase of the
    # point said word for word is evidence even in a clause that reads as point 1
    knn = bank["alg-knn-001"]
    said = (
        "k-NN as a classifier; it is supervised and takes the most common label of the k nearest."
    )
    assert 2 in points_made(grader, knn, said)


def test_an_answer_of_several_clauses_makes_each_point_it_reads_like(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-kinesis-002: 1 A shard accepts 1 MB/s or 1,000 records per second; 2 Size the stream by
    # the larger of the byte-based and record-based shard counts. No clause alone says 2, the
    # answer as a whole does, though it reads closer still to 1
    shards = bank["de-kinesis-002"]
    bigger = (
        "5 shards: each one takes 1 MB/s or 1,000 records a second; the bytes want 3, "
        "the records want 5, so go with the higher"
    )
    assert points_made(grader, shards, bigger) == [1, 2]
    # eda-imbalance-004: 2 A GAN learns the overall distribution instead of local information
    gan = bank["eda-imbalance-004"]
    whole = (
        "Oversample with a GAN: a generator makes synthetic minority rows and a discriminator "
        "tries to spot the fakes. It models the whole distribution of the minority class rather "
        "than interpolating between nearby points."
    )
    assert points_made(grader, gan, whole) == [1, 2, 3]
