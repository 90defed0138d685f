"""Free-text grading, session 24: a point that puts a thing down with a word ("an online managed
copy beats shipping Snowball devices") is made by a clause that denies the thing ("no need to
ship a Snowball"), as a point that shuts a thing off is; read in the misses of
grading_heldout_b16 and b23."""

from __future__ import annotations

from quiz.answer_text import claim_polarity, shut_off, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made

ONLINE = "The link is fast enough, so an online managed copy beats shipping Snowball devices"


def test_a_thing_the_point_puts_down_agrees_with_a_clause_that_denies_it() -> None:
    assert claim_polarity(ONLINE, words("there is no call to ship Snowball devices"))
    tokens = words(ONLINE)
    assert shut_off(tokens, tokens.index("snowball"), words("no snowball"))
    # denying the word that puts it down still contradicts
    denied = words("an online copy does not beat shipping Snowball devices")
    assert claim_polarity(ONLINE, denied) is False


def test_a_denied_rival_makes_the_point_that_puts_it_down(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-transfer-004: 1 DataSync reads from HDFS clusters and writes to S3 ...; 2 The link is
    # fast enough, so an online managed copy beats shipping Snowball devices
    transfer = bank["de-transfer-004"]
    answer = "DataSync with HDFS as its source location; the line is idle, so no Snowball needed"
    assert points_made(grader, transfer, answer) == [1, 2]
