"""Calibrates `bank check`'s near-duplicate threshold: cosine of stem + key for the ten
near-duplicate pairs an audit found in the pre-2026 bank (git commit 45596d3) against every other
pair of that bank. Prints both distributions, the threshold that separates them, and how a
stem-only check (the naive baseline) would have done."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np

from common.config import DEFAULT_EMBED_MODEL
from quiz.bank import BankQuestion, load_questions_file
from quiz.check import NEAR_DUPLICATE_COSINE, question_similarity
from retrieval.embed import Embedder, load_embedder

AUDITED_COMMIT = "45596d3"
FILES = (
    "data-engineering",
    "exploratory-data-analysis",
    "ml-operations",
    "modeling-concepts",
    "sagemaker-algorithms",
)
KNOWN_PAIRS = (
    ("de-storage-006", "ops-security-001"),
    ("de-storage-010", "ops-training-003"),
    ("de-storage-008", "ops-training-005"),
    ("de-storage-009", "ops-training-001"),
    ("mod-concepts-001", "alg-xgboost-001"),
    ("eda-imbalance-003", "mod-metrics-006"),
    ("eda-outliers-003", "mod-metrics-005"),
    ("mod-deep-learning-007", "ops-training-008"),
    ("eda-imbalance-002", "alg-xgboost-002"),
    ("de-kinesis-007", "alg-rcf-002"),
)


def audited_bank(root: Path) -> list[BankQuestion]:
    questions: list[BankQuestion] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in FILES:
            spec = f"{AUDITED_COMMIT}:corpus/questions/{name}.yaml"
            text = subprocess.run(
                ["git", "show", spec], cwd=root, capture_output=True, text=True, check=True
            ).stdout
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            questions += load_questions_file(path)
    return questions


def stem_similarity(questions: list[BankQuestion], embedder: Embedder) -> np.ndarray:
    vectors = embedder.encode([q.stem for q in questions])
    return np.asarray(vectors @ vectors.T)


def report(name: str, similarity: np.ndarray, index: dict[str, int]) -> float:
    known = {tuple(sorted((index[a], index[b]))) for a, b in KNOWN_PAIRS}
    rows, cols = np.triu_indices(len(index), k=1)
    is_known = np.array([(i, j) in known for i, j in zip(rows, cols, strict=True)])
    scores = similarity[rows, cols]
    positives, others = np.sort(scores[is_known]), np.sort(scores[~is_known])
    print(f"{name}: known pairs {np.round(positives, 3).tolist()}")
    print(
        f"  other pairs: n={others.size} max {others[-1]:.3f} p99.9 "
        f"{np.quantile(others, 0.999):.3f} p99 {np.quantile(others, 0.99):.3f}"
    )
    best = max(np.unique(scores), key=lambda t: (scores[is_known] >= t).sum() - (others >= t).sum())
    caught = int((positives >= best).sum())
    false = int((others >= best).sum())
    print(f"  best cut {best:.3f}: catches {caught}/10 known, flags {false} other pairs")
    return float(best)


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    questions = audited_bank(root)
    index = {q.id: i for i, q in enumerate(questions)}
    embedder = load_embedder(DEFAULT_EMBED_MODEL)
    report("baseline, stem only", stem_similarity(questions, embedder), index)
    similarity = question_similarity(questions, embedder)
    report("stem + key", similarity, index)
    rows, cols = np.triu_indices(len(questions), k=1)
    flagged = [
        (questions[i].id, questions[j].id, similarity[i, j])
        for i, j in zip(rows, cols, strict=True)
        if similarity[i, j] > NEAR_DUPLICATE_COSINE
    ]
    print(f"shipped threshold {NEAR_DUPLICATE_COSINE}: {len(flagged)} pairs flagged")
    for a, b, s in sorted(flagged, key=lambda f: -f[2]):
        print(f"  {a} ~ {b}: {s:.3f}")


if __name__ == "__main__":
    main()
