"""Free-text grading: calibration accuracy on bench/data/grading_labelled.yaml and throughput
(answers/s) of the grader, next to a naive baseline (no point cache, always embedding).

Run: .venv/bin/python bench/quiz_grading.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import DEFAULT_EMBED_MODEL  # noqa: E402
from quiz.bank import KeyPoint, load_bank, question_files  # noqa: E402
from quiz.calibration import LabelledAnswer, load_labelled, sweep  # noqa: E402
from quiz.grade import DEFAULT_SIMILARITY_THRESHOLD, FreeTextGrader  # noqa: E402
from retrieval.embed import Embedder, load_embedder  # noqa: E402

ROUNDS = 5


def naive_grade(embedder: Embedder, points: tuple[KeyPoint, ...], text: str) -> float:
    """Baseline: embed the points and the whole answer on every call, no term shortcut."""
    vectors = embedder.encode([kp.point for kp in points] + [text])
    similarity = vectors[:-1] @ vectors[-1]
    return float(np.mean(similarity >= DEFAULT_SIMILARITY_THRESHOLD))


def _rate(work: list[LabelledAnswer], grade: Callable[[LabelledAnswer], object]) -> float:
    start = time.perf_counter()
    for item in work:
        grade(item)
    return len(work) / (time.perf_counter() - start)


def throughput(items: list[LabelledAnswer], grader: FreeTextGrader) -> tuple[float, float]:
    """Best of interleaved rounds for each, so a busy machine penalises both alike."""
    ours, naive = 0.0, 0.0
    for _ in range(ROUNDS):
        ours = max(ours, _rate(items, lambda i: grader.grade(i.question.key_points, i.answer)))
        naive = max(
            naive,
            _rate(items, lambda i: naive_grade(grader.embedder, i.question.key_points, i.answer)),
        )
    return ours, naive


def main() -> None:
    questions = load_bank(question_files([ROOT / "corpus"]))
    items = load_labelled(ROOT / "bench" / "data" / "grading_labelled.yaml", questions)
    grader = FreeTextGrader(load_embedder(DEFAULT_EMBED_MODEL))
    thresholds = [round(t, 2) for t in np.arange(0.40, 0.86, 0.05)]
    results = sweep(grader, items, thresholds)
    print(
        f"calibration: {len(items)} labelled answers on {len({i.question.id for i in items})} "
        "bank questions"
    )
    for threshold, accuracy in results.items():
        mark = "  <- default" if threshold == DEFAULT_SIMILARITY_THRESHOLD else ""
        print(f"  threshold {threshold:.2f}: accuracy {accuracy:.1%}{mark}")
    terms_only = sweep(grader, items, [1.01])[1.01]
    print(f"  terms only (no embedding): accuracy {terms_only:.1%}")
    ours, naive = throughput(items, grader)
    print(
        f"throughput (best of {ROUNDS}): {ours:,.0f} answers/s (grader) vs "
        f"{naive:,.0f} answers/s (naive baseline)"
    )


if __name__ == "__main__":
    main()
