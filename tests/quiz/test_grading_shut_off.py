"""Free-text grading, session 20: a point that shuts a thing off with a word ("blocks all
outbound network access", "closed to new customers", "keeps PII out of stored text") is made by
a clause that denies the thing with a negator ("no outbound network", "no longer takes new
customers", "never lands in the stored text"); read in the misses of grading_heldout_b12-b14."""

from __future__ import annotations

from quiz.answer_text import claim_polarity, shut_off, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made

ISOLATION = "Network isolation blocks all outbound network access from the container"


def test_a_word_shut_off_by_the_point_agrees_with_a_clause_that_denies_it() -> None:
    assert claim_polarity(ISOLATION, words("the training code gets no outbound network access"))
    assert claim_polarity(ISOLATION, words("it blocks outbound network access"))
    closed = "Amazon Forecast is closed to new customers"
    assert claim_polarity(closed, words("Forecast won't onboard new customers any more"))
    kept_out = "Redacting keeps PII out of stored text"
    assert claim_polarity(kept_out, words("with redaction nothing sensitive lands in stored text"))


def test_denying_the_blocking_word_itself_still_contradicts() -> None:
    assert claim_polarity(ISOLATION, words("it does not block outbound network access")) is False
    assert claim_polarity(ISOLATION, words("it never blocks outbound network access")) is False
    tokens = words(ISOLATION)
    # the blocking word reaches over a short noun phrase, and "out" shuts off only as "out of"
    assert shut_off(tokens, tokens.index("access"), words("no access"))
    assert not shut_off(tokens, tokens.index("container"), words("no container"))
    assert not shut_off(words("scale out the fleet"), 3, words("no fleet"))


def test_a_denied_thing_makes_the_point_that_shuts_it_off(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-security-002: 1 Network isolation blocks all outbound network access from the
    # container; 2 SageMaker still downloads input and uploads artefacts outside the container
    isolation = bank["ops-security-002"]
    answer = "EnableNetworkIsolation. After that the training code has no outbound network access"
    assert 1 in points_made(grader, isolation, answer)
    # mod-canvas-002: 2 Amazon Forecast is closed to new customers; Canvas is the path for them
    canvas = bank["mod-canvas-002"]
    answer = "Canvas forecasting with no code, since Amazon Forecast no longer takes new customers"
    assert 2 in points_made(grader, canvas, answer)
