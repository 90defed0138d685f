"""Free-text grading reads no amount out of a name that holds digits: "S3", "EC2", "float32" and
"p3.2xlarge" name things, they count nothing ("S3 buckets" is not three buckets). Misses read in
grading_heldout_b11 and _b15.yaml, where such a name stood beside a point's number."""

from __future__ import annotations

from quiz.quantities import quantities


def test_names_with_digits_give_no_amount() -> None:
    assert quantities("Write the S3 buckets from EC2 in float32 on a p3.2xlarge") == set()


def test_amounts_beside_such_names_are_still_read() -> None:
    assert quantities("S3 keeps them 15 days and 3.5 ms later 1,000 records") == {
        ("second", 15 * 86400.0),
        ("second", 0.0035),
        ("record", 1000.0),
    }
