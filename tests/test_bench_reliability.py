"""The bench's reliability report: a band row per corpus and part, and the AUC among answered
questions for both corpora together and for each alone (how confidence is judged per part)."""

from __future__ import annotations

import pytest

from bench.answers import PARTS, Part, Question, Result, print_reliability


def _part(outcomes: list[tuple[bool, float]]) -> Part:
    """A part whose covered questions were answered right or wrong at the given confidence."""
    questions = [Question(f"q{i}", "casual", "q?", [["x"]], False) for i in range(len(outcomes))]
    ours = [
        Result(right, right, right, False, confidence, 0.01, "", (0.5,))
        for right, confidence in outcomes
    ]
    return Part(questions, ours, ours, {})


def test_the_auc_is_reported_per_corpus_and_the_bands_per_part(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bench.answers.PARTS", ["tune"])
    assert PARTS  # the module's list, replaced for this run only
    separated = _part([(True, 0.9), (True, 0.8), (False, 0.6)])
    reversed_ = _part([(True, 0.6), (False, 0.9)])
    print_reliability({"shipped": {"tune": separated}, "seeds": {"tune": reversed_}})
    out = capsys.readouterr().out
    assert "(shipped 1.00, seeds 0.00)" in out
    assert "shipped tune" in out and "seeds tune" in out
    assert "1.00 (n=1)" in out  # the 0.85-0.95 band of our notes: one answer, right


def test_the_auc_interval_holds_the_auc_and_widens_with_fewer_wrong_answers() -> None:
    from bench.answers import auc, auc_interval

    many = [((), float(i % 3 != 0), 0.5 + (i % 7) / 20) for i in range(60)]
    few = [((), 1.0, 0.5 + (i % 7) / 20) for i in range(57)]
    few += [((), 0.0, 0.6), ((), 0.0, 0.8), ((), 0.0, 0.7)]
    low, high = auc_interval(many)
    assert low <= auc(many) <= high
    assert auc_interval(many) == (low, high)  # a fixed seed: the same run prints the same
    few_low, few_high = auc_interval(few)
    assert few_high - few_low > high - low
    assert all(x != x for x in auc_interval(few[:57]))  # no wrong answer: no interval (nan)
